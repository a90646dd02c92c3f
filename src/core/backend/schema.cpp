#include "backend/schema.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

const QString kAutoKey = u"{AUTO_KEY}"_s;

// orchestrator's database_instance, with the columns its tools and fixtures use. Thread states:
// 1 running, 0 stopped, -1 no thread, 2 connecting; they default to running as orchestrator's do.
const QString kDatabaseInstance = uR"(
  hostname varchar(128) NOT NULL,
  port smallint unsigned NOT NULL,
  last_checked timestamp NULL DEFAULT NULL,
  last_attempted_check timestamp NULL DEFAULT NULL,
  last_check_partial_success tinyint unsigned NOT NULL DEFAULT 0,
  last_seen timestamp NULL DEFAULT NULL,
  first_seen timestamp NULL DEFAULT NULL,
  uptime int unsigned NOT NULL DEFAULT 0,
  server_id int unsigned NOT NULL DEFAULT 0,
  server_uuid varchar(64) NOT NULL DEFAULT '',
  version varchar(128) NOT NULL DEFAULT '',
  major_version varchar(16) NOT NULL DEFAULT '',
  version_comment varchar(128) NOT NULL DEFAULT '',
  binlog_server tinyint unsigned NOT NULL DEFAULT 0,
  read_only tinyint unsigned NOT NULL DEFAULT 0,
  binlog_format varchar(16) NOT NULL DEFAULT '',
  binlog_row_image varchar(16) NOT NULL DEFAULT '',
  log_bin tinyint unsigned NOT NULL DEFAULT 0,
  log_slave_updates tinyint unsigned NOT NULL DEFAULT 0,
  binary_log_file varchar(128) NOT NULL DEFAULT '',
  binary_log_pos bigint unsigned NOT NULL DEFAULT 0,
  master_host varchar(128) NOT NULL DEFAULT '',
  master_port smallint unsigned NOT NULL DEFAULT 0,
  slave_sql_running tinyint unsigned NOT NULL DEFAULT 0,
  slave_io_running tinyint unsigned NOT NULL DEFAULT 0,
  replication_sql_thread_state tinyint NOT NULL DEFAULT 1,
  replication_io_thread_state tinyint NOT NULL DEFAULT 1,
  has_replication_filters tinyint unsigned NOT NULL DEFAULT 0,
  supports_oracle_gtid tinyint unsigned NOT NULL DEFAULT 0,
  oracle_gtid tinyint unsigned NOT NULL DEFAULT 0,
  master_uuid varchar(64) NOT NULL DEFAULT '',
  ancestry_uuid text,
  executed_gtid_set text,
  gtid_mode varchar(32) NOT NULL DEFAULT '',
  gtid_purged text,
  gtid_errant text,
  mariadb_gtid tinyint unsigned NOT NULL DEFAULT 0,
  pseudo_gtid tinyint unsigned NOT NULL DEFAULT 0,
  master_log_file varchar(128) NOT NULL DEFAULT '',
  read_master_log_pos bigint unsigned NOT NULL DEFAULT 0,
  relay_master_log_file varchar(128) NOT NULL DEFAULT '',
  exec_master_log_pos bigint unsigned NOT NULL DEFAULT 0,
  relay_log_file varchar(128) NOT NULL DEFAULT '',
  relay_log_pos bigint unsigned NOT NULL DEFAULT 0,
  last_sql_error text,
  last_io_error text,
  seconds_behind_master bigint unsigned NULL DEFAULT NULL,
  slave_lag_seconds bigint unsigned NULL DEFAULT NULL,
  sql_delay int unsigned NOT NULL DEFAULT 0,
  allow_tls tinyint unsigned NOT NULL DEFAULT 0,
  num_slave_hosts int unsigned NOT NULL DEFAULT 0,
  slave_hosts text,
  cluster_name varchar(128) NOT NULL DEFAULT '',
  suggested_cluster_alias varchar(128) NOT NULL DEFAULT '',
  data_center varchar(32) NOT NULL DEFAULT '',
  region varchar(32) NOT NULL DEFAULT '',
  physical_environment varchar(32) NOT NULL DEFAULT '',
  instance_alias varchar(128) NOT NULL DEFAULT '',
  replication_depth tinyint unsigned NOT NULL DEFAULT 0,
  is_co_master tinyint unsigned NOT NULL DEFAULT 0,
  replication_credentials_available tinyint unsigned NOT NULL DEFAULT 0,
  has_replication_credentials tinyint unsigned NOT NULL DEFAULT 0,
  semi_sync_enforced tinyint unsigned NOT NULL DEFAULT 0,
  semi_sync_available tinyint unsigned NOT NULL DEFAULT 0,
  semi_sync_master_enabled tinyint unsigned NOT NULL DEFAULT 0,
  semi_sync_master_timeout bigint unsigned NOT NULL DEFAULT 0,
  semi_sync_master_wait_for_slave_count int unsigned NOT NULL DEFAULT 0,
  semi_sync_master_status tinyint unsigned NOT NULL DEFAULT 0,
  semi_sync_master_clients int unsigned NOT NULL DEFAULT 0,
  semi_sync_replica_enabled tinyint unsigned NOT NULL DEFAULT 0,
  semi_sync_replica_status tinyint unsigned NOT NULL DEFAULT 0,
  last_discovery_latency bigint NOT NULL DEFAULT 0,
  replication_group_name varchar(64) NOT NULL DEFAULT '',
  replication_group_is_single_primary_mode tinyint unsigned NOT NULL DEFAULT 1,
  replication_group_member_state varchar(16) NOT NULL DEFAULT '',
  replication_group_member_role varchar(16) NOT NULL DEFAULT '',
  replication_group_members text,
  replication_group_primary_host varchar(128) NOT NULL DEFAULT '',
  replication_group_primary_port smallint unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY (hostname, port)
)"_s;

const QList<TableDef> kTables {
    { u"topograph_schema"_s, uR"(version int NOT NULL, description varchar(255) NOT NULL DEFAULT '',
  app_version varchar(32) NOT NULL DEFAULT '', applied_at timestamp NULL DEFAULT NULL,
  PRIMARY KEY (version))"_s,
        {} },
    { u"database_instance"_s, kDatabaseInstance,
        { u"cluster_name_idx_database_instance (cluster_name)"_s,
            u"last_checked_idx_database_instance (last_checked)"_s,
            u"master_host_port_idx_database_instance (master_host, master_port)"_s } },
    { u"hostname_resolve"_s,
        uR"(hostname varchar(128) NOT NULL, resolved_hostname varchar(128) NOT NULL,
  resolved_timestamp timestamp NULL DEFAULT NULL, PRIMARY KEY (hostname))"_s,
        { u"resolved_timestamp_idx_hostname_resolve (resolved_timestamp)"_s } },
    { u"hostname_unresolve"_s,
        uR"(hostname varchar(128) NOT NULL, unresolved_hostname varchar(128) NOT NULL,
  last_registered timestamp NULL DEFAULT NULL, PRIMARY KEY (hostname))"_s,
        { u"unresolved_hostname_idx_hostname_unresolve (unresolved_hostname)"_s } },
    { u"cluster_alias"_s, uR"(cluster_name varchar(128) NOT NULL, alias varchar(128) NOT NULL,
  last_registered timestamp NULL DEFAULT NULL, PRIMARY KEY (cluster_name))"_s,
        {} },
    { u"cluster_alias_override"_s,
        uR"(cluster_name varchar(128) NOT NULL, alias varchar(128) NOT NULL,
  PRIMARY KEY (cluster_name))"_s,
        {} },
    { u"database_instance_maintenance"_s, uR"(database_instance_maintenance_id {AUTO_KEY},
  hostname varchar(128) NOT NULL, port smallint unsigned NOT NULL,
  maintenance_active tinyint NULL DEFAULT NULL,
  begin_timestamp timestamp NULL DEFAULT NULL, end_timestamp timestamp NULL DEFAULT NULL,
  owner varchar(128) NOT NULL DEFAULT '', reason text,
  processing_node_hostname varchar(128) NOT NULL DEFAULT '',
  processing_node_token varchar(128) NOT NULL DEFAULT '',
  explicitly_bounded tinyint unsigned NOT NULL DEFAULT 0)"_s,
        { u"UNIQUE maintenance_uidx_database_instance_maintenance "
          "(maintenance_active, hostname, port)"_s } },
    { u"database_instance_downtime"_s,
        uR"(hostname varchar(128) NOT NULL, port smallint unsigned NOT NULL,
  downtime_active tinyint NULL DEFAULT NULL,
  begin_timestamp timestamp NULL DEFAULT NULL, end_timestamp timestamp NULL DEFAULT NULL,
  owner varchar(128) NOT NULL DEFAULT '', reason text, PRIMARY KEY (hostname, port))"_s,
        {} },
    { u"database_instance_tags"_s,
        uR"(hostname varchar(128) NOT NULL, port smallint unsigned NOT NULL,
  tag_name varchar(128) NOT NULL, tag_value varchar(128) NOT NULL DEFAULT '',
  last_updated timestamp NULL DEFAULT NULL, PRIMARY KEY (hostname, port, tag_name))"_s,
        { u"tag_name_idx_database_instance_tags (tag_name)"_s } },
    { u"candidate_database_instance"_s,
        uR"(hostname varchar(128) NOT NULL, port smallint unsigned NOT NULL,
  last_suggested timestamp NULL DEFAULT NULL, priority tinyint NOT NULL DEFAULT 1,
  promotion_rule varchar(16) NOT NULL DEFAULT 'neutral', PRIMARY KEY (hostname, port))"_s,
        {} },
    { u"database_instance_stale_binlog_coordinates"_s,
        uR"(hostname varchar(128) NOT NULL, port smallint unsigned NOT NULL,
  binary_log_file varchar(128) NOT NULL DEFAULT '', binary_log_pos bigint unsigned NOT NULL
  DEFAULT 0, first_seen timestamp NULL DEFAULT NULL, PRIMARY KEY (hostname, port))"_s,
        {} },
    { u"audit"_s, uR"(audit_id {AUTO_KEY}, audit_timestamp timestamp NULL DEFAULT NULL,
  audit_type varchar(128) NOT NULL, hostname varchar(128) NOT NULL DEFAULT '',
  port smallint unsigned NOT NULL DEFAULT 0, cluster_name varchar(128) NOT NULL DEFAULT '',
  message text)"_s,
        { u"audit_timestamp_idx_audit (audit_timestamp)"_s,
            u"host_port_idx_audit (hostname, port)"_s } },
    { u"master_position_equivalence"_s, uR"(equivalence_id {AUTO_KEY},
  master1_hostname varchar(128) NOT NULL, master1_port smallint unsigned NOT NULL,
  master1_binary_log_file varchar(128) NOT NULL, master1_binary_log_pos bigint unsigned NOT NULL,
  master2_hostname varchar(128) NOT NULL, master2_port smallint unsigned NOT NULL,
  master2_binary_log_file varchar(128) NOT NULL, master2_binary_log_pos bigint unsigned NOT NULL,
  last_suggested timestamp NULL DEFAULT NULL)"_s,
        { u"UNIQUE equivalence_uidx_master_position_equivalence (master1_hostname, master1_port, "
          "master1_binary_log_file, master1_binary_log_pos, master2_hostname, master2_port)"_s } },
    // The coarse lag history (LagStepAggregator's steps). Migration 3 adds lag_source and
    // heartbeat_seconds, and an index on sample_time for pruning by age.
    { u"topograph_lag_samples"_s,
        uR"(hostname varchar(128) NOT NULL, port smallint unsigned NOT NULL,
  sample_time timestamp NOT NULL, lag_seconds double NULL DEFAULT NULL,
  seconds_behind_master bigint NULL DEFAULT NULL, PRIMARY KEY (hostname, port, sample_time))"_s,
        {} },
    // Who wrote each audit row (orchestrator's audit table has no such column): the audit
    // dock's owner.
    { u"topograph_audit_owner"_s,
        uR"(audit_id bigint NOT NULL, owner varchar(128) NOT NULL DEFAULT '', PRIMARY KEY (audit_id))"_s,
        {} },
};

const QList<Migration> kMigrations {
    { 1, u"orchestrator-compatible instance, resolve, alias, maintenance, tag and audit tables"_s,
        u"0.1.0"_s,
        { u"topograph_schema"_s, u"database_instance"_s, u"hostname_resolve"_s,
            u"hostname_unresolve"_s, u"cluster_alias"_s, u"cluster_alias_override"_s,
            u"database_instance_maintenance"_s, u"database_instance_downtime"_s,
            u"database_instance_tags"_s, u"candidate_database_instance"_s,
            u"database_instance_stale_binlog_coordinates"_s, u"audit"_s,
            u"master_position_equivalence"_s } },
    { 2, u"lag samples kept between runs"_s, u"0.1.0"_s, { u"topograph_lag_samples"_s } },
    { 3, u"lag samples record their source and heartbeat value; pruned by time"_s, u"0.1.0"_s, {},
        { { u"topograph_lag_samples"_s, u"lag_source"_s, u"varchar(16) NOT NULL DEFAULT ''"_s },
            { u"topograph_lag_samples"_s, u"heartbeat_seconds"_s, u"double NULL DEFAULT NULL"_s } },
        { { u"topograph_lag_samples"_s, u"sample_time_idx_topograph_lag_samples"_s,
            u"(sample_time)"_s } } },
    { 4, u"the owner of each audit row"_s, u"0.1.0"_s, { u"topograph_audit_owner"_s } },
};

} // namespace

int Schema::currentVersion()
{
    return kMigrations.last().version;
}

const QList<Migration>& Schema::migrations()
{
    return kMigrations;
}

const QList<TableDef>& Schema::tables()
{
    return kTables;
}

const TableDef* Schema::table(const QString& name)
{
    for (const TableDef& t : kTables) {
        if (t.name == name) {
            return &t;
        }
    }
    return nullptr;
}

QStringList Schema::createStatements(const TableDef& table, SqlFlavor flavor)
{
    QString columns = table.columns;
    columns.replace(kAutoKey,
        flavor == SqlFlavor::SQLite ? u"integer PRIMARY KEY AUTOINCREMENT"_s
                                    : u"int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY"_s);
    QString create = u"CREATE TABLE "_s + table.name + u" ("_s + columns.trimmed() + u')';
    if (flavor == SqlFlavor::MySQL) {
        create += u" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"_s;
    }
    QStringList statements { create };
    for (const QString& index : table.indexes) {
        const bool unique = index.startsWith(u"UNIQUE "_s);
        const QString spec = unique ? index.mid(7) : index;
        const QString name = spec.section(u' ', 0, 0);
        const QString cols = spec.section(u' ', 1);
        statements << (unique ? u"CREATE UNIQUE INDEX "_s : u"CREATE INDEX "_s) + name + u" ON "_s
                + table.name + u' ' + cols;
    }
    return statements;
}

} // namespace topograph
