#pragma once

#include <QString>

namespace topograph::compat {

// CTest's SKIP_RETURN_CODE for tst_compat: the cases folder is absent.
inline constexpr int kSkipExitCode = 77;
// How long one CLI invocation may take before it is killed and the case fails.
inline constexpr int kCaseTimeoutSeconds = 60;

// Runs the orchestrator compat cases (then the project's own, tests/compat/cases-own, as
// "own/NAME") against the CLI at cliPath, printing one line per case and
// a final "N passed, M failed, K skipped". Reads TOPOGRAPH_COMPAT_DIR (or TOPOGRAPH_SOURCE_DIR),
// TOPOGRAPH_COMPAT_CASES, TOPOGRAPH_COMPAT_BACKENDS, TOPOGRAPH_COMPAT_KEEP and
// TOPOGRAPH_SANDBOX_GTID. Returns the process exit code: 0, 1 (failures) or kSkipExitCode.
int runCompat(const QString& cliPath);

} // namespace topograph::compat
