#include "ops/opsdialect.h"

#include "probe/dialect.h"

using namespace Qt::StringLiterals;

namespace topograph {

OpsDialect OpsDialect::forRecord(const InstanceRecord& record)
{
    const Dialect dialect = Dialect::forVersion(record.version, record.versionComment);
    OpsDialect ops;
    // The probe sets the flavour; the version string alone may not say "MariaDB".
    ops.m_flavor = record.flavor != Flavor::Unknown ? record.flavor : dialect.flavor();
    const bool mysql = ops.m_flavor == Flavor::MySQL;
    ops.m_replicaWords = mysql && dialect.atLeast(8, 0, 22);
    ops.m_sourceWords = mysql && dialect.atLeast(8, 0, 23);
    return ops;
}

QString OpsDialect::stopReplica() const
{
    return m_replicaWords ? u"STOP REPLICA"_s : u"STOP SLAVE"_s;
}

QString OpsDialect::startReplica() const
{
    return m_replicaWords ? u"START REPLICA"_s : u"START SLAVE"_s;
}

QString OpsDialect::startUntil(const CoordinateRef& until) const
{
    const QString words = m_sourceWords ? u"SOURCE"_s : u"MASTER"_s;
    return u"%1 UNTIL %2_LOG_FILE='%3', %2_LOG_POS=%4"_s.arg(
        startReplica(), words, until.filePlaceholder(), until.posPlaceholder());
}

QString OpsDialect::replicaStatus() const
{
    return m_replicaWords ? u"SHOW REPLICA STATUS"_s : u"SHOW SLAVE STATUS"_s;
}

QString OpsDialect::changeMasterPrefix(const QString& hostLiteral, quint16 port) const
{
    if (m_sourceWords) {
        return u"CHANGE REPLICATION SOURCE TO SOURCE_HOST=%1, SOURCE_PORT=%2"_s.arg(hostLiteral)
            .arg(port);
    }
    return u"CHANGE MASTER TO MASTER_HOST=%1, MASTER_PORT=%2"_s.arg(hostLiteral).arg(port);
}

QString OpsDialect::changeMasterAt(
    const QString& hostLiteral, quint16 port, const CoordinateRef& at) const
{
    const QString words = m_sourceWords ? u"SOURCE"_s : u"MASTER"_s;
    return changeMasterPrefix(hostLiteral, port)
        + u", %1_LOG_FILE='%2', %1_LOG_POS=%3"_s.arg(
            words, at.filePlaceholder(), at.posPlaceholder());
}

QString OpsDialect::changeMasterAtPosition(
    const QString& hostLiteral, quint16 port, const QString& fileLiteral, qint64 pos) const
{
    const QString words = m_sourceWords ? u"SOURCE"_s : u"MASTER"_s;
    return changeMasterPrefix(hostLiteral, port)
        + u", %1_LOG_FILE=%2, %1_LOG_POS=%3"_s.arg(words, fileLiteral, QString::number(pos));
}

QString OpsDialect::changeMasterGtid(
    const QString& hostLiteral, quint16 port, GtidPositioning positioning) const
{
    return changeMasterPrefix(hostLiteral, port) + u", "_s + gtidOption(positioning);
}

QString OpsDialect::setReadOnly(bool on) const
{
    return on ? u"SET GLOBAL read_only=1"_s : u"SET GLOBAL read_only=0"_s;
}

QString OpsDialect::gtidOption(GtidPositioning positioning) const
{
    switch (positioning) {
    case GtidPositioning::MariaDbSlavePos:
        return u"MASTER_USE_GTID=slave_pos"_s;
    case GtidPositioning::MariaDbCurrentPos:
        return u"MASTER_USE_GTID=current_pos"_s;
    case GtidPositioning::MySqlAutoPosition:
        break;
    }
    return m_sourceWords ? u"SOURCE_AUTO_POSITION=1"_s : u"MASTER_AUTO_POSITION=1"_s;
}

} // namespace topograph
