#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace topograph {

// What went wrong, for a DBA (message) and for the log (detail, e.g. the server's error text).
// Neither may ever contain a password.
enum class ErrorCode {
    InvalidInput,
    NotFound,
    IoError,
    ConfigError,
    ConnectionFailed,
    QueryFailed,
    Refused,
    Timeout,
    Internal,
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString detail;
};

// Value or Error. Core functions return this instead of throwing: no exceptions cross slots or
// threads. Check with ok()/operator bool before value().
template <typename T> class [[nodiscard]] Result final
{
public:
    Result(T value) // NOLINT(google-explicit-constructor): a value converts to a Result
        : m_data(std::move(value))
    { }
    Result(Error error) // NOLINT(google-explicit-constructor): so does an Error
        : m_data(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_data); }
    T& value() & { return std::get<T>(m_data); }
    T&& value() && { return std::get<T>(std::move(m_data)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { return std::get<Error>(m_data); }

    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void> final
{
public:
    Result() = default;
    Result(Error error) // NOLINT(google-explicit-constructor)
        : m_error(std::move(error))
        , m_failed(true)
    { }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

inline Error makeError(ErrorCode code, QString message, QString detail = {})
{
    return Error { code, std::move(message), std::move(detail) };
}

} // namespace topograph
