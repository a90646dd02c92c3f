#pragma once

#include <QList>
#include <QMessageBox>
#include <QObject>
#include <QPointer>

#include "ops/operationjournal.h"

class QWidget;

namespace topograph {

class OperationWorker;

// At start (and whenever the workers are made again), asks the operation worker for operations
// whose process died before they finished, and when there are any, tells the user what each may
// have left behind and offers to restart the replication they left stopped. The answer of the
// restart is shown too. Nothing here touches a server: the worker does, on its thread.
class UnfinishedNotice final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnfinishedNotice)

public:
    explicit UnfinishedNotice(QWidget* dialogParent, QObject* parent = nullptr);

    void setWorker(OperationWorker* worker);
    // Asks the worker for unfinished operations: once the fleet worker has opened the backend
    // (a new SQLite file is created by one connection only).
    void look();
    QMessageBox* box() const { return m_box; } // the open notice, if any (for tests)

Q_SIGNALS:
    void recovered(); // a restart ran: the views should read the backend again

private:
    void onFound(const QList<topograph::UnfinishedOperation>& operations, const QString& error);
    void onRecovered(const QStringList& report, bool allClosed);

    QWidget* m_dialogParent;
    QPointer<OperationWorker> m_worker;
    QPointer<QMessageBox> m_box;
    QList<UnfinishedOperation> m_found;
};

} // namespace topograph
