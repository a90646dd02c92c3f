#include "textcompare.h"

#include <QList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace topograph::compat {

QStringList normalizedLines(const QString& text)
{
    QString unified = text;
    unified.replace(u"\r\n"_s, u"\n"_s);
    QStringList lines = unified.split(u'\n');
    for (QString& line : lines) {
        QString collapsed;
        collapsed.reserve(line.size());
        bool inSpace = false;
        for (const QChar c : std::as_const(line)) {
            if (c.isSpace()) {
                inSpace = true;
                continue;
            }
            if (inSpace) {
                collapsed.append(u' ');
                inSpace = false;
            }
            collapsed.append(c);
        }
        // A run at the end of the line (trailing white space) is dropped; a leading run became
        // one space, as `diff -b` tells "some" from "none".
        line = collapsed;
    }
    while (!lines.isEmpty() && lines.constLast().isEmpty()) {
        lines.removeLast();
    }
    return lines;
}

bool sameIgnoringWhitespaceAmount(const QString& expected, const QString& actual)
{
    return normalizedLines(expected) == normalizedLines(actual);
}

QStringList diffLines(const QString& expected, const QString& actual, int maxLines)
{
    const QStringList a = normalizedLines(expected);
    const QStringList b = normalizedLines(actual);
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    QList<QList<int>> lcs(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            lcs[i][j] = a.at(i) == b.at(j) ? lcs[i + 1][j + 1] + 1
                                           : std::max(lcs[i + 1][j], lcs[i][j + 1]);
        }
    }
    QStringList body;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            body.append(u' ' + a.at(i));
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            body.append(u'-' + a.at(i));
            ++i;
        } else {
            body.append(u'+' + b.at(j));
            ++j;
        }
    }
    QStringList out { u"--- expected"_s, u"+++ actual"_s };
    const qsizetype shown = std::min<qsizetype>(body.size(), maxLines);
    out.append(body.mid(0, shown));
    if (body.size() > shown) {
        out.append(u"... (%1 more lines)"_s.arg(body.size() - shown));
    }
    return out;
}

} // namespace topograph::compat
