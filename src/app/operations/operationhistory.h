#pragma once

#include <QDateTime>
#include <QList>
#include <QObject>

#include <optional>

#include "ops/operationservice.h"

namespace topograph {

// The operations run in this session of the app, newest last (DESIGN §10: an Edit-style history
// with "Move back"). A move of one replica that succeeded can be moved back, once: relocating
// the replica below the master it had before. Moves back are recorded too, but are not moved back
// themselves, so repeated "Move back" walks further into the past.
class OperationHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OperationHistory)

public:
    struct Entry
    {
        QDateTime finishedAt;
        OperationRequest request;
        std::optional<InstanceKey> previousMaster; // of request.instance, before it ran
        QString title; // the plan's title
        bool succeeded = false;
        QString error;
        std::optional<int> movesBack; // the entry this one moved back
        bool movedBack = false; // a later entry moved this one back

        bool canMoveBack() const;
        OperationRequest moveBackRequest() const; // relocate request.instance to previousMaster
    };

    explicit OperationHistory(QObject* parent = nullptr);

    const QList<Entry>& entries() const { return m_entries; }
    // Records a finished operation; returns its index.
    int record(const Entry& entry);
    // The newest entry that can be moved back, if any.
    std::optional<int> lastMovable() const;

Q_SIGNALS:
    void changed();

private:
    QList<Entry> m_entries;
};

} // namespace topograph
