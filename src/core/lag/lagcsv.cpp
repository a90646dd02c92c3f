#include "lag/lagcsv.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

QString number(const std::optional<double>& value)
{
    return value ? QString::number(*value, 'f', 6) : QString();
}

} // namespace

QString LagCsv::sourceName(LagSource source)
{
    switch (source) {
    case LagSource::Heartbeat:
        return u"heartbeat"_s;
    case LagSource::Query:
        return u"query"_s;
    case LagSource::SecondsBehindMaster:
        break;
    }
    return u"seconds_behind_master"_s;
}

QString LagCsv::write(const LagHistory& history, const QList<InstanceKey>& keys,
    const QDateTime& from, const QDateTime& to)
{
    QStringList lines { u"instance,time,lag_seconds,source,heartbeat_seconds,"
                        "seconds_behind_master"_s };
    for (const InstanceKey& key : keys) {
        for (const LagSample& s : history.samples(key, from)) {
            if (to.isValid() && s.at > to) {
                break;
            }
            lines << QStringList { key.toString(), s.at.toUTC().toString(Qt::ISODateWithMs),
                number(s.lag), sourceName(s.source), number(s.heartbeat),
                s.secondsBehindMaster ? QString::number(*s.secondsBehindMaster) : QString() }
                         .join(u',');
        }
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace topograph
