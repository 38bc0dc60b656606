// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConfigLoader.h"
#include "MachinePolicy.h"
#include "UpstreamTester.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QWidget>
#include <functional>
#include <vector>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace sendguard {

// The settings window: the upstream server (with a connection test), the local port and
// credentials, the domain lists and the checks. Every change is validated by ConfigLoader
// (under the machine policy) before anything is written; the configuration file is replaced
// atomically, and only with the user's own keys: keys set by the organisation's policy are
// shown read-only and never written. Passwords go to the keychain, never to the file.
// SendGuard reads its configuration at start, so saved settings apply after a restart.
class SettingsWindow : public QWidget
{
    Q_OBJECT

public:
    // `configFile`: where SendGuard reads its configuration (--config, or the default path);
    // `dataDir`: its data folder (the keychain entries are keyed by it); `policy`: the
    // organisation's settings (MachinePolicy::readSystem() in the app).
    SettingsWindow(const QString& configFile, const QString& dataDir, const MachinePolicy& policy,
                   QWidget* parent = nullptr);
    ~SettingsWindow() override;

    // The config keys this window edits ("upstream.host", ...).
    QStringList keys() const;
    // The editor of one key (QLineEdit, QSpinBox, QComboBox, QCheckBox or QPlainTextEdit).
    QWidget* editor(const QString& key) const;
    // The text next to a field saying what is wrong with it (hidden when nothing is).
    QLabel* problemLabel(const QString& key) const;
    // "Managed by your organisation", shown next to a locked field.
    QLabel* lockLabel(const QString& key) const;
    bool isLocked(const QString& key) const;

    QLabel* messageLabel() const { return m_message; }
    QPushButton* saveButton() const { return m_save; }
    QPushButton* restartButton() const { return m_restart; }
    QPushButton* testButton() const { return m_test; }
    QPlainTextEdit* testReport() const { return m_testReport; }
    QLineEdit* upstreamPasswordEdit() const { return m_upstreamPassword; }
    QLineEdit* localUserEdit() const { return m_localUser; }
    QLineEdit* localPasswordEdit() const { return m_localPassword; }
    QPushButton* showLocalPasswordButton() const { return m_showLocalPassword; }
    UpstreamTester* tester() const { return m_tester; }

    // What would be written: the user's file with this window's values applied (locked keys
    // left as they were in the file).
    QJsonObject buildJson() const;
    // Validates and, when valid, saves. False when something was refused (the reasons are
    // shown next to the fields and in the message area) and nothing was written.
    bool save();
    // Runs the connection test with the values in the window.
    void testConnection();
    // Bounds of the connection test (the defaults suit people; tests use short ones).
    void setTestTimeouts(int connectMs, int commandMs);
    // Reads the local and the stored upstream password from the keychain (done once, shortly
    // after the window was made).
    void loadSecrets();
    bool secretsLoaded() const { return m_secretsLoaded; }

    // What "Restart now" does (restartApplication() unless replaced, e.g. in tests).
    void setRestartHandler(std::function<void()> handler) { m_restartHandler = std::move(handler); }
    // Starts this program again with the same arguments once it has shut down completely
    // (its lock, listening port and control socket are free by then), then quits.
    static void restartApplication();

Q_SIGNALS:
    void saved();
    void testFinished(const sendguard::UpstreamTestResult& result);
    // "Set up your mail program…" was chosen.
    void mailSetupRequested(quint16 port);

private:
    struct Field
    {
        QString key;
        QWidget* editor = nullptr;
        QLabel* lock = nullptr;
        QLabel* problem = nullptr;
        QJsonValue defaultValue;
        std::function<QJsonValue()> get;
        std::function<void(const QJsonValue&)> set;
        std::function<void(bool)> setReadOnly;
    };

    QWidget* buildServerPage();
    QWidget* buildLocalPage();
    QWidget* buildDomainsPage();
    QWidget* buildChecksPage();
    QWidget* buildEncryptionPage();
    // Adds a labelled row for `key` and registers it.
    void addField(QFormLayout* form, const QString& label, Field field, QWidget* extra = nullptr);
    void addLineEdit(QFormLayout* form, const QString& key, const QString& label,
                     const QString& placeholder = {}, QWidget* extra = nullptr);
    void addSpinBox(QFormLayout* form, const QString& key, const QString& label, int min, int max,
                    const QString& suffix = {});
    void addComboBox(QFormLayout* form, const QString& key, const QString& label,
                     const QList<QPair<QString, QString>>& choices);
    void addCheckBox(QFormLayout* form, const QString& key, const QString& text);
    void addDomainList(QFormLayout* form, const QString& key, const QString& label);
    Field* field(const QString& key);
    const Field* field(const QString& key) const;

    // Reads the user's file and fills the window (policy values for locked keys).
    void load();
    QJsonValue policyValue(const QString& key) const;
    void clearProblems();
    // Shows each problem next to its field, the rest in the message area.
    void showProblems(const QList<ConfigProblem>& problems, const QString& intro);
    void showMessage(const QString& text, bool isError);
    void onTestFinished(const UpstreamTestResult& result);

    QString m_configFile;
    QString m_dataDir;
    MachinePolicy m_policy;
    QStringList m_lockedKeys;
    QJsonObject m_userJson;   // the user's file as read
    QByteArray m_loadedBytes; // to notice a change by another program
    bool m_fileExisted = false;
    bool m_fileBroken = false;
    std::vector<Field> m_fields;

    QTabWidget* m_tabs = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_restart = nullptr;
    QPushButton* m_close = nullptr;
    QPushButton* m_test = nullptr;
    QPlainTextEdit* m_testReport = nullptr;
    QLineEdit* m_upstreamPassword = nullptr;
    bool m_upstreamPasswordEdited = false;
    QString m_storedUpstreamPassword;
    bool m_upstreamPasswordFound = false;
    QLineEdit* m_localUser = nullptr;
    QLineEdit* m_localPassword = nullptr;
    QPushButton* m_showLocalPassword = nullptr;
    QLabel* m_localNote = nullptr;
    UpstreamTester* m_tester = nullptr;
    int m_testConnectMs = 15000;
    int m_testCommandMs = 20000;
    bool m_secretsLoaded = false;
    bool m_loadingSecrets = false;
    std::function<void()> m_restartHandler;
};

} // namespace sendguard
