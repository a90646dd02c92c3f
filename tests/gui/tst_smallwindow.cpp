// Small windows: the side docks give way so that the central widget (the canvas) keeps half of
// the window's width, and grow back to their widths when the window widens again; a panel's grid
// of buttons reflows into fewer columns so that its dock can get narrow.
#include <QAction>
#include <QDockWidget>
#include <QToolButton>
#include <QGridLayout>
#include <QMainWindow>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>

#include "panels/dockbalancer.h"
#include "panels/instancedetailspanel.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

QDockWidget* dock(QMainWindow* window, const QString& title, Qt::DockWidgetArea area)
{
    auto* content = new QWidget;
    content->setMinimumWidth(120);
    auto* result = new QDockWidget(title, window);
    result->setObjectName(title);
    result->setWidget(content);
    window->addDockWidget(area, result);
    return result;
}

// A window laid out like Topograph's: clusters on the left, details on the right.
struct Window
{
    QMainWindow window;
    QWidget* central = new QWidget;
    QDockWidget* left = dock(&window, u"clusters"_s, Qt::LeftDockWidgetArea);
    QDockWidget* right = dock(&window, u"details"_s, Qt::RightDockWidgetArea);
    DockBalancer* balancer = nullptr;

    explicit Window(bool balanced)
    {
        window.setCentralWidget(central);
        if (balanced) {
            balancer = new DockBalancer(&window, { left, right });
        }
        window.resize(1920, 1000);
        window.resizeDocks({ left, right }, { 380, 340 }, Qt::Horizontal);
        window.show();
    }

    bool resizedTo(const QSize& size)
    {
        window.resize(size);
        return QTest::qWaitFor([&] { return window.size() == size; });
    }
};

} // namespace

class TestSmallWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutItTheCanvasIsSqueezed()
    {
        // What the balancer is for: QMainWindow alone takes a narrower window's width from the
        // central widget first.
        Window w(false);
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        QTRY_COMPARE(w.left->width(), 380);
        QVERIFY(w.resizedTo(QSize(1024, 700)));
        QTRY_VERIFY(w.central->width() < 1024 / 3);
    }

    void docksGiveWayAndComeBack()
    {
        Window w(true);
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        QTRY_COMPARE(w.left->width(), 380);
        QTRY_COMPARE(w.right->width(), 340);
        QVERIFY(w.central->width() > 1920 / 2); // wide enough: nothing changes

        for (const QSize& size : { QSize(1024, 700), QSize(700, 450) }) {
            QVERIFY(w.resizedTo(size));
            const int half = size.width() / 2;
            QTRY_VERIFY2(w.central->width() >= half - 2,
                qPrintable(u"%1: canvas %2, docks %3 + %4"_s.arg(size.width())
                               .arg(w.central->width())
                               .arg(w.left->width())
                               .arg(w.right->width())));
            // In proportion to what they had, never below their minimum.
            QVERIFY(w.left->width() > w.right->width());
            QVERIFY(w.right->width() >= w.right->minimumSizeHint().width());
            QCOMPARE(w.balancer->wantedWidth(w.left), 380);
            QCOMPARE(w.balancer->wantedWidth(w.right), 340);
        }

        QVERIFY(w.resizedTo(QSize(1920, 1000)));
        QTRY_VERIFY(std::abs(w.left->width() - 380) <= 2 && std::abs(w.right->width() - 340) <= 2);
    }

    void aHiddenDockTakesNothing()
    {
        Window w(true);
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        w.right->hide();
        QVERIFY(w.resizedTo(QSize(700, 450)));
        QTRY_VERIFY(w.central->width() >= 700 / 2 - 2);
        QTRY_VERIFY(w.left->width() >= 700 / 2 - 40); // the left dock keeps the rest
    }

    void detailsButtonsReflow()
    {
        // The instance details' operation buttons: three a row, then two, then one, in their
        // order, so that the dock can get as narrow as one button.
        QWidget window;
        InstanceDetailsPanel panel;
        QList<QAction*> actions;
        for (const QString& text : { u"Refresh instance"_s, u"Move to…"_s, u"Move up"_s,
                 u"Take master"_s, u"Stop replication"_s, u"Begin maintenance…"_s }) {
            actions.append(new QAction(text, &window));
        }
        panel.setActions(actions);
        int widest = 0;
        for (const QAction* action : std::as_const(actions)) {
            widest = std::max(widest, panel.buttonFor(action)->minimumSizeHint().width());
        }
        const QMargins margins = panel.layout()->contentsMargins();
        QCOMPARE(panel.minimumWidth(), widest + margins.left() + margins.right());
        panel.resize(1200, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.buttonColumns(), 3);
        for (const auto& [width, columns] : { std::pair { 3 * widest + 60, 3 },
                 std::pair { 2 * widest + 40, 2 }, std::pair { widest + 20, 1 } }) {
            panel.resize(width, 500);
            QTRY_COMPARE(panel.buttonColumns(), columns);
            panel.layout()->activate();
            QVERIFY(panel.buttonFor(actions.last())->geometry().right() < panel.width());
            const QRect first = panel.buttonFor(actions.at(0))->geometry();
            const QRect second = panel.buttonFor(actions.at(1))->geometry();
            // In their order: the second button is right of the first, or below it in one column.
            QVERIFY(columns == 1 ? second.top() > first.top() : second.left() > first.left());
        }
        QCOMPARE(panel.buttonColumns(), 1);
        // A hidden action's button takes no cell.
        actions.at(1)->setVisible(false);
        QVERIFY(panel.buttonFor(actions.at(1))->isHidden());
        QVERIFY(panel.buttonFor(actions.at(2))->geometry().top()
            < panel.buttonFor(actions.at(3))->geometry().top());
    }
};

QTEST_MAIN(TestSmallWindow)
#include "tst_smallwindow.moc"
