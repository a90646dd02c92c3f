#include "dialogs/planhtml.h"

#include <QCoreApplication>
#include <QHash>

#include "ops/plan.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString statement(const QString& sql)
{
    return sql.trimmed().endsWith(u';') ? sql : sql + u';';
}

} // namespace

QString PlanHtml::describe(const Plan& plan)
{
    // Steps, grouped by sub-operation, each with the statements it runs.
    QString html = u"<h3>%1</h3><table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">"_s.arg(
        esc(QCoreApplication::translate("PlanHtml", "Steps")));
    QString group;
    QList<InstanceKey> order;
    QHash<InstanceKey, QStringList> sqlByInstance;
    bool placeholders = false;
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const PlanStep& step = plan.steps.at(i);
        if (!step.group.isEmpty() && step.group != group) {
            html += u"<tr><td colspan=\"2\" style=\"padding-top: 8px\"><b>%1</b></td></tr>"_s.arg(
                esc(step.group));
        }
        group = step.group;
        QString notes;
        if (step.onlyIfBehind) {
            notes += u" <i>%1</i>"_s.arg(esc(QCoreApplication::translate(
                "PlanHtml", "(only if it is behind %1 when the step runs)")
                                                 .arg(step.onlyIfBehind->toString())));
        }
        if (step.kind == PlanStep::Kind::WaitUntil && step.timeoutSeconds > 0) {
            notes += u" <i>%1</i>"_s.arg(esc(QCoreApplication::translate(
                "PlanHtml", "(waits at most %n second(s))", nullptr, step.timeoutSeconds)));
        }
        QString sql;
        for (const QString& s : step.sql) {
            sql += esc(s) + u'\n';
        }
        html += u"<tr><td valign=\"top\" align=\"right\" width=\"28\"><b>%1.</b></td>"
                "<td valign=\"top\"><b>%2</b> — %3%4%5</td></tr>"_s.arg(QString::number(i + 1),
                    esc(step.instance.toString()), esc(step.description), notes,
                    sql.isEmpty()
                        ? QString()
                        : u"<pre style=\"margin: 2px 0 4px 0\">%1</pre>"_s.arg(sql.chopped(1)));
        if (!sqlByInstance.contains(step.instance)) {
            order << step.instance;
        }
        QStringList& lines = sqlByInstance[step.instance];
        lines << u"-- %1. %2"_s.arg(i + 1).arg(step.description);
        for (const QString& s : step.sql) {
            lines << statement(s);
        }
        placeholders = placeholders || step.coordinates.isSet();
    }
    html += u"</table>"_s;

    html += u"<h3>%1</h3>"_s.arg(esc(QCoreApplication::translate("PlanHtml", "SQL per instance")));
    for (const InstanceKey& key : std::as_const(order)) {
        html += u"<p style=\"margin-bottom: 2px\"><b>%1</b></p>"
                "<pre style=\"margin: 0 0 8px 16px\">%2</pre>"_s.arg(
                    esc(key.toString()), esc(sqlByInstance.value(key).join(u'\n')));
    }
    if (placeholders) {
        html += u"<p><i>%1</i></p>"_s.arg(esc(QCoreApplication::translate("PlanHtml",
            "${host:port.binlog_file} / ${host:port.binlog_pos}: that instance's own "
            "binary log position; ${host:port.exec_file} / ${host:port.exec_pos}: how far "
            "it has executed its master's binary log. Both are read from that instance "
            "when the step runs.")));
    }

    html += u"<h3>%1</h3>"_s.arg(
        esc(QCoreApplication::translate("PlanHtml", "Stops replication on")));
    if (plan.stopsReplication.isEmpty()) {
        html += u"<p>%1</p>"_s.arg(
            esc(QCoreApplication::translate("PlanHtml", "No instance stops replicating.")));
    } else {
        html += u"<ul>"_s;
        const QList<InstanceKey> stays = plan.staysStopped();
        for (const InstanceKey& key : plan.stopsReplication) {
            html += u"<li>%1</li>"_s.arg(
                esc(stays.contains(key) ? QCoreApplication::translate(
                        "PlanHtml", "%1 (stays stopped: that is the plan's end state)")
                                              .arg(key.toString())
                                        : QCoreApplication::translate(
                                            "PlanHtml", "%1 (restarted by the plan, or on failure)")
                                              .arg(key.toString())));
        }
        html += u"</ul>"_s;
    }

    html += u"<h3>%1</h3><ul>"_s.arg(
        esc(QCoreApplication::translate("PlanHtml", "Expected end state")));
    for (const ExpectedState& e : plan.expected) {
        QString text = e.master ? (e.replicating ? QCoreApplication::translate(
                                       "PlanHtml", "%1 replicates from %2, both threads running")
                                                 : QCoreApplication::translate("PlanHtml",
                                                     "%1 is a replica of %2, replication stopped"))
                                      .arg(e.instance.toString(), e.master->toString())
                                : QCoreApplication::translate("PlanHtml", "%1 is not a replica")
                                      .arg(e.instance.toString());
        if (e.readOnly) {
            text += *e.readOnly ? QCoreApplication::translate("PlanHtml", ", read-only")
                                : QCoreApplication::translate("PlanHtml", ", writeable");
        }
        html += u"<li>%1</li>"_s.arg(esc(text));
    }
    return html + u"</ul>"_s;
}

} // namespace topograph
