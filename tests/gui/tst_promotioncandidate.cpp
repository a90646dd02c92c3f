// Promotion candidates in the app, offscreen, on the GTID sandbox: the card's context menu offers
// "Register as candidate…", whose dialog chooses the rule and shows the expiry; the write goes
// through the fleet worker, and the next snapshot puts the rule's glyph and tooltip line on the
// card. In read-only mode the action is disabled with the reason and nothing is written.
#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QTest>

#include "backend/backend.h"
#include "backend/candidatestore.h"
#include "canvas/cardcontent.h"
#include "canvas/clusterscene.h"
#include "canvas/nodeitem.h"
#include "dialogs/registercandidatedialog.h"
#include "mainwindow.h"
#include "mainwindowfixture.h"
#include "sandboxfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

PromotionRuleMap rulesIn(const Configuration& config)
{
    auto db = Backend::open(config);
    if (!db) {
        return {};
    }
    auto rules = CandidateStore(**db, config.candidateInstanceExpireMinutes).rules();
    return rules ? *rules : PromotionRuleMap {};
}

QAction* registerAction(const MainWindow& window)
{
    return window.findChild<QAction*>(u"operation-register-candidate"_s);
}

} // namespace

class TestPromotionCandidate final : public QObject
{
    Q_OBJECT

    MainWindowFixture m_fixture { 190 };

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.init()); }

    void registerFromTheContextMenuShowsTheGlyph()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        Configuration config = loaded->config;
        config.sqlite3DataFile = m_fixture.filePath(u"candidates.db"_s);
        config.candidateInstanceExpireMinutes = 45;
        const InstanceKey leaf = loaded->deepest().key;
        MainWindow window(config, leaf);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.scene()->setAnimationDuration(0);
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->keys().size(), loaded->instances.size(), kWaitMs);
        window.canvas()->zoomToFit();
        const NodeItem* card = window.scene()->nodeItem(leaf);
        QVERIFY(card);
        QVERIFY(!card->promotionRule());

        const QPoint at = viewportPoint(window, leaf);
        QTest::mouseClick(window.windowHandle(), Qt::RightButton, {},
            window.canvas()->viewport()->mapTo(&window, at));
        QMenu* menu = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((menu = contextMenu(window)) != nullptr, kWaitMs);
        QAction* action = registerAction(window);
        QVERIFY(action && menu->actions().contains(action));
        QVERIFY(action->isEnabled());
        QCOMPARE(action->text(), u"Register as cand&idate…"_s);
        menu->close();

        bool driven = false;
        whenModal<RegisterCandidateDialog>(&window, [&driven](RegisterCandidateDialog* dialog) {
            QCOMPARE(dialog->rule(), PromotionRule::Prefer); // the CLI's default
            QVERIFY2(dialog->expiryText().contains(u"45"_s), qPrintable(dialog->expiryText()));
            dialog->setRule(PromotionRule::PreferNot);
            driven = true;
            dialog->accept();
        });
        action->trigger();
        QVERIFY(driven);

        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->nodeItem(leaf)->promotionRule(),
            std::optional(PromotionRule::PreferNot), kWaitMs);
        QVERIFY(window.scene()->nodeItem(leaf)->toolTip().startsWith(
            CardContent::promotionText(PromotionRule::PreferNot)));
        QCOMPARE(rulesIn(config).value(leaf), PromotionRule::PreferNot);
        // Other cards carry no glyph.
        QVERIFY(!window.scene()->nodeItem(loaded->primary().key)->promotionRule());
    }

    void readOnlyDisablesTheAction()
    {
        auto loaded = Sandbox::fromEnvironment(u"gtid"_s);
        if (!loaded) {
            QSKIP(qPrintable(loaded.error().message));
        }
        Configuration config = loaded->config;
        config.sqlite3DataFile = m_fixture.filePath(u"candidates.db"_s); // made by the test above
        config.readOnly = true;
        const PromotionRuleMap before = rulesIn(config);
        const InstanceKey leaf = loaded->deepest().key;
        MainWindow window(config, leaf);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.scene()->setAnimationDuration(0);
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->keys().size(), loaded->instances.size(), kWaitMs);
        // The registered rule still shows.
        QTRY_COMPARE_WITH_TIMEOUT(window.scene()->nodeItem(leaf)->promotionRule(),
            std::optional(PromotionRule::PreferNot), kWaitMs);
        window.scene()->selectInstance(leaf);
        QAction* action = registerAction(window);
        QVERIFY(action);
        QTRY_VERIFY_WITH_TIMEOUT(!action->isEnabled() && !action->toolTip().isEmpty(), kWaitMs);
        QVERIFY2(action->toolTip().contains(u"read-only"_s, Qt::CaseInsensitive),
            qPrintable(action->toolTip()));
        action->trigger();
        QCOMPARE(rulesIn(config), before);
    }
};

QTEST_MAIN(TestPromotionCandidate)
#include "tst_promotioncandidate.moc"
