// One time format on screen (local time with its zone) and one on the clipboard (ISO 8601 with
// the offset), the same moment in both.
#include <QTest>
#include <QTimeZone>

#include "timeformat.h"

using namespace Qt::StringLiterals;
using namespace topograph;

class TestTimeFormat final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("TZ", "Europe/Berlin"); }

    void displayShowsTheZoneAndIsoTheOffset()
    {
        const QDateTime utc(QDate(2026, 12, 2), QTime(15, 35, 7), Qt::UTC);
        const QString shown = TimeFormat::display(utc);
        QVERIFY2(shown.startsWith(u"2026-12-02 16:35:07 "_s), qPrintable(shown));
        QVERIFY2(shown.size() > 20, qPrintable(shown)); // a zone after the time
        const QString iso = TimeFormat::iso(utc);
        QCOMPARE(iso, u"2026-12-02T16:35:07+01:00"_s);
        QCOMPARE(QDateTime::fromString(iso, Qt::ISODate).toUTC(), utc);
        QVERIFY(TimeFormat::display({}).isEmpty());
        QVERIFY(TimeFormat::iso({}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTimeFormat)
#include "tst_timeformat.moc"
