#pragma once

#include <QString>
#include <QStringList>

namespace topograph::compat {

// The lines of text as `diff -b` compares them: every run of white space becomes one space,
// trailing white space goes, and trailing empty lines are dropped. "\r\n" counts as "\n".
QStringList normalizedLines(const QString& text);

// True when expected and actual differ only in the amount of white space.
bool sameIgnoringWhitespaceAmount(const QString& expected, const QString& actual);

// A line diff of normalized expected against normalized actual: "--- expected", "+++ actual",
// then every line prefixed ' ' (both), '-' (expected only) or '+' (actual only). At most
// maxLines lines after the header; a final "... (N more lines)" says what was cut.
QStringList diffLines(const QString& expected, const QString& actual, int maxLines = 200);

} // namespace topograph::compat
