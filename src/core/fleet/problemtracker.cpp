#include "fleet/problem.h"

#include <QHash>

#include <algorithm>
#include <tuple>

namespace topograph {

QList<Problem> ProblemTracker::update(QList<Problem> current, const QDateTime& now)
{
    QHash<QString, QDateTime> seen;
    seen.reserve(m_previous.size());
    for (const Problem& p : std::as_const(m_previous)) {
        seen.insert(p.code + u'@' + p.key.toString(), p.since);
    }
    for (Problem& p : current) {
        p.since = seen.value(p.code + u'@' + p.key.toString(), now);
    }
    std::sort(current.begin(), current.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.cluster, a.structureWarning, a.code, a.key.host, a.key.port)
            < std::tie(b.cluster, b.structureWarning, b.code, b.key.host, b.key.port);
    });
    m_previous = current;
    return current;
}

} // namespace topograph
