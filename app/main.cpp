// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"
#include "ConfigLoader.h"
#include "ConfirmationGate.h"
#include "ControlChannel.h"
#include "DialogGate.h"
#include "Guard.h"
#include "TrayIcon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QLocale>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTranslator>
#include <csignal>
#include <memory>

#ifndef Q_OS_WIN
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace sendguard;

namespace {

bool hasDisplay()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
#else
    return true;
#endif
}

void installTranslations(QCoreApplication& app, const QString& language)
{
    // Replaces what an earlier call installed (the configuration may choose another language).
    for (QTranslator* old : app.findChildren<QTranslator*>(QString(), Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    const QLocale locale = language.isEmpty() || language == QLatin1String("system")
                               ? QLocale::system()
                               : QLocale(language);
    auto* own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("sendguard"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

#ifndef Q_OS_WIN
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const ssize_t n = ::write(signalPipe[1], &c, 1);
}

// SIGTERM and SIGINT end the event loop, so the spool and the audit log close cleanly.
void quitOnSignals(QCoreApplication& app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto* notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
        char c;
        [[maybe_unused]] const ssize_t n = ::read(signalPipe[0], &c, 1);
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}
#endif

} // namespace

int main(int argc, char* argv[])
{
    qSetMessagePattern(
        QStringLiteral("%{time yyyy-MM-dd HH:mm:ss.zzz} %{if-warning}warning: %{endif}"
                       "%{if-critical}error: %{endif}%{message}"));
    bool headless = false;
    bool subcommand = false;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--headless"))
            headless = true;
        if (i == 1 && CommandLine::isSubcommand(arg))
            subcommand = true;
    }
    const bool gui = !headless && !subcommand && hasDisplay();

    const bool dispatcherChosen = qEnvironmentVariableIsSet("QT_NO_GLIB");
    std::unique_ptr<QCoreApplication> app;
    if (gui) {
        app = std::make_unique<QApplication>(argc, argv);
        // SendGuard lives in the tray: closing the last dialog or window must not end it.
        QApplication::setQuitOnLastWindowClosed(false);
    } else
        app = std::make_unique<QCoreApplication>(argc, argv);
    // The engine's threads (SMTP sessions, relay, audit) wait with Qt's own poll() event loop:
    // the GLib one writes to a wake-up descriptor each time a socket starts waiting to write,
    // several times per message. The main thread keeps GLib, made just above: the keychain
    // (libsecret) and GTK dialogs answer through it. The variable is read when a thread's event
    // loop is made, so it is set before any other thread starts.
    if (!dispatcherChosen) {
        qputenv("QT_NO_GLIB", "1");
        // Not passed on to the instance a restart starts (see SettingsWindow).
        app->setProperty("sendguardSetNoGlib", true);
    }
    QCoreApplication::setApplicationName(QStringLiteral("SendGuard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SENDGUARD_VERSION));

    QString language = qEnvironmentVariable("SENDGUARD_LANG");
    for (int i = 1; i + 1 < argc; ++i) {
        if (QString::fromLocal8Bit(argv[i]) == QLatin1String("--lang"))
            language = QString::fromLocal8Bit(argv[i + 1]);
    }
    installTranslations(*app, language);

    if (subcommand)
        return CommandLine::run(QCoreApplication::arguments());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "SendGuard checks, holds and protects the mail you send.\n"
                "Sub-commands: queue list [--json] | queue release ID | queue recall ID | "
                "credentials set local|upstream | credentials show local | check-config | "
                "check [--json] | audit verify | audit export --csv"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption configOption(
        QStringLiteral("config"),
        QCoreApplication::translate("main", "Read the configuration from FILE."),
        QStringLiteral("FILE"));
    QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main", "Keep the queue, audit log and keys in DIR."),
        QStringLiteral("DIR"), CommandLine::defaultDataDir());
    QCommandLineOption headlessOption(
        QStringLiteral("headless"),
        QCoreApplication::translate("main", "Run without a window or tray icon."));
    QCommandLineOption autoConfirmOption(
        QStringLiteral("auto-confirm"),
        QCoreApplication::translate(
            "main", "Approve every confirmation automatically (recorded in the audit log)."));
    QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate(
            "main", "Deliver into DATA/demo-outbox/ instead of the upstream server."));
    QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("main", "User interface language (ja or en)."),
        QStringLiteral("LANG"));
    parser.addOptions(
        {configOption, dataDirOption, headlessOption, autoConfirmOption, demoOption, langOption});
    QTextStream err(stderr);
    if (!parser.parse(QCoreApplication::arguments())) {
        err << parser.errorText() << Qt::endl
            << QCoreApplication::translate("main", "Try \"sendguard --help\".") << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        err << QCoreApplication::translate("main",
                                           "unknown command \"%1\"; try \"sendguard --help\"")
                   .arg(parser.positionalArguments().constFirst())
            << Qt::endl;
        return 2;
    }

    const bool explicitConfig = parser.isSet(configOption);
    const QString configFile =
        explicitConfig ? parser.value(configOption) : CommandLine::defaultConfigFile();
    ConfigLoader loader;
    loader.setMachinePolicy(MachinePolicy::readSystem());
    if (!loader.load(configFile, !explicitConfig)) {
        for (const ConfigProblem& p : loader.problems())
            err << p.toString() << Qt::endl;
        err << QCoreApplication::translate(
                   "main", "SendGuard did not start because the configuration is invalid.")
            << Qt::endl;
        return 2;
    }

    // ui.language applies unless --lang or SENDGUARD_LANG chose already.
    if (language.isEmpty() && loader.config().ui.language != QLatin1String("system"))
        installTranslations(*app, loader.config().ui.language);

    GuardOptions options;
    options.dataDir = QDir(parser.value(dataDirOption)).absolutePath();
    options.config = loader.config();
    options.forceDemo = parser.isSet(demoOption);

#ifndef Q_OS_WIN
    quitOnSignals(*app);
#endif

    if (gui) {
        // Started again from the application menu while running: bring the window up instead.
        QJsonObject response;
        QString ignored;
        if (ControlClient::request(options.dataDir,
                                   {{QStringLiteral("command"), QStringLiteral("show")}}, &response,
                                   &ignored, 3000) == ControlClient::Status::Ok &&
            response.value(QStringLiteral("ok")).toBool()) {
            err << QCoreApplication::translate(
                       "main", "SendGuard is already running; its window was opened.")
                << Qt::endl;
            return 0;
        }
    }

    Guard guard(options);
    std::unique_ptr<ConfirmationGate> gate;
    std::unique_ptr<TrayIcon> tray;
    if (parser.isSet(autoConfirmOption))
        gate = std::make_unique<AutoConfirmGate>();
    else if (gui)
        gate =
            std::make_unique<DialogGate>(ConfirmDialogOptions::fromPolicy(options.config.policy));
    else
        gate = std::make_unique<NoDisplayGate>();
    guard.setConfirmationGate(gate.get());

    QString error;
    int exitCode = 0;
    if (!guard.start(&error, &exitCode)) {
        err << QCoreApplication::translate("main", "SendGuard could not start: %1").arg(error)
            << Qt::endl;
        return exitCode == 0 ? 1 : exitCode;
    }
    if (gui) {
        tray = std::make_unique<TrayIcon>(&guard);
        tray->setConfigFile(configFile); // the settings window saves there; first start
        if (auto* dialogs = dynamic_cast<DialogGate*>(gate.get()))
            QObject::connect(dialogs, &DialogGate::notify, tray.get(), &TrayIcon::notify);
    }
    err << "SendGuard: listening on " << guard.listenAddress() << Qt::endl;
    err << QCoreApplication::translate("main", "SendGuard: relaying to %1")
               .arg(guard.transportDescription())
        << Qt::endl;
    if (!options.config.lockedKeys.isEmpty())
        err << QCoreApplication::translate("main", "SendGuard: set by your organisation (%1): %2")
                   .arg(options.config.lockedBy,
                        options.config.lockedKeys.join(QStringLiteral(", ")))
            << Qt::endl;
    if (parser.isSet(autoConfirmOption))
        err << QCoreApplication::translate(
                   "main", "SendGuard: --auto-confirm is on: messages are approved without asking")
            << Qt::endl;
    const int rc = app->exec();
    tray.reset();
    return rc;
}
