#include "sqlscript.h"

using namespace Qt::StringLiterals;

namespace topograph::compat {

namespace {

bool isLineCommentDash(const QString& s, qsizetype i)
{
    if (s.at(i) != u'-' || i + 1 >= s.size() || s.at(i + 1) != u'-') {
        return false;
    }
    return i + 2 >= s.size() || s.at(i + 2).isSpace();
}

void flush(QString& current, QStringList& statements)
{
    const QString statement = current.trimmed();
    if (!statement.isEmpty()) {
        statements.append(statement);
    }
    current.clear();
}

} // namespace

QStringList splitStatements(const QString& script)
{
    QStringList statements;
    QString current;
    const qsizetype n = script.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = script.at(i);
        if (c == u'\'' || c == u'"' || c == u'`') {
            // Copy the quoted text up to and including its closing quote.
            current.append(c);
            ++i;
            while (i < n) {
                const QChar q = script.at(i);
                current.append(q);
                ++i;
                if (q == u'\\' && c != u'`' && i < n) {
                    current.append(script.at(i));
                    ++i;
                } else if (q == c) {
                    break;
                }
            }
        } else if (c == u'#' || isLineCommentDash(script, i)) {
            while (i < n && script.at(i) != u'\n') {
                ++i;
            }
        } else if (c == u'/' && i + 1 < n && script.at(i + 1) == u'*') {
            const qsizetype end = script.indexOf(u"*/"_s, i + 2);
            i = end < 0 ? n : end + 2;
            current.append(u' '); // a comment separates tokens
        } else if (c == u';') {
            flush(current, statements);
            ++i;
        } else {
            current.append(c);
            ++i;
        }
    }
    flush(current, statements);
    return statements;
}

QString rewriteForSqlite(const QString& script)
{
    QString text = script;
    text.replace(u"last_checked - interval 1 minute"_s, u"datetime('last_checked', '-1 minute')"_s);
    text.replace(u"current_timestamp + interval 1 minute"_s, u"datetime('now', '+1 minute')"_s);
    text.replace(u"current_timestamp - interval 1 minute"_s, u"datetime('now', '-1 minute')"_s);
    return text;
}

} // namespace topograph::compat
