#pragma once

#include <QByteArray>
#include <QString>

#include "config/configuration.h"
#include "result.h"

namespace topograph {

// Reads orchestrator-style JSON configuration: keys match case-insensitively, unknown keys are
// ignored (orchestrator files carry many that Topograph does not use), "${NAME}" in string values
// expands to the environment variable NAME, and every known key is type-checked. Errors name the
// file and the key, never a value (values may be passwords).
class ConfigLoader final
{
public:
    // Parses JSON text; origin names the source in error messages.
    static Result<Configuration> fromJson(const QByteArray& json, const QString& origin);

    // Reads a file. A missing file is an error: the user asked for it.
    static Result<Configuration> fromFile(const QString& path);

    // The configuration a front end uses: explicitPath when given (must exist), else
    // $XDG_CONFIG_HOME/topograph/topograph.conf.json when it exists, else defaults.
    static Result<Configuration> load(const QString& explicitPath);

    static QString defaultPath();
};

} // namespace topograph
