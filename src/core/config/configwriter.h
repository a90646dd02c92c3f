#pragma once

#include <QJsonObject>
#include <QString>

#include "config/configuration.h"
#include "result.h"

namespace topograph {

// Writes a Configuration as the orchestrator-style JSON that ConfigLoader reads, so that loading
// what was saved gives back every field. Passwords are left out unless asked for: a file on disk
// outlives the session, and most DBAs keep passwords in a MySQL option file instead. Saving into
// an existing file keeps the keys Topograph does not know (orchestrator files carry many) and
// writes atomically, so a failed save never leaves half a file behind.
class ConfigWriter final
{
public:
    // Writes config to path (creating its folder). With includePasswords false the password keys
    // are neither written nor removed: an existing file keeps what it had (often a ${VARIABLE}).
    // A string whose existing value expands (${NAME}) to the same text keeps its unexpanded form.
    // An existing file that is not a JSON object is an error and is left untouched.
    static Result<void> save(
        const Configuration& config, const QString& path, bool includePasswords);

    // Every key ConfigLoader reads, from config. Strings that are empty by default and still
    // empty, and an empty ClusterNameToAlias, are left out (absent means the same thing).
    static QJsonObject toJson(const Configuration& config, bool includePasswords);
};

} // namespace topograph
