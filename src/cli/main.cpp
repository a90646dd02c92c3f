#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

#include "cliarguments.h"
#include "commands.h"
#include "config/configloader.h"
#include "logging.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

int fail(const QString& message)
{
    QTextStream err(stderr);
    err << "topograph-cli: " << message << '\n';
    return 1;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"topograph"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TOPOGRAPH_VERSION));

    auto args = CliArguments::parse(QCoreApplication::arguments().mid(1));
    if (!args) {
        return fail(args.error().message);
    }
    installLogHandler(args->debug);
    QTextStream out(stdout);
    if (args->version) {
        out << "topograph-cli " << TOPOGRAPH_VERSION << '\n';
        return 0;
    }
    if (args->help || args->command.isEmpty()) {
        if (!args->help) {
            return fail(u"no command given: use -c COMMAND (-c help lists them)"_s);
        }
        args.value().command = u"help"_s;
    }
    const Command* command = nullptr;
    for (const Command& candidate : allCommands()) {
        if (candidate.name == args->command) {
            command = &candidate;
        }
    }
    if (!command) {
        return fail(u"unknown command \"%1\" (-c help lists the commands)"_s.arg(args->command));
    }
    auto config = ConfigLoader::load(args->configPath);
    if (!config) {
        return fail(config.error().message);
    }
    if (args->readOnly) {
        config.value().readOnly = true;
    }
    CommandContext context(*args, *config, out);
    if (auto result = command->run(context); !result) {
        out.flush();
        return fail(result.error().message);
    }
    return 0;
}
