// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Config.h"
#include "Delivery.h"
#include "QueueEntry.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QTimer>
#include <functional>

namespace sendguard {

class AuditLog;
class EncryptionService;
struct EncryptionResult;
class Spool;
class Transport;

// The hold queue and the relay schedule: holds confirmed messages for the delay window, hands
// due ones to the Transport, retries transient failures with exponential backoff, and records
// every state change durably (Spool) and in the audit log before acting on it.
class MessageQueue : public QObject
{
    Q_OBJECT

public:
    MessageQueue(const RelayConfig& relay, Spool* spool, Transport* transport, AuditLog* audit,
                 QObject* parent = nullptr);

    // Where messages that are to be encrypted (QueueEntry::encryption) are encrypted, once,
    // before their first relay attempt. Without it they fail rather than leave in clear.
    void setEncryption(EncryptionService* encryption) { m_encryption = encryption; }

    // Takes the entries found in the spool at start.
    void restore(const QList<QueueEntry>& entries);
    // Takes a newly accepted (already durable) message.
    void add(const QueueEntry& entry);

    using Done = std::function<void(bool ok, const QString& error)>;
    // "Send now". Works on held, retrying, failed and recalled messages.
    void release(const QString& id, Done done);
    // Stops a message that has not been relayed yet; it is kept as "recalled". `done` runs once
    // the new state is on disk.
    void recall(const QString& id, Done done);
    // Changes the user's answer makes to a message before it is held (recipients removed);
    // false, with the reason, when the message must not be sent after all.
    using Adjust = std::function<bool(QueueEntry& entry, QString* why)>;
    // The user's late answer for a message that waits as "awaiting-confirmation": approved →
    // `adjust` applied, then held for `holdSeconds` (with the move to Bcc undone when
    // `keepVisible`); refused, or `adjust` failed → recalled (kept unchanged, so it can be
    // saved and sent again).
    void answer(const QString& id, bool approved, const QString& by, bool keepVisible,
                int holdSeconds, Done done, const Adjust& adjust = {});

    // Recalled and failed messages are kept this many days (policy.keep_days) so they can be
    // saved or sent again; then they go, with an "expired" line in the audit log.
    void setKeepDays(int days);
    void expireOld();

    QList<QueueEntry> entries() const;
    bool contains(const QString& id) const { return m_entries.contains(id); }
    // Messages held or awaiting confirmation (what the tray counts).
    int heldCount() const;
    // When the next held message is released; invalid when none is counting down.
    QDateTime nextRelease() const;
    // Held messages waiting for the user after a restart (policy.release_after_restart).
    QStringList pausedIds() const;

Q_SIGNALS:
    void entryChanged(const sendguard::QueueEntry& entry);
    void entryRemoved(const QString& id);
    // The upstream accepted the message for these recipients.
    void delivered(const QStringList& addresses);

private:
    // One attempt to relay a message that is encrypted: its copies (EncryptionTask::copies)
    // one after the other, each encrypted just before it is relayed (unless it already is) and
    // relayed to its own pending recipients in a transaction of its own.
    struct CopyRound
    {
        int copy = -1;       // the copy being encrypted or relayed
        QString summary;     // the last reply that left one of its recipients pending
        QStringList refused; // "address: reply", in this attempt
    };

    void schedule();
    void onTimer();
    void startRelay(QueueEntry& entry);
    void onCopiesPlanned(const QString& id, const QList<EncryptedCopy>& copies,
                         const QString& error);
    void nextCopy(QueueEntry& entry);
    void encryptCopy(QueueEntry& entry, int copy);
    void onEncrypted(const EncryptionResult& result, int copy);
    void encryptionFailed(QueueEntry& entry, const QString& why);
    // Hands the message (copy -1) or one encrypted copy to the transport.
    void deliver(QueueEntry& entry, int copy);
    void onDeliveryFinished(const DeliveryResult& result);
    // The attempt is over: sent, failed, or retried later. `persisted` runs once that is on
    // disk.
    void settle(QueueEntry& entry, const QString& summary, const QStringList& refused,
                Done persisted = {});
    // Removes the file of an encrypted copy nobody needs any more.
    void dropCopyFile(const QString& id, int copy);
    void persist(const QueueEntry& entry, Done done = {});
    QDateTime nextRetry(int attempts) const;

    RelayConfig m_relay;
    Spool* m_spool;
    Transport* m_transport;
    AuditLog* m_audit;
    EncryptionService* m_encryption = nullptr;
    QMap<QString, QueueEntry> m_entries;
    QHash<QString, CopyRound> m_rounds; // messages whose copies are being relayed
    QTimer m_timer;
    QTimer m_expiry;
    int m_keepDays = 14;
};

} // namespace sendguard
