#include "backend/equivalencestore.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

PositionEquivalence fromRow(const SqlRow& row)
{
    PositionEquivalence e;
    e.master1 = { row.value(u"master1_hostname"_s).toString(),
        static_cast<quint16>(row.value(u"master1_port"_s).toUInt()) };
    e.position1 = { row.value(u"master1_binary_log_file"_s).toString(),
        row.value(u"master1_binary_log_pos"_s).toLongLong() };
    e.master2 = { row.value(u"master2_hostname"_s).toString(),
        static_cast<quint16>(row.value(u"master2_port"_s).toUInt()) };
    e.position2 = { row.value(u"master2_binary_log_file"_s).toString(),
        row.value(u"master2_binary_log_pos"_s).toLongLong() };
    return e;
}

const QString kColumns = u"master1_hostname, master1_port, master1_binary_log_file, "
                         "master1_binary_log_pos, master2_hostname, master2_port, "
                         "master2_binary_log_file, master2_binary_log_pos"_s;

Result<QList<PositionEquivalence>> fromRows(const Result<QList<SqlRow>>& rows)
{
    if (!rows) {
        return rows.error();
    }
    QList<PositionEquivalence> found;
    for (const SqlRow& row : *rows) {
        found << fromRow(row);
    }
    return found;
}

} // namespace

Result<QList<PositionEquivalence>> EquivalenceStore::readAll() const
{
    return fromRows(m_backend.select(u"SELECT "_s + kColumns
        + u" FROM master_position_equivalence ORDER BY last_suggested DESC"_s));
}

Result<QList<PositionEquivalence>> EquivalenceStore::readFor(
    const InstanceKey& master, const BinlogPosition& position) const
{
    return fromRows(m_backend.select(u"SELECT "_s + kColumns
            + u" FROM master_position_equivalence WHERE (master1_hostname = ? AND master1_port = "
              "? AND master1_binary_log_file = ? AND master1_binary_log_pos = ?) OR "
              "(master2_hostname = ? AND master2_port = ? AND master2_binary_log_file = ? AND "
              "master2_binary_log_pos = ?) ORDER BY last_suggested DESC"_s,
        { master.host, master.port, position.file, position.pos, master.host, master.port,
            position.file, position.pos }));
}

Result<void> EquivalenceStore::record(const PositionEquivalence& e) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable;
    }
    const QString upsert = m_backend.flavor() == SqlFlavor::SQLite
        ? u"ON CONFLICT (master1_hostname, master1_port, master1_binary_log_file, "
          "master1_binary_log_pos, master2_hostname, master2_port) DO UPDATE SET "
          "master2_binary_log_file = excluded.master2_binary_log_file, master2_binary_log_pos = "
          "excluded.master2_binary_log_pos, last_suggested = excluded.last_suggested"_s
        : u"ON DUPLICATE KEY UPDATE master2_binary_log_file = VALUES(master2_binary_log_file), "
          "master2_binary_log_pos = VALUES(master2_binary_log_pos), last_suggested = "
          "VALUES(last_suggested)"_s;
    auto done = m_backend.exec(
        u"INSERT INTO master_position_equivalence (master1_hostname, master1_port, "
        "master1_binary_log_file, master1_binary_log_pos, master2_hostname, master2_port, "
        "master2_binary_log_file, master2_binary_log_pos, last_suggested) VALUES (?, ?, ?, ?, ?, "
        "?, ?, ?, ?) "_s
            + upsert,
        { e.master1.host, e.master1.port, e.position1.file, e.position1.pos, e.master2.host,
            e.master2.port, e.position2.file, e.position2.pos,
            Backend::toDb(QDateTime::currentDateTimeUtc()) });
    if (!done) {
        return done.error();
    }
    return {};
}

} // namespace topograph
