#include "probe/instancereader.h"

#include <QHostAddress>

#include <algorithm>
#include <functional>

#include "db/mysqlsession.h"
#include "lag/heartbeattable.h"
#include "logging.h"
#include "probe/dialect.h"
#include "probe/sqlvalue.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// Semi-sync variables under both spellings: the old plugin's master/slave and MySQL 8.0.26+'s
// source/replica. Absent variables (plugin not loaded) leave the flags false.
void applySemiSync(const QList<SqlRow>& rows, InstanceRecord& record)
{
    for (const SqlRow& row : rows) {
        const QString name = sqlvalue::text(row.value(u"Variable_name"_s)).toLower();
        const bool on = sqlvalue::flag(row.value(u"Value"_s));
        if (name == u"rpl_semi_sync_master_enabled"_s
            || name == u"rpl_semi_sync_source_enabled"_s) {
            record.semiSyncMasterEnabled = on;
        } else if (name == u"rpl_semi_sync_slave_enabled"_s
            || name == u"rpl_semi_sync_replica_enabled"_s) {
            record.semiSyncReplicaEnabled = on;
        }
    }
}

QString serverName(const SqlRow& variables, ServerNameMethod method)
{
    switch (method) {
    case ServerNameMethod::Hostname:
        return sqlvalue::text(variables.value(u"hostname"_s));
    case ServerNameMethod::ReportHost:
        return sqlvalue::text(variables.value(u"report_host"_s));
    case ServerNameMethod::None:
        break;
    }
    return {};
}

struct Step
{
    QString sql;
    std::function<void(const QList<SqlRow>&)> apply;
};

// A statement of the configuration may end in ';' or hold several: it goes alone.
bool batchable(const QString& sql)
{
    return !sql.contains(u';');
}

// Runs steps in order, batched (MySqlSession::queryAll), each failure appended to errors.
void runBatched(const MySqlSession& session, const QList<Step>& steps, QStringList& errors)
{
    qsizetype next = 0;
    while (next < steps.size()) {
        QStringList batch;
        for (qsizetype i = next; i < steps.size(); ++i) {
            if (!batchable(steps.at(i).sql) && !batch.isEmpty()) {
                break;
            }
            batch << steps.at(i).sql;
            if (!batchable(steps.at(i).sql)) {
                break;
            }
        }
        if (batch.size() == 1) {
            auto rows = session.query(batch.first());
            if (rows) {
                steps.at(next).apply(*rows);
            } else {
                errors.append(rows.error().message);
            }
            ++next;
            continue;
        }
        const StatementAnswers answers = session.queryAll(batch.join(u";\n"_s));
        const qsizetype answered = std::min(answers.results.size(), batch.size());
        for (qsizetype k = 0; k < answered; ++k) {
            steps.at(next + k).apply(answers.results.at(k));
        }
        next += answered;
        if (answers.error) {
            errors.append(answers.error->message);
            ++next; // the statement that failed; the rest go in a new batch
        } else if (answered < batch.size()) {
            // Fewer answers than statements and no error: cannot happen with statements that
            // all return rows; said rather than assumed.
            errors.append(u"%1 answered %2 of %3 statements"_s.arg(session.key().toString(),
                QString::number(answered), QString::number(batch.size())));
            next += batch.size() - answered;
        }
    }
}

} // namespace

QList<InstanceKey> InstanceReader::processlistKeys(
    const QList<QVariantMap>& rows, quint16 defaultPort, const InstanceKey& self)
{
    QList<InstanceKey> keys;
    for (const QVariantMap& row : rows) {
        QString host = sqlvalue::text(row.value(u"host"_s));
        if (host.isEmpty()) {
            host = sqlvalue::text(row.value(u"HOST"_s));
        }
        if (host.startsWith(u'[')) {
            host = host.mid(1).section(u']', 0, 0);
        } else if (host.contains(u':')) {
            // The client port comes last ("::1:40000" for IPv6 without brackets).
            host = host.left(host.lastIndexOf(u':'));
        }
        if (host.isEmpty()) {
            continue;
        }
        const QHostAddress address(host);
        if (address.protocol() == QAbstractSocket::IPv6Protocol) {
            host = address.toString(); // one spelling per address, as InstanceKey::parse does
        }
        const InstanceKey key { host, defaultPort };
        if (key != self && !keys.contains(key)) {
            keys.append(key);
        }
    }
    std::sort(keys.begin(), keys.end());
    return keys;
}

InstanceReader::Answer InstanceReader::read(
    const MySqlSession& session, const ProbeOptions& options, InstanceRecord& record)
{
    Answer answer;
    auto identity = session.queryRow(Dialect::identityQuery());
    if (!identity) {
        answer.errors.append(identity.error().message);
        return answer;
    }
    record.version = sqlvalue::text(identity->value(u"version"_s));
    record.versionComment = sqlvalue::text(identity->value(u"version_comment"_s));
    const Dialect dialect = Dialect::forVersion(record.version, record.versionComment);
    record.flavor = dialect.flavor();
    if (!dialect.isSupported()) {
        qCDebug(lcProbe).noquote() << record.key.toString() << "runs" << dialect.name()
                                   << "which Topograph does not support; reading it anyway";
    }

    // Every statement after the identity, in as few round trips as the server allows: one
    // multi-statement batch, and after a failed statement a new batch of the rest (the server
    // runs none after a failure), so that each failure is still reported on its own.
    QList<Step> steps;
    auto step = [&](const QString& sql, const std::function<void(const QList<SqlRow>&)>& apply) {
        steps.append({ sql, apply });
    };
    auto first
        = [](const QList<SqlRow>& rows) { return rows.isEmpty() ? SqlRow {} : rows.first(); };

    step(dialect.variablesQuery(), [&](const QList<SqlRow>& rows) {
        dialect.applyVariables(first(rows), record);
        answer.serverReportedHost = serverName(first(rows), options.nameMethod);
    });
    step(u"SHOW GLOBAL STATUS LIKE 'Uptime'"_s, [&](const QList<SqlRow>& rows) {
        record.uptimeSeconds = sqlvalue::integer(first(rows).value(u"Value"_s));
    });
    step(u"SHOW GLOBAL VARIABLES LIKE 'rpl_semi_sync_%_enabled'"_s,
        [&](const QList<SqlRow>& rows) { applySemiSync(rows, record); });
    step(dialect.masterStatusStatement(),
        [&](const QList<SqlRow>& rows) { dialect.applyMasterStatus(first(rows), record); });
    step(dialect.gtidQuery(),
        [&](const QList<SqlRow>& rows) { dialect.applyGtid(first(rows), record); });
    // The lag is Seconds_Behind_Master unless a lag query (a later step) answers.
    step(dialect.replicaStatusStatement(), [&](const QList<SqlRow>& rows) {
        dialect.applyReplicaStatus(first(rows), record);
        record.replicationLagSeconds = record.secondsBehindMaster;
    });
    if (options.replicaListing == ReplicaListing::Processlist) {
        step(dialect.processlistReplicasQuery(), [&](const QList<SqlRow>& rows) {
            record.replicaKeys = processlistKeys(rows, options.defaultPort, record.key);
        });
    } else {
        step(dialect.replicaHostsStatement(),
            [&](const QList<SqlRow>& rows) { dialect.applyReplicaHosts(rows, record); });
    }
    // Without a lag query the replica's own Seconds_Behind_Master is the lag (as orchestrator
    // does), and so it stays when the query fails. A failing lag query counts as a failed
    // statement: a broken ReplicationLagQuery must show up on every instance, not disappear into a
    // log.
    if (!options.replicationLagQuery.isEmpty()) {
        step(options.replicationLagQuery, [&](const QList<SqlRow>& rows) {
            const SqlRow row = first(rows);
            record.replicationLagSeconds
                = row.isEmpty() ? std::nullopt : sqlvalue::optionalInteger(row.first());
        });
    }
    // The alias an instance suggests for its cluster; the master's becomes the cluster's.
    if (!options.detectClusterAliasQuery.isEmpty()) {
        step(options.detectClusterAliasQuery, [&](const QList<SqlRow>& rows) {
            const SqlRow row = first(rows);
            record.suggestedClusterAlias = row.isEmpty() ? QString() : row.first().toString();
        });
    }
    // Where it lives: the host name's pattern first; a query, when set, overrides it.
    LocationSource::applyPatterns(options.locationSources, record);
    for (const LocationSource& source : options.locationSources) {
        if (!source.query.isEmpty()) {
            step(source.query, [&](const QList<SqlRow>& rows) {
                const SqlRow row = first(rows);
                record.*(source.field) = row.isEmpty() ? QString() : row.first().toString();
            });
        }
    }
    runBatched(session, steps, answer.errors);

    // pt-heartbeat's rows, for fake-lag checks and heartbeat-clean plans. Most fleets have no
    // such table, and one that cannot be read does not make the instance's own state partial:
    // the reason is kept beside the rows instead of among the probe's errors.
    if (!options.heartbeatQuery.isEmpty()) {
        const StatementAnswers heartbeat = session.queryAll(options.heartbeatQuery);
        if (!heartbeat.error) {
            record.heartbeatRows = HeartbeatTable::parseRows(heartbeat.results.value(0));
        } else if (!HeartbeatTable::isMissingTable(heartbeat.serverErrorCode)) {
            record.heartbeatError = heartbeat.error->message;
        }
    }
    answer.outcome = answer.errors.isEmpty() ? Outcome::Complete : Outcome::Partial;
    return answer;
}

} // namespace topograph
