#pragma once

#include <QString>

#include <optional>

namespace topograph {

// libmariadb loads its authentication plugins from a folder on demand, when a server asks for
// one. Two of them send the password in clear: mysql_clear_password and dialog (PAM). A server,
// or a man in the middle that strips TLS from the driver's connection, only has to ask.
//
// Unless MySQLEnableCleartextPlugin is set, Topograph points the library at a private folder
// (mode 0700, removed at exit) that links every plugin of the system folder except those two,
// so the driver refuses such a server instead of answering it. Like mysql's
// --enable-cleartext-plugin, the setting is per process: the first connection decides.
class ClientAuthPlugins final
{
public:
    // The plugins that would send the password in clear.
    static bool sendsClearText(const QString& pluginFileName);

    // Called before every connect; only the first call of the process acts.
    static void restrict(bool allowClearText);

    // The private folder in use, empty when clear text is allowed or nothing was restricted yet.
    static QString folder();

    // When a driver error says a clear-text plugin could not be loaded, its name.
    static std::optional<QString> refusedPlugin(const QString& driverError);
};

} // namespace topograph
