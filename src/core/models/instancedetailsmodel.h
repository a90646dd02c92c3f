#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

#include "backend/maintenancestore.h"
#include "probe/instancerecord.h"
#include "topology/instancestatus.h"

namespace topograph {

// Everything a DBA looks up about one instance (orchestrator's instance modal and more) as a
// two-column table, Field and Value, grouped in sections. Each section starts with a heading row
// (SectionHeadingRole) so that a flat view can show it in bold; every row carries its section's
// name (SectionRole). Polling the same instance again changes values in place (dataChanged only),
// so a view keeps its scroll position and selection; another instance resets the model. Colours
// and fonts for the roles below are the app's business.
class InstanceDetailsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Column {
        Field,
        Value,
        Count,
    };
    enum Role {
        SectionRole = Qt::UserRole + 1, // QString: the translated section name
        SectionHeadingRole, // bool: this row is the heading of its section
        FieldIdRole, // QString: a stable id ("server_id", "gtid_slave_pos"; "section:gtid")
        SeverityRole, // int (Severity): how the value should stand out
        CopyRole, // QString: the value as copied (times in ISO 8601 with their offset)
    };
    enum class Severity {
        Normal,
        Warning, // lag over the threshold, maintenance, stopped replication
        Error, // unreachable, replication errors
    };

    explicit InstanceDetailsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // now dates the ages ("12 s ago") and the status; thresholds are the poll interval and the
    // reasonable lag, as for the topology printout.
    void setInstance(const InstanceRecord& record, const QString& clusterAlias,
        const std::optional<MaintenanceLock>& maintenance, const QDateTime& now,
        const InstanceStatus::Thresholds& thresholds);
    void clear();

    bool hasInstance() const { return m_key.has_value(); }
    std::optional<InstanceKey> instanceKey() const { return m_key; }
    // The row of a field id, -1 when the current instance has no such row.
    int rowOf(const QString& fieldId) const;
    // The displayed value of a field id (empty when absent).
    QString value(const QString& fieldId) const;

    // One row as shown; a heading row has only section and field (the section's name).
    struct Row
    {
        QString id;
        QString section;
        QString field;
        QString value;
        QString toolTip;
        Severity severity = Severity::Normal;
        bool heading = false;
        QString copy; // what Copy puts on the clipboard, when not the value itself

        friend bool operator==(const Row&, const Row&) = default;
    };

private:
    // One function per section, each appending its heading and rows.
    void addInstanceRows(QList<Row>& rows, const InstanceRecord& r, const QDateTime& now,
        const InstanceStatus::Thresholds& thresholds) const;
    void addReplicationRows(QList<Row>& rows, const InstanceRecord& r,
        const InstanceStatus::Thresholds& thresholds) const;
    void addBinlogRows(QList<Row>& rows, const InstanceRecord& r) const;
    void addGtidRows(QList<Row>& rows, const InstanceRecord& r) const;
    void addTopologyRows(
        QList<Row>& rows, const InstanceRecord& r, const QString& clusterAlias) const;
    void addMaintenanceRows(QList<Row>& rows, const std::optional<MaintenanceLock>& maintenance,
        const QDateTime& now) const;
    void emitChangedRuns(const QList<int>& changed);

    QString duration(qint64 seconds) const; // "3 d 4 h", "17 min 5 s"
    // The time (TimeFormat::display) and its age: "2026-12-02 16:35:07 CET (5 s ago)".
    QString moment(const QDateTime& time, const QDateTime& now) const;
    QString yesNo(bool yes) const;
    QString seconds(const std::optional<qint64>& value, const QString& missing) const;

    QList<Row> m_rows;
    std::optional<InstanceKey> m_key;
};

} // namespace topograph
