// Instance tags, as orchestrator's tag commands handle them.
#include "commands.h"

#include <QStringList>

#include "backend/tagstore.h"

using namespace Qt::StringLiterals;

namespace topograph {

namespace {

Result<TagCondition> requireTag(const CommandContext& ctx)
{
    if (ctx.args.tag.isEmpty()) {
        return makeError(ErrorCode::InvalidInput,
            u"-c %1 needs -tag NAME or -tag NAME=VALUE"_s.arg(ctx.args.command));
    }
    return TagCondition::parse(ctx.args.tag);
}

Result<void> tag(CommandContext& ctx)
{
    auto allowed = ctx.requireMutationsAllowed();
    auto condition = requireTag(ctx);
    auto record = ctx.knownInstance();
    if (!allowed || !condition || !record) {
        return !allowed ? allowed.error() : !condition ? condition.error() : record.error();
    }
    if (condition->negated) {
        return makeError(ErrorCode::InvalidInput, u"-c tag takes NAME[=VALUE], without ~"_s);
    }
    if (auto done = TagStore(**ctx.backend())
                        .tag(record->key, condition->name, condition->value.value_or(u""_s));
        !done) {
        return done;
    }
    ctx.out << record->key.toString() << '\n';
    return {};
}

Result<void> untag(CommandContext& ctx)
{
    auto allowed = ctx.requireMutationsAllowed();
    auto condition = requireTag(ctx);
    auto key = ctx.instanceKey();
    if (!allowed || !condition || !key) {
        return !allowed ? allowed.error() : !condition ? condition.error() : key.error();
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto removed = TagStore(**db).untag(*key, *condition);
    if (!removed) {
        return removed.error();
    }
    if (*removed) {
        ctx.out << key->toString() << '\n';
    }
    return {};
}

Result<void> untagAll(CommandContext& ctx)
{
    auto allowed = ctx.requireMutationsAllowed();
    auto condition = requireTag(ctx);
    if (!allowed || !condition) {
        return !allowed ? allowed.error() : condition.error();
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto keys = TagStore(**db).untagAll(*condition);
    if (!keys) {
        return keys.error();
    }
    ctx.printKeys(*keys);
    return {};
}

// The tags of -i as name=value lines; -i itself need not be known.
Result<void> tags(CommandContext& ctx)
{
    auto key = ctx.figuredInstanceKey();
    if (!key) {
        return key.error();
    }
    auto all = TagStore(**ctx.backend()).tagsOf(*key);
    if (!all) {
        return all.error();
    }
    for (const InstanceTag& t : *all) {
        ctx.out << t.name << '=' << t.value << '\n';
    }
    return {};
}

// The value of the tag on -i; nothing (and success) when -i has no such tag, as in orchestrator.
Result<void> tagValue(CommandContext& ctx)
{
    auto key = ctx.figuredInstanceKey();
    if (!key) {
        return key.error();
    }
    auto condition = TagCondition::parse(ctx.args.tag);
    if (!condition) {
        return condition.error();
    }
    auto all = TagStore(**ctx.backend()).tagsOf(*key);
    if (!all) {
        return all.error();
    }
    for (const InstanceTag& t : *all) {
        if (t.name == condition->name) {
            ctx.out << t.value << '\n';
        }
    }
    return {};
}

// Sorted as text, as orchestrator sorts the host:port strings.
Result<void> tagged(CommandContext& ctx)
{
    auto conditions = TagCondition::parseList(ctx.args.tag);
    if (!conditions) {
        return conditions.error();
    }
    auto db = ctx.backend();
    if (!db) {
        return db.error();
    }
    auto keys = TagStore(**db).tagged(*conditions);
    if (!keys) {
        return keys.error();
    }
    QStringList names;
    for (const InstanceKey& key : std::as_const(*keys)) {
        names << key.toString();
    }
    names.sort();
    for (const QString& name : std::as_const(names)) {
        ctx.out << name << '\n';
    }
    return {};
}

} // namespace

QList<Command> tagCommands()
{
    return {
        { u"tag"_s, u"Set -tag NAME[=VALUE] on -i"_s, tag },
        { u"untag"_s, u"Remove -tag NAME[=VALUE] from -i (prints -i when removed)"_s, untag },
        { u"untag-all"_s, u"Remove -tag NAME=VALUE from every instance that has it"_s, untagAll },
        { u"tags"_s, u"List the tags of -i as NAME=VALUE"_s, tags },
        { u"tag-value"_s, u"Print the value of -tag NAME on -i (nothing when it has none)"_s,
            tagValue },
        { u"tagged"_s, u"List instances matching -tag NAME, NAME=VALUE, ~NAME, ... (all of them)"_s,
            tagged },
    };
}

} // namespace topograph
