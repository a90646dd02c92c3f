#include "probe/instanceprobe.h"

#include <QElapsedTimer>

#include "db/mysqlsession.h"
#include "lag/heartbeattable.h"
#include "logging.h"
#include "probe/instancereader.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// One attempt on one session: fills record and the reported name, returns the reader's outcome.
InstanceReader::Outcome readInto(const MySqlSession& session, const ProbeOptions& options,
    InstanceRecord& record, QString& serverName)
{
    const InstanceKey key = record.key;
    const QDateTime attempted = record.lastAttemptedCheck;
    record = InstanceRecord {};
    record.key = key;
    record.lastAttemptedCheck = attempted;
    InstanceReader::Answer answer = InstanceReader::read(session, options, record);
    serverName = answer.serverReportedHost;
    record.lastError = answer.errors.join(u"; "_s);
    record.lastCheckPartialSuccess = answer.outcome == InstanceReader::Outcome::Partial;
    return answer.outcome;
}

} // namespace

ServerNameMethod ProbeOptions::parseNameMethod(const QString& configValue)
{
    const QString value = configValue.trimmed().toLower();
    if (value == u"@@hostname"_s) {
        return ServerNameMethod::Hostname;
    }
    if (value == u"@@report_host"_s) {
        return ServerNameMethod::ReportHost;
    }
    return ServerNameMethod::None;
}

ProbeOptions ProbeOptions::fromConfiguration(const Configuration& config)
{
    ProbeOptions options;
    options.nameMethod = parseNameMethod(config.mysqlHostnameResolveMethod);
    options.replicaListing = config.discoverByShowSlaveHosts ? ReplicaListing::ShowSlaveHosts
                                                             : ReplicaListing::Processlist;
    options.defaultPort = static_cast<quint16>(config.defaultInstancePort);
    options.replicationLagQuery = config.replicationLagQuery.trimmed();
    options.detectClusterAliasQuery = config.detectClusterAliasQuery.trimmed();
    options.locationSources = LocationSource::fromConfiguration(config);
    // The loader refuses a bad HeartbeatTable; one set in code that is not valid reads nothing.
    if (auto table = HeartbeatTable::fromConfiguration(config); table && table->isEnabled()) {
        options.heartbeatQuery = table->selectRows();
    }
    return options;
}

InstanceRecord InstanceProbe::probe(const ConnectionSettings& settings)
{
    return probe(settings, ProbeOptions {}).record;
}

ProbeResult InstanceProbe::probeWithName(const ConnectionSettings& settings, const QString& method)
{
    ProbeOptions options;
    options.nameMethod = ProbeOptions::parseNameMethod(method);
    return probe(settings, options);
}

ProbeResult InstanceProbe::probe(const ConnectionSettings& settings, const ProbeOptions& options)
{
    std::unique_ptr<MySqlSession> session;
    return probe(session, settings, options);
}

ProbeResult InstanceProbe::probe(std::unique_ptr<MySqlSession>& session,
    const ConnectionSettings& settings, const ProbeOptions& options)
{
    QElapsedTimer timer;
    timer.start();
    ProbeResult result;
    InstanceRecord& record = result.record;
    record.key = settings.key;
    record.lastAttemptedCheck = QDateTime::currentDateTimeUtc();

    auto outcome = InstanceReader::Outcome::Failed;
    if (session) {
        outcome = readInto(*session, options, record, result.serverReportedHost);
        if (outcome == InstanceReader::Outcome::Failed) {
            qCDebug(lcProbe).noquote() << "kept connection to" << settings.key.toString()
                                       << "failed, reconnecting:" << record.lastError;
            session.reset();
        }
    }
    if (!session) {
        auto opened = MySqlSession::open(settings, u"probe"_s);
        if (opened) {
            session = std::move(opened).value();
            outcome = readInto(*session, options, record, result.serverReportedHost);
        } else {
            record.lastError = opened.error().message;
        }
    }

    if (session) {
        record.tlsState = session->tlsState();
    }
    record.lastChecked = QDateTime::currentDateTimeUtc();
    record.probeLatencyMs = timer.elapsed();
    record.reachable = outcome == InstanceReader::Outcome::Complete;
    if (record.reachable) {
        record.lastSeen = record.lastChecked;
    } else {
        // A partial success keeps its connection (a missing privilege does not break it). One
        // left half-dead by a timeout fails its next first statement and is reopened then.
        if (outcome == InstanceReader::Outcome::Failed) {
            session.reset();
        }
        qCDebug(lcProbe).noquote()
            << "probe of" << settings.key.toString() << "failed:" << record.lastError;
    }
    qCDebug(lcProbe).noquote() << "probed" << settings.key.toString() << "in"
                               << record.probeLatencyMs << "ms";
    return result;
}

} // namespace topograph
