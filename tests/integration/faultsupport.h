#pragma once
// Helpers for tests that hold replicas back, stop, kill or freeze sandbox servers.

#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <memory>

#include <sys/types.h>

#include "db/mysqlsession.h"
#include "ops/plan.h"
#include "sandboxfixture.h"

namespace topograph::test {

// One row (topograph_test.held, id 1) whose value counts the changes made on the primary: how far
// an instance has applied them shows in the value it has.
class MarkerRow final
{
public:
    // Creates topograph_test.held (id 1) on the primary and waits until every instance has it.
    static bool prepare(const Sandbox& sb)
    {
        auto primary = MySqlSession::open(sb.settings(sb.primary()), QStringLiteral("prepare"));
        if (!primary
            || !(*primary)
                    ->execute(QStringLiteral("CREATE TABLE IF NOT EXISTS topograph_test.held (id "
                                             "INT PRIMARY KEY, v INT) ENGINE=InnoDB"))
                    .ok()
            || !(*primary)
                    ->execute(
                        QStringLiteral("INSERT IGNORE INTO topograph_test.held VALUES (1, 0)"))
                    .ok()) {
            return false;
        }
        for (const SandboxInstance& i : sb.instances) {
            if (!valueOn(sb, i).has_value()) {
                return false;
            }
        }
        return true;
    }
    // held.v on instance i, waiting (bounded) until the row is there.
    static std::optional<int> valueOn(const Sandbox& sb, const SandboxInstance& i)
    {
        auto s = MySqlSession::open(sb.settings(i), QStringLiteral("value"));
        if (!s) {
            return std::nullopt;
        }
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 60000) {
            auto row
                = (*s)->queryRow(QStringLiteral("SELECT v FROM topograph_test.held WHERE id = 1"));
            if (row && !row->isEmpty()) {
                return row->value(QStringLiteral("v")).toInt();
            }
            QThread::msleep(20); // replication delivers the row
        }
        return std::nullopt;
    }
    // Changes the row on the primary.
    static bool bump(const Sandbox& sb)
    {
        auto primary = MySqlSession::open(sb.settings(sb.primary()), QStringLiteral("bump"));
        return primary
            && (*primary)
                   ->execute(
                       QStringLiteral("UPDATE topograph_test.held SET v = v + 1 WHERE id = 1"))
                   .ok();
    }
};

// SHOW SLAVE STATUS of instance i as column -> text; empty when it is no replica or unreachable.
inline QVariantMap replicaStatus(const Sandbox& sb, const SandboxInstance& i)
{
    auto s = MySqlSession::open(sb.settings(i), QStringLiteral("status"));
    if (!s) {
        return {};
    }
    return (*s)->queryRow(QStringLiteral("SHOW SLAVE STATUS")).valueOr({});
}

// Both threads running, no UNTIL pending, no error: what "replicating" means after a fault.
inline bool replicatesCleanly(const QVariantMap& status)
{
    return status.value(QStringLiteral("Slave_IO_Running")).toString() == QLatin1String("Yes")
        && status.value(QStringLiteral("Slave_SQL_Running")).toString() == QLatin1String("Yes")
        && status.value(QStringLiteral("Until_Condition")).toString() == QLatin1String("None")
        && status.value(QStringLiteral("Last_SQL_Error")).toString().isEmpty();
}

// Index of the first step of that kind, -1 when there is none.
inline qsizetype firstStepOf(const Plan& plan, PlanStep::Kind kind)
{
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        if (plan.steps[i].kind == kind) {
            return i;
        }
    }
    return -1;
}

// Waits (bounded) until process pid is in state ("T": stopped) or "gone": kill() only sends.
inline void waitForProcessState(pid_t pid, const QString& state)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 10000) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly)) {
            if (state == QLatin1String("gone")) {
                return;
            }
        } else {
            // "pid (comm) S ...": the state follows the closing parenthesis.
            const QString text = QString::fromLatin1(stat.readAll());
            const QString now = text.mid(text.lastIndexOf(u')') + 2, 1);
            if (now == state || (state == QLatin1String("gone") && now == QLatin1String("Z"))) {
                return;
            }
        }
        QThread::msleep(5);
    }
}

} // namespace topograph::test
