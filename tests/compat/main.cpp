// tst_compat: runs orchestrator's compatibility cases (../shared/orchestrator-compat) against
// topograph-cli. `tst_compat --self-test` checks the harness itself instead.
#include <QCoreApplication>
#include <QStringList>

#include "compatrunner.h"
#include "selftest.h"

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QString cliPath = QStringLiteral(TOPOGRAPH_CLI_PATH);
    for (const QString& arg : QCoreApplication::arguments().mid(1)) {
        if (arg == u"--self-test"_s) {
            return topograph::compat::runSelfTest();
        }
        if (arg.startsWith(u"--cli="_s)) {
            cliPath = arg.mid(6);
        } else {
            qWarning("usage: tst_compat [--self-test] [--cli=PATH]");
            return 2;
        }
    }
    return topograph::compat::runCompat(cliPath);
}
