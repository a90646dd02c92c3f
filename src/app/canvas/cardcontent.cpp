#include "canvas/cardcontent.h"

#include <algorithm>

#include <QStringList>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

// "10.11.6" from "10.11.6-MariaDB-log": the suffix repeats what the flavour already says.
QString shortVersion(const QString& version)
{
    return version.section(u'-', 0, 0);
}

QString flavorName(Flavor flavor)
{
    switch (flavor) {
    case Flavor::MariaDB:
        return u"MariaDB"_s;
    case Flavor::MySQL:
        return u"MySQL"_s;
    case Flavor::Unknown:
        break;
    }
    return {};
}

} // namespace

QString CardContent::shortDuration(qint64 seconds)
{
    if (seconds < 1000) {
        return tr("%1s").arg(seconds);
    }
    if (seconds < 100 * 60) {
        return tr("%1m").arg(seconds / 60);
    }
    if (seconds < 100 * 3600) {
        return tr("%1h").arg(seconds / 3600);
    }
    return tr("%1d").arg(seconds / 86400);
}

QString CardContent::ageOf(const QDateTime& then, const QDateTime& now)
{
    if (!then.isValid() || !now.isValid()) {
        return tr("never checked");
    }
    const qint64 seconds = std::max<qint64>(0, then.secsTo(now));
    if (seconds < 60) {
        return tr("%1s ago").arg(seconds);
    }
    if (seconds < 3600) {
        return tr("%1m ago").arg(seconds / 60);
    }
    if (seconds < 86400) {
        return tr("%1h ago").arg(seconds / 3600);
    }
    return tr("%1d ago").arg(seconds / 86400);
}

QString CardContent::tlsText(TlsState state)
{
    switch (state) {
    case TlsState::Verified:
        return tr("Connection: TLS, server identity verified");
    case TlsState::Encrypted:
        return tr("Connection: TLS, server identity NOT verified (SSLSkipVerify)");
    case TlsState::Plain:
        break;
    }
    return tr("Connection: not encrypted");
}

QString CardContent::problemText(Problem problem)
{
    switch (problem) {
    case Problem::Unreachable:
        return tr("unreachable");
    case Problem::Unchecked:
        return tr("not checked recently");
    case Problem::ReplicationError:
        return tr("replication error");
    case Problem::NotReplicating:
        return tr("replication stopped");
    case Problem::Lagging:
        return tr("lagging");
    case Problem::FakeLag:
        return tr("stale heartbeat rows (fake lag)");
    case Problem::Ghost:
        return tr("ghost cluster");
    case Problem::Analysis:
        return tr("replication analysis");
    }
    return {};
}

CardContent CardContent::of(const InstanceRecord& r, const QString& alias, const QDateTime& now,
    const InstanceStatus::Thresholds& thresholds, const std::optional<InstanceKey>& coMasterPartner)
{
    const InstanceStatus status = InstanceStatus::of(r, now, thresholds);
    const QString key = r.key.toString();
    const QString name = !alias.isEmpty() ? alias : r.instanceAlias;

    CardContent c;
    c.status = status.status;
    c.title = name.isEmpty() ? key : name;
    c.ageText = ageOf(r.lastChecked, now);
    if (coMasterPartner) {
        c.coMasterOf = coMasterPartner->toString();
    }

    if (!r.version.isEmpty()) {
        c.chips.append({ shortVersion(r.version) });
    }
    if (r.reachable || !r.version.isEmpty()) {
        // A writable replica is worth noticing; a writable primary is the normal case.
        c.chips.append({ r.readOnly ? u"ro"_s : u"rw"_s, !r.readOnly && r.isReplica() });
        c.chips.append({ r.logBin ? r.binlogFormat : tr("no binlog") });
        if (r.usesGtid()) {
            c.chips.append({ u"GTID"_s, true });
        }
    }

    if (!r.reachable) {
        c.problems.append(Problem::Unreachable);
    } else if (status.status == u"unchecked"_s) {
        c.problems.append(Problem::Unchecked);
    }
    if (!r.lastIoError.isEmpty() || !r.lastSqlError.isEmpty()) {
        c.problems.append(Problem::ReplicationError);
    }
    if (r.reachable && r.isReplica() && !r.isReplicating()) {
        c.problems.append(Problem::NotReplicating);
    }
    if (status.status == u"lag"_s) {
        c.problems.append(Problem::Lagging);
    }

    if (r.isReplica()) {
        const std::optional<qint64> lag
            = r.replicationLagSeconds ? r.replicationLagSeconds : r.secondsBehindMaster;
        if (!lag || !r.reachable || !r.isReplicating() || !status.recentlyChecked) {
            c.lagText = u"?"_s;
            c.lagLevel = LagLevel::Unknown;
        } else {
            c.lagText = shortDuration(*lag);
            const qint64 limit = thresholds.reasonableLagSeconds;
            c.lagLevel = *lag > 10 * limit ? LagLevel::Severe
                : *lag > limit             ? LagLevel::High
                                           : LagLevel::Ok;
        }
    }

    c.subtitleIsProblem = name.isEmpty() && !c.problems.isEmpty();
    if (!name.isEmpty()) {
        c.subtitle = key;
    } else if (!r.reachable && !r.lastError.isEmpty()) {
        c.subtitle = r.lastError;
    } else if (!r.lastIoError.isEmpty()) {
        c.subtitle = tr("IO: %1").arg(r.lastIoError);
    } else if (!r.lastSqlError.isEmpty()) {
        c.subtitle = tr("SQL: %1").arg(r.lastSqlError);
    } else if (!c.problems.isEmpty()) {
        c.subtitle = problemText(c.problems.constFirst());
    } else if (!c.coMasterOf.isEmpty()) {
        c.subtitle = tr("co-master with %1").arg(c.coMasterOf);
    } else {
        QStringList parts { flavorName(r.flavor), r.dataCenter };
        parts.removeAll(QString());
        c.subtitle = parts.join(u" · "_s);
    }

    QStringList lines { name.isEmpty() ? key : tr("%1 (%2)").arg(key, name) };
    if (!r.version.isEmpty()) {
        lines << QStringList { flavorName(r.flavor), r.version }.join(u' ').trimmed();
    }
    lines << tr("Status: %1, lag %2").arg(status.status, status.lag);
    if (!c.coMasterOf.isEmpty()) {
        lines << tr("Co-master with %1").arg(c.coMasterOf);
    }
    if (r.masterKey) {
        lines << tr("Replicates from %1 (IO thread %2, SQL thread %3)")
                     .arg(r.masterKey->toString(),
                         r.ioThreadRunning ? tr("running") : tr("stopped"),
                         r.sqlThreadRunning ? tr("running") : tr("stopped"));
    }
    if (!r.reachable && !r.lastError.isEmpty()) {
        lines << tr("Last probe failed: %1").arg(r.lastError);
    }
    if (!r.lastIoError.isEmpty()) {
        lines << tr("IO error: %1").arg(r.lastIoError);
    }
    if (!r.lastSqlError.isEmpty()) {
        lines << tr("SQL error: %1").arg(r.lastSqlError);
    }
    c.tls = r.tlsState;
    if (c.tls) {
        lines << tlsText(*c.tls);
    }
    lines << tr("Checked %1").arg(c.ageText);
    c.summary = lines.join(u'\n');
    return c;
}

QString CardContent::promotionText(PromotionRule rule)
{
    switch (rule) {
    case PromotionRule::Must:
        return tr("Promotion rule: must (promoted first when its master fails)");
    case PromotionRule::Prefer:
        return tr("Promotion rule: prefer (a preferred candidate when its master fails)");
    case PromotionRule::Neutral:
        return tr("Promotion rule: neutral (registered, no preference)");
    case PromotionRule::PreferNot:
        return tr("Promotion rule: prefer_not (promoted only when no other replica fits)");
    case PromotionRule::MustNot:
        return tr("Promotion rule: must_not (never promoted)");
    }
    return {};
}

} // namespace topograph
