// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace sendguard {

// The sub-commands that talk to a running instance or the keychain, or look at files, and exit:
// `queue`, `credentials`, `check-config`, `check`, `audit`. Each returns the process exit code.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static bool isSubcommand(const QString& word);
    static int run(const QStringList& arguments);

    static QString defaultDataDir();
    static QString defaultConfigFile();

private:
    static int queue(const QStringList& args, const QString& dataDir);
    static int credentials(const QStringList& args, const QString& dataDir);
    static int checkConfig(const QString& configFile, bool explicitConfig);
    static int check(const QStringList& options);
    static int audit(const QStringList& args, const QString& dataDir, const QStringList& options);
    static int auditVerify(const QString& dataDir, bool json);
    static int auditExport(const QString& dataDir, const QStringList& options);
};

} // namespace sendguard
