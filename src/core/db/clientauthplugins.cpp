#include "db/clientauthplugins.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <memory>
#include <mutex>

#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

constexpr auto kPluginDirVariable = "MARIADB_PLUGIN_DIR";

// Where Debian's and Fedora's packages put libmariadb's plugins (its compiled-in default).
QString systemPluginFolder(const QString& configured)
{
    if (!configured.isEmpty()) {
        return configured;
    }
    const QDir lib(u"/usr/lib"_s);
    for (const QString& arch : lib.entryList({ u"*-linux-*"_s }, QDir::Dirs)) {
        const QString candidate = lib.filePath(arch + u"/libmariadb3/plugin"_s);
        if (QDir(candidate).exists()) {
            return candidate;
        }
    }
    for (const QString& candidate :
        { u"/usr/lib64/mariadb/plugin"_s, u"/usr/lib/mariadb/plugin"_s }) {
        if (QDir(candidate).exists()) {
            return candidate;
        }
    }
    return {};
}

struct State
{
    std::once_flag once;
    std::unique_ptr<QTemporaryDir> folder;
};

State& state()
{
    static State s;
    return s;
}

void makeFolder(State& s)
{
    const QString source = systemPluginFolder(qEnvironmentVariable(kPluginDirVariable));
    auto folder
        = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/topograph-plugins-XXXXXX"_s);
    if (!folder->isValid()) {
        qCWarning(lcDb) << "cannot create a folder for the client's authentication plugins:"
                        << folder->errorString() << "- clear-text authentication stays possible";
        return;
    }
    const QDir from(source);
    for (const QString& name : from.entryList({ u"*.so"_s }, QDir::Files)) {
        if (ClientAuthPlugins::sendsClearText(name)) {
            continue;
        }
        if (!QFile::link(from.filePath(name), folder->filePath(name))) {
            qCWarning(lcDb) << "cannot link the client plugin" << from.filePath(name);
        }
    }
    qputenv(kPluginDirVariable, QFile::encodeName(folder->path()));
    qCDebug(lcDb) << "client authentication plugins from" << folder->path() << "(linked from"
                  << source << ", clear-text plugins left out)";
    s.folder = std::move(folder);
}

} // namespace

bool ClientAuthPlugins::sendsClearText(const QString& pluginFileName)
{
    return pluginFileName == u"mysql_clear_password.so"_s || pluginFileName == u"dialog.so"_s;
}

void ClientAuthPlugins::restrict(bool allowClearText)
{
    State& s = state();
    std::call_once(s.once, [&s, allowClearText] {
        if (!allowClearText) {
            makeFolder(s);
        }
    });
}

QString ClientAuthPlugins::folder()
{
    const State& s = state();
    return s.folder ? s.folder->path() : QString();
}

std::optional<QString> ClientAuthPlugins::refusedPlugin(const QString& driverError)
{
    static const QRegularExpression plugin(u"\\b(mysql_clear_password|dialog)\\b"_s);
    const auto match = plugin.match(driverError);
    if (!match.hasMatch() || folder().isEmpty()) {
        return std::nullopt;
    }
    return match.captured(1);
}

} // namespace topograph
