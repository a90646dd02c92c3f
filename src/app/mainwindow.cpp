#include "mainwindow.h"

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHash>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTreeView>

#include "topology/clusterassigner.h"
#include "topologyworker.h"
#include "ui_aboutdialog.h"

using namespace Qt::StringLiterals;

namespace topograph {

MainWindow::MainWindow(
    const Configuration& config, std::optional<InstanceKey> seed, QWidget* parent)
    : QMainWindow(parent)
    , m_config(config)
    , m_seed(std::move(seed))
    , m_worker(new TopologyWorker(config))
    , m_model(new QStandardItemModel(this))
    , m_tree(new QTreeView(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(m_seed ? tr("Topograph — %1").arg(m_seed->toString()) : tr("Topograph"));
    setWindowIcon(QIcon(u":/icons/org.topograph.Topograph.svg"_s));
    m_model->setHorizontalHeaderLabels(
        { tr("Instance"), tr("Version"), tr("Mode"), tr("Binlog"), tr("Replication"), tr("Lag") });
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setCentralWidget(m_tree);
    statusBar()->addWidget(m_status, 1);
    createMenus();

    m_worker->moveToThread(&m_workerThread);
    connect(&m_workerThread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &MainWindow::crawlRequested, m_worker, &TopologyWorker::crawl);
    connect(m_worker, &TopologyWorker::crawled, this, &MainWindow::showRecords);
    connect(m_worker, &TopologyWorker::failed, this, &MainWindow::showFailure);
    m_workerThread.start();

    resize(900, 520);
    if (m_seed) {
        refresh();
    } else {
        m_status->setText(tr("No instance to show: start with --seed HOST:PORT"));
    }
}

MainWindow::~MainWindow()
{
    m_workerThread.quit();
    m_workerThread.wait();
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* refreshAction = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refreshAction->setShortcut(QKeySequence::Refresh);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Topograph"), this, &MainWindow::showAbout);
}

void MainWindow::refresh()
{
    if (!m_seed) {
        return;
    }
    m_status->setText(tr("Probing %1…").arg(m_seed->toString()));
    Q_EMIT crawlRequested(*m_seed, ++m_generation);
}

void MainWindow::showAbout()
{
    QDialog dialog(this);
    Ui::AboutDialog ui;
    ui.setupUi(&dialog);
    connect(ui.buttonBox, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    ui.versionLabel->setText(tr("Version %1").arg(QStringLiteral(TOPOGRAPH_VERSION)));
    dialog.exec();
}

void MainWindow::showRecords(quint64 generation, const QList<InstanceRecord>& probed)
{
    if (generation != m_generation) {
        return; // a reply to an older request
    }
    // Cluster roots as the core decides them, so that co-masters (who replicate from each other)
    // hang below the cluster's root instead of leaving no root at all.
    QList<InstanceRecord> records = probed;
    ClusterAssigner::assign(records);
    m_model->removeRows(0, m_model->rowCount());
    QHash<InstanceKey, QStandardItem*> items;
    QHash<InstanceKey, const InstanceRecord*> byKey;
    for (const InstanceRecord& r : records) {
        byKey.insert(r.key, &r);
    }
    // Parents before children: records arrive in crawl order, which can list a replica first.
    QList<const InstanceRecord*> pending;
    for (const InstanceRecord& r : records) {
        pending.append(&r);
    }
    std::sort(pending.begin(), pending.end(),
        [](const InstanceRecord* a, const InstanceRecord* b) { return a->key < b->key; });
    while (!pending.isEmpty()) {
        const qsizetype before = pending.size();
        for (auto it = pending.begin(); it != pending.end();) {
            const InstanceRecord& r = **it;
            const bool hasParent
                = r.masterKey && byKey.contains(*r.masterKey) && r.key.toString() != r.clusterName;
            if (hasParent && !items.contains(*r.masterKey)) {
                ++it;
                continue;
            }
            QString replication = r.isReplica()
                ? (r.isReplicating() ? tr("replicating") : tr("not replicating"))
                : tr("primary");
            if (!r.reachable) {
                replication = tr("unreachable: %1").arg(r.lastError);
            }
            const QString lag
                = r.secondsBehindMaster ? tr("%1 s").arg(*r.secondsBehindMaster) : QString();
            QList<QStandardItem*> row {
                new QStandardItem(r.key.toString()),
                new QStandardItem(r.version),
                new QStandardItem(r.reachable ? (r.readOnly ? u"ro"_s : u"rw"_s) : QString()),
                new QStandardItem(r.logBin ? r.binlogFormat : tr("no binlog")),
                new QStandardItem(replication + (r.usesGtid() ? tr(", GTID") : QString())),
                new QStandardItem(lag),
            };
            for (QStandardItem* item : row) {
                item->setEditable(false);
            }
            if (hasParent) {
                items.value(*r.masterKey)->appendRow(row);
            } else {
                m_model->appendRow(row);
            }
            items.insert(r.key, row.first());
            it = pending.erase(it);
        }
        if (pending.size() == before) {
            break; // a replication cycle: leave the rest out rather than loop
        }
    }
    m_tree->expandAll();
    m_status->setText(tr("%n instance(s), probed at %1", nullptr, static_cast<int>(records.size()))
                          .arg(QDateTime::currentDateTime().toString(u"HH:mm:ss"_s)));
}

void MainWindow::showFailure(quint64 generation, const QString& message)
{
    if (generation == m_generation) {
        m_status->setText(tr("Probe failed: %1").arg(message));
    }
}

} // namespace topograph
