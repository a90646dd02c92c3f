#include "lag/lagprinter.h"

#include <algorithm>
#include <cmath>

#include "lag/lagrules.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString sbm(const std::optional<qint64>& value)
{
    return value ? QString::number(*value) : u"NULL"_s;
}

} // namespace

QString LagPrinter::seconds(const std::optional<double>& value)
{
    return value && std::isfinite(*value) ? QString::number(*value, 'f', 3) : u"-"_s;
}

QString LagPrinter::sourceName(LagSource source)
{
    switch (source) {
    case LagSource::Heartbeat:
        return u"heartbeat"_s;
    case LagSource::Query:
        return u"query"_s;
    case LagSource::SecondsBehindMaster:
        break;
    }
    return u"sbm"_s;
}

QString LagPrinter::stateName(HeartbeatRow::State state)
{
    switch (state) {
    case HeartbeatRow::State::CurrentPrimary:
        return u"current-primary"_s;
    case HeartbeatRow::State::Stale:
        return u"stale"_s;
    case HeartbeatRow::State::NotAdvancing:
        break;
    }
    return u"not-advancing"_s;
}

QString LagPrinter::note(const LagReading& r)
{
    if (!r.reachable) {
        return r.error;
    }
    const std::optional<quint32> primary = r.target.primaryServerId;
    if (!r.target.replica) {
        const std::optional<double> own
            = primary ? LagRules::rowAge(r.heartbeatRows, *primary) : std::nullopt;
        if (own && LagRules::isNotAdvancing(own)) {
            return u"its heartbeat row is %1 s old: pt-heartbeat is not running"_s.arg(
                seconds(own));
        }
        return own ? u"its heartbeat row is %1 s old"_s.arg(seconds(own)) : QString();
    }
    if (!r.error.isEmpty() || !r.heartbeatError.isEmpty()) {
        return r.error.isEmpty() ? r.heartbeatError : r.error;
    }
    if (r.sample.source != LagSource::SecondsBehindMaster) {
        return {};
    }
    if (!primary) {
        return u"the cluster's primary is not known"_s;
    }
    if (!r.heartbeatTableFound) {
        return u"no heartbeat table"_s;
    }
    if (r.sample.heartbeat) {
        return u"pt-heartbeat is not advancing on the primary"_s;
    }
    return u"no heartbeat row of the primary (server_id %1)"_s.arg(*primary);
}

QStringList LagPrinter::aligned(const QList<QStringList>& rows)
{
    QList<qsizetype> widths;
    for (const QStringList& row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i) {
                widths << 0;
            }
            widths[i] = std::max(widths.at(i), row.at(i).size());
        }
    }
    QStringList lines;
    for (const QStringList& row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        }
        lines << line.trimmed();
    }
    return lines;
}

QStringList LagPrinter::table(const QList<LagReading>& readings)
{
    QList<QStringList> rows { { u"instance"_s, u"role"_s, u"lag"_s, u"heartbeat"_s, u"sbm"_s,
        u"source"_s, u"note"_s } };
    for (const LagReading& r : readings) {
        const bool replica = r.target.replica;
        rows << QStringList { r.target.instance.toString(), replica ? u"replica"_s : u"primary"_s,
            replica ? seconds(r.sample.lag) : u"-"_s,
            replica ? seconds(r.sample.heartbeat) : u"-"_s,
            replica ? sbm(r.sample.secondsBehindMaster) : u"-"_s,
            replica ? sourceName(r.sample.source) : u"-"_s, note(r) };
    }
    return aligned(rows);
}

QString LagPrinter::watchLine(const LagReading& r)
{
    const bool replica = r.target.replica;
    QString line = u"%1 %2 %3 lag=%4 heartbeat=%5 sbm=%6 source=%7"_s.arg(
        r.sample.at.toUTC().toString(Qt::ISODateWithMs), r.target.instance.toString(),
        replica ? u"replica"_s : u"primary"_s, replica ? seconds(r.sample.lag) : u"-"_s,
        replica ? seconds(r.sample.heartbeat) : u"-"_s,
        replica ? sbm(r.sample.secondsBehindMaster) : u"-"_s,
        replica ? sourceName(r.sample.source) : u"-"_s);
    if (const QString why = note(r); !why.isEmpty()) {
        line += u" note=\""_s + QString(why).replace(u'"', u'\'') + u'"';
    }
    return line;
}

QStringList LagPrinter::heartbeatRows(const HeartbeatCheck& check)
{
    QList<QStringList> rows { { u"server_id"_s, u"ts"_s, u"age"_s, u"state"_s } };
    for (const HeartbeatRow& row : check.rows) {
        rows << QStringList { QString::number(row.serverId),
            row.ts.isValid() ? row.ts.toUTC().toString(Qt::ISODateWithMs) : u"-"_s,
            seconds(row.ageSeconds), stateName(row.state) };
    }
    return aligned(rows);
}

} // namespace topograph
