#include "ops/plan.h"

#include "ops/sqlidentifiers.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString field(const CoordinateRef& ref, const QString& name)
{
    return u"${%1.%2}"_s.arg(ref.instance.toString(), name);
}

QString keyList(const QList<InstanceKey>& keys)
{
    QStringList names;
    for (const InstanceKey& key : keys) {
        names << key.toString();
    }
    return names.join(u", "_s);
}

QString heartbeatExpectation(const HeartbeatCleanup& h)
{
    QStringList ids;
    for (const HeartbeatRow& row : h.deleted) {
        ids << QString::number(row.serverId);
    }
    QString text = u": no row of server_id %1 in %2"_s.arg(ids.join(u", "_s), h.table);
    if (h.kept) {
        text += u", the current primary's row (server_id %1) still there"_s.arg(*h.kept);
    }
    return text;
}

QString expectation(const ExpectedState& e)
{
    QString text = e.instance.toString();
    if (!e.replicationChecked) {
        // nothing said about replication: the plan leaves it as it is
    } else if (e.master) {
        text += u" replicates from %1 (%2)"_s.arg(
            e.master->toString(), e.replicating ? u"running"_s : u"stopped"_s);
    } else {
        text += u" is not a replica"_s;
    }
    if (e.readOnly) {
        text += *e.readOnly ? u", read-only"_s : u", writeable"_s;
    }
    if (e.heartbeat) {
        text += heartbeatExpectation(*e.heartbeat);
    }
    return text;
}

} // namespace

QString CoordinateRef::filePlaceholder() const
{
    return field(*this, source == Source::OwnBinlog ? u"binlog_file"_s : u"exec_file"_s);
}

QString CoordinateRef::posPlaceholder() const
{
    return field(*this, source == Source::OwnBinlog ? u"binlog_pos"_s : u"exec_pos"_s);
}

Result<QStringList> PlanStep::resolvedSql(const QString& file, qint64 pos) const
{
    if (!coordinates.isSet()) {
        return sql;
    }
    auto literal = SqlIdentifiers::binlogFileLiteral(file);
    if (!literal) {
        return literal.error();
    }
    if (pos < 1) {
        return makeError(ErrorCode::InvalidInput,
            u"binary log position %1 of %2 is not valid"_s.arg(pos).arg(
                coordinates.instance.toString()));
    }
    const QString quotedFile = u'\'' + coordinates.filePlaceholder() + u'\'';
    QStringList out;
    for (QString statement : sql) {
        statement.replace(quotedFile, *literal);
        statement.replace(coordinates.posPlaceholder(), QString::number(pos));
        out << statement;
    }
    return out;
}

QString methodName(Method method)
{
    switch (method) {
    case Method::Repoint:
        return u"repoint"_s;
    case Method::Gtid:
        return u"GTID"_s;
    case Method::MoveBelow:
        return u"move below sibling"_s;
    case Method::MoveUp:
        return u"move up"_s;
    case Method::Chain:
        return u"chain"_s;
    case Method::CoMaster:
        return u"co-master"_s;
    case Method::Equivalent:
        return u"equivalent position"_s;
    case Method::Simple:
        break;
    }
    return u"simple"_s;
}

QList<InstanceKey> Plan::staysStopped() const
{
    QList<InstanceKey> keys;
    for (const InstanceKey& key : stopsReplication) {
        for (const ExpectedState& e : expected) {
            if (e.instance == key && e.master && !e.replicating) {
                keys << key;
            }
        }
    }
    return keys;
}

QList<InstanceKey> Plan::restarted() const
{
    const QList<InstanceKey> stays = staysStopped();
    QList<InstanceKey> keys;
    for (const InstanceKey& key : stopsReplication) {
        if (!stays.contains(key)) {
            keys << key;
        }
    }
    return keys;
}

QString Plan::summary() const
{
    return u"%1: %2; %3 step(s) on %4 instance(s)"_s.arg(title, methodDetail)
        .arg(steps.size())
        .arg(touched.size());
}

QString Plan::describe() const
{
    QStringList lines;
    lines << u"Operation: %1"_s.arg(title);
    lines << u"Method: %1"_s.arg(methodDetail);
    lines << u"Steps:"_s;
    QString group;
    int number = 0;
    for (const PlanStep& step : steps) {
        if (step.group != group && !step.group.isEmpty()) {
            lines << u"  [%1]"_s.arg(step.group);
        }
        group = step.group;
        const QString head = u"  %1. on %2: "_s.arg(++number).arg(step.instance.toString());
        const QString indent(head.size(), u' ');
        for (qsizetype i = 0; i < step.sql.size(); ++i) {
            lines << (i == 0 ? head : indent) + step.sql.at(i);
        }
        if (step.sql.isEmpty()) {
            lines << head + step.description;
        } else {
            lines << indent + u"-- "_s + step.description;
        }
    }
    if (const QList<InstanceKey> restarts = restarted(); !restarts.isEmpty()) {
        lines << u"Replication stops for a while on: %1"_s.arg(keyList(restarts));
    }
    if (const QList<InstanceKey> stays = staysStopped(); !stays.isEmpty()) {
        lines << u"Replication stays stopped on: %1"_s.arg(keyList(stays));
    }
    if (!warnings.isEmpty()) {
        lines << u"Warnings:"_s;
        for (const QString& warning : warnings) {
            lines << u"  - "_s + warning;
        }
    }
    lines << u"Expected end state:"_s;
    for (const ExpectedState& e : expected) {
        lines << u"  "_s + expectation(e);
    }
    bool runtime = false;
    for (const PlanStep& step : steps) {
        runtime = runtime || step.coordinates.isSet();
    }
    if (runtime) {
        lines << u"${host:port.binlog_file/binlog_pos}: that instance's own binary log position; "
                 "${host:port.exec_file/exec_pos}: how far it has executed its master's binary "
                 "log. Both are read from that instance when the step runs."_s;
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace topograph
