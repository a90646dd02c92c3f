#include "backend/downtimestore.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace topograph {

DowntimeStore::DowntimeStore(const Backend& backend)
    : m_backend(backend)
{ }

Result<Downtime> DowntimeStore::begin(
    const InstanceKey& key, const QString& owner, const QString& reason, qint64 seconds) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    if (reason.trimmed().isEmpty()) {
        return makeError(ErrorCode::InvalidInput, u"--reason option required"_s);
    }
    Downtime downtime;
    downtime.key = key;
    downtime.begin = QDateTime::currentDateTimeUtc();
    downtime.end = downtime.begin.addSecs(seconds);
    downtime.owner = owner;
    downtime.reason = reason;
    // Delete and insert rather than a dialect's upsert: the same statements on both flavours.
    auto done = m_backend.transaction([&]() -> Result<void> {
        auto removed = m_backend.exec(
            u"DELETE FROM database_instance_downtime WHERE hostname = ? AND port = ?"_s,
            { key.host, key.port });
        if (!removed) {
            return removed.error();
        }
        auto inserted = m_backend.exec(u"INSERT INTO database_instance_downtime (hostname, port, "
                                       "downtime_active, begin_timestamp, end_timestamp, owner, "
                                       "reason) VALUES (?, ?, 1, ?, ?, ?, ?)"_s,
            { key.host, key.port, Backend::toDb(downtime.begin), Backend::toDb(downtime.end), owner,
                reason });
        if (!inserted) {
            return inserted.error();
        }
        return {};
    });
    if (!done) {
        return done.error();
    }
    return downtime;
}

Result<bool> DowntimeStore::end(const InstanceKey& key) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    auto done = m_backend.exec(u"UPDATE database_instance_downtime SET downtime_active = NULL, "
                               "end_timestamp = ? WHERE hostname = ? AND port = ? AND "
                               "downtime_active = 1"_s,
        { Backend::toDb(QDateTime::currentDateTimeUtc()), key.host, key.port });
    if (!done) {
        return done.error();
    }
    return *done > 0;
}

Result<std::optional<Downtime>> DowntimeStore::active(const InstanceKey& key) const
{
    auto rows = m_backend.select(u"SELECT * FROM database_instance_downtime WHERE hostname = ? "
                                 "AND port = ? AND downtime_active = 1 AND end_timestamp > ?"_s,
        { key.host, key.port, Backend::toDb(QDateTime::currentDateTimeUtc()) });
    if (!rows) {
        return rows.error();
    }
    if (rows->isEmpty()) {
        return std::optional<Downtime> {};
    }
    const SqlRow& row = rows->first();
    return std::optional<Downtime> { Downtime { key,
        Backend::fromDb(row.value(u"begin_timestamp"_s)),
        Backend::fromDb(row.value(u"end_timestamp"_s)), row.value(u"owner"_s).toString(),
        row.value(u"reason"_s).toString() } };
}

Result<qint64> DowntimeStore::parseDuration(const QString& text)
{
    if (text.isEmpty()) {
        return qint64 { 0 };
    }
    static const QRegularExpression pattern(u"^([0-9]+)([smhd]?)$"_s);
    const auto match = pattern.match(text);
    bool ok = false;
    const qint64 amount = match.hasMatch() ? match.captured(1).toLongLong(&ok) : 0;
    if (!ok) {
        return makeError(ErrorCode::InvalidInput,
            u"Cannot parse duration \"%1\" (use e.g. 30s, 10m, 2h or 1d)"_s.arg(text));
    }
    const QString unit = match.captured(2);
    const qint64 factor = unit == u"m"_s ? 60 : unit == u"h"_s ? 3600 : unit == u"d"_s ? 86400 : 1;
    return amount * factor;
}

} // namespace topograph
