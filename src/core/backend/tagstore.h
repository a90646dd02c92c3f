#pragma once

#include <QList>
#include <QString>

#include <optional>

#include "backend/backend.h"
#include "instancekey.h"

namespace topograph {

// One condition of orchestrator's -tag syntax: "name", "name=value", "name=" (empty value),
// "~name" (no such tag), "~name=value" (the tag with another value); '!' stands for '~'.
struct TagCondition
{
    QString name;
    std::optional<QString> value;
    bool negated = false;

    static Result<TagCondition> parse(const QString& text);
    static Result<QList<TagCondition>> parseList(const QString& text); // comma-separated
};

struct InstanceTag
{
    InstanceKey key;
    QString name;
    QString value;
};

// orchestrator's database_instance_tags.
class TagStore final
{
public:
    explicit TagStore(const Backend& backend);

    Result<void> tag(const InstanceKey& key, const QString& name, const QString& value) const;
    // Removes the tag (only with that value, when given); true when a row went.
    Result<bool> untag(const InstanceKey& key, const TagCondition& condition) const;
    // Removes the tag from every instance that has it with that value; the keys it left.
    Result<QList<InstanceKey>> untagAll(const TagCondition& condition) const;
    Result<QList<InstanceTag>> tagsOf(const InstanceKey& key) const;
    Result<QList<InstanceTag>> all() const;
    // Instances whose tags meet every condition, sorted.
    Result<QList<InstanceKey>> tagged(const QList<TagCondition>& conditions) const;

private:
    const Backend& m_backend;
};

} // namespace topograph
