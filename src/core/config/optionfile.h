#pragma once

#include <QString>

#include <optional>

#include "result.h"

namespace topograph {

// What a MySQL option file's [client] group says (the file DBAs keep in ~/.my.cnf).
struct ClientOptions
{
    std::optional<QString> user;
    std::optional<QString> password;
    std::optional<QString> host;
    std::optional<quint16> port;
    std::optional<QString> sslCa;
    std::optional<QString> sslCert;
    std::optional<QString> sslKey;
};

// Reads the [client] group of a MySQL option file, with MySQL's rules: keys may use '-' or '_';
// values may be quoted with ' or "; the escapes \b \t \n \r \\ \s apply; '#' outside quotes, and
// ';' at the start of a line, begin comments. Other groups are skipped. !include and !includedir
// are refused with a clear message. Errors name the file and line, never the line's text (it may
// hold a password).
class OptionFile final
{
public:
    static Result<ClientOptions> parse(const QString& text, const QString& origin);
    static Result<ClientOptions> read(const QString& path);
};

} // namespace topograph
