#include "backend/clusteraliasstore.h"

using namespace Qt::StringLiterals;

namespace topograph {

ClusterAliasStore::ClusterAliasStore(const Backend& backend, const Configuration& config)
    : m_backend(backend)
    , m_config(config)
{ }

Result<QHash<QString, QString>> ClusterAliasStore::aliases() const
{
    QHash<QString, QString> result;
    auto detected = m_backend.select(u"SELECT cluster_name, alias FROM cluster_alias"_s);
    if (!detected) {
        return detected.error();
    }
    for (const SqlRow& row : *detected) {
        result.insert(row.value(u"cluster_name"_s).toString(), row.value(u"alias"_s).toString());
    }
    for (auto it = m_config.clusterNameToAlias.cbegin(); it != m_config.clusterNameToAlias.cend();
         ++it) {
        result.insert(it.key(), it.value());
    }
    auto overrides = m_backend.select(u"SELECT cluster_name, alias FROM cluster_alias_override"_s);
    if (!overrides) {
        return overrides.error();
    }
    for (const SqlRow& row : *overrides) {
        result.insert(row.value(u"cluster_name"_s).toString(), row.value(u"alias"_s).toString());
    }
    return result;
}

Result<QString> ClusterAliasStore::aliasOf(const QString& clusterName) const
{
    auto all = aliases();
    if (!all) {
        return all.error();
    }
    const QString alias = all->value(clusterName);
    return alias.isEmpty() ? clusterName : alias;
}

Result<QString> ClusterAliasStore::clusterFor(const QString& text) const
{
    auto names = m_backend.select(
        u"SELECT DISTINCT cluster_name FROM database_instance WHERE cluster_name = ?"_s, { text });
    if (!names) {
        return names.error();
    }
    if (!names->isEmpty()) {
        return text;
    }
    auto all = aliases();
    if (!all) {
        return all.error();
    }
    for (auto it = all->cbegin(); it != all->cend(); ++it) {
        if (it.value() == text) {
            return it.key();
        }
    }
    return makeError(ErrorCode::NotFound, u"no cluster named or aliased \"%1\""_s.arg(text));
}

Result<void> ClusterAliasStore::recordDetected(
    const QString& clusterName, const QString& alias) const
{
    if (alias.isEmpty() || m_backend.isReadOnly()) {
        return {};
    }
    const QString upsert = m_backend.flavor() == SqlFlavor::SQLite
        ? u"ON CONFLICT (cluster_name) DO UPDATE SET alias = excluded.alias, "
          "last_registered = excluded.last_registered"_s
        : u"ON DUPLICATE KEY UPDATE alias = VALUES(alias), "
          "last_registered = VALUES(last_registered)"_s;
    auto done = m_backend.exec(
        u"INSERT INTO cluster_alias (cluster_name, alias, last_registered) VALUES (?, ?, ?) "_s
            + upsert,
        { clusterName, alias, Backend::toDb(QDateTime::currentDateTimeUtc()) });
    if (!done) {
        return done.error();
    }
    return {};
}

} // namespace topograph
