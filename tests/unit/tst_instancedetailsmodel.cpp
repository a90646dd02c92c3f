// InstanceDetailsModel: the fields a DBA looks up, in sections, updated in place while polling.
// Every model here runs under QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include "models/instancedetailsmodel.h"
#include "recordfixture.h"

using namespace Qt::StringLiterals;
using namespace topograph;
using topograph::test::fullRecord;
using topograph::test::kT0;

namespace {

const InstanceStatus::Thresholds kThresholds { 5, 10 };

QStringList headings(const InstanceDetailsModel& model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(InstanceDetailsModel::SectionHeadingRole).toBool()) {
            names << index.data().toString();
        }
    }
    return names;
}

QVariant roleOf(const InstanceDetailsModel& model, const QString& id, int role,
    InstanceDetailsModel::Column column = InstanceDetailsModel::Column::Value)
{
    return model.index(model.rowOf(id), static_cast<int>(column)).data(role);
}

InstanceDetailsModel::Severity severityOf(const InstanceDetailsModel& model, const QString& id)
{
    return static_cast<InstanceDetailsModel::Severity>(
        roleOf(model, id, InstanceDetailsModel::SeverityRole).toInt());
}

} // namespace

class TestInstanceDetailsModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<InstanceDetailsModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void emptyByDefault()
    {
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->columnCount(), 2);
        QVERIFY(!m_model->hasInstance());
        QCOMPARE(m_model->headerData(0, Qt::Horizontal).toString(), u"Field"_s);
        QCOMPARE(m_model->headerData(1, Qt::Horizontal).toString(), u"Value"_s);
    }

    void mariadbGtidReplica()
    {
        m_model->setInstance(
            fullRecord(Flavor::MariaDB), u"s1"_s, std::nullopt, kT0.addSecs(12), kThresholds);
        QVERIFY(m_model->hasInstance());
        QCOMPARE(headings(*m_model),
            QStringList({ u"Instance"_s, u"Replication"_s, u"Binary log"_s, u"GTID"_s,
                u"Topology"_s, u"Maintenance"_s }));
        const auto& m = *m_model;
        QCOMPARE(m.value(u"key"_s), u"db1.example.org:3307"_s);
        QCOMPARE(m.value(u"alias"_s), u"db1"_s);
        QCOMPARE(m.value(u"version"_s), u"10.11.6-MariaDB-log (a comment)"_s);
        QCOMPARE(m.value(u"flavor"_s), u"MariaDB"_s);
        QCOMPARE(m.value(u"server_id"_s), u"4000000001"_s);
        QCOMPARE(m.value(u"uptime"_s), u"1 d 10 h 17 min"_s);
        QCOMPARE(m.value(u"read_only"_s), u"ON"_s);
        QVERIFY(m.value(u"last_checked"_s).endsWith(u"(12 s ago)"_s));
        QCOMPARE(m.value(u"master"_s), u"db0.example.org:3306"_s);
        QCOMPARE(m.value(u"io_thread"_s), u"running"_s);
        QCOMPARE(m.value(u"last_sql_error"_s), u"sql error"_s);
        QCOMPARE(severityOf(m, u"last_sql_error"_s), InstanceDetailsModel::Severity::Error);
        QCOMPARE(m.value(u"seconds_behind_master"_s), u"17 s"_s);
        QCOMPARE(m.value(u"measured_lag"_s), u"19 s"_s);
        QCOMPARE(severityOf(m, u"measured_lag"_s), InstanceDetailsModel::Severity::Warning);
        QCOMPARE(m.value(u"sql_delay"_s), u"1 h 0 min"_s);
        QCOMPARE(m.value(u"replication_depth"_s), u"2"_s);
        QCOMPARE(m.value(u"co_master"_s), u"yes"_s);
        QCOMPARE(m.value(u"log_bin"_s), u"ON"_s);
        QCOMPARE(m.value(u"binlog_format"_s), u"ROW"_s);
        QCOMPARE(m.value(u"own_coordinates"_s), u"db1-bin.000042:5000000000"_s);
        QCOMPARE(m.value(u"read_coordinates"_s), u"db0-bin.000007:7777"_s);
        QCOMPARE(m.value(u"exec_coordinates"_s), u"db0-bin.000006:6666"_s);
        QCOMPARE(m.value(u"relay_log"_s), u"db1-relay.000003:333"_s);
        QCOMPARE(m.value(u"gtid_in_use"_s), u"MariaDB GTID (Using_Gtid=Slave_Pos)"_s);
        QCOMPARE(m.value(u"gtid_current_pos"_s), u"0-1-100,1-2-5"_s);
        // Long sets read one range per line in the tooltip.
        QCOMPARE(
            roleOf(m, u"gtid_current_pos"_s, Qt::ToolTipRole).toString(), u"0-1-100,\n1-2-5"_s);
        QCOMPARE(roleOf(m, u"gtid_slave_pos"_s, InstanceDetailsModel::SectionRole).toString(),
            u"GTID"_s);
        // MySQL-only fields are not shown for MariaDB.
        QCOMPARE(m.rowOf(u"executed_gtid_set"_s), -1);
        QCOMPARE(m.rowOf(u"server_uuid"_s), -1);
        QCOMPARE(m.value(u"cluster"_s), u"db0.example.org:3306"_s);
        QCOMPARE(m.value(u"cluster_alias"_s), u"s1"_s);
        QCOMPARE(m.value(u"replica_count"_s), u"2"_s);
        QCOMPARE(m.value(u"replicas"_s), u"db2.example.org:3306, db3:3310"_s);
        QCOMPARE(m.value(u"data_center"_s), u"eqiad"_s);
        QCOMPARE(m.value(u"maintenance"_s), u"none"_s);
        QCOMPARE(m.value(u"maintenance_owner"_s), u"—"_s);
        // Headings carry their name in the Field column only.
        const int heading = m.rowOf(u"section:gtid"_s);
        QVERIFY(m.index(heading, 0).data(InstanceDetailsModel::SectionHeadingRole).toBool());
        QVERIFY(m.index(heading, 1).data().toString().isEmpty());
    }

    void mysqlGtidReplica()
    {
        m_model->setInstance(fullRecord(Flavor::MySQL), QString(), std::nullopt, kT0, kThresholds);
        const auto& m = *m_model;
        QCOMPARE(m.value(u"flavor"_s), u"MySQL"_s);
        QCOMPARE(m.value(u"server_uuid"_s), u"3e11fa47-71ca-11e1-9e33-c80aa9429562"_s);
        QCOMPARE(m.value(u"master_uuid"_s), u"4e11fa47-71ca-11e1-9e33-c80aa9429562"_s);
        QCOMPARE(m.value(u"gtid_in_use"_s), u"MySQL GTID (Auto_Position=1)"_s);
        QCOMPARE(m.value(u"gtid_mode"_s), u"ON"_s);
        QCOMPARE(m.value(u"executed_gtid_set"_s), u"3e11fa47-71ca-11e1-9e33-c80aa9429562:1-100"_s);
        QCOMPARE(m.value(u"gtid_purged"_s), u"uuid:1-5"_s);
        QCOMPARE(m.rowOf(u"gtid_slave_pos"_s), -1);
        // No alias given: the suggested one.
        QCOMPARE(m.value(u"cluster_alias"_s), u"s1"_s);
        QVERIFY(m.value(u"last_checked"_s).endsWith(u"(now)"_s));
    }

    void fileposReplica()
    {
        InstanceRecord r = fullRecord(Flavor::MariaDB);
        r.usingGtid = u"No"_s;
        r.gtidCurrentPos.clear();
        r.secondsBehindMaster.reset();
        r.replicationLagSeconds.reset();
        r.ioThreadRunning = false;
        r.lastIoError.clear();
        m_model->setInstance(r, QString(), std::nullopt, kT0, kThresholds);
        const auto& m = *m_model;
        QCOMPARE(m.value(u"gtid_in_use"_s), u"no (binlog file:pos)"_s);
        QCOMPARE(m.value(u"gtid_current_pos"_s), u"—"_s);
        QCOMPARE(m.value(u"io_thread"_s), u"stopped"_s);
        QCOMPARE(severityOf(m, u"io_thread"_s), InstanceDetailsModel::Severity::Warning);
        QCOMPARE(m.value(u"last_io_error"_s), u"none"_s);
        QCOMPARE(m.value(u"seconds_behind_master"_s), u"NULL"_s);
        QCOMPARE(m.value(u"measured_lag"_s), u"not measured"_s);
        QVERIFY(m.value(u"status"_s).startsWith(u"nonreplicating"_s));
    }

    void unreachableRecord()
    {
        InstanceRecord r;
        r.key = *InstanceKey::parse(u"db7:3306"_s, 3306);
        r.lastError = u"Can't connect to MySQL server on 'db7' (111)"_s;
        r.lastChecked = kT0;
        m_model->setInstance(r, QString(), std::nullopt, kT0.addSecs(3), kThresholds);
        const auto& m = *m_model;
        QCOMPARE(m.value(u"key"_s), u"db7:3306"_s);
        QVERIFY(m.value(u"status"_s).startsWith(u"invalid"_s));
        QCOMPARE(severityOf(m, u"status"_s), InstanceDetailsModel::Severity::Error);
        QCOMPARE(m.value(u"last_error"_s), r.lastError);
        QCOMPARE(severityOf(m, u"last_error"_s), InstanceDetailsModel::Severity::Error);
        QCOMPARE(m.value(u"last_seen"_s), u"never"_s);
        QCOMPARE(m.value(u"flavor"_s), u"unknown"_s);
        QCOMPARE(m.value(u"read_only"_s), u"—"_s);
        QCOMPARE(m.value(u"master"_s), u"none (not a replica)"_s);
        QCOMPARE(m.value(u"io_thread"_s), u"—"_s);
        // Flavour unknown: both kinds of GTID rows, empty.
        QCOMPARE(m.value(u"gtid_slave_pos"_s), u"—"_s);
        QCOMPARE(m.value(u"executed_gtid_set"_s), u"—"_s);
    }

    void updateInPlace()
    {
        InstanceRecord r = fullRecord(Flavor::MariaDB);
        m_model->setInstance(r, u"s1"_s, std::nullopt, kT0, kThresholds);
        const int rows = m_model->rowCount();
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);
        const QPersistentModelIndex lagIndex
            = m_model->index(m_model->rowOf(u"seconds_behind_master"_s), 1);

        // The same values at the same time: nothing at all.
        m_model->setInstance(r, u"s1"_s, std::nullopt, kT0, kThresholds);
        QCOMPARE(changed.count(), 0);

        // The next poll: values change, rows stay.
        r.secondsBehindMaster = 3;
        r.lastChecked = kT0.addSecs(5);
        MaintenanceLock lock;
        lock.id = 7;
        lock.key = r.key;
        lock.owner = u"alice"_s;
        lock.reason = u"kernel upgrade"_s;
        lock.begin = kT0;
        lock.end = kT0.addSecs(600);
        m_model->setInstance(r, u"s1"_s, lock, kT0.addSecs(5), kThresholds);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(layout.count(), 0);
        QVERIFY(changed.count() > 0);
        QCOMPARE(m_model->rowCount(), rows);
        QCOMPARE(lagIndex.data().toString(), u"3 s"_s);
        QCOMPARE(m_model->value(u"maintenance"_s), u"active (lock 7)"_s);
        QCOMPARE(m_model->value(u"maintenance_owner"_s), u"alice"_s);
        QCOMPARE(m_model->value(u"maintenance_reason"_s), u"kernel upgrade"_s);
        QVERIFY(m_model->value(u"maintenance_until"_s).endsWith(u"(in 9 min 55 s)"_s));
        // Only the changed rows were announced.
        for (const QList<QVariant>& args : std::as_const(changed)) {
            const auto top = args.at(0).toModelIndex();
            QVERIFY(m_model->rowOf(u"key"_s) < top.row());
        }
    }

    void otherInstanceResets()
    {
        m_model->setInstance(fullRecord(Flavor::MariaDB), {}, std::nullopt, kT0, kThresholds);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        InstanceRecord other = fullRecord(Flavor::MariaDB);
        other.key = *InstanceKey::parse(u"db2.example.org:3306"_s, 3306);
        m_model->setInstance(other, {}, std::nullopt, kT0, kThresholds);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->instanceKey(), other.key);
        QCOMPARE(m_model->value(u"key"_s), u"db2.example.org:3306"_s);
    }

    void clear()
    {
        m_model->setInstance(fullRecord(Flavor::MySQL), {}, std::nullopt, kT0, kThresholds);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        m_model->clear();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m_model->rowCount(), 0);
        QVERIFY(!m_model->hasInstance());
        QCOMPARE(m_model->value(u"key"_s), QString());
        m_model->clear(); // already empty: no signal
        QCOMPARE(reset.count(), 1);
    }

private:
    std::unique_ptr<InstanceDetailsModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

QTEST_GUILESS_MAIN(TestInstanceDetailsModel)
#include "tst_instancedetailsmodel.moc"
