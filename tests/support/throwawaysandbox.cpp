#include "throwawaysandbox.h"

#include <QFile>
#include <QProcess>

#include "backend/topologywriter.h"
#include "discovery/discoverer.h"

using namespace Qt::StringLiterals;

namespace topograph::test {

ThrowawaySandbox::ThrowawaySandbox(QString dir)
    : m_dir(std::move(dir))
{ }

ThrowawaySandbox::~ThrowawaySandbox()
{
    backend.reset();
    runScript({ u"down"_s, u"--dir"_s, m_dir, u"--purge"_s });
}

int ThrowawaySandbox::scratchPortBase()
{
    return qEnvironmentVariableIntValue("TOPOGRAPH_TEST_SCRATCH_PORT_BASE");
}

bool ThrowawaySandbox::runScript(const QStringList& arguments)
{
    QProcess p;
    p.start(qEnvironmentVariable("TOPOGRAPH_SOURCE_DIR") + u"/scripts/sandbox"_s, arguments);
    const bool ok
        = p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    if (!ok) {
        qWarning().noquote() << "scripts/sandbox" << arguments.join(u' ')
                             << "failed:" << QString::fromUtf8(p.readAllStandardError()).trimmed();
    }
    return ok;
}

Result<std::unique_ptr<ThrowawaySandbox>> ThrowawaySandbox::start(const QString& dir,
    const QString& mode, const QString& shape, int offset, bool heartbeat, bool tls)
{
    const int base = scratchPortBase();
    if (base == 0) {
        return makeError(ErrorCode::NotFound,
            u"TOPOGRAPH_TEST_SCRATCH_PORT_BASE is not set: run the suite with scripts/test"_s);
    }
    QStringList up { u"up"_s, u"--dir"_s, dir, u"--"_s + mode, u"--shape"_s, shape,
        u"--port-base"_s, QString::number(base + offset) };
    if (heartbeat) {
        up << u"--heartbeat"_s;
    }
    if (tls) {
        up << u"--tls"_s;
    }
    if (!runScript(up)) {
        return makeError(ErrorCode::IoError, u"scripts/sandbox up failed in %1"_s.arg(dir));
    }
    std::unique_ptr<ThrowawaySandbox> made(new ThrowawaySandbox(dir));
    auto loaded = Sandbox::load(dir);
    if (!loaded) {
        return loaded.error();
    }
    made->sandbox = *loaded;
    made->config = loaded->config;
    made->config.sqlite3DataFile = dir + u"/backend.sqlite3"_s;
    auto backend = Backend::open(made->config);
    if (!backend) {
        return backend.error();
    }
    made->backend = std::move(backend).value();
    if (tls) {
        return made;
    }
    auto found = Discoverer::discoverBlocking(made->config, loaded->primary().key, 60000);
    if (!found) {
        return found.error();
    }
    if (auto written = TopologyWriter(*made->backend, made->config).record(*found); !written) {
        return written.error();
    }
    return made;
}

qint64 ThrowawaySandbox::serverPid(int number) const
{
    QFile file(m_dir + u"/n"_s + QString::number(number) + u"/mariadbd.pid"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

qint64 ThrowawaySandbox::heartbeatPid() const
{
    QFile file(m_dir + u"/heartbeat.pid"_s);
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toLongLong() : 0;
}

} // namespace topograph::test
