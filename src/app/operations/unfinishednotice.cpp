#include "operations/unfinishednotice.h"

#include <QMessageBox>
#include <QPushButton>

#include "fleet/operationworker.h"

namespace topograph {

UnfinishedNotice::UnfinishedNotice(QWidget* dialogParent, QObject* parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
{ }

void UnfinishedNotice::setWorker(OperationWorker* worker)
{
    if (m_worker) {
        disconnect(m_worker, nullptr, this, nullptr);
    }
    m_worker = worker;
    if (!worker) {
        return;
    }
    connect(worker, &OperationWorker::unfinishedFound, this, &UnfinishedNotice::onFound);
    connect(worker, &OperationWorker::unfinishedRecovered, this, &UnfinishedNotice::onRecovered);
}

void UnfinishedNotice::look()
{
    if (m_worker) {
        QMetaObject::invokeMethod(m_worker, &OperationWorker::findUnfinished, Qt::QueuedConnection);
    }
}

void UnfinishedNotice::onFound(const QList<UnfinishedOperation>& operations, const QString& error)
{
    if (!error.isEmpty() || operations.isEmpty()) {
        return; // a backend that cannot be read is reported by the fleet worker already
    }
    m_found = operations;
    QStringList paragraphs;
    for (const UnfinishedOperation& op : operations) {
        paragraphs << op.describe();
    }
    delete m_box;
    m_box = new QMessageBox(QMessageBox::Warning, tr("Unfinished operations"),
        tr("Operations started and never finished: the program running them was killed, or the "
           "machine stopped."),
        QMessageBox::NoButton, m_dialogParent);
    m_box->setObjectName(QStringLiteral("unfinishedOperationsBox"));
    m_box->setInformativeText(paragraphs.join(QStringLiteral("\n\n")));
    QPushButton* restart = m_box->addButton(
        tr("&Restart the replication they left stopped"), QMessageBox::AcceptRole);
    restart->setObjectName(QStringLiteral("restartUnfinished"));
    m_box->addButton(tr("&Later"), QMessageBox::RejectRole);
    m_box->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_box, &QMessageBox::buttonClicked, this, [this, restart](QAbstractButton* button) {
        if (button != restart || !m_worker) {
            return;
        }
        OperationWorker* worker = m_worker;
        const QList<UnfinishedOperation> found = m_found;
        QMetaObject::invokeMethod(
            worker, [worker, found] { worker->recoverUnfinished(found); }, Qt::QueuedConnection);
    });
    m_box->open();
}

void UnfinishedNotice::onRecovered(const QStringList& report, bool allClosed)
{
    delete m_box;
    m_box = new QMessageBox(allClosed ? QMessageBox::Information : QMessageBox::Warning,
        tr("Unfinished operations"),
        allClosed ? tr("Replication runs again where they had stopped it; their audit rows are "
                       "closed.")
                  : tr("Not everything could be put right: check the instances below by hand."),
        QMessageBox::Ok, m_dialogParent);
    m_box->setObjectName(QStringLiteral("unfinishedRecoveredBox"));
    m_box->setInformativeText(report.join(QStringLiteral("\n\n")));
    m_box->setAttribute(Qt::WA_DeleteOnClose);
    m_box->open();
    Q_EMIT recovered();
}

} // namespace topograph
