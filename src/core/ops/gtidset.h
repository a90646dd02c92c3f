#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <utility>

#include "result.h"

namespace topograph {

// A MySQL GTID set ("uuid:1-5:7,uuid2[:tag]:1-10"), enough of it to answer one question before a
// GTID move: has the new master purged transactions the replica has not executed yet? (Then the
// replica could never fetch them and replication would stop with error 1236.)
class GtidSet final
{
public:
    // An empty or blank text is the empty set; anything unreadable is InvalidInput.
    static Result<GtidSet> parse(const QString& text);

    bool isEmpty() const { return m_intervals.isEmpty(); }
    // True when every transaction of other is also in this set.
    bool contains(const GtidSet& other) const;
    // The transactions of this set that are missing from other, in GTID set text.
    QString missingFrom(const GtidSet& other) const;

private:
    // Per source id (uuid, or uuid:tag on MySQL 8.3+): sorted, merged, inclusive ranges.
    QHash<QString, QList<std::pair<qint64, qint64>>> m_intervals;

    void add(const QString& sid, qint64 first, qint64 last);
    bool covers(const QString& sid, qint64 first, qint64 last) const;
};

} // namespace topograph
