#include <QTest>

#include "probe/instancerecord.h"
#include "topology/clusteroscreplicas.h"

using namespace Qt::StringLiterals;
using topograph::ClusterOscReplicas;
using topograph::InstanceKey;
using topograph::InstanceRecord;

namespace {

InstanceKey key(int port)
{
    return InstanceKey { u"db"_s, static_cast<quint16>(port) };
}

// An instance at the given depth below master (0: none), with replicaCount replicas reported.
InstanceRecord node(int port, int master, int depth, int replicaCount, qint64 lag)
{
    InstanceRecord r;
    r.key = key(port);
    r.reachable = true;
    r.version = u"10.11.6-MariaDB-log"_s;
    if (master != 0) {
        r.masterKey = key(master);
    }
    r.replicationDepth = depth;
    for (int i = 0; i < replicaCount; ++i) {
        r.replicaKeys << key(60000 + i);
    }
    r.replicationLagSeconds = lag;
    return r;
}

QList<int> ports(const QList<InstanceRecord>& records)
{
    QList<int> out;
    for (const InstanceRecord& r : records) {
        out << r.key.port;
    }
    return out;
}

} // namespace

class TestClusterOscReplicas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // 100 with first-tier intermediates 110 (3 replicas), 120 (1), 130 (2), 140 (2); 131 and 132
    // below 130 with 1311, 1312 and 1313 below 131 (third tier); first-tier leaves 150, 160, 170.
    void twoBusiestIntermediatesOneReplicaEach()
    {
        const QList<InstanceRecord> cluster {
            node(170, 100, 1, 0, 1),
            node(100, 0, 0, 7, 0),
            node(110, 100, 1, 3, 2),
            node(111, 110, 2, 0, 3),
            node(112, 110, 2, 0, 4),
            node(113, 110, 2, 0, 5),
            node(120, 100, 1, 1, 6),
            node(121, 120, 2, 0, 99),
            node(130, 100, 1, 2, 7),
            node(131, 130, 2, 3, 8),
            node(132, 130, 2, 0, 9),
            node(1311, 131, 3, 0, 10),
            node(1312, 131, 3, 0, 11),
            node(1313, 131, 3, 0, 12),
            node(140, 100, 1, 2, 13),
            node(150, 100, 1, 0, 14),
            node(160, 100, 1, 0, 15),
        };
        // 110 and 130 (busiest; 130 before 140 by port), the busiest replica of each, two third
        // tier ones, two first-tier leaves; 120's replica 121 (lag 99) is not among them.
        QCOMPARE(ports(ClusterOscReplicas::of(cluster)),
            (QList<int> { 110, 130, 111, 131, 1311, 1312, 150, 160 }));
    }

    void oneIntermediateGivesTwoOfItsReplicas()
    {
        const QList<InstanceRecord> cluster {
            node(100, 0, 0, 3, 0),
            node(110, 100, 1, 3, 0),
            node(111, 110, 2, 0, 0),
            node(112, 110, 2, 0, 0),
            node(113, 110, 2, 0, 0),
            node(120, 100, 1, 0, 0),
        };
        QCOMPARE(ports(ClusterOscReplicas::of(cluster)), (QList<int> { 110, 111, 112, 120 }));
    }

    void failedChecksAndBinlogServersAreLeftOut()
    {
        InstanceRecord invalid = node(120, 100, 1, 0, 30);
        invalid.reachable = false;
        InstanceRecord maxscale = node(130, 100, 1, 0, 40);
        maxscale.version = u"2.5.0-maxscale"_s;
        const QList<InstanceRecord> cluster { node(100, 0, 0, 3, 0), node(110, 100, 1, 0, 7),
            invalid, maxscale };
        QCOMPARE(ports(ClusterOscReplicas::of(cluster)), (QList<int> { 110 }));
    }

    void aLoneMasterHasNone()
    {
        QVERIFY(ClusterOscReplicas::of({ node(100, 0, 0, 0, 0) }).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestClusterOscReplicas)
#include "tst_clusteroscreplicas.moc"
