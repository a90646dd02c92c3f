// The main window shows the live topology of a sandbox seed, crawled off the GUI thread.
#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTest>
#include <QTreeView>

#include "mainwindow.h"
#include "sandboxfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

int countRows(const QAbstractItemModel* model, const QModelIndex& parent = {})
{
    int rows = 0;
    for (int r = 0; r < model->rowCount(parent); ++r) {
        rows += 1 + countRows(model, model->index(r, 0, parent));
    }
    return rows;
}

QAction* findAction(QWidget* window, const QString& text)
{
    for (QAction* action : window->findChildren<QAction*>()) {
        if (action->text().remove(u'&') == text) {
            return action;
        }
    }
    return nullptr;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<InstanceKey>();
        qRegisterMetaType<QList<InstanceRecord>>();
    }

    void withoutSeedSaysWhatToDo()
    {
        MainWindow window(Configuration {}, std::nullopt);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), u"Topograph"_s);
        auto* tree = window.findChild<QTreeView*>();
        QVERIFY(tree);
        QCOMPARE(tree->model()->rowCount(), 0);
        QAction* refresh = findAction(&window, u"Refresh"_s);
        QVERIFY(refresh);
        QCOMPARE(refresh->shortcut(), QKeySequence(QKeySequence::Refresh));
        QAction* quit = findAction(&window, u"Quit"_s);
        QVERIFY(quit);
        QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
    }

    void showsTheSandboxTreeFromALeaf()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        const Sandbox& sandbox = *loaded;
        MainWindow window(sandbox.config, sandbox.deepest().key);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains(sandbox.deepest().key.toString()));
        auto* tree = window.findChild<QTreeView*>();
        QVERIFY(tree);
        const QAbstractItemModel* model = tree->model();
        QTRY_COMPARE_WITH_TIMEOUT(
            countRows(model), static_cast<int>(sandbox.instances.size()), 30000);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, 0).data().toString(), sandbox.primary().key.toString());

        // F5 crawls again and lands on the same tree.
        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.statusBar()->findChild<QLabel*>()->text().contains(u"probed at"_s), 30000);
        QCOMPARE(countRows(model), static_cast<int>(sandbox.instances.size()));
    }

    void unreachableSeedIsReportedInTheStatusBar()
    {
        Configuration config;
        config.mysqlTopologyUser = u"nobody"_s;
        config.mysqlConnectTimeoutSeconds = 1;
        // A port that nothing of the suite listens on.
        MainWindow window(config, InstanceKey { u"127.0.0.1"_s, 1 });
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(
            window.statusBar()->findChild<QLabel*>()->text().contains(u"127.0.0.1:1"_s), 30000);
        QCOMPARE(window.findChild<QTreeView*>()->model()->rowCount(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
