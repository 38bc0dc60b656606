// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Config.h"
#include "QueueEntry.h"
#include "SmtpTypes.h"

#include <QJsonObject>
#include <QObject>
#include <memory>

class QLockFile;
class QThread;

namespace sendguard {

class AuditLog;
class ConfirmationGate;
struct ConfirmationDecision;
class ControlServer;
class EncryptionService;
class LocalCredentials;
class MessageQueue;
class RecipientHistory;
class SmtpServer;
class Spool;
class Transport;

struct GuardOptions
{
    QString dataDir;
    Config config;
    bool forceDemo = false;
};

// The whole guard without any widget: spool, audit log, SMTP server, confirmation, hold queue and
// relay, wired together. The GUI and the command line sit on top of it.
class Guard : public QObject, public MessageIntake
{
    Q_OBJECT

public:
    explicit Guard(const GuardOptions& options, QObject* parent = nullptr);
    ~Guard() override;

    // The gate must outlive the Guard. Set before start().
    void setConfirmationGate(ConfirmationGate* gate) { m_gate = gate; }
    // Opens everything and starts listening. On failure `error` says why and `exitCode` which
    // exit code the command line should use.
    bool start(QString* error, int* exitCode);

    MessageQueue* queue() const { return m_queue; }
    QString listenAddress() const;
    QString transportDescription() const;
    const QString& dataDir() const { return m_options.dataDir; }
    const Config& config() const { return m_options.config; }
    // The spooled message file of a queued message.
    QString messagePath(const QString& id) const;

    void prepare(ReceivedMessage& message) const override;
    void submit(const ReceivedMessage& message,
                std::function<void(const SmtpReply&)> reply) override;
    void abandoned(const QString& id) override;

Q_SIGNALS:
    // A message reached the hold queue (for notifications).
    void messageHeld(const QString& id);
    // Another start of SendGuard for the same data folder asked to show the window (for
    // desktops without a tray, where the application menu is the way back in).
    void showRequested();

private:
    void recordAccepted(const QueueEntry& entry);
    void answerAwaiting(const QString& id, const ConfirmationDecision& decision);
    // Takes the recipients the user removed out of `entry` (RecipientRemoval: envelope, To/Cc,
    // encryption planned anew) and records it in the audit log. `refusal` becomes why the
    // message still cannot be sent as it must be (encryption impossible), empty when it can.
    // False, with `error` and `entry` unchanged, when it cannot be done (nothing would be left,
    // or the message file cannot be read again): then the message must not be sent.
    bool removeRecipients(QueueEntry* entry, const QStringList& removed, const QString& path,
                          QString* refusal, QString* error);
    // Moves a confirmed message into the queue durably, then tells the client 250.
    void acceptIntoQueue(const QueueEntry& entry, bool keptVisible,
                         std::function<void(const SmtpReply&)> reply);
    void restoreQueue(QList<QueueEntry>& recovered);
    void handleControl(const QJsonObject& request, std::function<void(const QJsonObject&)> reply);

    GuardOptions m_options;
    ConfirmationGate* m_gate = nullptr;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<LocalCredentials> m_credentials;
    std::unique_ptr<RecipientHistory> m_history;
    Spool* m_spool = nullptr;
    AuditLog* m_audit = nullptr;
    Transport* m_transport = nullptr; // lives on m_relayThread
    QThread* m_relayThread = nullptr;
    MessageQueue* m_queue = nullptr;
    EncryptionService* m_encryption = nullptr;
    SmtpServer* m_server = nullptr;
    ControlServer* m_control = nullptr;
    // Messages whose client waits for the confirm step: what to do if it hangs up.
    QHash<QString, std::function<void()>> m_clientGone;
};

} // namespace sendguard
