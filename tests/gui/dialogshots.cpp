// Renders the app's dialogs and panels with sample data into PNG files, for the README and for
// looking at them as a user would. Not a test: run it on purpose,
//   QT_QPA_PLATFORM=offscreen build/tests/gui/topograph_dialog_shots DIR
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTabWidget>
#include <QTest>

#include <cstdio>

#include "dialogs/destinationpickerdialog.h"
#include "dialogs/discoverdialog.h"
#include "dialogs/planpreviewdialog.h"
#include "dialogs/settingsdialog.h"
#include "dialogsamples.h"
#include "panels/instancedetailspanel.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using namespace topograph::test;

namespace {

bool shoot(QWidget* widget, const QString& dir, const QString& name)
{
    widget->show();
    if (!QTest::qWaitForWindowExposed(widget)) {
        return false;
    }
    const QString path = dir + u'/' + name;
    const bool saved = widget->grab().save(path);
    std::printf("%s %s\n", saved ? "wrote" : "FAILED", qPrintable(path));
    return saved;
}

ExecutionReport succeededReport()
{
    ExecutionReport report = failedReport();
    report.succeeded = true;
    report.error.clear();
    report.standings.removeLast();
    report.standings.first().ioRunning = true;
    report.standings.first().error.clear();
    return report;
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    const QString dir = QString::fromLocal8Bit(argv[1]);
    QDir().mkpath(dir);
    bool ok = true;

    PlanPreviewDialog plan;
    plan.setRunBlocked({});
    plan.setPlan(samplePlan());
    ok &= shoot(&plan, dir, u"dlg-plan.png"_s);
    plan.setRunning();
    plan.setProgress(2, 3, u"point db3:3306 at db2:3306 by GTID"_s);
    ok &= shoot(&plan, dir, u"dlg-plan-running.png"_s);
    plan.setReport(failedReport(), false);
    ok &= shoot(&plan, dir, u"dlg-plan-failed.png"_s);
    PlanPreviewDialog done;
    done.setPlan(samplePlan());
    done.setRunning();
    done.setReport(succeededReport(), true);
    ok &= shoot(&done, dir, u"dlg-plan-done.png"_s);
    PlanPreviewDialog blocked;
    blocked.setRunBlocked(u"read-only mode (ReadOnly in the configuration)"_s);
    blocked.setPlan(samplePlan());
    ok &= shoot(&blocked, dir, u"dlg-plan-blocked.png"_s);

    DiscoverDialog discover(3306);
    discover.setConfiguredCredentialsDescription(u"option file ~/.my.cnf"_s);
    discover.setSeedText(u"db1103.eqiad.wmnet:3306"_s);
    child<QRadioButton>(&discover, "userRadio")->setChecked(true);
    ok &= shoot(&discover, dir, u"dlg-discover-idle.png"_s);
    child<QLineEdit>(&discover, "userEdit")->setText(u"topograph"_s);
    QTest::mouseClick(child<QPushButton>(&discover, "discoverButton"), Qt::LeftButton);
    InstanceRecord r = sampleRecord();
    discover.instanceFound(r);
    r.key = key(u"db1104.eqiad.wmnet:3306"_s);
    r.reachable = false;
    r.lastError = u"Can't connect to MySQL server on 'db1104.eqiad.wmnet' (110)"_s;
    discover.instanceFound(r);
    ok &= shoot(&discover, dir, u"dlg-discover.png"_s);

    SettingsDialog settings(editedConfiguration());
    ok &= shoot(&settings, dir, u"dlg-settings.png"_s);
    auto* tabs = child<QTabWidget>(&settings, "tabs");
    for (int i = 1; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        ok &= shoot(&settings, dir, u"dlg-settings-%1.png"_s.arg(i));
    }

    QHash<InstanceKey, TargetVerdict> verdicts;
    verdicts.insert(key(u"db1:3306"_s), { TargetVerdict::Kind::Valid, {}, u"GTID"_s });
    verdicts.insert(key(u"db2:3306"_s),
        { TargetVerdict::Kind::Warning, u"db2:3306 lags 25 s behind its master"_s, u"GTID"_s });
    verdicts.insert(key(u"db5:3306"_s),
        { TargetVerdict::Kind::Refused, u"db5:3306 is a replica of db3:3306"_s, {} });
    DestinationPickerDialog picker(u"Move to — db3:3306"_s,
        u"Where should db3:3306 go? Type part of a name to filter."_s, verdicts, {});
    ok &= shoot(&picker, dir, u"dlg-move-to.png"_s);

    InstanceDetailsPanel panel;
    panel.resize(380, 900);
    MaintenanceLock lock;
    lock.id = 3;
    lock.owner = u"alice"_s;
    lock.reason = u"kernel upgrade"_s;
    lock.end = QDateTime::currentDateTimeUtc().addSecs(1200);
    panel.setInstance(sampleRecord(), u"s1"_s, lock, QDateTime::currentDateTimeUtc(), {});
    ok &= shoot(&panel, dir, u"panel-details.png"_s);
    return ok ? 0 : 1;
}
