// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Config.h"

#include <QDialog>
#include <QString>
#include <QStringList>

class QLineEdit;
class QTabWidget;

namespace sendguard {

// What a mail program needs to send through SendGuard on this computer.
struct MailSetupInfo
{
    QString server = QStringLiteral("127.0.0.1");
    quint16 port = 2525;
    bool starttls = true;
    bool authRequired = true;
    QString userName;
    QString password;        // the local SMTP password, from the keychain
    QString passwordProblem; // why the password is missing, if it is

    // The values of a running SendGuard: `config` as it runs, the password from the keychain
    // entry of `dataDir` (waits for the keychain, bounded).
    static MailSetupInfo read(const Config& config, const QString& dataDir);
};

// "Set up your mail program": the values to enter (with Copy buttons; the password hidden until
// Show) and short numbered steps for Thunderbird, Outlook, Apple Mail and Becky!. Shown at the
// first start (no configuration file yet) and from the tray menu.
class FirstRunDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FirstRunDialog(const MailSetupInfo& info, bool firstRun = false,
                            QWidget* parent = nullptr);

    QTabWidget* clients() const { return m_clients; }
    // False when the dialog was closed by SendGuard quitting (Qt closes every window then),
    // not by the user.
    bool closedByUser() const { return !m_closedByApplication; }
    QLineEdit* passwordEdit() const { return m_password; }

    // The steps for one mail program, with this computer's values filled in.
    static QStringList thunderbirdSteps(const MailSetupInfo& info);
    static QStringList outlookSteps(const MailSetupInfo& info);
    static QStringList appleMailSteps(const MailSetupInfo& info);
    static QStringList beckySteps(const MailSetupInfo& info);

    // The first start: SendGuard has no configuration file yet.
    static bool isFirstRun(const QString& configFile);
    // Ends the first start: writes a configuration file with every setting at its default
    // ("{}", which is what a missing file means), unless one exists by now.
    static bool markFirstRunDone(const QString& configFile, QString* error);

protected:
    void closeEvent(QCloseEvent* event) override;

Q_SIGNALS:
    // "Settings…" was chosen (to enter the mail server, for instance).
    void settingsRequested();

private:
    QTabWidget* m_clients = nullptr;
    QLineEdit* m_password = nullptr;
    bool m_closedByApplication = false;
};

} // namespace sendguard
