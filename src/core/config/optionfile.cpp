#include "config/optionfile.h"

#include <QFile>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

Error lineError(const QString &origin, int line, const QString &why)
{
    return makeError(ErrorCode::ConfigError, u"%1, line %2: %3"_s.arg(origin).arg(line).arg(why));
}

// Unquotes a value; returns std::nullopt for an unterminated quote.
std::optional<QString> unquote(const QString &raw)
{
    if (raw.isEmpty() || (raw.front() != u'\'' && raw.front() != u'"')) {
        // Unquoted: an inline comment starts at '#' preceded by white space.
        QString value = raw;
        for (qsizetype i = 1; i < value.size(); ++i) {
            if (value.at(i) == u'#' && value.at(i - 1).isSpace()) {
                value.truncate(i);
                break;
            }
        }
        return value.trimmed();
    }
    const QChar quote = raw.front();
    QString value;
    for (qsizetype i = 1; i < raw.size(); ++i) {
        const QChar c = raw.at(i);
        if (c == quote) {
            const QString rest = raw.mid(i + 1).trimmed();
            if (!rest.isEmpty() && !rest.startsWith(u'#')) {
                return std::nullopt;
            }
            return value;
        }
        if (c == u'\\' && quote == u'"' && i + 1 < raw.size()) {
            const QChar next = raw.at(++i);
            switch (next.unicode()) {
            case 'n':
                value += u'\n';
                break;
            case 't':
                value += u'\t';
                break;
            default:
                value += next;
            }
            continue;
        }
        value += c;
    }
    return std::nullopt;
}

} // namespace

Result<ClientOptions> OptionFile::parse(const QString &text, const QString &origin)
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
        const auto value = unquote(line.mid(equals + 1).trimmed());
        if (!value) {
            return lineError(origin, lineNo, u"unterminated quote in the value of %1"_s.arg(key));
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
                return lineError(origin, lineNo,
                    u"port \"%1\" is not a port number (1-65535)"_s.arg(*value));
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

Result<ClientOptions> OptionFile::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::ConfigError,
            u"cannot read MySQL option file %1: %2"_s.arg(path, file.errorString()));
    }
    return parse(QString::fromUtf8(file.readAll()), path);
}

} // namespace topograph
