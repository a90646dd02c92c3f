#include "backend/clusterforgetter.h"

#include "backend/auditstore.h"
#include "backend/resolvestore.h"
#include "logging.h"

using namespace Qt::StringLiterals;

namespace topograph {

QString ForgetClusterReport::summary() const
{
    QStringList keys;
    for (const InstanceKey& key : instances) {
        keys << key.toString();
    }
    return u"cluster %1: instances %2; tags %3, maintenance %4, candidate %5, downtime %6; "
           "resolve entries %7"_s.arg(clusterName, keys.isEmpty() ? u"none"_s : keys.join(u", "_s),
               QString::number(tags), QString::number(maintenance), QString::number(candidates),
               QString::number(downtimes),
               resolveEntries.isEmpty() ? u"none"_s : resolveEntries.join(u", "_s));
}

ClusterForgetter::ClusterForgetter(const Backend& backend)
    : m_backend(backend)
{ }

Result<int> ClusterForgetter::deleteKeyed(const QString& table, const InstanceKey& key) const
{
    if (!m_backend.hasTable(table)) {
        return 0;
    }
    return m_backend.exec(
        u"DELETE FROM "_s + table + u" WHERE hostname = ? AND port = ?"_s, { key.host, key.port });
}

Result<ForgetClusterReport> ClusterForgetter::forget(const ForgetClusterRequest& request) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    if (auto own = AuditStore(m_backend).prepare(); !own) {
        qCWarning(lcBackend).noquote()
            << "the audit row is written without its owner:" << own.error().message;
    }
    ForgetClusterReport report;
    auto done = m_backend.transaction([&]() -> Result<void> {
        report = ForgetClusterReport {}; // run again after a lock conflict: count from zero
        report.clusterName = request.clusterName;
        for (const InstanceKey& key : request.keys) {
            auto deleted = deleteKeyed(u"database_instance"_s, key);
            if (!deleted) {
                return deleted.error();
            }
            if (*deleted > 0) {
                report.instances << key;
            }
            const std::pair<QString, int*> related[] = {
                { u"database_instance_tags"_s, &report.tags },
                { u"database_instance_maintenance"_s, &report.maintenance },
                { u"candidate_database_instance"_s, &report.candidates },
                { u"database_instance_downtime"_s, &report.downtimes },
            };
            for (const auto& [table, count] : related) {
                auto cleared = deleteKeyed(table, key);
                if (!cleared) {
                    return cleared.error();
                }
                *count += *cleared;
            }
        }
        const ResolveStore resolves(m_backend, 1);
        for (const QString& name : request.resolveHostnames) {
            auto removed = resolves.remove({ name });
            if (!removed) {
                return removed.error();
            }
            if (*removed > 0) {
                report.resolveEntries << name;
            }
        }
        const InstanceKey auditKey = request.keys.isEmpty() ? InstanceKey {} : request.keys.first();
        const QString message = request.reason.isEmpty()
            ? report.summary()
            : report.summary() + u"; reason: "_s + request.reason;
        return AuditStore(m_backend).write(
            QString::fromLatin1(kAuditType), auditKey, request.clusterName, message);
    });
    if (!done) {
        return done.error();
    }
    return report;
}

} // namespace topograph
