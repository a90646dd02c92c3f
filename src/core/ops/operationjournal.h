#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

#include "backend/auditstore.h"
#include "ops/plan.h"

namespace topograph {

class Backend;

// An operation whose "started" audit row was never closed: its process was killed (SIGKILL,
// a power cut) between its first step and its end, so it may have left replication stopped or
// a START SLAVE UNTIL pending on the instances it stops.
struct UnfinishedOperation
{
    qint64 auditId = 0;
    QDateTime started; // UTC
    QString type; // the operation's CLI name
    InstanceKey key;
    QString clusterName;
    QString title;
    QString method;
    QList<InstanceKey> mayHaveStopped; // replicating when it started; its plan stops them
    QString owner;
    QString host; // where its process ran
    qint64 pid = 0;
    bool stillRunning = false; // its process still runs on this machine: not unfinished yet

    // One paragraph for a DBA: what, when, by whom, and what to check.
    QString describe() const;
};

// The audit rows that make an operation traceable even when its process dies: one row written
// before the first step ("STARTED, NOT FINISHED: …", with the plan's title and the instances it
// may stop) and rewritten with the outcome at the end. A row still in the started form is an
// unfinished operation, reported by the CLI and the app when they start.
class OperationJournal final
{
public:
    explicit OperationJournal(const Backend& backend);

    Result<qint64> open(const Plan& plan, const QString& clusterName) const;
    Result<void> close(qint64 auditId, const QString& message) const;
    // Started rows of the last `days` days, oldest first.
    Result<QList<UnfinishedOperation>> unfinished(int days = 7) const;
    // Closes an unfinished operation's row as interrupted, with what was found and done.
    Result<void> closeInterrupted(const UnfinishedOperation& op, const QString& outcome) const;

    static QString startedMessage(const Plan& plan);
    static std::optional<UnfinishedOperation> parse(const AuditEntry& entry);
    static const QString& startedMarker(); // "STARTED, NOT FINISHED: "

private:
    const Backend& m_backend;
};

} // namespace topograph
