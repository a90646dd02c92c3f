#include "config/optionfile.h"

#include <QFile>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

Error lineError(const QString& origin, int line, const QString& why)
{
    return makeError(
        ErrorCode::ConfigError, u"%1, line %2: %3"_s.arg(origin, QString::number(line), why));
}

// Applies the escapes MySQL's option file reader knows (\b \t \n \r \\ \s); a backslash
// before any other character stays, so Windows-style paths survive.
QString unescape(const QString& value)
{
    QString out;
    out.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c != u'\\' || i + 1 >= value.size()) {
            out += c;
            continue;
        }
        const QChar next = value.at(i + 1);
        switch (next.unicode()) {
        case 'b':
            out += u'\b';
            break;
        case 't':
            out += u'\t';
            break;
        case 'n':
            out += u'\n';
            break;
        case 'r':
            out += u'\r';
            break;
        case 's':
            out += u' ';
            break;
        case '\\':
            out += u'\\';
            break;
        default:
            out += c;
            out += next;
            break;
        }
        ++i;
    }
    return out;
}

// The value of "key = value": a '#' outside quotes starts a comment (as in MySQL), surrounding
// quotes of either kind are removed, then escapes apply. The error text names no value.
Result<QString> parseValue(const QString& raw)
{
    QChar quote;
    qsizetype end = raw.size();
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (!quote.isNull()) {
            if (c == u'\\') {
                ++i;
            } else if (c == quote) {
                quote = QChar();
            }
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'#') {
            end = i;
            break;
        }
    }
    if (!quote.isNull()) {
        return makeError(ErrorCode::ConfigError, u"unterminated quote in the value"_s);
    }
    QString value = raw.left(end).trimmed();
    if (!value.isEmpty() && (value.front() == u'\'' || value.front() == u'"')) {
        if (value.size() < 2 || value.back() != value.front()) {
            return makeError(ErrorCode::ConfigError, u"text after the closing quote"_s);
        }
        value = value.mid(1, value.size() - 2);
    }
    return unescape(value);
}

} // namespace

Result<ClientOptions> OptionFile::parse(const QString& text, const QString& origin)
{
    ClientOptions options;
    bool inClient = false;
    const QStringList lines = text.split(u'\n');
    for (int index = 0; index < lines.size(); ++index) {
        const int lineNo = index + 1;
        const QString line = lines.at(index).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';')) {
            continue;
        }
        if (line.startsWith(u"!include"_s)) {
            return lineError(origin, lineNo,
                u"!include and !includedir are not supported: put the [client] settings in "
                "this file"_s);
        }
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']')) {
                return lineError(origin, lineNo, u"group header without closing ']'"_s);
            }
            inClient = line.mid(1, line.size() - 2).trimmed().toLower() == u"client"_s;
            continue;
        }
        if (!inClient) {
            continue;
        }
        const qsizetype equals = line.indexOf(u'=');
        const QString key
            = (equals < 0 ? line : line.left(equals)).trimmed().toLower().replace(u'_', u'-');
        if (equals < 0) {
            continue; // flags such as "compress" carry no value Topograph uses
        }
        const auto value = parseValue(line.mid(equals + 1).trimmed());
        if (!value) {
            return lineError(origin, lineNo, value.error().message + u" of "_s + key);
        }
        if (key == u"user"_s) {
            options.user = *value;
        } else if (key == u"password"_s) {
            options.password = *value;
        } else if (key == u"host"_s) {
            options.host = *value;
        } else if (key == u"port"_s) {
            bool ok = false;
            const uint port = value->toUInt(&ok);
            if (!ok || port < 1 || port > 65535) {
                return lineError(
                    origin, lineNo, u"port \"%1\" is not a port number (1-65535)"_s.arg(*value));
            }
            options.port = static_cast<quint16>(port);
        } else if (key == u"ssl-ca"_s) {
            options.sslCa = *value;
        } else if (key == u"ssl-cert"_s) {
            options.sslCert = *value;
        } else if (key == u"ssl-key"_s) {
            options.sslKey = *value;
        }
    }
    return options;
}

Result<ClientOptions> OptionFile::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::ConfigError,
            u"cannot read MySQL option file %1: %2"_s.arg(path, file.errorString()));
    }
    return parse(QString::fromUtf8(file.readAll()), path);
}

} // namespace topograph
