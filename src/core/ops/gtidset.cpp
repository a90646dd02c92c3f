#include "ops/gtidset.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

Error unreadable(const QString& text)
{
    return makeError(ErrorCode::InvalidInput, u"cannot read GTID set \"%1\""_s.arg(text.left(200)));
}

bool isRange(const QString& part, qint64& first, qint64& last)
{
    const QStringList ends = part.split(u'-');
    if (ends.size() > 2) {
        return false;
    }
    bool ok1 = false;
    bool ok2 = true;
    first = ends.value(0).trimmed().toLongLong(&ok1);
    last = ends.size() == 2 ? ends.value(1).trimmed().toLongLong(&ok2) : first;
    return ok1 && ok2 && first >= 1 && last >= first;
}

QString spell(qint64 first, qint64 last)
{
    return first == last ? QString::number(first) : u"%1-%2"_s.arg(first).arg(last);
}

} // namespace

Result<GtidSet> GtidSet::parse(const QString& text)
{
    GtidSet set;
    QString clean = text;
    clean.remove(u'\n');
    for (const QString& member : clean.split(u',', Qt::SkipEmptyParts)) {
        if (member.trimmed().isEmpty()) {
            continue;
        }
        const QStringList parts = member.trimmed().split(u':');
        if (parts.size() < 2 || parts.first().isEmpty()) {
            return unreadable(text);
        }
        // Tags (MySQL 8.3+) apply to the ranges that follow them: uuid:tag:1-5.
        QString sid = parts.first().toLower();
        const QString uuid = sid;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            qint64 first = 0;
            qint64 last = 0;
            if (isRange(parts.at(i), first, last)) {
                set.add(sid, first, last);
            } else if (!parts.at(i).isEmpty() && !parts.at(i).front().isDigit()) {
                sid = uuid + u':' + parts.at(i).toLower();
            } else {
                return unreadable(text);
            }
        }
    }
    return set;
}

void GtidSet::add(const QString& sid, qint64 first, qint64 last)
{
    auto& list = m_intervals[sid];
    list.append({ first, last });
    std::sort(list.begin(), list.end());
    QList<std::pair<qint64, qint64>> merged;
    for (const auto& range : list) {
        if (!merged.isEmpty() && range.first <= merged.last().second + 1) {
            merged.last().second = std::max(merged.last().second, range.second);
        } else {
            merged.append(range);
        }
    }
    list = merged;
}

bool GtidSet::covers(const QString& sid, qint64 first, qint64 last) const
{
    const auto it = m_intervals.constFind(sid);
    if (it == m_intervals.constEnd()) {
        return false;
    }
    // Intervals are merged, so one of them must hold the whole range.
    return std::any_of(it->cbegin(), it->cend(),
        [&](const auto& range) { return range.first <= first && last <= range.second; });
}

bool GtidSet::contains(const GtidSet& other) const
{
    for (auto it = other.m_intervals.cbegin(); it != other.m_intervals.cend(); ++it) {
        for (const auto& range : it.value()) {
            if (!covers(it.key(), range.first, range.second)) {
                return false;
            }
        }
    }
    return true;
}

QString GtidSet::missingFrom(const GtidSet& other) const
{
    QStringList members;
    QStringList sids = m_intervals.keys();
    std::sort(sids.begin(), sids.end());
    for (const QString& sid : sids) {
        const QList<std::pair<qint64, qint64>> have = other.m_intervals.value(sid);
        QStringList ranges;
        for (const auto& range : m_intervals.value(sid)) {
            // Subtract other's (sorted, merged) ranges from this one, left to right.
            qint64 next = range.first;
            for (const auto& cut : have) {
                if (cut.second < next || cut.first > range.second) {
                    continue;
                }
                if (cut.first > next) {
                    ranges << spell(next, cut.first - 1);
                }
                next = cut.second + 1;
            }
            if (next <= range.second) {
                ranges << spell(next, range.second);
            }
        }
        if (!ranges.isEmpty()) {
            members << sid + u':' + ranges.join(u':');
        }
    }
    return members.join(u',');
}

} // namespace topograph
