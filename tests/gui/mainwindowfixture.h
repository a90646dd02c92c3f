// What the main window tests share: a throwaway sandbox of their own, helpers that drive the
// canvas with the mouse and the keyboard, and that read the servers themselves.
#pragma once

#include <QApplication>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

#include "canvas/clusterscene.h"
#include "canvas/clusterview.h"
#include "canvas/nodeitem.h"
#include "db/mysqlsession.h"
#include "dialogs/planpreviewdialog.h"
#include "mainwindow.h"
#include "models/clusterlistmodel.h"
#include "operations/operationcontroller.h"
#include "panels/clusterlistpanel.h"
#include "sandboxfixture.h"
#include "throwawaysandbox.h"

namespace topograph::test {

using namespace Qt::StringLiterals;

inline constexpr int kWaitMs = 60000;

inline QAction* findAction(QWidget* window, const QString& text)
{
    for (QAction* action : window->findChildren<QAction*>()) {
        if (action->text().remove(u'&') == text) {
            return action;
        }
    }
    return nullptr;
}

inline QPoint viewportPoint(const MainWindow& window, const InstanceKey& key)
{
    NodeItem* item = window.scene()->nodeItem(key);
    return item ? window.canvas()->mapFromScene(item->sceneBoundingRect().center()) : QPoint();
}

// Presses on dragged's card and moves in steps onto target's card, without releasing.
inline QPoint dragOnto(
    const MainWindow& window, const InstanceKey& dragged, const InstanceKey& target)
{
    QWidget* viewport = window.canvas()->viewport();
    const QPoint from = viewportPoint(window, dragged);
    const QPoint to = viewportPoint(window, target);
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 8; ++i) {
        QTest::mouseMove(viewport, from + (to - from) * i / 8);
    }
    return to;
}

inline void dragCard(
    const MainWindow& window, const InstanceKey& dragged, const InstanceKey& target)
{
    const QPoint to = dragOnto(window, dragged, target);
    QTest::mouseRelease(window.canvas()->viewport(), Qt::LeftButton, {}, to);
}

// The master port an instance replicates from, read from the server itself.
// Clicks Run in the plan preview open on window, once it can run, and waits for the
// operation's report (a test failure when there is no preview or no report).
inline void runPreviewedPlan(MainWindow& window, ExecutionReport& report)
{
    PlanPreviewDialog* dialog = window.operations()->dialog();
    QVERIFY2(dialog, "no plan preview is open");
    QSignalSpy finished(window.operations(), &OperationController::operationFinished);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->runButton()->isEnabled(), kWaitMs);
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
    QVERIFY(finished.wait(kWaitMs));
    report = finished.first().at(1).value<ExecutionReport>();
}

inline int masterPortOf(const ThrowawaySandbox& sb, int number)
{
    auto session = MySqlSession::open(
        sb.sandbox.settings(sb.sandbox.instance(number)), u"gui-test-%1"_s.arg(number));
    if (!session) {
        return -1;
    }
    auto row = (*session)->queryRow(u"SHOW SLAVE STATUS"_s);
    return row ? row->value(u"Master_Port"_s).toInt() : 0;
}

// Runs one statement on instance number of a throwaway sandbox.
inline bool execOn(const ThrowawaySandbox& sb, int number, const QString& sql)
{
    auto session = MySqlSession::open(
        sb.sandbox.settings(sb.sandbox.instance(number)), u"gui-test-exec-%1"_s.arg(number));
    return session && (*session)->execute(sql).ok();
}

// The open context menu of the canvas, if any.
inline QMenu* contextMenu(const MainWindow& window)
{
    return window.findChild<QMenu*>(u"nodeContextMenu"_s);
}

// Drives the next modal dialog once the event loop runs: the "Move to…" picker or the like.
template <typename Dialog, typename Drive> void whenModal(QObject* context, Drive drive)
{
    QTimer::singleShot(0, context, [drive] {
        auto* dialog = qobject_cast<Dialog*>(QApplication::activeModalWidget());
        QVERIFY2(dialog, "the expected dialog did not open");
        drive(dialog);
    });
}

// The master port an instance of the shared sandbox replicates from, with both threads running
// (0 when it is not replicating).
inline int masterPortOfInstance(const Sandbox& sb, const InstanceKey& key)
{
    for (const SandboxInstance& instance : sb.instances) {
        if (instance.key != key) {
            continue;
        }
        auto session = MySqlSession::open(sb.settings(instance), u"gui-test-shared"_s);
        if (!session) {
            return -1;
        }
        auto row = (*session)->queryRow(u"SHOW SLAVE STATUS"_s);
        const bool running = row && row->value(u"Slave_SQL_Running"_s).toString() == u"Yes"_s
            && row->value(u"Slave_IO_Running"_s).toString() == u"Yes"_s;
        return running ? row->value(u"Master_Port"_s).toInt() : 0;
    }
    return -1;
}

// The state of one test executable: a temporary folder for backends and QSettings, and one
// six-instance GTID throwaway sandbox (1>2,3,4;4>5,6) on scratch ports + offset, started when a
// test first asks for it.
class MainWindowFixture final
{
public:
    explicit MainWindowFixture(int sandboxOffset)
        : m_offset(sandboxOffset)
    { }

    // For initTestCase: QSettings in the temporary folder.
    bool init()
    {
        QCoreApplication::setOrganizationName(u"topograph-tests"_s);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        return m_dir.isValid();
    }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }

    Configuration emptyBackendConfig(const QString& name) const
    {
        Configuration config;
        config.sqlite3DataFile = m_dir.filePath(name + u".db"_s);
        return config;
    }

    // One six-instance GTID sandbox (1>2,3,4;4>5,6) shared by the tests that change it.
    ThrowawaySandbox* throwaway()
    {
        if (!m_throwaway) {
            auto started = ThrowawaySandbox::start(
                m_dir.filePath(u"throwaway"_s), u"gtid"_s, u"1>2,3,4;4>5,6"_s, m_offset);
            if (started) {
                m_throwaway = std::move(started).value();
            } else {
                qWarning("%s", qPrintable(started.error().message));
            }
        }
        return m_throwaway.get();
    }

    // Shows the window with its one cluster open, every card placed and fitted (no animation).
    static void showTheOnlyCluster(MainWindow& window, qsizetype instances)
    {
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.scene()->setAnimationDuration(0);
        QTRY_COMPARE_WITH_TIMEOUT(window.clusterList()->model()->rowCount(), 1, kWaitMs);
        window.openCluster(window.clusterList()->model()->summaryAt(0).name);
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->keys().size(), instances, kWaitMs);
        window.canvas()->zoomToFit();
    }

    void reset() { m_throwaway.reset(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ThrowawaySandbox> m_throwaway;
    int m_offset;
};

} // namespace topograph::test
