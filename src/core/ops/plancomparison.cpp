#include "ops/plancomparison.h"

#include <QMap>

#include <algorithm>

#include "ops/plan.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString operationName(Operation operation)
{
    const QString name = OperationRegistry::cliName(operation);
    return name.isEmpty() ? OperationRegistry::plainLabel(operation) : name;
}

QString kindName(PlanStep::Kind kind)
{
    switch (kind) {
    case PlanStep::Kind::StopReplica:
        return u"stop replication"_s;
    case PlanStep::Kind::StartReplica:
        return u"start replication"_s;
    case PlanStep::Kind::StartUntil:
        return u"start replication until"_s;
    case PlanStep::Kind::WaitUntil:
        return u"wait until"_s;
    case PlanStep::Kind::ChangeMaster:
        return u"change master"_s;
    case PlanStep::Kind::SetReadOnly:
        return u"set read_only"_s;
    case PlanStep::Kind::DeleteHeartbeatRows:
        return u"delete heartbeat rows"_s;
    case PlanStep::Kind::CheckExecuted:
        return u"check position"_s;
    }
    return u"step"_s;
}

QString coordinatesText(const CoordinateRef& ref)
{
    return ref.isSet() ? ref.filePlaceholder() + u':' + ref.posPlaceholder() : QString();
}

// Everything of a step that decides what it does, in words: equal texts, equal steps.
QString stepText(const PlanStep& step)
{
    QString text = u"%1 on %2: %3"_s.arg(
        kindName(step.kind), step.instance.toString(), step.sql.join(u"; "_s));
    if (step.newMaster) {
        text += u" [new master %1%2]"_s.arg(
            step.newMaster->toString(), step.gtid ? u", by GTID"_s : QString());
    }
    if (step.checksMasterBefore) {
        text += u" [replicating from %1 before]"_s.arg(
            step.masterBefore ? step.masterBefore->toString() : u"nothing"_s);
    }
    if (step.coordinates.isSet()) {
        text += u" [at %1]"_s.arg(coordinatesText(step.coordinates));
    }
    if (step.onlyIfBehind) {
        text += u" [only if behind %1]"_s.arg(step.onlyIfBehind->toString());
    }
    if (step.kind == PlanStep::Kind::SetReadOnly) {
        text += step.readOnly ? u" [read-only]"_s : u" [writeable]"_s;
    }
    return text;
}

QString endStateText(const ExpectedState& e)
{
    QStringList parts;
    if (e.replicationChecked) {
        parts << (e.master ? u"replicates from %1 (%2)"_s.arg(
                      e.master->toString(), e.replicating ? u"running"_s : u"stopped"_s)
                           : u"is not a replica"_s);
    } else {
        parts << u"replication left as it is"_s;
    }
    if (e.readOnly) {
        parts << (*e.readOnly ? u"read-only"_s : u"writeable"_s);
    }
    if (e.heartbeat) {
        QList<quint32> ids;
        for (const HeartbeatRow& row : e.heartbeat->deleted) {
            ids << row.serverId;
        }
        std::sort(ids.begin(), ids.end());
        QStringList names;
        for (const quint32 id : ids) {
            names << QString::number(id);
        }
        parts << u"no heartbeat row of server_id %1"_s.arg(names.join(u", "_s));
        if (e.heartbeat->kept) {
            parts << u"the row of server_id %1 kept"_s.arg(*e.heartbeat->kept);
        }
    }
    return parts.join(u", "_s);
}

QMap<QString, QString> endStates(const Plan& plan)
{
    QMap<QString, QString> states;
    for (const ExpectedState& e : plan.expected) {
        states.insert(e.instance.toString(), endStateText(e));
    }
    return states;
}

QStringList sortedKeys(const QList<InstanceKey>& keys)
{
    QStringList names;
    for (const InstanceKey& key : keys) {
        names << key.toString();
    }
    names.sort();
    names.removeDuplicates();
    return names;
}

void compareSteps(const Plan& previewed, const Plan& fresh, QStringList& out)
{
    const qsizetype count = std::max(previewed.steps.size(), fresh.steps.size());
    if (previewed.steps.size() != fresh.steps.size()) {
        out << u"the plan has %1 step(s) now; it had %2"_s.arg(fresh.steps.size())
                   .arg(previewed.steps.size());
    }
    for (qsizetype i = 0; i < count; ++i) {
        const int number = static_cast<int>(i) + 1;
        if (i >= previewed.steps.size()) {
            out << u"step %1 is new: %2"_s.arg(number).arg(stepText(fresh.steps.at(i)));
        } else if (i >= fresh.steps.size()) {
            out << u"step %1 is gone: %2"_s.arg(number).arg(stepText(previewed.steps.at(i)));
        } else if (const QString was = stepText(previewed.steps.at(i)),
                   now = stepText(fresh.steps.at(i));
                   was != now) {
            out << u"step %1 is now: %2; it was: %3"_s.arg(number).arg(now, was);
        }
    }
}

void compareEndStates(const Plan& previewed, const Plan& fresh, QStringList& out)
{
    const QMap<QString, QString> was = endStates(previewed);
    const QMap<QString, QString> now = endStates(fresh);
    QStringList instances = was.keys() + now.keys();
    instances.sort();
    instances.removeDuplicates();
    for (const QString& instance : std::as_const(instances)) {
        if (!was.contains(instance)) {
            out << u"new expected end state: %1 %2"_s.arg(instance, now.value(instance));
        } else if (!now.contains(instance)) {
            out << u"no expected end state for %1 any more (it was: %2)"_s.arg(
                instance, was.value(instance));
        } else if (was.value(instance) != now.value(instance)) {
            out << u"expected end state of %1 is now: %2; it was: %3"_s.arg(
                instance, now.value(instance), was.value(instance));
        }
    }
}

} // namespace

QStringList PlanComparison::differences(const Plan& previewed, const Plan& fresh)
{
    QStringList out;
    if (previewed.operation != fresh.operation) {
        out << u"the operation is now %1; it was %2"_s.arg(
            operationName(fresh.operation), operationName(previewed.operation));
    }
    if (previewed.method != fresh.method || previewed.methodDetail != fresh.methodDetail) {
        out << u"the method is now %1; it was %2"_s.arg(
            fresh.methodDetail.isEmpty() ? methodName(fresh.method) : fresh.methodDetail,
            previewed.methodDetail.isEmpty() ? methodName(previewed.method)
                                             : previewed.methodDetail);
    }
    compareSteps(previewed, fresh, out);
    const QStringList stopsBefore = sortedKeys(previewed.stopsReplication);
    const QStringList stopsNow = sortedKeys(fresh.stopsReplication);
    if (stopsBefore != stopsNow) {
        out << u"it now stops replication on: %1; it stopped: %2"_s.arg(
            stopsNow.isEmpty() ? u"none"_s : stopsNow.join(u", "_s),
            stopsBefore.isEmpty() ? u"none"_s : stopsBefore.join(u", "_s));
    }
    compareEndStates(previewed, fresh, out);
    return out;
}

} // namespace topograph
