// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"

#include "AuditChain.h"
#include "AuditReader.h"
#include "ConfigLoader.h"
#include "ControlChannel.h"
#include "CredentialStore.h"
#include "SecurityCheck.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
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
           word == QLatin1String("check-config") || word == QLatin1String("check") ||
           word == QLatin1String("audit");
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
    QCommandLineOption csvOption(QStringLiteral("csv"),
                                 tr("audit export: write CSV for spreadsheets (the default)."));
    QCommandLineOption fromOption(QStringLiteral("from"),
                                  tr("audit export: from this day on (YYYY-MM-DD, local time)."),
                                  tr("DATE"));
    QCommandLineOption toOption(QStringLiteral("to"),
                                tr("audit export: up to this day (YYYY-MM-DD, local time)."),
                                tr("DATE"));
    QCommandLineOption outputOption(QStringLiteral("output"),
                                    tr("audit export: write to FILE instead of standard output."),
                                    tr("FILE"));
    QCommandLineOption senderDomainOption(
        QStringLiteral("sender-domain"),
        tr("check: the domain your mail is sent from (for SPF and DMARC)."), tr("DOMAIN"));
    QCommandLineOption dnsServerOption(
        QStringLiteral("dns-server"),
        tr("check: ask this DNS server (ADDRESS or ADDRESS:PORT) instead of the system's."),
        tr("ADDRESS"));
    parser.addOptions({dataDirOption, configOption, jsonOption, csvOption, fromOption, toOption,
                       outputOption, senderDomainOption, dnsServerOption});
    parser.addPositionalArgument(
        QStringLiteral("command"),
        tr("queue | credentials | check-config | check | audit verify | audit export"));
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
    // The options of check and audit, handed on as "name=value" ("name" for a flag).
    QStringList options;
    for (const QCommandLineOption* o :
         {&configOption, &jsonOption, &csvOption, &fromOption, &toOption, &outputOption,
          &senderDomainOption, &dnsServerOption}) {
        const QString name = o->names().constFirst();
        if (!parser.isSet(*o))
            continue;
        options << (o->valueName().isEmpty() ? name : name + QLatin1Char('=') + parser.value(*o));
    }
    if (command == QLatin1String("check")) {
        if (args.size() > 1) {
            err(tr("usage: sendguard check [--json] [--config FILE] [--sender-domain DOMAIN] "
                   "[--dns-server ADDRESS[:PORT]]"));
            return 2;
        }
        return check(options);
    }
    if (command == QLatin1String("audit"))
        return audit(args.mid(1), dataDir, options);
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

namespace {
QString optionValue(const QStringList& options, const QString& name, bool* set = nullptr)
{
    const QString prefix = name + QLatin1Char('=');
    for (const QString& o : options) {
        if (o == name || o.startsWith(prefix)) {
            if (set)
                *set = true;
            return o.mid(name.size() + 1);
        }
    }
    if (set)
        *set = false;
    return {};
}

bool hasOption(const QStringList& options, const QString& name)
{
    bool set = false;
    optionValue(options, name, &set);
    return set;
}

// "127.0.0.1", "127.0.0.1:5353", "::1", "[::1]:5353"
bool parseDnsServer(const QString& text, QHostAddress* address, quint16* port)
{
    QString host = text.trimmed();
    *port = 53;
    if (host.startsWith(QLatin1Char('['))) {
        const int close = host.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        const QString rest = host.mid(close + 1);
        host = host.mid(1, close - 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return false;
            bool ok = false;
            const uint p = rest.mid(1).toUInt(&ok);
            if (!ok || p == 0 || p > 65535)
                return false;
            *port = quint16(p);
        }
    } else if (host.count(QLatin1Char(':')) == 1) {
        bool ok = false;
        const uint p = host.section(QLatin1Char(':'), 1).toUInt(&ok);
        if (!ok || p == 0 || p > 65535)
            return false;
        *port = quint16(p);
        host = host.section(QLatin1Char(':'), 0, 0);
    }
    return address->setAddress(host);
}
} // namespace

int CommandLine::check(const QStringList& options)
{
    bool explicitConfig = false;
    const QString given = optionValue(options, QStringLiteral("config"), &explicitConfig);
    const QString configFile = explicitConfig ? given : defaultConfigFile();
    ConfigLoader loader;
    loader.setMachinePolicy(MachinePolicy::readSystem());
    if (!loader.load(configFile, !explicitConfig)) {
        for (const ConfigProblem& p : loader.problems())
            err(p.toString());
        return 2;
    }

    SecurityCheck::Options o;
    o.configFile = configFile;
    o.senderDomain = optionValue(options, QStringLiteral("sender-domain"));
    bool dnsSet = false;
    QString dns = optionValue(options, QStringLiteral("dns-server"), &dnsSet);
    if (!dnsSet)
        dns = qEnvironmentVariable("SENDGUARD_DNS_SERVER");
    if (!dns.isEmpty()) {
        if (!parseDnsServer(dns, &o.dnsServer, &o.dnsPort)) {
            err(tr("--dns-server: \"%1\" is not ADDRESS or ADDRESS:PORT").arg(dns));
            return 2;
        }
        if (o.dnsPort != 53 && !SecurityCheck::dnsPortSupported()) {
            err(tr("--dns-server: this build (Qt %1) can only ask DNS servers on port 53; run the "
                   "server on port 53 of another loopback address, such as 127.0.0.53")
                    .arg(QString::fromLatin1(qVersion())));
            return 2;
        }
    }
#ifndef Q_OS_WIN
    // The resolver's own retries would outlast our wait; keep them short (glibc reads this).
    if (qEnvironmentVariableIsEmpty("RES_OPTIONS"))
        qputenv("RES_OPTIONS", "timeout:2 attempts:2");
#endif

    const QJsonObject report = SecurityCheck::run(loader.config(), o);
    if (hasOption(options, QStringLiteral("json")))
        std::fputs(QJsonDocument(report).toJson(QJsonDocument::Indented).constData(), stdout);
    else
        out(SecurityCheck::toText(report));
    std::fflush(stdout);
    return SecurityCheck::exitCode(report);
}

int CommandLine::audit(const QStringList& args, const QString& dataDir, const QStringList& options)
{
    const QString action = args.value(0);
    if (args.size() == 1 && action == QLatin1String("verify"))
        return auditVerify(dataDir, hasOption(options, QStringLiteral("json")));
    if (args.size() == 1 && action == QLatin1String("export"))
        return auditExport(dataDir, options);
    err(tr("usage: sendguard audit verify [--json] [--data-dir DIR]\n"
           "       sendguard audit export --csv [--from DATE] [--to DATE] [--output FILE] "
           "[--data-dir DIR]"));
    return 2;
}

int CommandLine::auditVerify(const QString& dataDir, bool json)
{
    if (!QFileInfo(dataDir).isDir()) {
        err(tr("there is no data folder %1").arg(dataDir));
        return 2;
    }
    const AuditKey key = AuditKey::load();
    if (!key.error.isEmpty())
        err(tr("warning: %1; MACs are not checked").arg(key.error));
    const AuditVerifyReport report = AuditVerifier::verify(dataDir, key);
    if (json) {
        std::fputs(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented).constData(),
                   stdout);
        std::fflush(stdout);
        return report.intact() ? 0 : 1;
    }
    for (const AuditProblem& p : report.problems)
        out(p.toString());
    for (const QString& note : report.notes)
        out(tr("note: %1").arg(note));
    if (report.files == 0 && report.intact()) {
        out(tr("There is no audit log in %1 yet.").arg(dataDir));
        return 0;
    }
    const QString mac = report.macChecked ? tr("MACs checked with %1").arg(report.keySource)
                                          : tr("no MAC key, MACs not checked");
    if (report.intact()) {
        out(tr("The audit trail is intact: %1 file(s), %2 line(s), seq %3 to %4; %5.")
                .arg(report.files)
                .arg(report.lines)
                .arg(report.firstSeq)
                .arg(report.lastSeq)
                .arg(mac));
        if (!report.lastHash.isEmpty())
            out(tr("Last line: seq %1, SHA-256 %2")
                    .arg(report.lastSeq)
                    .arg(QString::fromLatin1(report.lastHash)));
        return 0;
    }
    out(tr("The audit trail is BROKEN: %n problem(s) in %1 file(s), %2 line(s); %3.", nullptr,
           int(report.problems.size()))
            .arg(report.files)
            .arg(report.lines)
            .arg(mac));
    return 1;
}

int CommandLine::auditExport(const QString& dataDir, const QStringList& options)
{
    AuditFilter filter;
    bool set = false;
    for (const auto& [name, date] :
         {std::pair<QString, QDate*>{QStringLiteral("from"), &filter.from},
          std::pair<QString, QDate*>{QStringLiteral("to"), &filter.to}}) {
        const QString value = optionValue(options, name, &set);
        if (!set)
            continue;
        *date = QDate::fromString(value, Qt::ISODate);
        if (!date->isValid()) {
            err(tr("--%1: \"%2\" is not a date (YYYY-MM-DD)").arg(name, value));
            return 2;
        }
    }
    if (filter.from.isValid() && filter.to.isValid() && filter.from > filter.to) {
        err(tr("--from is after --to"));
        return 2;
    }
    if (!QFileInfo(dataDir).isDir()) {
        err(tr("there is no data folder %1").arg(dataDir));
        return 2;
    }
    const QString output = optionValue(options, QStringLiteral("output"), &set);
    QSaveFile file(output);
    if (set && !file.open(QIODevice::WriteOnly)) {
        err(tr("cannot write %1: %2").arg(output, file.errorString()));
        return 1;
    }
    auto write = [&](const QByteArray& bytes) {
        if (set)
            file.write(bytes);
        else
            std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    };
    write(AuditReader::csvHeader());
    qint64 rows = 0;
    QString error;
    const bool ok = AuditReader::forEach(
        dataDir, filter,
        [&](const AuditRecord& r) {
            write(AuditReader::csvRow(r));
            ++rows;
            return true;
        },
        &error);
    if (!ok) {
        err(error);
        if (set)
            file.cancelWriting();
        return 1;
    }
    if (set) {
        if (!file.commit()) {
            err(tr("cannot write %1: %2").arg(output, file.errorString()));
            return 1;
        }
        out(tr("%n event(s) written to %1", nullptr, int(rows)).arg(output));
    }
    std::fflush(stdout);
    return 0;
}

} // namespace sendguard
