#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>

#include "config/configuration.h"
#include "probe/instancerecord.h"

namespace topograph {

// Where an instance lives: its data centre, region or physical environment, from a regular
// expression on its host name whose first capture group is the value (DataCenterPattern,
// RegionPattern, PhysicalEnvironmentPattern) and from a query answering one string
// (DetectDataCenterQuery, DetectRegionQuery, DetectPhysicalEnvironmentQuery). As in orchestrator,
// the query, when set, overrides the pattern. The probe fills the record's field; the backend
// stores it in database_instance.
struct LocationSource
{
    QString InstanceRecord::*field = nullptr;
    QString what; // "data centre", for messages
    QRegularExpression pattern; // invalid or empty: none
    QString query; // empty: none

    // The configured sources, only those with a pattern or a query.
    static QList<LocationSource> fromConfiguration(const Configuration& config);
    // The first capture group of pattern in hostname; empty when there is no match or group.
    static QString fromHostname(const QRegularExpression& pattern, const QString& hostname);
    // Sets every field whose pattern matches the record's host name.
    static void applyPatterns(const QList<LocationSource>& sources, InstanceRecord& record);
};

} // namespace topograph
