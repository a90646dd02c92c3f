#include "backend/candidatestore.h"

using namespace Qt::StringLiterals;

namespace topograph {

CandidateStore::CandidateStore(const Backend& backend, int expireMinutes)
    : m_backend(backend)
    , m_expireMinutes(expireMinutes)
{ }

Result<QDateTime> CandidateStore::registerCandidate(
    const InstanceKey& key, PromotionRule rule) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // REPLACE INTO: an upsert both SQLite and MySQL understand; priority keeps its default.
    auto done = m_backend.exec(u"REPLACE INTO candidate_database_instance (hostname, port, "
                               "last_suggested, promotion_rule) VALUES (?, ?, ?, ?)"_s,
        { key.host, key.port, Backend::toDb(now), PromotionRules::name(rule) });
    if (!done) {
        return done.error();
    }
    return now.addSecs(static_cast<qint64>(m_expireMinutes) * 60);
}

Result<PromotionRuleMap> CandidateStore::rules(const QDateTime& now) const
{
    PromotionRuleMap rules;
    if (!m_backend.hasTable(u"candidate_database_instance"_s)) {
        return rules;
    }
    auto rows = m_backend.select(u"SELECT hostname, port, last_suggested, promotion_rule FROM "
                                 "candidate_database_instance"_s);
    if (!rows) {
        return rows.error();
    }
    const QDateTime cutoff = now.addSecs(-static_cast<qint64>(m_expireMinutes) * 60);
    for (const SqlRow& row : *rows) {
        const QDateTime suggested = Backend::fromDb(row.value(u"last_suggested"_s));
        if (suggested.isValid() && suggested < cutoff) {
            continue;
        }
        const auto rule = PromotionRules::fromName(row.value(u"promotion_rule"_s).toString());
        if (!rule) {
            continue;
        }
        rules.insert(InstanceKey { row.value(u"hostname"_s).toString(),
                         static_cast<quint16>(row.value(u"port"_s).toUInt()) },
            *rule);
    }
    return rules;
}

} // namespace topograph
