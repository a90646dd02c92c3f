// Small windows: the side docks give way so that the central widget (the canvas) keeps half of
// the window's width, and grow back to their widths when the window widens again; a panel's grid
// of buttons reflows into fewer columns so that its dock can get narrow.
#include <QDockWidget>
#include <QGridLayout>
#include <QMainWindow>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>

#include "panels/dockbalancer.h"
#include "panels/gridreflow.h"

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

    void buttonGridReflows()
    {
        // Like the instance details' actions: three buttons, then one over two columns and one.
        QWidget panel;
        auto* layout = new QVBoxLayout(&panel);
        auto* grid = new QGridLayout;
        layout->addLayout(grid);
        QList<QPushButton*> buttons;
        for (const QString& text : { u"Refresh"_s, u"Move up"_s, u"Take master"_s,
                 u"Start replication"_s, u"Begin maintenance…"_s }) {
            buttons.append(new QPushButton(text, &panel));
        }
        grid->addWidget(buttons.at(0), 0, 0);
        grid->addWidget(buttons.at(1), 0, 1);
        grid->addWidget(buttons.at(2), 0, 2);
        grid->addWidget(buttons.at(3), 1, 0, 1, 2);
        grid->addWidget(buttons.at(4), 1, 2);
        const int designed = grid->minimumSize().width();
        auto* reflow = new GridReflow(grid, &panel);
        int widest = 0;
        for (const QPushButton* button : std::as_const(buttons)) {
            widest = std::max(widest, button->minimumSizeHint().width());
        }
        const QMargins margins = layout->contentsMargins();
        QCOMPARE(panel.minimumWidth(), widest + margins.left() + margins.right());

        panel.resize(designed + 100, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(reflow->columns(), 0); // as designed
        int row = 0;
        int column = 0;
        int rowSpan = 0;
        int columnSpan = 0;
        grid->getItemPosition(grid->indexOf(buttons.at(3)), &row, &column, &rowSpan, &columnSpan);
        QCOMPARE(columnSpan, 2);

        for (const int columns : { 2, 1 }) {
            const int width = columns == 2 ? 2 * widest + 40 : widest + 40;
            panel.resize(width, 300);
            QTRY_COMPARE(reflow->columns(), columns);
            for (qsizetype i = 0; i < buttons.size(); ++i) {
                grid->getItemPosition(
                    grid->indexOf(buttons.at(i)), &row, &column, &rowSpan, &columnSpan);
                QCOMPARE(row, int(i) / columns); // in their order
                QCOMPARE(column, int(i) % columns);
            }
            QTRY_VERIFY(buttons.at(4)->geometry().right() < panel.width());
        }
        panel.resize(designed + 100, 300);
        QTRY_COMPARE(reflow->columns(), 0);
    }
};

QTEST_MAIN(TestSmallWindow)
#include "tst_smallwindow.moc"
