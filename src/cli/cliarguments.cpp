#include "cliarguments.h"

using namespace Qt::StringLiterals;

namespace topograph {

Result<CliArguments> CliArguments::parse(const QStringList& arguments)
{
    CliArguments args;
    const QList<std::pair<QString, QString CliArguments::*>> valued {
        { u"c"_s, &CliArguments::command },
        { u"command"_s, &CliArguments::command },
        { u"i"_s, &CliArguments::instance },
        { u"instance"_s, &CliArguments::instance },
        { u"d"_s, &CliArguments::destination },
        { u"destination"_s, &CliArguments::destination },
        { u"config"_s, &CliArguments::configPath },
        { u"pattern"_s, &CliArguments::pattern },
        { u"alias"_s, &CliArguments::alias },
        { u"reason"_s, &CliArguments::reason },
        { u"owner"_s, &CliArguments::owner },
        { u"tag"_s, &CliArguments::tag },
        { u"backup"_s, &CliArguments::backupFile },
        { u"hostname"_s, &CliArguments::hostname },
        { u"duration"_s, &CliArguments::duration },
        { u"promotion-rule"_s, &CliArguments::promotionRule },
    };
    const QList<std::pair<QString, bool CliArguments::*>> flags {
        { u"debug"_s, &CliArguments::debug },
        { u"stack"_s, &CliArguments::stack },
        { u"noop"_s, &CliArguments::noop },
        { u"read-only"_s, &CliArguments::readOnly },
        { u"version"_s, &CliArguments::version },
        { u"help"_s, &CliArguments::help },
        { u"h"_s, &CliArguments::help },
        { u"poll"_s, &CliArguments::poll },
        { u"watch"_s, &CliArguments::watch },
        { u"force"_s, &CliArguments::force },
        { u"ignore"_s, &CliArguments::ignore },
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments.at(i);
        if (!arg.startsWith(u'-') || arg == u"-"_s || arg == u"--"_s) {
            return makeError(ErrorCode::InvalidInput,
                u"unexpected argument \"%1\" (flags look like -c COMMAND -i HOST:PORT)"_s.arg(arg));
        }
        QString name = arg.mid(arg.startsWith(u"--"_s) ? 2 : 1);
        QString value;
        bool hasValue = false;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            value = name.mid(eq + 1);
            name.truncate(eq);
            hasValue = true;
        }
        bool known = false;
        for (const auto& [flag, member] : flags) {
            if (flag == name) {
                if (hasValue) {
                    // Go's flag package (orchestrator's) takes what strconv.ParseBool does.
                    static const QStringList truthy { u"1"_s, u"t"_s, u"T"_s, u"true"_s, u"TRUE"_s,
                        u"True"_s };
                    static const QStringList falsy { u"0"_s, u"f"_s, u"F"_s, u"false"_s, u"FALSE"_s,
                        u"False"_s };
                    if (!truthy.contains(value) && !falsy.contains(value)) {
                        return makeError(ErrorCode::InvalidInput,
                            u"flag -%1 takes true or false, not \"%2\""_s.arg(name, value));
                    }
                    args.*member = truthy.contains(value);
                } else {
                    args.*member = true;
                }
                known = true;
            }
        }
        for (const auto& [flag, member] : valued) {
            if (flag == name) {
                if (!hasValue) {
                    if (i + 1 >= arguments.size()) {
                        return makeError(
                            ErrorCode::InvalidInput, u"flag -%1 needs a value"_s.arg(name));
                    }
                    value = arguments.at(++i);
                }
                args.*member = value;
                known = true;
            }
        }
        if (!known) {
            return makeError(ErrorCode::InvalidInput, u"unknown flag \"%1\""_s.arg(arg));
        }
    }
    return args;
}

} // namespace topograph
