// The problems dock on a live sandbox (issue 13), offscreen, polling every second on a GTID
// throwaway sandbox of its own (1>2,3;3>4,5): stopping the SQL threads of the intermediate
// master's replicas lists AllIntermediateMasterReplicasNotReplicating on 3, and clicking the row
// selects 3's card; a downtime on 3 (begin-downtime) takes it off the list; SIGKILL on the
// primary lists DeadMaster on 1, whose row selects 1.
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTreeView>

#include <csignal>

#include <QJsonDocument>
#include <QJsonObject>

#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "models/problemlistmodel.h"
#include "panels/problemspanel.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

class TestMainWindowProblems final : public QObject
{
    Q_OBJECT

    MainWindowFixture m_fixture { 480 };
    std::unique_ptr<ThrowawaySandbox> m_sb;
    QString m_cliConfig;

    // The proxy row of code on key, -1 when the dock does not list it.
    static int rowOf(const ProblemsPanel* panel, const QString& code, const InstanceKey& key)
    {
        const QAbstractItemModel* model = panel->proxy();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, ProblemListModel::CodeColumn).data().toString() == code
                && model->index(row, ProblemListModel::InstanceColumn).data().toString()
                    == key.toString()) {
                return row;
            }
        }
        return -1;
    }

    void clickRow(ProblemsPanel* panel, int row) const
    {
        QTreeView* view = panel->view();
        const QModelIndex index = panel->proxy()->index(row, ProblemListModel::InstanceColumn);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    }

    int cli(const QStringList& args) const
    {
        QProcess p;
        p.start(
            QStringLiteral(TOPOGRAPH_CLI_PATH), QStringList { u"--config"_s, m_cliConfig } + args);
        p.waitForFinished(60000);
        if (p.exitCode() != 0) {
            qWarning("%s", p.readAllStandardError().constData());
        }
        return p.exitCode();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fixture.init());
        auto started = ThrowawaySandbox::start(
            m_fixture.filePath(u"gtid"_s), u"gtid"_s, u"1>2,3;3>4,5"_s, 480);
        if (!started && started.error().code == ErrorCode::NotFound) {
            QSKIP(qPrintable(started.error().message));
        }
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().message));
        m_sb = std::move(started).value();
        QFile in(m_sb->dir() + u"/topograph.conf.json"_s);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(in.readAll()).object();
        json[u"SQLite3DataFile"_s] = m_sb->config.sqlite3DataFile;
        m_cliConfig = m_fixture.filePath(u"cli.json"_s);
        QFile out(m_cliConfig);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(json).toJson());
    }

    void listsFindingsAndSelectsTheirCards()
    {
        Configuration config = m_sb->config;
        config.instancePollSeconds = 1;
        MainWindow window(config, std::nullopt);
        MainWindowFixture::showTheOnlyCluster(window, 5);
        if (QTest::currentTestFailed()) {
            return;
        }
        auto* panel = window.findChild<ProblemsPanel*>();
        QVERIFY(panel);

        // The intermediate master's replicas stop applying.
        const InstanceKey intermediate = m_sb->key(3);
        QVERIFY(execOn(*m_sb, 4, u"STOP SLAVE SQL_THREAD"_s));
        QVERIFY(execOn(*m_sb, 5, u"STOP SLAVE SQL_THREAD"_s));
        const QString notReplicating = u"AllIntermediateMasterReplicasNotReplicating"_s;
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(panel, notReplicating, intermediate) >= 0, kWaitMs);
        window.findInstance(m_sb->key(5));
        clickRow(panel, rowOf(panel, notReplicating, intermediate));
        QTRY_COMPARE_WITH_TIMEOUT(
            window.scene()->selectedInstance(), std::optional(intermediate), kWaitMs);

        // A downtime on it takes the finding off the list.
        QCOMPARE(
            cli({ u"-c"_s, u"begin-downtime"_s, u"-i"_s, intermediate.toString(), u"--duration"_s,
                u"1h"_s, u"--reason"_s, u"test"_s, u"--owner"_s, u"gui-test"_s }),
            0);
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(panel, notReplicating, intermediate), -1, kWaitMs);
        QVERIFY(execOn(*m_sb, 4, u"START SLAVE SQL_THREAD"_s));
        QVERIFY(execOn(*m_sb, 5, u"START SLAVE SQL_THREAD"_s));

        // The primary dies outright.
        const InstanceKey primary = m_sb->key(1);
        const pid_t pid = static_cast<pid_t>(m_sb->serverPid(1));
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid, SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(panel, u"DeadMaster"_s, primary) >= 0, kWaitMs);
        clickRow(panel, rowOf(panel, u"DeadMaster"_s, primary));
        QTRY_COMPARE_WITH_TIMEOUT(
            window.scene()->selectedInstance(), std::optional(primary), kWaitMs);
    }

    void cleanupTestCase() { m_sb.reset(); }
};

QTEST_MAIN(TestMainWindowProblems)
#include "tst_mainwindow_problems.moc"
