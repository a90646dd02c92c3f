// One QAction per operation of the registry: enabled, disabled and hidden from the planner's
// verdict for the selected instance; the Instance menu, the card's context menu and the details
// panel's buttons show the very same actions, so they agree; a disabled action never asks; the
// dispatcher's Forget question defaults to No.
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include "operations/operationactions.h"
#include "operations/operationcontroller.h"
#include "operations/operationdispatcher.h"
#include "panels/instancedetailspanel.h"
#include "plannerfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

SelectionContext contextOf(const Topology& t)
{
    SelectionContext c;
    c.cluster = t.records();
    return c;
}

} // namespace

class TestOperationActions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void actionsFollowTheStates()
    {
        QWidget window;
        OperationActions actions(&window);
        const Topology t(u"m; r1<m; r2<m; r1a<r1"_s, Server::MariaDB1011, true);
        for (const QString& name : { u"m"_s, u"r1"_s, u"r1a"_s }) {
            actions.setContext(contextOf(t), key(name));
            QCOMPARE(actions.instance(), std::optional(key(name)));
            for (const OperationInfo& info : OperationRegistry::all()) {
                const OperationState state
                    = OperationStates::of(info.operation, contextOf(t), key(name));
                QAction* action = actions.action(info.operation);
                QVERIFY(action);
                QCOMPARE(action->isEnabled(), state.enabled);
                QCOMPARE(action->isVisible(), state.visible);
                QCOMPARE(action->toolTip(), state.toolTip);
                QVERIFY(window.actions().contains(action)); // shortcuts work window-wide
            }
        }
        QCOMPARE(actions.action(Operation::Relocate)->shortcut(), QKeySequence(u"Ctrl+M"_s));
        QCOMPARE(actions.action(Operation::Forget)->shortcut(), QKeySequence(Qt::Key_Delete));
        actions.setContext(contextOf(t), std::nullopt);
        QVERIFY(!actions.action(Operation::Refresh)->isEnabled());
    }

    void menusAndPanelShareTheActions()
    {
        QWidget window;
        OperationActions actions(&window);
        QMenu bar;
        actions.populate(&bar);
        std::unique_ptr<QMenu> context(actions.createContextMenu(&window));
        QList<QAction*> barActions = bar.actions();
        barActions.removeIf([](QAction* a) { return a->isSeparator(); });
        QList<QAction*> contextActions = context->actions();
        contextActions.removeIf([](QAction* a) { return a->isSeparator(); });
        QCOMPARE(barActions, contextActions);
        QCOMPARE(barActions.size(), OperationRegistry::all().size());
        for (const OperationInfo& info : OperationRegistry::all()) {
            QVERIFY(barActions.contains(actions.action(info.operation)));
        }

        InstanceDetailsPanel panel;
        QAction* stop = actions.action(Operation::StopReplica);
        QAction* start = actions.action(Operation::StartReplica);
        panel.setActions({ actions.action(Operation::MoveUp), stop, start });
        const Topology t(u"m; r1<m; r1a<r1"_s, Server::MariaDB1011, true);
        actions.setContext(contextOf(t), key(u"r1a"_s));
        QToolButton* moveUp = panel.buttonFor(actions.action(Operation::MoveUp));
        QVERIFY(moveUp && moveUp->isEnabled());
        QVERIFY(!panel.buttonFor(stop)->isHidden());
        QVERIFY(panel.buttonFor(start)->isHidden()); // it replicates: only Stop is offered
        actions.setContext(contextOf(t), key(u"m"_s));
        QVERIFY(!moveUp->isEnabled());
        QCOMPARE(moveUp->toolTip(), actions.action(Operation::MoveUp)->toolTip());
        Topology stopped = t;
        stopped.with(
            u"r1a"_s, [](InstanceRecord& r) { r.ioThreadRunning = r.sqlThreadRunning = false; });
        actions.setContext(contextOf(stopped), key(u"r1a"_s));
        QVERIFY(panel.buttonFor(stop)->isHidden());
        QVERIFY(!panel.buttonFor(start)->isHidden());
        QVERIFY(panel.buttonFor(start)->isEnabled());
    }

    void onlyAnEnabledActionAsks()
    {
        QWidget window;
        OperationActions actions(&window);
        const Topology t(u"m; r1<m"_s, Server::MariaDB1011, true);
        QSignalSpy asked(&actions, &OperationActions::triggered);
        actions.setContext(contextOf(t), key(u"r1"_s));
        actions.action(Operation::MoveUp)->trigger(); // refused: r1's master is the top
        QCOMPARE(asked.size(), 0);
        actions.action(Operation::StopReplica)->trigger();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().at(0).value<Operation>(), Operation::StopReplica);
        QCOMPARE(asked.first().at(1).value<InstanceKey>(), key(u"r1"_s));
        SelectionContext readOnly = contextOf(t);
        readOnly.readOnlyReason = u"Read-only mode"_s;
        actions.setContext(readOnly, key(u"r1"_s));
        actions.action(Operation::StopReplica)->trigger();
        actions.action(Operation::Forget)->trigger();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(actions.action(Operation::Forget)->toolTip(), u"Read-only mode"_s);
    }

    void forgetAsksAndDefaultsToNo()
    {
        QWidget window;
        OperationActions actions(&window);
        OperationController controller(&window);
        OperationDispatcher dispatcher(&actions, &controller, &window);
        const Topology t(u"m; r1<m"_s, Server::MariaDB1011, true);
        actions.setContext(contextOf(t), key(u"r1"_s));
        QMessageBox::StandardButton defaultButton = QMessageBox::NoButton;
        bool asked = false;
        QTimer::singleShot(0, &window, [&] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            asked = box != nullptr;
            if (box) {
                defaultButton = box->standardButton(box->defaultButton());
                QTest::keyClick(box, Qt::Key_Return); // Enter takes the default: No
            }
        });
        dispatcher.dispatch(Operation::Forget, key(u"r1"_s));
        QVERIFY(asked);
        QCOMPARE(defaultButton, QMessageBox::No);
    }
};

QTEST_MAIN(TestOperationActions)
#include "tst_operationactions.moc"
