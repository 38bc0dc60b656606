// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "QueueEntry.h"

#include <QString>
#include <functional>

namespace sendguard {

// The answer to "may this message be sent?".
struct ConfirmationDecision
{
    bool approved = false;
    QString by;     // "auto-confirm", "user", "no-display"
    QString reason; // shown to the mail client when not approved
};

// Asks for the send confirmation of one message. The answer may come later (a dialog); it must
// come exactly once.
class ConfirmationGate
{
public:
    using Answer = std::function<void(const ConfirmationDecision&)>;
    virtual ~ConfirmationGate() = default;
    virtual void confirm(const QueueEntry& entry, Answer answer) = 0;
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
    void confirm(const QueueEntry&, Answer answer) override
    {
        answer({false, QStringLiteral("no-display"),
                // SMTP reply text: English, 7-bit.
                QStringLiteral("SendGuard is running without a display, so nobody can confirm this "
                               "message; it was not sent")});
    }
};

} // namespace sendguard
