#include "logging.h"

#include <cstdio>

#include <QByteArray>

namespace topograph {

Q_LOGGING_CATEGORY(lcConfig, "topograph.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDb, "topograph.db", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProbe, "topograph.probe", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDiscovery, "topograph.discovery", QtInfoMsg)
Q_LOGGING_CATEGORY(lcBackend, "topograph.backend", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOps, "topograph.ops", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLag, "topograph.lag", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "topograph.cli", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "topograph.app", QtInfoMsg)

namespace {

const char* levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "log";
}

void writeToStderr(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    const QByteArray text = message.toLocal8Bit();
    const char* category = context.category ? context.category : "default";
    std::fprintf(stderr, "%s: %s: %s\n", category, levelName(type), text.constData());
    std::fflush(stderr);
}

} // namespace

void installLogHandler(bool debug)
{
    qInstallMessageHandler(writeToStderr);
    if (debug) {
        QLoggingCategory::setFilterRules(QStringLiteral("topograph.*.debug=true"));
    }
}

} // namespace topograph
