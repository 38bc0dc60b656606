// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Verdict.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace sendguard {

// Where a queued message stands. The names are part of the command-line contract.
enum class MessageState
{
    AwaitingConfirmation, // spooled and answered 250, but the user has not confirmed it yet
    Held,
    Relaying,
    Retrying,
    Failed,
    Recalled,
    Sent
};

QString messageStateName(MessageState state);
bool messageStateFromName(const QString& name, MessageState* state);

// One envelope recipient and how far its delivery has got.
struct Recipient
{
    enum class Status
    {
        Pending,
        Delivered,
        Refused
    };

    QString address;
    Status status = Status::Pending;
    QString reply; // the upstream's last words about this recipient

    bool operator==(const Recipient& other) const
    {
        return address == other.address && status == other.status && reply == other.reply;
    }
};

// One encrypted copy of a message: encrypted to exactly `recipients` (and the sender's own key)
// and relayed to them alone, in an SMTP transaction of its own. Its file is
// spool/queue/ID.enc.eml (the first copy) or ID.enc-N.eml (see Spool::encryptedPath), made once
// from the message as relayed and relayed as it is.
struct EncryptedCopy
{
    QStringList recipients; // envelope recipients
    bool bcc = false;       // a Bcc recipient's own copy (not shown in To/Cc as relayed)
    bool done = false;      // its file is complete and on disk (size, crc32)
    qint64 size = 0;
    quint32 crc32 = 0;

    bool operator==(const EncryptedCopy& o) const
    {
        return recipients == o.recipients && bcc == o.bcc && done == o.done && size == o.size &&
               crc32 == o.crc32;
    }
};

// The encryption a queued message gets before it is relayed (see EncryptionPlan), and, once the
// hold ends, its encrypted copies: one for the recipients the To/Cc headers show as relayed,
// and one per other (Bcc) recipient, so that no copy names a Bcc recipient's key to anyone else.
// Without Bcc recipients there is one copy.
struct EncryptionTask
{
    QString mode;          // "attachments" or "message"; empty: relayed as received
    QString method;        // "smime" or "openpgp"; empty: no method can encrypt it (it fails)
    QStringList to;        // the recipients' addresses to encrypt to
    QString sender;        // the sender's own address, added when its key is usable then
    bool required = false; // never relayed in clear (policy, or the user expects encryption)
    QString reason;        // why no method can be used, when `method` is empty

    // Decided from the header as relayed when the hold ends; empty until then. A copy whose
    // recipients are all delivered or refused has its file removed (done false again).
    QList<EncryptedCopy> copies;

    bool isNeeded() const { return !mode.isEmpty(); }
    bool isPlanned() const { return !copies.isEmpty(); }
    bool operator==(const EncryptionTask& o) const
    {
        return mode == o.mode && method == o.method && to == o.to && sender == o.sender &&
               required == o.required && reason == o.reason && copies == o.copies;
    }
};

// A message in the spool: envelope, facts read from its headers, and relay state.
// A plain value; Spool persists it as ID.json beside ID.eml.
struct QueueEntry
{
    QString id;
    MessageState state = MessageState::Held;
    QDateTime createdAt;
    QDateTime releaseAt; // when the hold ends
    QDateTime nextAttemptAt;
    int attempts = 0;
    QString lastError;

    QString envelopeFrom;
    QList<Recipient> recipients;
    QString authUser;
    bool bodyIs8Bit = false;
    bool smtpUtf8 = false;
    qint64 size = 0;
    quint32 crc32 = 0; // of the message file, so a file cut short by a crash is recognised

    QString subject; // decoded
    QString headerFrom;
    QString messageId;
    QString confirmedBy; // "auto-confirm" or "user"
    int holdSeconds = 0; // the hold the message was given when it was confirmed
    // The hold ended while SendGuard was not running, and policy.release_after_restart says
    // to wait for the user: not relayed until released by hand.
    bool releasePaused = false;
    // Changes to the header block on the way out (Bcc removed, To/Cc after a move to Bcc).
    QList<HeaderEdit> edits;
    // The same without the move to Bcc (only Bcc headers removed), for a user who keeps the
    // addresses visible where policy allows it; empty when nothing moves.
    QList<HeaderEdit> editsKeepingVisible;
    // Encryption before relaying (encryption.mode).
    EncryptionTask encryption;
    // Encryption was required but impossible, and the user chose to send it in clear
    // (encryption.allow_unencrypted_override).
    bool sentUnencrypted = false;
    // The analysis (Verdict::toJson()), shown by the dialog and `queue list --json`.
    QJsonObject analysis;
    // The start of the text, for the confirm dialog only: kept in memory, never written.
    QString bodyPreview;

    QStringList recipientAddresses() const;
    QStringList pendingAddresses() const;
    // Those of `addresses` that are still pending, in that order.
    QStringList pendingAmong(const QStringList& addresses) const;
    bool hasPending() const;
    bool hasRefused() const;

    QJsonObject toJson() const;
    // The same as compact JSON text, written directly (the spool journal's form: faster than
    // QJsonDocument(toJson())).
    QByteArray toJsonBytes() const;
    static bool fromJson(const QJsonObject& json, QueueEntry* entry, QString* error);

    // The public view used by `queue list --json`.
    QJsonObject toListJson() const;
};

// A fresh identifier that sorts by time and never repeats: 20261123T093211-4f3a2b1c.
QString newMessageId();
bool isValidMessageId(const QString& id);

} // namespace sendguard
