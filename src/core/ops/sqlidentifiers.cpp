#include "ops/sqlidentifiers.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

constexpr qsizetype kMaxNameLength = 255;
constexpr qsizetype kMaxUserLength = 80;
constexpr qsizetype kMaxIdentifierLength = 64;

bool isAsciiAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool onlyChars(const QString& text, const QString& extra)
{
    for (const QChar c : text) {
        if (!isAsciiAlnum(c) && !extra.contains(c)) {
            return false;
        }
    }
    return true;
}

// Shown in error messages: the value itself could hold anything, so quote it the safe way.
QString shown(const QString& value)
{
    return SqlIdentifiers::quote(value.left(80));
}

} // namespace

bool SqlIdentifiers::isValidHost(const QString& host)
{
    return !host.isEmpty() && host.size() <= kMaxNameLength && !host.startsWith(u'-')
        && onlyChars(host, u"._:-"_s);
}

bool SqlIdentifiers::isValidBinlogFile(const QString& file)
{
    return !file.isEmpty() && file.size() <= kMaxNameLength && file != u"."_s && file != u".."_s
        && onlyChars(file, u"._-"_s);
}

bool SqlIdentifiers::isValidUser(const QString& user)
{
    if (user.isEmpty() || user.size() > kMaxUserLength) {
        return false;
    }
    for (const QChar c : user) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
            || c == QChar::LineSeparator || c == QChar::ParagraphSeparator) {
            return false;
        }
    }
    return true;
}

bool SqlIdentifiers::isValidIdentifier(const QString& name)
{
    return !name.isEmpty() && name.size() <= kMaxIdentifierLength && onlyChars(name, u"_$"_s);
}

Result<QString> SqlIdentifiers::qualifiedTableName(const QString& name)
{
    const QStringList parts = name.split(u'.');
    bool valid = parts.size() <= 2;
    for (const QString& part : parts) {
        valid = valid && isValidIdentifier(part);
    }
    if (!valid) {
        return makeError(ErrorCode::InvalidInput,
            u"%1 is not a table name Topograph writes into a statement (expected database.table, "
            "each of letters, digits, '_' and '$')"_s.arg(shown(name)));
    }
    // Back quotes cannot occur in a valid part, so quoting needs no escaping.
    QStringList quoted;
    for (const QString& part : parts) {
        quoted << u'`' + part + u'`';
    }
    return quoted.join(u'.');
}

Result<QString> SqlIdentifiers::hostLiteral(const QString& host)
{
    if (!isValidHost(host)) {
        return makeError(ErrorCode::InvalidInput,
            u"%1 is not a host name that can be written into a replication statement (allowed: "
            "letters, digits, '.', '_', ':' and '-')"_s.arg(shown(host)));
    }
    return quote(host);
}

Result<QString> SqlIdentifiers::binlogFileLiteral(const QString& file)
{
    if (!isValidBinlogFile(file)) {
        return makeError(ErrorCode::InvalidInput,
            u"%1 is not a binary log file name (allowed: letters, digits, '.', '_' and '-')"_s.arg(
                shown(file)));
    }
    return quote(file);
}

Result<QString> SqlIdentifiers::userLiteral(const QString& user)
{
    if (!isValidUser(user)) {
        return makeError(ErrorCode::InvalidInput,
            u"%1 is not a valid user name (empty, too long or with control characters)"_s.arg(
                shown(user)));
    }
    return quote(user);
}

QString SqlIdentifiers::quote(const QString& text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u'\'';
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'\'':
            out += u"''"_s;
            break;
        case u'\\':
            out += u"\\\\"_s;
            break;
        case 0:
            out += u"\\0"_s;
            break;
        case u'\n':
            out += u"\\n"_s;
            break;
        case u'\r':
            out += u"\\r"_s;
            break;
        case 0x1a:
            out += u"\\Z"_s;
            break;
        default:
            out += c;
        }
    }
    out += u'\'';
    return out;
}

} // namespace topograph
