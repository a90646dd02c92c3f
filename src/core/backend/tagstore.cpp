#include "backend/tagstore.h"

#include <QHash>
#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace topograph {

Result<TagCondition> TagCondition::parse(const QString& input)
{
    TagCondition condition;
    // orchestrator's ParseTag takes '!' for '~' (a shell-friendlier negation).
    QString text = QString(input).replace(u'!', u'~').trimmed();
    if (text.startsWith(u'~')) {
        condition.negated = true;
        text = text.mid(1);
    }
    const qsizetype equals = text.indexOf(u'=');
    condition.name = (equals < 0 ? text : text.left(equals)).trimmed();
    if (equals >= 0) {
        condition.value = text.mid(equals + 1).trimmed();
    }
    if (condition.name.isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
            u"Unable to parse tag: %1 (expected name, name=value, ~name or ~name=value)"_s.arg(
                input.trimmed()));
    }
    return condition;
}

Result<QList<TagCondition>> TagCondition::parseList(const QString& text)
{
    QList<TagCondition> conditions;
    for (const QString& part : text.split(u',')) {
        auto condition = parse(part);
        if (!condition) {
            return condition.error();
        }
        conditions << *condition;
    }
    return conditions;
}

TagStore::TagStore(const Backend& backend)
    : m_backend(backend)
{ }

Result<void> TagStore::tag(const InstanceKey& key, const QString& name, const QString& value) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable;
    }
    const QString upsert = m_backend.flavor() == SqlFlavor::SQLite
        ? u"ON CONFLICT (hostname, port, tag_name) DO UPDATE SET tag_value = excluded.tag_value, "
          "last_updated = excluded.last_updated"_s
        : u"ON DUPLICATE KEY UPDATE tag_value = VALUES(tag_value), "
          "last_updated = VALUES(last_updated)"_s;
    auto done = m_backend.exec(u"INSERT INTO database_instance_tags (hostname, port, tag_name, "
                               "tag_value, last_updated) VALUES (?, ?, ?, ?, ?) "_s
            + upsert,
        { key.host, key.port, name, value, Backend::toDb(QDateTime::currentDateTimeUtc()) });
    if (!done) {
        return done.error();
    }
    return {};
}

Result<bool> TagStore::untag(const InstanceKey& key, const TagCondition& condition) const
{
    if (auto writable = m_backend.requireWritable(); !writable) {
        return writable.error();
    }
    QString sql = u"DELETE FROM database_instance_tags WHERE hostname = ? AND port = ? AND "
                  "tag_name = ?"_s;
    QVariantList binds { key.host, key.port, condition.name };
    if (condition.value) {
        sql += u" AND tag_value = ?"_s;
        binds << *condition.value;
    }
    auto done = m_backend.exec(sql, binds);
    if (!done) {
        return done.error();
    }
    return *done > 0;
}

Result<QList<InstanceKey>> TagStore::untagAll(const TagCondition& condition) const
{
    if (!condition.value) {
        return makeError(ErrorCode::InvalidInput,
            u"untag-all needs -tag name=value (an empty value is written name=)"_s);
    }
    auto matching = tagged({ condition });
    if (!matching) {
        return matching.error();
    }
    for (const InstanceKey& key : *matching) {
        if (auto gone = untag(key, condition); !gone) {
            return gone.error();
        }
    }
    return matching;
}

Result<QList<InstanceTag>> TagStore::tagsOf(const InstanceKey& key) const
{
    auto rows = m_backend.select(u"SELECT tag_name, tag_value FROM database_instance_tags "
                                 "WHERE hostname = ? AND port = ? ORDER BY tag_name"_s,
        { key.host, key.port });
    if (!rows) {
        return rows.error();
    }
    QList<InstanceTag> tags;
    for (const SqlRow& row : *rows) {
        tags.append(
            { key, row.value(u"tag_name"_s).toString(), row.value(u"tag_value"_s).toString() });
    }
    return tags;
}

Result<QList<InstanceTag>> TagStore::all() const
{
    auto rows = m_backend.select(u"SELECT hostname, port, tag_name, tag_value FROM "
                                 "database_instance_tags ORDER BY hostname, port, tag_name"_s);
    if (!rows) {
        return rows.error();
    }
    QList<InstanceTag> tags;
    for (const SqlRow& row : *rows) {
        tags.append({ InstanceKey { row.value(u"hostname"_s).toString(),
                          static_cast<quint16>(row.value(u"port"_s).toUInt()) },
            row.value(u"tag_name"_s).toString(), row.value(u"tag_value"_s).toString() });
    }
    return tags;
}

Result<QList<InstanceKey>> TagStore::tagged(const QList<TagCondition>& conditions) const
{
    auto tags = all();
    if (!tags) {
        return tags.error();
    }
    QMap<InstanceKey, QHash<QString, QString>> byInstance;
    for (const InstanceTag& tag : *tags) {
        byInstance[tag.key].insert(tag.name, tag.value);
    }
    QList<InstanceKey> keys;
    for (auto it = byInstance.cbegin(); it != byInstance.cend(); ++it) {
        const bool all
            = std::all_of(conditions.cbegin(), conditions.cend(), [&](const TagCondition& c) {
                  const bool has = it->contains(c.name);
                  if (!c.negated) {
                      return has && (!c.value || it->value(c.name) == *c.value);
                  }
                  // ~name: no such tag; ~name=value: the tag, with another value.
                  return c.value ? has && it->value(c.name) != *c.value : !has;
              });
        if (all) {
            keys << it.key();
        }
    }
    return keys;
}

} // namespace topograph
