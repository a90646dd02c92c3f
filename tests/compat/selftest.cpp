#include "selftest.h"

#include <QTextStream>

#include <cstdio>

#include "clirunner.h"
#include "compatcase.h"
#include "sqlscript.h"
#include "textcompare.h"

using namespace Qt::StringLiterals;

namespace topograph::compat {

namespace {

class Checker
{
public:
    template <typename T> void equal(const T& actual, const T& expected, const char* what)
    {
        ++m_checks;
        if (actual != expected) {
            ++m_failures;
            m_out << "self-test FAIL: " << what << '\n';
            m_out << "    actual:   " << show(actual) << '\n';
            m_out << "    expected: " << show(expected) << '\n';
        }
    }
    void check(bool condition, const char* what) { equal(condition, true, what); }

    int finish()
    {
        m_out << "self-test: " << (m_checks - m_failures) << " of " << m_checks << " checks passed"
              << '\n'
              << Qt::flush;
        return m_failures == 0 ? 0 : 1;
    }

private:
    static QString show(const QString& s) { return u'"' + s + u'"'; }
    static QString show(bool b) { return b ? u"true"_s : u"false"_s; }
    static QString show(const QStringList& l) { return u"[\""_s + l.join(u"\", \""_s) + u"\"]"_s; }

    QTextStream m_out { stdout };
    int m_checks = 0;
    int m_failures = 0;
};

void splitter(Checker& t)
{
    t.equal(splitStatements(u"DELETE FROM a;\nDELETE FROM b;\n"_s),
        QStringList { u"DELETE FROM a"_s, u"DELETE FROM b"_s }, "two plain statements");
    t.equal(splitStatements(u"-- header; not a statement\nSELECT 1; # tail; comment\n"_s),
        QStringList { u"SELECT 1"_s }, "-- and # comments dropped, ';' inside them ignored");
    t.equal(splitStatements(u"SELECT 1 /* a; b */ + 2;"_s), QStringList { u"SELECT 1   + 2"_s },
        "block comment with ';' becomes a space");
    t.equal(splitStatements(u"SELECT 3--1;"_s), QStringList { u"SELECT 3--1"_s },
        "'--' without following space is not a comment (MySQL)");
    t.equal(splitStatements(u"INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`);"_s),
        QStringList { u"INSERT INTO t VALUES ('a;b', \"c;d\", `e;f`)"_s },
        "';' inside quotes does not end a statement");
    t.equal(splitStatements(u"SELECT 'it\\'s; \\\\', 'x''y;z'; SELECT 2"_s),
        QStringList { u"SELECT 'it\\'s; \\\\', 'x''y;z'"_s, u"SELECT 2"_s },
        "backslash escapes and doubled quotes; last statement without ';'");
    t.equal(splitStatements(u"SELECT '-- not a comment', '# nor this', '/* nor */';"_s),
        QStringList { u"SELECT '-- not a comment', '# nor this', '/* nor */'"_s },
        "comment markers inside quotes are text");
    t.equal(splitStatements(u"INSERT INTO t VALUES ('[{\\\"H\\\":1}]');"_s),
        QStringList { u"INSERT INTO t VALUES ('[{\\\"H\\\":1}]')"_s },
        "\\\" inside '...' is kept verbatim for the driver");
    t.equal(splitStatements(u" ;; \n-- only a comment\n"_s), QStringList {},
        "empty statements and comment-only text give nothing");
    t.equal(splitStatements(u"insert into x (\n  a, b\n) values\n(1, 2),\n(3, 4);"_s),
        QStringList { u"insert into x (\n  a, b\n) values\n(1, 2),\n(3, 4)"_s },
        "multi-line statement kept whole");
}

void rewrites(Checker& t)
{
    t.equal(rewriteForSqlite(u"SET last_seen=last_checked - interval 1 minute where port=1;"_s),
        u"SET last_seen=datetime('last_checked', '-1 minute') where port=1;"_s,
        "last_checked - interval 1 minute");
    t.equal(rewriteForSqlite(u"SET end_timestamp=current_timestamp + interval 1 minute;"_s),
        u"SET end_timestamp=datetime('now', '+1 minute');"_s, "current_timestamp + interval");
    t.equal(rewriteForSqlite(u"SET first_seen=current_timestamp - interval 1 minute;"_s),
        u"SET first_seen=datetime('now', '-1 minute');"_s, "current_timestamp - interval");
    t.equal(
        rewriteForSqlite(u"SET a=CURRENT_TIMESTAMP + INTERVAL 1 MINUTE, b=current_timestamp;"_s),
        u"SET a=CURRENT_TIMESTAMP + INTERVAL 1 MINUTE, b=current_timestamp;"_s,
        "rewrites are textual and case-sensitive, like the upstream sed");
}

void comparison(Checker& t)
{
    const QString expected = u"testhost:22293     [a,b]\n- testhost:22294   [c]\n"_s;
    t.check(sameIgnoringWhitespaceAmount(expected, u"testhost:22293 [a,b]\n- testhost:22294 [c]"_s),
        "runs of spaces and the final newline do not matter");
    t.check(sameIgnoringWhitespaceAmount(expected, expected + u"\n\n  \n"_s),
        "trailing empty (or blank) lines do not matter");
    t.check(sameIgnoringWhitespaceAmount(u"a\tb  \r\n"_s, u"a b\n"_s),
        "tabs, trailing spaces and CRLF do not matter");
    t.check(!sameIgnoringWhitespaceAmount(u"ab\n"_s, u"a b\n"_s),
        "white space where there was none matters");
    t.check(!sameIgnoringWhitespaceAmount(u"  - x\n"_s, u"- x\n"_s),
        "leading indentation present vs absent matters");
    t.check(!sameIgnoringWhitespaceAmount(u"a\nb\n"_s, u"a\n\nb\n"_s),
        "an empty line in the middle matters");
    t.check(!sameIgnoringWhitespaceAmount(u"x\n"_s, QString()), "missing output differs");
    t.check(sameIgnoringWhitespaceAmount(QString(), u"\n"_s), "empty equals a lone newline");
    t.equal(diffLines(u"a\nb  c\nd\n"_s, u"a\nb c\nD\ne\n"_s),
        QStringList {
            u"--- expected"_s, u"+++ actual"_s, u" a"_s, u" b c"_s, u"-d"_s, u"+D"_s, u"+e"_s },
        "diff of normalized lines");
}

void cliContract(Checker& t)
{
    const QString help = u"Usage: topograph-cli [--config FILE] -c COMMAND\n\nCommands:\n"
                         u"  help       List the commands\n"
                         u"  topology   Show the tree\n"
                         u"  which-replicas\n"_s;
    const QSet<QString> commands = parseHelpCommands(help);
    t.check(commands == QSet<QString> { u"help"_s, u"topology"_s, u"which-replicas"_s },
        "help parsing takes the first word of each indented line after Commands:");
    t.check(parseHelpCommands(u"  topology  no header\n"_s).isEmpty(),
        "no Commands: header, no commands");
    const QStringList args = splitArguments(u"-c tagged  -tag role=backup,candidate\n"_s);
    t.equal(args, QStringList { u"-c"_s, u"tagged"_s, u"-tag"_s, u"role=backup,candidate"_s },
        "extra_args split on white space");
    t.equal(commandOf(args), u"tagged"_s, "-c VALUE");
    t.equal(commandOf({ u"--c=clusters"_s }), u"clusters"_s, "--c=VALUE");
    t.equal(commandOf({ u"-i"_s, u"h:1"_s }), QString(), "no -c");
}

void verdicts(Checker& t)
{
    CompatCase output;
    output.expectOutput = u"testhost:22293\n"_s;
    CliRun run;
    run.exitCode = 0;
    run.stdoutText = u"testhost:22293   \n\n"_s;
    t.check(judge(output, run, 60).pass, "matching output with exit 0 passes");
    run.exitCode = 1;
    t.check(!judge(output, run, 60).pass, "matching output with exit 1 fails");
    run.exitCode = 0;
    run.timedOut = true;
    t.check(!judge(output, run, 60).pass, "a timed-out run fails");
    run.timedOut = false;

    CompatCase failure;
    failure.expectFailure = QString();
    t.check(!judge(failure, run, 60).pass, "expect_failure with exit 0 fails");
    run.exitCode = 1;
    t.check(judge(failure, run, 60).pass, "empty expect_failure accepts any non-zero exit");
    failure.expectFailure = u"tag not found\n"_s;
    run.stderrText = u"log line\ntopograph-cli: tag not found: role\n"_s;
    t.check(judge(failure, run, 60).pass, "expect_failure text found in stderr");
    run.stderrText = u"topograph-cli: something else\n"_s;
    t.check(!judge(failure, run, 60).pass, "expect_failure text missing from stderr");
    t.check(!laterIssueReason(u"analysis-dead-master"_s).isEmpty()
            && laterIssueReason(u"suggest-promoted-replacement-trivial"_s).isEmpty()
            && laterIssueReason(u"topology"_s).isEmpty(),
        "later-issue skips by name");
}

} // namespace

int runSelfTest()
{
    Checker t;
    splitter(t);
    rewrites(t);
    comparison(t);
    cliContract(t);
    verdicts(t);
    return t.finish();
}

} // namespace topograph::compat
