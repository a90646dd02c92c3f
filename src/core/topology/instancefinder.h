#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "probe/instancerecord.h"

namespace topograph {

// Finds instances by part of a name (DESIGN §10: search): the text is matched, ignoring case,
// against each instance's host:port, its instance alias and its cluster's alias. Best matches
// come first: an exact name, then names that start with the text (or whose host does), then
// names that contain it, then instances of a cluster whose alias contains it; ties by key.
// A pure function of the records it was given.
class InstanceFinder final
{
public:
    // clusterAliases: cluster name → alias, as in FleetSnapshot.
    void setRecords(
        const QList<InstanceRecord>& records, const QHash<QString, QString>& clusterAliases);

    QList<InstanceKey> matches(const QString& text) const;
    // Every name worth offering as a completion: host:port and instance aliases, sorted.
    QStringList names() const;

private:
    struct Entry
    {
        InstanceKey key;
        QString keyText; // lower case
        QString host; // lower case
        QString alias; // lower case, may be empty
        QString clusterAlias; // lower case, may be empty
    };

    QList<Entry> m_entries;
    QStringList m_names;
};

} // namespace topograph
