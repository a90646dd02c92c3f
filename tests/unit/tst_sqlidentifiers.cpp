// SqlIdentifiers: the one helper that checks and quotes names spelled into replication statements;
// hostile inputs (quotes, backslashes, semicolons, newlines, NULs) are rejected or made inert.
#include <QTest>

#include "ops/sqlidentifiers.h"

using namespace Qt::StringLiterals;
using namespace topograph;

class TestSqlIdentifiers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hosts_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("valid");
        QTest::newRow("name") << u"db1"_s << true;
        QTest::newRow("fqdn") << u"db1103.eqiad.wmnet"_s << true;
        QTest::newRow("underscore") << u"db_1-a"_s << true;
        QTest::newRow("ipv4") << u"10.64.0.12"_s << true;
        QTest::newRow("ipv6") << u"fd00::1"_s << true;
        QTest::newRow("ipv6 full") << u"2001:db8:0:0:0:0:2:1"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("leading dash") << u"-db1"_s << false;
        QTest::newRow("quote") << u"db1'"_s << false;
        QTest::newRow("injection") << u"db1', MASTER_PASSWORD='x"_s << false;
        QTest::newRow("semicolon") << u"db1;DROP TABLE t"_s << false;
        QTest::newRow("backslash") << u"db1\\"_s << false;
        QTest::newRow("newline") << u"db1\nSTOP SLAVE"_s << false;
        QTest::newRow("space") << u"db 1"_s << false;
        QTest::newRow("brackets") << u"[fd00::1]"_s << false;
        QTest::newRow("nul") << u"db1"_s + QChar(u'\0') << false;
        QTest::newRow("non-ascii") << u"dbé"_s << false;
        QTest::newRow("too long") << QString(256, u'a') << false;
    }
    void hosts()
    {
        QFETCH(QString, host);
        QFETCH(bool, valid);
        QCOMPARE(SqlIdentifiers::isValidHost(host), valid);
        const auto literal = SqlIdentifiers::hostLiteral(host);
        QCOMPARE(literal.ok(), valid);
        if (valid) {
            QCOMPARE(*literal, u'\'' + host + u'\'');
        } else {
            QCOMPARE(literal.error().code, ErrorCode::InvalidInput);
            QVERIFY(!literal.error().message.contains(u'\n'));
        }
    }

    void binlogFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"mysql-bin.000123"_s << true;
        QTest::newRow("dashes") << u"db1-bin.000001"_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("dot") << u"."_s << false;
        QTest::newRow("dotdot") << u".."_s << false;
        QTest::newRow("path") << u"../etc/passwd"_s << false;
        QTest::newRow("colon") << u"bin:1"_s << false;
        QTest::newRow("quote") << u"bin.000001'"_s << false;
        QTest::newRow("injection") << u"x', MASTER_LOG_POS=4; DROP TABLE t; --"_s << false;
        QTest::newRow("newline") << u"bin.000001\n"_s << false;
        QTest::newRow("backslash") << u"bin\\000001"_s << false;
    }
    void binlogFiles()
    {
        QFETCH(QString, file);
        QFETCH(bool, valid);
        QCOMPARE(SqlIdentifiers::isValidBinlogFile(file), valid);
        const auto literal = SqlIdentifiers::binlogFileLiteral(file);
        QCOMPARE(literal.ok(), valid);
        if (valid) {
            QCOMPARE(*literal, u'\'' + file + u'\'');
        }
    }

    void users_data()
    {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("literal"); // empty: rejected
        QTest::newRow("plain") << u"repl"_s << u"'repl'"_s;
        QTest::newRow("quote doubled") << u"o'brien"_s << u"'o''brien'"_s;
        QTest::newRow("backslash escaped") << u"a\\b"_s << u"'a\\\\b'"_s;
        QTest::newRow("semicolon stays inside") << u"a;b"_s << u"'a;b'"_s;
        QTest::newRow("newline") << u"a\nb"_s << QString();
        QTest::newRow("nul") << u"a"_s + QChar(u'\0') << QString();
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("too long") << QString(81, u'u') << QString();
    }
    void users()
    {
        QFETCH(QString, user);
        QFETCH(QString, literal);
        const auto result = SqlIdentifiers::userLiteral(user);
        QCOMPARE(result.ok(), !literal.isEmpty());
        if (result) {
            QCOMPARE(*result, literal);
        }
    }

    void quote_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("empty") << QString() << u"''"_s;
        QTest::newRow("quote") << u"it's"_s << u"'it''s'"_s;
        QTest::newRow("breakout") << u"x'; DROP TABLE t; --"_s << u"'x''; DROP TABLE t; --'"_s;
        QTest::newRow("backslash quote") << u"\\'"_s << u"'\\\\'''"_s;
        QTest::newRow("newline") << u"a\nb\rc"_s << u"'a\\nb\\rc'"_s;
        QTest::newRow("nul") << u"a"_s + QChar(u'\0') << u"'a\\0'"_s;
        QTest::newRow("ctrl-z") << u"a"_s + QChar(0x1a) << u"'a\\Z'"_s;
    }
    void quote()
    {
        QFETCH(QString, text);
        QFETCH(QString, quoted);
        QCOMPARE(SqlIdentifiers::quote(text), quoted);
        // Whatever the input, the literal is one token: an even run of quotes inside, and no
        // raw newline that a client could split statements on.
        const QString inner = quoted.mid(1, quoted.size() - 2);
        QVERIFY(!inner.contains(u'\n'));
        QCOMPARE(inner.count(u"'"_s) % 2, 0);
    }
};

QTEST_GUILESS_MAIN(TestSqlIdentifiers)
#include "tst_sqlidentifiers.moc"
