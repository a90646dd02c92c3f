#include <QHash>
#include <QTest>

#include "cliarguments.h"

using namespace Qt::StringLiterals;
using topograph::CliArguments;
using topograph::ErrorCode;

class TestCliArguments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void otherFlags_data();
    void otherFlags();
    void noArguments();
    void errors_data();
    void errors();
};

void TestCliArguments::parse_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("configPath");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("debug");
    QTest::addColumn<bool>("noop");

    const QString none;
    QTest::newRow("-c topology -i h:1")
        << QStringList { u"-c"_s, u"topology"_s, u"-i"_s, u"h:1"_s } << u"topology"_s << u"h:1"_s
        << none << none << none << false << false;
    QTest::newRow("--c=topology") << QStringList { u"--c=topology"_s } << u"topology"_s << none
                                  << none << none << none << false << false;
    QTest::newRow("-c=topology") << QStringList { u"-c=topology"_s } << u"topology"_s << none
                                 << none << none << none << false << false;
    QTest::newRow("--command topology")
        << QStringList { u"--command"_s, u"topology"_s } << u"topology"_s << none << none << none
        << none << false << false;
    QTest::newRow("--instance=h:1") << QStringList { u"--instance=h:1"_s } << none << u"h:1"_s
                                    << none << none << none << false << false;
    QTest::newRow("--config FILE")
        << QStringList { u"--config"_s, u"/etc/orchestrator.conf.json"_s } << none << none
        << u"/etc/orchestrator.conf.json"_s << none << none << false << false;
    QTest::newRow("--config=FILE") << QStringList { u"--config=/tmp/a b.json"_s } << none << none
                                   << u"/tmp/a b.json"_s << none << none << false << false;
    QTest::newRow("--debug") << QStringList { u"--debug"_s } << none << none << none << none << none
                             << true << false;
    QTest::newRow("-debug") << QStringList { u"-debug"_s } << none << none << none << none << none
                            << true << false;
    QTest::newRow("--noop") << QStringList { u"--noop"_s } << none << none << none << none << none
                            << false << true;
    QTest::newRow("--debug=false") << QStringList { u"--debug=false"_s } << none << none << none
                                   << none << none << false << false;
    QTest::newRow("--debug=true") << QStringList { u"--debug=true"_s } << none << none << none
                                  << none << none << true << false;
    QTest::newRow("--debug=TRUE") << QStringList { u"--debug=TRUE"_s } << none << none << none
                                  << none << none << true << false;
    QTest::newRow("--debug then --debug=false")
        << QStringList { u"--debug"_s, u"--debug=false"_s } << none << none << none << none << none
        << false << false;
    QTest::newRow("-pattern x") << QStringList { u"-pattern"_s, u"x"_s } << none << none << none
                                << u"x"_s << none << false << false;
    QTest::newRow("--reason \"r\"")
        << QStringList { u"--reason"_s, u"planned maintenance"_s } << none << none << none << none
        << u"planned maintenance"_s << false << false;
    QTest::newRow("value with =") << QStringList { u"--reason=a=b"_s } << none << none << none
                                  << none << u"a=b"_s << false << false;
    QTest::newRow("empty value after =")
        << QStringList { u"-c="_s } << none << none << none << none << none << false << false;
    QTest::newRow("orchestrator compat prefix")
        << QStringList { u"--config=/x.json"_s, u"--debug"_s, u"--stack"_s, u"-c"_s, u"topology"_s,
               u"-i"_s, u"testhost:22294"_s }
        << u"topology"_s << u"testhost:22294"_s << u"/x.json"_s << none << none << true << false;
    QTest::newRow("bool flag does not take next argument as value")
        << QStringList { u"--noop"_s, u"-c"_s, u"relocate"_s } << u"relocate"_s << none << none
        << none << none << false << true;
}

void TestCliArguments::parse()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, command);
    QFETCH(QString, instance);
    QFETCH(QString, configPath);
    QFETCH(QString, pattern);
    QFETCH(QString, reason);
    QFETCH(bool, debug);
    QFETCH(bool, noop);

    const auto result = CliArguments::parse(arguments);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->command, command);
    QCOMPARE(result->instance, instance);
    QCOMPARE(result->configPath, configPath);
    QCOMPARE(result->pattern, pattern);
    QCOMPARE(result->reason, reason);
    QCOMPARE(result->debug, debug);
    QCOMPARE(result->noop, noop);
}

void TestCliArguments::otherFlags_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    QTest::newRow("-d") << QStringList { u"-d"_s, u"db2:3306"_s } << u"destination"_s
                        << u"db2:3306"_s;
    QTest::newRow("--destination=")
        << QStringList { u"--destination=db2"_s } << u"destination"_s << u"db2"_s;
    QTest::newRow("--alias") << QStringList { u"--alias"_s, u"main"_s } << u"alias"_s << u"main"_s;
    QTest::newRow("--owner") << QStringList { u"--owner=dba"_s } << u"owner"_s << u"dba"_s;
    QTest::newRow("--stack") << QStringList { u"--stack"_s } << u"stack"_s << u"true"_s;
    QTest::newRow("--read-only") << QStringList { u"--read-only"_s } << u"readOnly"_s << u"true"_s;
    QTest::newRow("--version") << QStringList { u"--version"_s } << u"version"_s << u"true"_s;
    QTest::newRow("--help") << QStringList { u"--help"_s } << u"help"_s << u"true"_s;
    QTest::newRow("-h") << QStringList { u"-h"_s } << u"help"_s << u"true"_s;
    QTest::newRow("-h=false") << QStringList { u"-h=false"_s } << u"help"_s << u"false"_s;
    QTest::newRow("--watch") << QStringList { u"-c"_s, u"replication-lag"_s, u"--watch"_s }
                             << u"watch"_s << u"true"_s;
    QTest::newRow("-watch=false") << QStringList { u"-watch=false"_s } << u"watch"_s << u"false"_s;
    QTest::newRow("--poll") << QStringList { u"--poll"_s } << u"poll"_s << u"true"_s;
}

void TestCliArguments::otherFlags()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, field);
    QFETCH(QString, expected);

    const auto result = CliArguments::parse(arguments);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const CliArguments& a = *result;
    auto text = [](bool b) { return b ? u"true"_s : u"false"_s; };
    const QHash<QString, QString> fields {
        { u"destination"_s, a.destination },
        { u"alias"_s, a.alias },
        { u"owner"_s, a.owner },
        { u"stack"_s, text(a.stack) },
        { u"readOnly"_s, text(a.readOnly) },
        { u"version"_s, text(a.version) },
        { u"help"_s, text(a.help) },
        { u"watch"_s, text(a.watch) },
        { u"poll"_s, text(a.poll) },
    };
    QVERIFY(fields.contains(field));
    QCOMPARE(fields.value(field), expected);
}

void TestCliArguments::noArguments()
{
    const auto result = CliArguments::parse({});
    QVERIFY(result.ok());
    QVERIFY(result->command.isEmpty());
    QVERIFY(result->instance.isEmpty());
    QVERIFY(!result->debug && !result->noop && !result->stack && !result->readOnly);
    QVERIFY(!result->version && !result->help);
    QVERIFY(!result->watch && !result->poll);
}

void TestCliArguments::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("mustContain");

    QTest::newRow("unknown flag") << QStringList { u"--bogus"_s }
                                  << QStringList { u"unknown flag"_s, u"--bogus"_s };
    QTest::newRow("unknown flag with value") << QStringList { u"-c"_s, u"topology"_s,
        u"--colour=red"_s } << QStringList { u"unknown flag"_s, u"--colour=red"_s };
    QTest::newRow("three dashes") << QStringList { u"---c"_s, u"topology"_s }
                                  << QStringList { u"---c"_s };
    QTest::newRow("-c without value")
        << QStringList { u"-c"_s } << QStringList { u"-c"_s, u"needs a value"_s };
    QTest::newRow("-i at the end") << QStringList { u"-c"_s, u"topology"_s, u"-i"_s }
                                   << QStringList { u"-i"_s, u"needs a value"_s };
    QTest::newRow("--config at the end")
        << QStringList { u"--config"_s } << QStringList { u"config"_s, u"needs a value"_s };
    QTest::newRow("positional") << QStringList { u"topology"_s }
                                << QStringList { u"unexpected argument"_s, u"\"topology\""_s };
    QTest::newRow("positional after flags")
        << QStringList { u"-c"_s, u"topology"_s, u"extra"_s } << QStringList { u"\"extra\""_s };
    QTest::newRow("positional after bool flag")
        << QStringList { u"--debug"_s, u"true"_s } << QStringList { u"\"true\""_s };
    QTest::newRow("single dash") << QStringList { u"-"_s }
                                 << QStringList { u"unexpected argument"_s };
    QTest::newRow("double dash") << QStringList { u"--"_s }
                                 << QStringList { u"unexpected argument"_s };
    QTest::newRow("--debug=maybe")
        << QStringList { u"--debug=maybe"_s }
        << QStringList { u"debug"_s, u"true or false"_s, u"\"maybe\""_s };
}

void TestCliArguments::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, mustContain);

    const auto result = CliArguments::parse(arguments);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    const QString message = result.error().message;
    for (const QString& part : mustContain) {
        QVERIFY2(message.contains(part), qPrintable(message));
    }
}

QTEST_GUILESS_MAIN(TestCliArguments)
#include "tst_cliarguments.moc"
