#pragma once

#include <QList>
#include <QString>
#include <QVariantMap>

#include "probe/instancerecord.h"

namespace topograph {

// The SQL that differs between server flavours and versions, and how to read its answers. Built
// from @@version and @@version_comment; everything outside this class spells only SQL that every
// supported server understands (DESIGN §5). Supported: MariaDB 10.3+, MySQL 5.7, 8.0 and 8.4
// (and the 8.x innovation releases in between). The version boundaries that matter:
//   MySQL 8.0.22  SHOW REPLICA STATUS / SHOW REPLICAS with Source_* / Replica_* column names
//   MySQL 8.0.26  log_replica_updates replaces log_slave_updates
//   MySQL 8.2.0   SHOW BINARY LOG STATUS replaces SHOW MASTER STATUS (removed in 8.4)
// MariaDB keeps the SLAVE/MASTER spellings and its own GTID variables on every version.
class Dialect final
{
public:
    // An unparsable version gives Flavor::Unknown with the oldest (most widely understood) syntax.
    static Dialect forVersion(const QString& version, const QString& versionComment);

    Flavor flavor() const { return m_flavor; }
    int major() const { return m_major; }
    int minor() const { return m_minor; }
    int patch() const { return m_patch; }
    // True when this version is at least major.minor.patch.
    bool atLeast(int major, int minor, int patch) const;
    // MariaDB 10.3+ or MySQL 5.7+.
    bool isSupported() const;
    // "MariaDB 10.11.6", "MySQL 8.0.36", for messages.
    QString name() const;

    // Portable: the first statement of every probe, before the dialect is known.
    static QString identityQuery();
    // server_id, read_only, log_bin, log_slave_updates, binlog format/row image, @@hostname,
    // @@report_host (and server_uuid on MySQL), each under a fixed alias.
    QString variablesQuery() const;
    QString gtidQuery() const;
    QString masterStatusStatement() const;
    QString replicaStatusStatement() const;
    QString replicaHostsStatement() const;
    // Replica connections as the master sees them (used when DiscoverByShowSlaveHosts is off).
    QString processlistReplicasQuery() const;

    void applyVariables(const QVariantMap& row, InstanceRecord& record) const;
    void applyGtid(const QVariantMap& row, InstanceRecord& record) const;
    void applyMasterStatus(const QVariantMap& row, InstanceRecord& record) const;
    // One row of the replica status statement (an empty row means "not a replica").
    void applyReplicaStatus(const QVariantMap& row, InstanceRecord& record) const;
    // The rows of the replica hosts statement; entries without a reported host or port are
    // skipped (a replica without report_host/report_port cannot be addressed).
    void applyReplicaHosts(const QList<QVariantMap>& rows, InstanceRecord& record) const;

private:
    Flavor m_flavor = Flavor::Unknown;
    int m_major = 0;
    int m_minor = 0;
    int m_patch = 0;

    bool isMySql() const { return m_flavor == Flavor::MySQL; }
    // MySQL 8.0.22+: REPLICA/SOURCE statement and column names.
    bool usesReplicaTerms() const;
};

} // namespace topograph
