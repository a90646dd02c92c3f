#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include "config/optionfile.h"

using namespace Qt::StringLiterals;
using topograph::ClientOptions;
using topograph::ErrorCode;
using topograph::OptionFile;

namespace {

const QString kOrigin = u"my.cnf"_s;

// One ClientOptions field as text (the port as its number), by name.
std::optional<QString> field(const ClientOptions& o, const QString& name)
{
    if (name == u"port"_s) {
        return o.port ? std::optional<QString>(QString::number(*o.port)) : std::nullopt;
    }
    const std::optional<QString> ClientOptions::*member = nullptr;
    if (name == u"user"_s) {
        member = &ClientOptions::user;
    } else if (name == u"password"_s) {
        member = &ClientOptions::password;
    } else if (name == u"host"_s) {
        member = &ClientOptions::host;
    } else if (name == u"ssl-ca"_s) {
        member = &ClientOptions::sslCa;
    } else if (name == u"ssl-cert"_s) {
        member = &ClientOptions::sslCert;
    } else if (name == u"ssl-key"_s) {
        member = &ClientOptions::sslKey;
    }
    Q_ASSERT(member);
    return o.*member;
}

} // namespace

class TestOptionFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void allFields();
    void errors_data();
    void errors();
    void originWithPercentSign_data();
    void originWithPercentSign();
    void readMissing();
    void readFile();
};

void TestOptionFile::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("present");
    QTest::addColumn<QString>("expected");

    QTest::newRow("user") << u"[client]\nuser=alice"_s << u"user"_s << true << u"alice"_s;
    QTest::newRow("password") << u"[client]\npassword=s3cr3t"_s << u"password"_s << true
                              << u"s3cr3t"_s;
    QTest::newRow("host") << u"[client]\nhost=db1.example.com"_s << u"host"_s << true
                          << u"db1.example.com"_s;
    QTest::newRow("port") << u"[client]\nport=3307"_s << u"port"_s << true << u"3307"_s;
    QTest::newRow("port 65535") << u"[client]\nport=65535"_s << u"port"_s << true << u"65535"_s;
    QTest::newRow("ssl-ca") << u"[client]\nssl-ca=/etc/ca.pem"_s << u"ssl-ca"_s << true
                            << u"/etc/ca.pem"_s;
    QTest::newRow("ssl-cert") << u"[client]\nssl-cert=/c.pem"_s << u"ssl-cert"_s << true
                              << u"/c.pem"_s;
    QTest::newRow("ssl-key") << u"[client]\nssl-key=/k.pem"_s << u"ssl-key"_s << true
                             << u"/k.pem"_s;
    QTest::newRow("ssl_ca underscore")
        << u"[client]\nssl_ca=/ca"_s << u"ssl-ca"_s << true << u"/ca"_s;
    QTest::newRow("ssl_key underscore")
        << u"[client]\nssl_key=/k"_s << u"ssl-key"_s << true << u"/k"_s;
    QTest::newRow("key upper case") << u"[client]\nUSER=alice"_s << u"user"_s << true << u"alice"_s;
    QTest::newRow("spaces around =")
        << u"[client]\nuser = alice"_s << u"user"_s << true << u"alice"_s;
    QTest::newRow("tabs around =")
        << u"[client]\n\tuser\t=\talice\t"_s << u"user"_s << true << u"alice"_s;
    QTest::newRow("single quotes")
        << u"[client]\npassword='p a s s'"_s << u"password"_s << true << u"p a s s"_s;
    QTest::newRow("single quotes, escapes apply")
        << u"[client]\npassword='a\\nb'"_s << u"password"_s << true << u"a\nb"_s;
    QTest::newRow("unknown escape keeps the backslash")
        << u"[client]\nssl-ca=C:\\certs\\ca.pem"_s << u"ssl-ca"_s << true << u"C:\\certs\\ca.pem"_s;
    QTest::newRow("\\s is a space, \\\\ a backslash")
        << u"[client]\npassword=a\\sb\\\\c"_s << u"password"_s << true << u"a b\\c"_s;
    QTest::newRow("double quotes")
        << u"[client]\npassword=\"p a s s\""_s << u"password"_s << true << u"p a s s"_s;
    QTest::newRow("double quote escapes") << u"[client]\npassword=\"a\\\"b\\\\c\\td\\ne\""_s
                                          << u"password"_s << true << u"a\\\"b\\c\td\ne"_s;
    QTest::newRow("single quote inside double")
        << u"[client]\npassword=\"it's\""_s << u"password"_s << true << u"it's"_s;
    QTest::newRow("# inside double quotes")
        << u"[client]\npassword=\"abc # def\""_s << u"password"_s << true << u"abc # def"_s;
    QTest::newRow("# inside single quotes")
        << u"[client]\npassword='p#ss'"_s << u"password"_s << true << u"p#ss"_s;
    QTest::newRow("quoted, then comment")
        << u"[client]\npassword=\"x y\"  # note"_s << u"password"_s << true << u"x y"_s;
    QTest::newRow("inline comment")
        << u"[client]\nuser=alice # the dba"_s << u"user"_s << true << u"alice"_s;
    QTest::newRow("inline comment after tab")
        << u"[client]\nuser=alice\t# dba"_s << u"user"_s << true << u"alice"_s;
    QTest::newRow("# starts a comment anywhere outside quotes")
        << u"[client]\npassword=abc#def"_s << u"password"_s << true << u"abc"_s;
    QTest::newRow("port with comment")
        << u"[client]\nport = 3307 # x"_s << u"port"_s << true << u"3307"_s;
    QTest::newRow("comment lines")
        << u"# top\n; also\n[client]\n# user=bob\n; user=carol\nuser=alice"_s << u"user"_s << true
        << u"alice"_s;
    QTest::newRow("indented comment")
        << u"[client]\n   # user=bob"_s << u"user"_s << false << QString();
    QTest::newRow("empty value") << u"[client]\nuser="_s << u"user"_s << true << QString();
    QTest::newRow("last value wins")
        << u"[client]\nuser=a\nuser=b"_s << u"user"_s << true << u"b"_s;
    QTest::newRow("flag without value")
        << u"[client]\ncompress\nuser=alice"_s << u"user"_s << true << u"alice"_s;
    QTest::newRow("crlf") << u"[client]\r\nuser=alice\r\n"_s << u"user"_s << true << u"alice"_s;
    QTest::newRow("mysqld ignored") << u"[mysqld]\nuser=mysql"_s << u"user"_s << false << QString();
    QTest::newRow("mysqld before client")
        << u"[mysqld]\nuser=mysql\n[client]\nhost=db1"_s << u"user"_s << false << QString();
    QTest::newRow("mysqld after client")
        << u"[client]\nuser=alice\n[mysqld]\nuser=mysql"_s << u"user"_s << true << u"alice"_s;
    QTest::newRow("mysql group ignored")
        << u"[mysql]\npassword=x"_s << u"password"_s << false << QString();
    QTest::newRow("before any group")
        << u"user=alice\n[client]\n"_s << u"user"_s << false << QString();
    QTest::newRow("group upper case")
        << u"[CLIENT]\nuser=alice"_s << u"user"_s << true << u"alice"_s;
    QTest::newRow("group mixed case, spaces")
        << u"[ Client ]\nuser=alice"_s << u"user"_s << true << u"alice"_s;
    QTest::newRow("client twice") << u"[client]\nuser=a\n[mysqld]\nuser=m\n[client]\nhost=h"_s
                                  << u"user"_s << true << u"a"_s;
    QTest::newRow("empty file") << QString() << u"user"_s << false << QString();
}

void TestOptionFile::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, name);
    QFETCH(bool, present);
    QFETCH(QString, expected);

    const auto result = OptionFile::parse(text, kOrigin);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    const std::optional<QString> value = field(*result, name);
    QCOMPARE(value.has_value(), present);
    if (present) {
        QCOMPARE(*value, expected);
    }
}

void TestOptionFile::allFields()
{
    const auto result = OptionFile::parse(u"[client]\nuser=u\npassword=p\nhost=h\nport=1\n"
                                          u"ssl-ca=ca\nssl_cert=cert\nssl-key=key\n"_s,
        kOrigin);
    QVERIFY(result.ok());
    QCOMPARE(result->user, std::optional<QString>(u"u"_s));
    QCOMPARE(result->password, std::optional<QString>(u"p"_s));
    QCOMPARE(result->host, std::optional<QString>(u"h"_s));
    QCOMPARE(result->port, std::optional<quint16>(1));
    QCOMPARE(result->sslCa, std::optional<QString>(u"ca"_s));
    QCOMPARE(result->sslCert, std::optional<QString>(u"cert"_s));
    QCOMPARE(result->sslKey, std::optional<QString>(u"key"_s));

    const auto empty = OptionFile::parse(u"[client]\n"_s, kOrigin);
    QVERIFY(empty.ok());
    QVERIFY(!empty->user && !empty->password && !empty->host && !empty->port);
    QVERIFY(!empty->sslCa && !empty->sslCert && !empty->sslKey);
}

void TestOptionFile::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("hint");

    // Each file holds the password "Pa55-secret"; no message may repeat it.
    QTest::newRow("!include") << u"[client]\npassword=Pa55-secret\n!include /etc/x.cnf"_s << 3
                              << u"!include"_s;
    QTest::newRow("!includedir")
        << u"password=Pa55-secret\n\n[client]\n!includedir /etc/my.cnf.d/"_s << 4 << u"!include"_s;
    QTest::newRow("!include in other group")
        << u"[mysqld]\n!include x\npassword=Pa55-secret"_s << 2 << u"!include"_s;
    QTest::newRow("port not a number")
        << u"[client]\npassword=Pa55-secret\nport=abc"_s << 3 << u"port"_s;
    QTest::newRow("port 0") << u"[client]\nport=0\npassword=Pa55-secret"_s << 2 << u"port"_s;
    QTest::newRow("port 65536") << u"[client]\n\nport=65536\npassword=Pa55-secret"_s << 3
                                << u"port"_s;
    QTest::newRow("port negative")
        << u"[client]\nport=-1\npassword=Pa55-secret"_s << 2 << u"port"_s;
    QTest::newRow("port empty") << u"[client]\nport=\npassword=Pa55-secret"_s << 2 << u"port"_s;
    QTest::newRow("unterminated double quote")
        << u"[client]\nuser=a\npassword=\"Pa55-secret"_s << 3 << u"unterminated"_s;
    QTest::newRow("unterminated single quote")
        << u"[client]\npassword='Pa55-secret"_s << 2 << u"unterminated"_s;
    QTest::newRow("escaped closing quote")
        << u"[client]\npassword=\"Pa55-secret\\\""_s << 2 << u"unterminated"_s;
    QTest::newRow("text after closing quote")
        << u"[client]\npassword=\"Pa55\" -secret"_s << 2 << u"password"_s;
    QTest::newRow("group without ]") << u"[client\npassword=Pa55-secret"_s << 1 << u"]"_s;
}

void TestOptionFile::errors()
{
    QFETCH(QString, text);
    QFETCH(int, line);
    QFETCH(QString, hint);

    const auto result = OptionFile::parse(text, kOrigin);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::ConfigError);
    const QString message = result.error().message;
    QVERIFY2(message.contains(kOrigin), qPrintable(message));
    QVERIFY2(message.contains(u"line %1"_s.arg(line)), qPrintable(message));
    QVERIFY2(message.contains(hint), qPrintable(message));
    QVERIFY2(!message.contains(u"Pa55"_s), qPrintable(message));
    QVERIFY2(!message.contains(u"secret"_s), qPrintable(message));
}

void TestOptionFile::originWithPercentSign_data()
{
    QTest::addColumn<QString>("origin");
    QTest::newRow("%2F (URL-encoded '/')") << u"/home/u/a%2Fb/my.cnf"_s;
    QTest::newRow("%1") << u"/home/u/x%1y/my.cnf"_s;
    QTest::newRow("%20") << u"/home/u/my%20files/my.cnf"_s;
}

void TestOptionFile::originWithPercentSign()
{
    QFETCH(QString, origin);
    const auto result = OptionFile::parse(u"[client]\nport=x\n"_s, origin);
    QVERIFY(!result.ok());
    const QString message = result.error().message;
    // The path is inserted once, in one arg() call: placeholders inside it stay as they are.
    QVERIFY2(message.contains(origin + u", line 2: "_s), qPrintable(message));
}

void TestOptionFile::readMissing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"absent.cnf"_s);
    const auto result = OptionFile::read(path);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::ConfigError);
    QVERIFY2(result.error().message.contains(path), qPrintable(result.error().message));
}

void TestOptionFile::readFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"my.cnf"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(u"# ~/.my.cnf\n[client]\nuser = orc\npassword = \"p\u00e4ss w\u00f6rd\"\n"
                   u"host=db1\nport=3307\n\n[mysqld]\nport=1\n"_s.toUtf8());
    }
    const auto result = OptionFile::read(path);
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->user, std::optional<QString>(u"orc"_s));
    QCOMPARE(result->password, std::optional<QString>(u"p\u00e4ss w\u00f6rd"_s));
    QCOMPARE(result->host, std::optional<QString>(u"db1"_s));
    QCOMPARE(result->port, std::optional<quint16>(3307));

    // Errors from a file name the file.
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("[client]\nport=x\n");
    }
    const auto error = OptionFile::read(path);
    QVERIFY(!error.ok());
    QVERIFY2(
        error.error().message.contains(path + u", line 2"_s), qPrintable(error.error().message));
}

QTEST_GUILESS_MAIN(TestOptionFile)
#include "tst_optionfile.moc"
