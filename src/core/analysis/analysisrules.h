#pragma once

#include <QList>

#include "analysis/analysiscode.h"
#include "analysis/analysisinput.h"
#include "analysis/instancefacts.h"

namespace topograph {

// orchestrator 3.2.6's rules over one instance's facts: the first failure that matches (in
// orchestrator's order), the structure warnings, and whether a downtime hides the finding.
namespace analysisrules {

AnalysisCode classify(const InstanceFacts& facts, const AnalysisSettings& settings);
QList<AnalysisCode> structureWarnings(const InstanceFacts& facts);
// Codes that are only about the replicas: hidden when every replica is downtimed.
bool isAboutReplicas(AnalysisCode code);

} // namespace analysisrules

} // namespace topograph
