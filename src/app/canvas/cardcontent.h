#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

#include "probe/instancerecord.h"
#include "promotion/promotionrule.h"
#include "topology/instancestatus.h"

namespace topograph {

// What one canvas card says about its instance (DESIGN §10), derived once per update so that
// painting only draws and tests can read the words without pixels.
struct CardContent
{
    Q_DECLARE_TR_FUNCTIONS(CardContent)

public:
    enum class LagLevel {
        None, // not a replica: no badge
        Ok, // within ReasonableReplicationLagSeconds
        High, // over the threshold
        Severe, // ten times over it
        Unknown, // a replica whose lag is not known (stopped, unreachable, unchecked)
    };
    enum class Problem {
        Unreachable, // the last probe failed
        Unchecked, // not probed for several poll intervals
        ReplicationError, // Last_IO_Error or Last_SQL_Error
        NotReplicating, // a replica with a replication thread stopped
        Lagging, // lag over the threshold
        FakeLag, // stale pt-heartbeat rows (or a stopped pt-heartbeat): the lag shown is wrong
        Ghost, // of a ghost cluster: it exists only because a name failed to match
        Analysis, // the replication analysis reports it (DeadMaster, ErrantGTID, ...)
    };
    struct Chip
    {
        QString text;
        bool accent = false; // drawn in the accent colour (GTID, a writable replica)
    };

    QString title; // the alias, else host:port
    QString subtitle; // host:port under an alias, else the most pressing problem, else the flavour
    bool subtitleIsProblem = false; // the subtitle names a problem (drawn in its colour)
    QList<Chip> chips; // short version, ro|rw, binlog format or "no binlog", GTID
    QString lagText; // "7s", "12m", "?" (empty without a badge)
    LagLevel lagLevel = LagLevel::None;
    QList<Problem> problems;
    QString coMasterOf; // the co-master partner's host:port, if any
    // A registered promotion rule (candidate_database_instance): a glyph, and a line in the
    // tooltip. Unset when none is registered (the instance is neutral by default).
    std::optional<PromotionRule> promotionRule;
    QString ageText; // "12s ago", from last_checked
    QString status; // InstanceStatus::status: "ok", "invalid", "unchecked", "nonreplicating", "lag"
    QString summary; // several lines, the card's tooltip outside a drag
    std::optional<TlsState> tls; // the padlock: how the last probe's session was protected

    static QString tlsText(TlsState state);

    static CardContent of(const InstanceRecord& record, const QString& alias, const QDateTime& now,
        const InstanceStatus::Thresholds& thresholds,
        const std::optional<InstanceKey>& coMasterPartner = std::nullopt);

    // "12s ago", "5m ago", "3h ago", "2d ago"; "never checked" for an invalid time.
    static QString ageOf(const QDateTime& then, const QDateTime& now);
    // "42s", "17m", "5h": short enough for the badge.
    static QString shortDuration(qint64 seconds);
    static QString problemText(Problem problem);
    // "Promotion rule: prefer (a preferred candidate when its master fails)".
    static QString promotionText(PromotionRule rule);
};

} // namespace topograph
