#include "operations/operationhistory.h"

namespace topograph {

bool OperationHistory::Entry::canMoveBack() const
{
    return succeeded && !movedBack && !movesBack && previousMaster
        && OperationRegistry::info(request.operation).reversible
        && request.destination != previousMaster;
}

OperationRequest OperationHistory::Entry::moveBackRequest() const
{
    OperationRequest back;
    back.operation = Operation::Relocate;
    back.instance = request.instance;
    back.destination = previousMaster;
    back.readOnly = request.readOnly;
    return back;
}

OperationHistory::OperationHistory(QObject* parent)
    : QObject(parent)
{ }

int OperationHistory::record(const Entry& entry)
{
    m_entries.append(entry);
    if (entry.succeeded && entry.movesBack && *entry.movesBack >= 0
        && *entry.movesBack < m_entries.size()) {
        m_entries[*entry.movesBack].movedBack = true;
    }
    Q_EMIT changed();
    return static_cast<int>(m_entries.size() - 1);
}

std::optional<int> OperationHistory::lastMovable() const
{
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (m_entries.at(i).canMoveBack()) {
            return static_cast<int>(i);
        }
    }
    return std::nullopt;
}

} // namespace topograph
