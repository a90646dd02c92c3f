#pragma once

#include <QList>

#include "backend/backend.h"
#include "ops/positionequivalence.h"

namespace topograph {

// master_position_equivalence: written by every file:pos move (the executor records where each
// moved replica was and where it went), read by move-equivalent.
class EquivalenceStore final
{
public:
    explicit EquivalenceStore(const Backend& backend)
        : m_backend(backend)
    { }

    // The rows with `position` on `master` on either side.
    Result<QList<PositionEquivalence>> readFor(
        const InstanceKey& master, const BinlogPosition& position) const;
    // Every row, newest first (the app's move-equivalent destinations).
    Result<QList<PositionEquivalence>> readAll() const;
    // Inserts the row, or refreshes last_suggested when the same pair is known.
    Result<void> record(const PositionEquivalence& row) const;

private:
    const Backend& m_backend;
};

} // namespace topograph
