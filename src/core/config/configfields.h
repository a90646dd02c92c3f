#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <limits>
#include <span>
#include <variant>

#include "config/configuration.h"

namespace topograph {

constexpr int kNoMaximum = std::numeric_limits<int>::max();

// One configuration key: its spelling in the file (orchestrator's, matched case-insensitively),
// the Configuration member it sets, and what values it accepts. ConfigLoader reads and
// ConfigWriter writes the same table, so the two cannot drift apart.
using Target = std::variant<QString Configuration::*, int Configuration::*, bool Configuration::*,
    QHash<QString, QString> Configuration::*, QStringList Configuration::*>;

struct ConfigField
{
    const char16_t* name;
    Target target;
    const char16_t* choices = nullptr; // '|'-separated allowed values for strings, lower case
    int minimum = 0; // for integers
    int maximum = kNoMaximum;
    bool password = false; // written to a file only when the user asks for it
};

std::span<const ConfigField> configFields();

} // namespace topograph
