#include <QTest>

#include <memory>
#include <utility>

#include "result.h"

using namespace Qt::StringLiterals;
using topograph::Error;
using topograph::ErrorCode;
using topograph::makeError;
using topograph::Result;

namespace {

Result<int> half(int n)
{
    if (n % 2 != 0) {
        return makeError(ErrorCode::InvalidInput, u"%1 is odd"_s.arg(n));
    }
    return n / 2;
}

Result<void> check(bool fine)
{
    if (!fine) {
        return makeError(ErrorCode::Refused, u"not fine"_s, u"detail for the log"_s);
    }
    return {};
}

} // namespace

class TestResult : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueResult();
    void errorResult();
    void valueOr_data();
    void valueOr();
    void accessors();
    void mutableValue();
    void moveValueOut();
    void moveOnlyType();
    void errorOfStringResult();
    void voidDefaultOk();
    void voidFromFunction();
    void voidError();
    void makeErrorFields();
};

void TestResult::valueResult()
{
    const Result<int> r = half(8);
    QVERIFY(r.ok());
    QVERIFY(static_cast<bool>(r));
    QCOMPARE(r.value(), 4);
    QCOMPARE(*r, 4);
}

void TestResult::errorResult()
{
    const Result<int> r = half(7);
    QVERIFY(!r.ok());
    QVERIFY(!static_cast<bool>(r));
    QCOMPARE(r.error().code, ErrorCode::InvalidInput);
    QCOMPARE(r.error().message, u"7 is odd"_s);
    QVERIFY(r.error().detail.isEmpty());
}

void TestResult::valueOr_data()
{
    QTest::addColumn<int>("input");
    QTest::addColumn<int>("fallback");
    QTest::addColumn<int>("expected");
    QTest::newRow("value") << 10 << -1 << 5;
    QTest::newRow("zero value is still a value") << 0 << -1 << 0;
    QTest::newRow("error gives fallback") << 3 << -1 << -1;
    QTest::newRow("error gives other fallback") << 3 << 99 << 99;
}

void TestResult::valueOr()
{
    QFETCH(int, input);
    QFETCH(int, fallback);
    QFETCH(int, expected);
    QCOMPARE(half(input).valueOr(fallback), expected);
}

void TestResult::accessors()
{
    const Result<QString> r(u"hello"_s);
    QVERIFY(r.ok());
    QCOMPARE(r->size(), 5);
    QCOMPARE(*r, u"hello"_s);
    QCOMPARE(r.valueOr(u"fallback"_s), u"hello"_s);

    const Result<QString> e(makeError(ErrorCode::NotFound, u"gone"_s));
    QVERIFY(!e.ok());
    QCOMPARE(e.valueOr(u"fallback"_s), u"fallback"_s);
    QCOMPARE(e.error().code, ErrorCode::NotFound);
}

void TestResult::mutableValue()
{
    Result<QStringList> r(QStringList { u"a"_s });
    r.value().append(u"b"_s);
    QCOMPARE(r.value(), (QStringList { u"a"_s, u"b"_s }));
}

void TestResult::moveValueOut()
{
    Result<QString> r(u"a long enough string to own heap memory"_s);
    const QString moved = std::move(r).value();
    QCOMPARE(moved, u"a long enough string to own heap memory"_s);

    Result<QStringList> list(QStringList { u"x"_s, u"y"_s });
    QStringList taken = std::move(list.value());
    QCOMPARE(taken.size(), 2);
}

void TestResult::moveOnlyType()
{
    auto make = [](bool fine) -> Result<std::unique_ptr<int>> {
        if (!fine) {
            return makeError(ErrorCode::Internal, u"no pointer"_s);
        }
        return std::make_unique<int>(42);
    };
    auto r = make(true);
    QVERIFY(r.ok());
    std::unique_ptr<int> p = std::move(r).value();
    QVERIFY(p);
    QCOMPARE(*p, 42);

    const auto e = make(false);
    QVERIFY(!e.ok());
    QCOMPARE(e.error().message, u"no pointer"_s);
}

void TestResult::errorOfStringResult()
{
    // A Result<QString> built from an Error holds the error, not a string.
    const Result<QString> r = Error { ErrorCode::IoError, u"disk"_s, u"EIO"_s };
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::IoError);
    QCOMPARE(r.error().message, u"disk"_s);
    QCOMPARE(r.error().detail, u"EIO"_s);
}

void TestResult::voidDefaultOk()
{
    const Result<void> r;
    QVERIFY(r.ok());
    QVERIFY(static_cast<bool>(r));
    const Result<void> braces {};
    QVERIFY(braces.ok());
}

void TestResult::voidFromFunction()
{
    QVERIFY(check(true).ok());
    QVERIFY(!check(false).ok());
}

void TestResult::voidError()
{
    const Result<void> r = check(false);
    QVERIFY(!r.ok());
    QVERIFY(!static_cast<bool>(r));
    QCOMPARE(r.error().code, ErrorCode::Refused);
    QCOMPARE(r.error().message, u"not fine"_s);
    QCOMPARE(r.error().detail, u"detail for the log"_s);

    // An Error with the default code is still a failure.
    const Result<void> defaulted = Error {};
    QVERIFY(!defaulted.ok());
}

void TestResult::makeErrorFields()
{
    const Error e = makeError(ErrorCode::Timeout, u"slow"_s);
    QCOMPARE(e.code, ErrorCode::Timeout);
    QCOMPARE(e.message, u"slow"_s);
    QVERIFY(e.detail.isEmpty());
    QCOMPARE(Error {}.code, ErrorCode::Internal);
}

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
