// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "QueueEntry.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace sendguard {

// The answer to "may this message be sent?".
struct ConfirmationDecision
{
    bool approved = false;
    QString by;     // "auto-confirm", "user", "no-display"
    QString reason; // shown to the mail client when not approved
    // The user chose to keep the addresses the policy would move to Bcc visible (only offered
    // where policy.allow_keep_visible is true).
    bool keepVisible = false;
    // Encryption was required but impossible, and the user explicitly chose to send in clear
    // (only offered where encryption.allow_unencrypted_override is true).
    bool sendUnencrypted = false;
    // Envelope recipients the user took out of the message (in the dialog: recipients without a
    // key where encryption is required). They do not receive it and are removed from To/Cc;
    // the rest of the decision is about the recipients left.
    QStringList removedRecipients = {};
};

// Asks for the send confirmation of one message. The answer may come later (a dialog); it must
// come exactly once.
class ConfirmationGate
{
public:
    using Answer = std::function<void(const ConfirmationDecision&)>;
    virtual ~ConfirmationGate() = default;
    virtual void confirm(const QueueEntry& entry, Answer answer) = 0;

    // The mail client could not wait any longer (policy.confirm_timeout_seconds) and got its
    // reply while the question about message `id` was still open. `deferred`: the message was
    // accepted and waits for the answer, which still counts; otherwise it was refused with a
    // temporary error and the answer no longer matters. The gate tells the user.
    virtual void clientReplied(const QString& id, bool deferred)
    {
        Q_UNUSED(id);
        Q_UNUSED(deferred);
    }
    // False when nobody can ever answer (no display): messages already waiting for an answer
    // then stay waiting rather than being asked about again.
    virtual bool canAskLater() const { return true; }
};

// --auto-confirm: every message is approved, and the audit log says so.
class AutoConfirmGate : public ConfirmationGate
{
public:
    void confirm(const QueueEntry&, Answer answer) override
    {
        answer({true, QStringLiteral("auto-confirm"), {}});
    }
};

// No display and no --auto-confirm: nobody can confirm, so nothing is sent unconfirmed.
class NoDisplayGate : public ConfirmationGate
{
public:
    bool canAskLater() const override { return false; }
    void confirm(const QueueEntry&, Answer answer) override
    {
        answer({false, QStringLiteral("no-display"),
                // SMTP reply text: English, 7-bit.
                QStringLiteral("SendGuard is running without a display, so nobody can confirm this "
                               "message; it was not sent")});
    }
};

} // namespace sendguard
