// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"

#include "ConfigLoader.h"
#include "ControlChannel.h"
#include "CredentialStore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTextStream>
#include <cstdio>
#include <iostream>
#include <string>

namespace sendguard {

namespace {
void out(const QString& text)
{
    QTextStream(stdout) << text << Qt::endl;
}

void err(const QString& text)
{
    QTextStream(stderr) << text << Qt::endl;
}
} // namespace

bool CommandLine::isSubcommand(const QString& word)
{
    return word == QLatin1String("queue") || word == QLatin1String("credentials") ||
           word == QLatin1String("check-config");
}

QString CommandLine::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString CommandLine::defaultConfigFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) +
           QStringLiteral("/config.json");
}

int CommandLine::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("SendGuard command-line tools"));
    parser.addHelpOption();
    QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                     tr("The data folder of the instance."), tr("DIR"),
                                     defaultDataDir());
    QCommandLineOption configOption(QStringLiteral("config"), tr("The configuration file."),
                                    tr("FILE"));
    QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    parser.addOptions({dataDirOption, configOption, jsonOption});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 tr("queue | credentials | check-config"));
    if (!parser.parse(arguments)) {
        err(parser.errorText());
        return 2;
    }
    const QStringList args = parser.positionalArguments();
    const QString dataDir = QDir(parser.value(dataDirOption)).absolutePath();
    const QString command = args.value(0);
    if (command == QLatin1String("queue")) {
        QStringList rest = args.mid(1);
        if (parser.isSet(jsonOption))
            rest << QStringLiteral("--json");
        return queue(rest, dataDir);
    }
    if (command == QLatin1String("credentials"))
        return credentials(args.mid(1), dataDir);
    if (command == QLatin1String("check-config")) {
        const bool explicitConfig = parser.isSet(configOption);
        return checkConfig(explicitConfig ? parser.value(configOption) : defaultConfigFile(),
                           explicitConfig);
    }
    err(tr("unknown command \"%1\"").arg(command));
    return 2;
}

int CommandLine::queue(const QStringList& args, const QString& dataDir)
{
    const QString action = args.value(0);
    QJsonObject request;
    if (action == QLatin1String("list")) {
        request = {{QStringLiteral("command"), QStringLiteral("list")}};
    } else if ((action == QLatin1String("release") || action == QLatin1String("recall")) &&
               args.size() >= 2) {
        request = {{QStringLiteral("command"), action}, {QStringLiteral("id"), args.at(1)}};
    } else {
        err(tr("usage: sendguard queue list [--json] | release ID | recall ID [--data-dir DIR]"));
        return 2;
    }
    QJsonObject response;
    QString error;
    switch (ControlClient::request(dataDir, request, &response, &error)) {
    case ControlClient::Status::NotRunning:
        err(tr("SendGuard is not running for the data folder %1").arg(dataDir));
        return 3;
    case ControlClient::Status::Failed:
        err(tr("cannot talk to SendGuard: %1").arg(error));
        return 1;
    case ControlClient::Status::Ok:
        break;
    }
    if (!response.value(QStringLiteral("ok")).toBool()) {
        err(response.value(QStringLiteral("error")).toString());
        return 1;
    }
    if (action != QLatin1String("list")) {
        out(action == QLatin1String("release") ? tr("released %1").arg(args.at(1))
                                               : tr("recalled %1").arg(args.at(1)));
        return 0;
    }
    const QJsonArray entries = response.value(QStringLiteral("entries")).toArray();
    if (args.contains(QStringLiteral("--json"))) {
        std::fputs(QJsonDocument(entries).toJson(QJsonDocument::Indented).constData(), stdout);
        return 0;
    }
    if (entries.isEmpty()) {
        out(tr("The queue is empty."));
        return 0;
    }
    out(QStringLiteral("%1  %2  %3  %4")
            .arg(tr("ID"), -24)
            .arg(tr("STATE"), -9)
            .arg(tr("RELEASE / NEXT TRY"), -20)
            .arg(tr("SUBJECT")));
    for (const QJsonValue& v : entries) {
        const QJsonObject e = v.toObject();
        QString when = e.value(QStringLiteral("state")).toString() == QLatin1String("retrying")
                           ? e.value(QStringLiteral("next_attempt_at")).toString()
                           : e.value(QStringLiteral("release_at")).toString();
        const QDateTime t = QDateTime::fromString(when, Qt::ISODateWithMs);
        if (t.isValid())
            when = t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        out(QStringLiteral("%1  %2  %3  %4")
                .arg(e.value(QStringLiteral("id")).toString(), -24)
                .arg(e.value(QStringLiteral("state")).toString(), -9)
                .arg(when, -20)
                .arg(e.value(QStringLiteral("subject")).toString()));
        QStringList rcpts;
        for (const QJsonValue& r : e.value(QStringLiteral("recipients")).toArray())
            rcpts << r.toString();
        out(QStringLiteral("    %1 %2").arg(tr("to:"), rcpts.join(QStringLiteral(", "))));
        const QString lastError = e.value(QStringLiteral("last_error")).toString();
        if (!lastError.isEmpty())
            out(QStringLiteral("    %1 %2").arg(tr("last error:"), lastError));
    }
    return 0;
}

int CommandLine::credentials(const QStringList& args, const QString& dataDir)
{
    const QString action = args.value(0);
    const QString which = args.value(1);
    const bool local = which == QLatin1String("local");
    CredentialStore store(dataDir);
    if (action == QLatin1String("set") && (local || which == QLatin1String("upstream"))) {
        std::string line;
        std::getline(std::cin, line);
        QString password = QString::fromStdString(line);
        while (password.endsWith(QLatin1Char('\r')) || password.endsWith(QLatin1Char('\n')))
            password.chop(1);
        if (password.isEmpty()) {
            err(tr("no password on standard input"));
            return 2;
        }
        QString error;
        if (!store.write(local ? CredentialStore::Secret::LocalPassword
                               : CredentialStore::Secret::UpstreamPassword,
                         password, &error)) {
            err(error);
            return 4;
        }
        out(local ? tr("The local SMTP password is stored in the keychain. Restart SendGuard to "
                       "use it.")
                  : tr("The upstream password is stored in the keychain. Restart SendGuard to use "
                       "it."));
        return 0;
    }
    if (action == QLatin1String("show") && local) {
        QString password, error;
        bool found = false;
        if (!store.read(CredentialStore::Secret::LocalPassword, &password, &found, &error)) {
            err(error);
            return 4;
        }
        if (!found) {
            err(tr("no local password yet: start SendGuard once, or set one with \"sendguard "
                   "credentials set local\""));
            return 1;
        }
        out(QStringLiteral("username: %1").arg(CredentialStore::localUserName()));
        out(QStringLiteral("password: %1").arg(password));
        return 0;
    }
    err(tr("usage: sendguard credentials set local|upstream  (password on standard input)\n"
           "       sendguard credentials show local"));
    return 2;
}

int CommandLine::checkConfig(const QString& configFile, bool explicitConfig)
{
    ConfigLoader loader;
    if (!loader.load(configFile, !explicitConfig)) {
        for (const ConfigProblem& p : loader.problems())
            err(p.toString());
        return 2;
    }
    out(tr("%1: valid").arg(configFile));
    return 0;
}

} // namespace sendguard
