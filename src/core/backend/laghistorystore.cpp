#include "backend/laghistorystore.h"

#include "lag/lagprinter.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

const QString kTable = u"topograph_lag_samples"_s;

QVariant optionalValue(const std::optional<double>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

QVariant optionalValue(const std::optional<qint64>& value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::LongLong));
}

} // namespace

LagHistoryStore::LagHistoryStore(const Backend& backend)
    : m_backend(backend)
{ }

QString LagHistoryStore::sourceName(LagSource source)
{
    return LagPrinter::sourceName(source); // the CLI's words, so a row reads like its output
}

LagSource LagHistoryStore::sourceFromName(const QString& name)
{
    for (const LagSource source :
        { LagSource::Heartbeat, LagSource::Query, LagSource::SecondsBehindMaster }) {
        if (name == sourceName(source)) {
            return source;
        }
    }
    return LagSource::Heartbeat;
}

Result<void> LagHistoryStore::write(const KeyedLagSamples& samples) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable;
    }
    if (auto own = m_backend.ensureOwnTable(kTable); !own) {
        return own;
    }
    return m_backend.transaction([&]() -> Result<void> {
        for (const auto& [key, sample] : samples) {
            // REPLACE: the same in SQLite and MySQL; the step is the primary key.
            auto done = m_backend.exec(
                u"REPLACE INTO topograph_lag_samples (hostname, port, sample_time, lag_seconds, "
                "seconds_behind_master, lag_source, heartbeat_seconds) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
                { key.host, key.port, Backend::toDb(sample.at), optionalValue(sample.lag),
                    optionalValue(sample.secondsBehindMaster), sourceName(sample.source),
                    optionalValue(sample.heartbeat) });
            if (!done) {
                return done.error();
            }
        }
        return {};
    });
}

Result<QList<LagSample>> LagHistoryStore::read(
    const InstanceKey& key, const QDateTime& from, const QDateTime& to) const
{
    if (!m_backend.hasOwnTable(kTable)) {
        return QList<LagSample> {}; // nothing kept yet (a backend orchestrator made)
    }
    QString sql = u"SELECT sample_time, lag_seconds, seconds_behind_master, lag_source, "
                  "heartbeat_seconds FROM topograph_lag_samples WHERE hostname = ? AND port = ? "
                  "AND sample_time >= ?"_s;
    QVariantList binds { key.host, key.port, Backend::toDb(from) };
    if (to.isValid()) {
        sql += u" AND sample_time < ?"_s;
        binds << Backend::toDb(to);
    }
    sql += u" ORDER BY sample_time"_s;
    auto rows = m_backend.select(sql, binds);
    if (!rows) {
        return rows.error();
    }
    QList<LagSample> samples;
    samples.reserve(rows->size());
    for (const SqlRow& row : *rows) {
        LagSample s;
        s.at = Backend::fromDb(row.value(u"sample_time"_s));
        const QVariant lag = row.value(u"lag_seconds"_s);
        const QVariant sbm = row.value(u"seconds_behind_master"_s);
        const QVariant heartbeat = row.value(u"heartbeat_seconds"_s);
        s.lag = lag.isNull() ? std::nullopt : std::optional<double>(lag.toDouble());
        s.secondsBehindMaster
            = sbm.isNull() ? std::nullopt : std::optional<qint64>(sbm.toLongLong());
        s.heartbeat
            = heartbeat.isNull() ? std::nullopt : std::optional<double>(heartbeat.toDouble());
        s.source = sourceFromName(row.value(u"lag_source"_s).toString());
        samples << s;
    }
    return samples;
}

Result<int> LagHistoryStore::prune(const QDateTime& before) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    if (!m_backend.hasOwnTable(kTable)) {
        return 0;
    }
    return m_backend.exec(
        u"DELETE FROM topograph_lag_samples WHERE sample_time < ?"_s, { Backend::toDb(before) });
}

} // namespace topograph
