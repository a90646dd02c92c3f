#pragma once

#include <QLoggingCategory>

namespace topograph {

// One category per area; enable with QT_LOGGING_RULES="topograph.probe.debug=true" or --debug.
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcDb)
Q_DECLARE_LOGGING_CATEGORY(lcProbe)
Q_DECLARE_LOGGING_CATEGORY(lcDiscovery)
Q_DECLARE_LOGGING_CATEGORY(lcBackend)
Q_DECLARE_LOGGING_CATEGORY(lcOps)
Q_DECLARE_LOGGING_CATEGORY(lcLag)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
Q_DECLARE_LOGGING_CATEGORY(lcApp)

// Sends log output to stderr as "topograph.area: level: message", one line per message, and
// turns on debug output of every topograph category when debug is true.
void installLogHandler(bool debug);

} // namespace topograph
