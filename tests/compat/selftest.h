#pragma once

namespace topograph::compat {

// Checks the harness's own parts (statement splitter, SQLite rewrites, whitespace-insensitive
// comparison, diff, help parsing, verdicts) on inline examples. Returns 0 when all hold.
int runSelfTest();

} // namespace topograph::compat
