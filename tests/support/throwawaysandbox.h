#pragma once

#include <QString>
#include <QStringList>

#include <memory>

#include "backend/backend.h"
#include "config/configuration.h"
#include "result.h"
#include "sandboxfixture.h"

namespace topograph::test {

// A sandbox of a test's own, for tests that reshape, stop or freeze instances: started with
// scripts/sandbox on TOPOGRAPH_TEST_SCRATCH_PORT_BASE + offset (scripts/test sets the base;
// each test keeps to its own offsets), discovered into a SQLite backend in the same folder, and
// stopped and removed when destroyed.
class ThrowawaySandbox final
{
public:
    ~ThrowawaySandbox();
    ThrowawaySandbox(const ThrowawaySandbox&) = delete;
    ThrowawaySandbox& operator=(const ThrowawaySandbox&) = delete;
    ThrowawaySandbox(ThrowawaySandbox&&) = delete;
    ThrowawaySandbox& operator=(ThrowawaySandbox&&) = delete;

    // 0 when the suite was not started by scripts/test (the test should QSKIP).
    static int scratchPortBase();
    static bool runScript(const QStringList& arguments);
    // heartbeat: pt-heartbeat --utc on the primary (scripts/sandbox --heartbeat).
    // tls: scripts/sandbox --tls; its instances 3 and 4 refuse TLS sessions on purpose, so the
    // sandbox is not discovered into the backend.
    static Result<std::unique_ptr<ThrowawaySandbox>> start(const QString& dir, const QString& mode,
        const QString& shape, int offset, bool heartbeat = false, bool tls = false);

    Sandbox sandbox;
    Configuration config; // the sandbox's own, with the backend file in its folder
    std::unique_ptr<Backend> backend;

    InstanceKey key(int number) const { return sandbox.instance(number).key; }
    qint64 serverPid(int number) const; // from nN/mariadbd.pid, 0 when unknown
    qint64 heartbeatPid() const; // pt-heartbeat's, from heartbeat.pid; 0 when none
    QString dir() const { return m_dir; }

private:
    explicit ThrowawaySandbox(QString dir);

    QString m_dir;
};

} // namespace topograph::test
