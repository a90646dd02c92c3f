#pragma once

#include <QString>
#include <QVariant>

#include <optional>

namespace topograph::sqlvalue {

// Readers for values as QMYSQL returns them: server variables come back as numbers or strings
// depending on flavour and version (read_only is 1 on MariaDB 10.x and "ON"/"NO_LOCK" on 11.x),
// status columns as strings, NULL as a null QVariant.

inline QString text(const QVariant& value)
{
    return value.isNull() ? QString() : value.toString().trimmed();
}

// ON, 1, YES, TRUE and any other non-off spelling (e.g. read_only=NO_LOCK) are true.
inline bool flag(const QVariant& value)
{
    const QString t = text(value).toUpper();
    return !(t.isEmpty() || t == QStringLiteral("0") || t == QStringLiteral("OFF")
        || t == QStringLiteral("NO") || t == QStringLiteral("FALSE"));
}

// Only "Yes": the replication thread columns also say "Connecting" or "Preparing".
inline bool yes(const QVariant& value)
{
    return text(value).compare(QStringLiteral("Yes"), Qt::CaseInsensitive) == 0;
}

inline std::optional<qint64> optionalInteger(const QVariant& value)
{
    bool ok = false;
    const qint64 number = text(value).toLongLong(&ok);
    return ok ? std::optional<qint64>(number) : std::nullopt;
}

inline qint64 integer(const QVariant& value)
{
    return optionalInteger(value).value_or(0);
}

} // namespace topograph::sqlvalue
