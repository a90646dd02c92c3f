#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <cstdio>
#include <memory>

#include "config/configloader.h"
#include "logging.h"
#include "mainwindow.h"

using namespace Qt::StringLiterals;
using namespace topograph;

namespace {

void loadTranslations(QApplication& app)
{
    auto* qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(
            QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QApplication::installTranslator(qtTranslator);
    }
    auto* translator = new QTranslator(&app);
    if (translator->load(QLocale(), u"topograph"_s, u"_"_s, u":/i18n"_s)) {
        QApplication::installTranslator(translator);
    }
}

void setUpParser(QCommandLineParser& parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "See and change MySQL/MariaDB replication topologies."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        QCommandLineOption(u"config"_s,
            QCoreApplication::translate("main", "Use the configuration FILE."), u"FILE"_s),
        QCommandLineOption(u"seed"_s,
            QCoreApplication::translate(
                "main", "Discover the instance HOST:PORT and show its cluster."),
            u"HOST:PORT"_s),
        QCommandLineOption(
            u"debug"_s, QCoreApplication::translate("main", "Log debug messages to stderr.")),
    });
}

// --version and --help must work without a display, so they are answered before QApplication
// (which needs one) exists.
bool wantsTextOnly(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--version" || arg == "-v" || arg == "--help" || arg == "-h"
            || arg == "--help-all") {
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    std::unique_ptr<QCoreApplication> textApp;
    if (wantsTextOnly(argc, argv)) {
        textApp = std::make_unique<QCoreApplication>(argc, argv);
        QCoreApplication::setApplicationVersion(QStringLiteral(TOPOGRAPH_VERSION));
        QCommandLineParser parser;
        setUpParser(parser);
        parser.process(*textApp); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"topograph"_s);
    QApplication::setApplicationDisplayName(u"Topograph"_s);
    QApplication::setApplicationVersion(QStringLiteral(TOPOGRAPH_VERSION));
    QApplication::setOrganizationName(u"Topograph"_s);
    QApplication::setDesktopFileName(QStringLiteral(TOPOGRAPH_APP_ID));
    QApplication::setWindowIcon(QIcon(u":/icons/org.topograph.Topograph.svg"_s));
    loadTranslations(app);

    QCommandLineParser parser;
    setUpParser(parser);
    const QCommandLineOption configOption(u"config"_s);
    const QCommandLineOption seedOption(u"seed"_s);
    const QCommandLineOption debugOption(u"debug"_s);
    parser.process(app);
    installLogHandler(parser.isSet(debugOption));

    auto config = ConfigLoader::load(parser.value(configOption));
    if (!config) {
        std::fprintf(stderr, "topograph: %s\n", qPrintable(config.error().message));
        QMessageBox::critical(
            nullptr, QApplication::translate("main", "Topograph"), config.error().message);
        return 1;
    }
    std::optional<InstanceKey> seed;
    if (parser.isSet(seedOption)) {
        auto key = InstanceKey::parse(
            parser.value(seedOption), static_cast<quint16>(config->defaultInstancePort));
        if (!key) {
            std::fprintf(stderr, "topograph: %s\n", qPrintable(key.error().message));
            return 1;
        }
        seed = *key;
    }
    MainWindow window(*config, seed);
    window.show();
    return QApplication::exec();
}
