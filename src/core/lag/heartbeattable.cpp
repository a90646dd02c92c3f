#include "lag/heartbeattable.h"

#include <QStringList>

#include <algorithm>
#include <limits>

#include "ops/sqlidentifiers.h"
#include "probe/sqlvalue.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

constexpr int kNoSuchTable = 1146; // ER_NO_SUCH_TABLE
constexpr int kUnknownDatabase = 1049; // ER_BAD_DB_ERROR

// "2026-12-02 15:35:07.001230" (or with a 'T'), as UTC, to the millisecond. By hand: it is read
// for every row of every sample, and QDateTime::fromString's general parser costs more than the
// rest of the sample's client side together.
QDateTime utcFrom(const QVariant& value)
{
    if (value.metaType().id() == QMetaType::QDateTime) {
        const QDateTime wall = value.toDateTime();
        return QDateTime(wall.date(), wall.time(), Qt::UTC);
    }
    const QString text = value.toString();
    const QStringView t = QStringView(text).trimmed();
    bool ok = t.size() >= 19 && t.at(4) == u'-' && t.at(7) == u'-'
        && (t.at(10) == u' ' || t.at(10) == u'T') && t.at(13) == u':' && t.at(16) == u':';
    const auto number = [&](qsizetype from, qsizetype length) {
        int n = 0;
        for (qsizetype i = from; i < from + length && ok; ++i) {
            ok = t.at(i).isDigit();
            n = n * 10 + t.at(i).digitValue();
        }
        return n;
    };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    const int hour = number(11, 2);
    const int minute = number(14, 2);
    const int second = number(17, 2);
    int ms = 0;
    if (ok && t.size() > 20 && t.at(19) == u'.') {
        const qsizetype digits = std::min<qsizetype>(3, t.size() - 20);
        ms = number(20, digits);
        for (qsizetype i = digits; i < 3; ++i) {
            ms *= 10;
        }
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second, ms);
    if (!ok || !date.isValid() || !time.isValid()) {
        return {};
    }
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

Result<HeartbeatTable> HeartbeatTable::fromConfiguration(const Configuration& config)
{
    return make(config.heartbeatTable.trimmed(), config.heartbeatUtc);
}

Result<HeartbeatTable> HeartbeatTable::make(const QString& name, bool utc)
{
    HeartbeatTable table;
    table.m_utc = utc;
    if (name.isEmpty()) {
        return table;
    }
    auto quoted = SqlIdentifiers::qualifiedTableName(name);
    if (!quoted) {
        return makeError(quoted.error().code, u"HeartbeatTable: "_s + quoted.error().message);
    }
    table.m_name = name;
    table.m_quoted = *quoted;
    return table;
}

QString HeartbeatTable::selectRows() const
{
    // ts is compared with the clock of the zone pt-heartbeat wrote it in. With --utc it is the
    // UTC time itself; otherwise the server turns it into UTC (its UTC clock minus the age),
    // so that rows show one zone whatever the form.
    if (m_utc) {
        return u"SELECT server_id, TIMESTAMPDIFF(MICROSECOND, ts, UTC_TIMESTAMP(6)) AS age_us, "
               "ts AS ts_utc FROM %1"_s.arg(m_quoted);
    }
    return u"SELECT server_id, TIMESTAMPDIFF(MICROSECOND, ts, NOW(6)) AS age_us, "
           "CAST(UTC_TIMESTAMP(6) - INTERVAL TIMESTAMPDIFF(MICROSECOND, ts, NOW(6)) MICROSECOND "
           "AS CHAR) AS ts_utc FROM %1"_s.arg(m_quoted);
}

QString HeartbeatTable::deleteRows(const QList<quint32>& serverIds, quint32 primaryServerId) const
{
    QStringList ids;
    for (const quint32 id : serverIds) {
        ids << QString::number(id); // numbers from the server, formatted here: no text
    }
    return u"DELETE FROM %1 WHERE server_id IN (%2) AND server_id <> %3"_s.arg(
        m_quoted, ids.join(u", "_s), QString::number(primaryServerId));
}

QList<HeartbeatRow> HeartbeatTable::parseRows(const QList<SqlRow>& rows)
{
    QList<HeartbeatRow> out;
    for (const SqlRow& row : rows) {
        HeartbeatRow r;
        r.serverId = static_cast<quint32>(sqlvalue::integer(row.value(u"server_id"_s)));
        const std::optional<qint64> micros = sqlvalue::optionalInteger(row.value(u"age_us"_s));
        // A ts the server cannot read as a time gives NULL: the row is there, its age unknown.
        r.ageSeconds = micros ? static_cast<double>(*micros) / 1e6
                              : std::numeric_limits<double>::quiet_NaN();
        const QVariant ts = row.value(u"ts_utc"_s);
        if (!ts.isNull()) {
            r.ts = utcFrom(ts);
        }
        out.append(r);
    }
    std::sort(out.begin(), out.end(),
        [](const HeartbeatRow& a, const HeartbeatRow& b) { return a.serverId < b.serverId; });
    return out;
}

bool HeartbeatTable::isMissingTable(int serverErrorCode)
{
    return serverErrorCode == kNoSuchTable || serverErrorCode == kUnknownDatabase;
}

} // namespace topograph
