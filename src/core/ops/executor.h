#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

#include "config/configuration.h"
#include "ops/opssession.h"
#include "ops/plan.h"

namespace topograph {

class Backend;

// Where one instance stands after an operation, as read from it.
struct InstanceStanding
{
    InstanceKey key;
    bool reachable = false;
    std::optional<InstanceKey> master;
    bool ioRunning = false; // "Yes" (connected), not "Connecting"
    bool sqlRunning = false;
    QString ioState; // the server's word: "Yes", "Connecting", "No"
    QString untilCondition; // a START SLAVE UNTIL still pending, or empty
    Coordinates executed;
    QString error; // replication error, or why it could not be read

    QString describe() const;
};

struct ExecutionReport
{
    bool succeeded = false; // every step ran and the end state verified
    bool changedNothing = false; // failed before the first statement that changes anything
    QString error;
    int stepsRun = 0;
    QStringList log; // what ran, step by step (statements included; never credentials)
    QList<InstanceStanding> standings; // every touched instance, read at the end
    // After a failure: the instances recovery could not put back as they were before the
    // operation (threads, pending UNTIL), each with where it stands. Empty when all were.
    QStringList notRestored;
    qint64 auditId = 0; // the operation's audit row, 0 when none was written
    // Set when the fresh state of the touched instances could not be written to the backend
    // afterwards: the servers changed (or not, as above), but views show the old rows until
    // the next poll. Never ignored: the CLI fails with it, the app shows it.
    QString backendError;

    QString describe() const;
};

// Runs a Plan on its own connections, on the calling thread (a worker's, or the CLI's): opens a
// connection to every instance first (a refused login changes nothing), takes maintenance locks
// on the instances it stops, runs the steps in order filling run-time coordinates, waits for
// every START SLAVE UNTIL with a timeout, and on any failure or cancellation restarts the
// replication it stopped. Then it re-reads every touched instance, verifies the expected end
// state (waiting a bounded time for IO threads to connect), releases its locks and writes one
// audit row (and master_position_equivalence rows for file:pos moves).
class Executor final
{
public:
    // step 1..steps while running; step 0 for recovery notices after a failure.
    using Progress = std::function<void(int step, int steps, const QString& description)>;

    // backend may be null (no locks, no audit): for tests of the mechanics only.
    Executor(const Configuration& config, const Backend* backend);

    ExecutionReport run(const Plan& plan, const Progress& progress = {},
        const std::atomic<bool>* cancel = nullptr) const;

    int ioThreadWaitSeconds = 10;
    int recoveryWindowSeconds = 60; // how long recovery keeps trying to restart replication

private:
    const Configuration& m_config;
    const Backend* m_backend;
};

} // namespace topograph
