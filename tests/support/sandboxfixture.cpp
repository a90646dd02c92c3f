#include "sandboxfixture.h"

#include <QFile>
#include <QTextStream>

#include "config/configloader.h"

using namespace Qt::StringLiterals;

namespace topograph::test {

QString Sandbox::envVariable(const QString& mode)
{
    return u"TOPOGRAPH_SANDBOX_"_s + mode.toUpper();
}

Result<Sandbox> Sandbox::fromEnvironment(const QString& mode)
{
    const QString variable = envVariable(mode);
    const QString dir = qEnvironmentVariable(variable.toLatin1().constData());
    if (dir.isEmpty()) {
        return makeError(ErrorCode::NotFound,
            u"%1 is not set: run the suite with scripts/test, which starts the sandboxes"_s.arg(
                variable));
    }
    return load(dir);
}

Result<Sandbox> Sandbox::load(const QString& dir)
{
    Sandbox sandbox;
    sandbox.dir = dir;
    QFile conf(dir + u"/sandbox.conf"_s);
    QFile instances(dir + u"/instances"_s);
    if (!conf.open(QIODevice::ReadOnly) || !instances.open(QIODevice::ReadOnly)) {
        return makeError(ErrorCode::NotFound, u"no sandbox description in %1"_s.arg(dir));
    }
    QString host = u"127.0.0.1"_s;
    QTextStream confText(&conf);
    while (!confText.atEnd()) {
        const QString line = confText.readLine();
        const QString name = line.section(u'=', 0, 0);
        const QString value = line.section(u'=', 1);
        if (name == u"mode"_s) {
            sandbox.mode = value;
        } else if (name == u"heartbeat"_s) {
            sandbox.heartbeat = value == u"1"_s;
        } else if (name == u"host"_s) {
            host = value;
        }
    }
    QTextStream instanceText(&instances);
    while (!instanceText.atEnd()) {
        const QStringList parts = instanceText.readLine().split(u' ', Qt::SkipEmptyParts);
        if (parts.size() != 3) {
            continue;
        }
        sandbox.instances.append({ parts[0].toInt(),
            InstanceKey { host, static_cast<quint16>(parts[1].toUInt()) }, parts[2].toInt() });
    }
    auto config = ConfigLoader::fromFile(dir + u"/topograph.conf.json"_s);
    if (!config) {
        return config.error();
    }
    sandbox.config = *config;
    if (sandbox.instances.isEmpty()) {
        return makeError(ErrorCode::NotFound, u"sandbox in %1 lists no instances"_s.arg(dir));
    }
    return sandbox;
}

const SandboxInstance& Sandbox::primary() const
{
    for (const SandboxInstance& i : instances) {
        if (i.master == 0) {
            return i;
        }
    }
    return instances.first();
}

const SandboxInstance& Sandbox::instance(int number) const
{
    for (const SandboxInstance& i : instances) {
        if (i.number == number) {
            return i;
        }
    }
    return instances.first();
}

int Sandbox::depth(int number) const
{
    int depth = 0;
    for (int n = number; instance(n).master != 0 && depth <= instances.size(); ++depth) {
        n = instance(n).master;
    }
    return depth;
}

const SandboxInstance& Sandbox::deepest() const
{
    const SandboxInstance* best = &instances.first();
    for (const SandboxInstance& i : instances) {
        if (depth(i.number) > depth(best->number)) {
            best = &i;
        }
    }
    return *best;
}

ConnectionSettings Sandbox::settings(const SandboxInstance& instance) const
{
    auto settings = topologyConnectionSettings(config, instance.key);
    return settings ? *settings : ConnectionSettings {};
}

} // namespace topograph::test
