// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "QueueEntry.h"

#include <QStringList>
#include <functional>

namespace sendguard {

// Takes recipients the user removed in the confirm dialog out of a message that has not been
// sent yet: out of the envelope, out of the encryption's recipients, out of the To/Cc headers on
// the way out (the header edits made anew by MessageAnalyzer::editsWithout) and out of the
// analysis, whose encryption plan is then made anew for the recipients left. What the new plan
// means for the message (encrypted, refused) is for the caller to decide.
class RecipientRemoval
{
public:
    // The encryption plan for an analysis (EncryptionService::plan).
    using Planner = std::function<EncryptionPlan(const Verdict&)>;

    struct Outcome
    {
        QStringList removed;   // the envelope addresses taken out
        QStringList remaining; // the envelope addresses left
        EncryptionPlan before; // the plan the user saw
        EncryptionPlan after;  // the plan for the recipients left
        QString error;         // why nothing was changed (English)
    };

    // Changes `entry` only when it returns true. Addresses that are not envelope recipients are
    // ignored; when none is, nothing changes (true, `removed` empty). Removing every recipient is
    // refused: there would be nothing to send. The analysis gets "removed_recipients".
    static bool apply(QueueEntry* entry, const QStringList& removed, const QString& messagePath,
                      const Planner& planner, Outcome* outcome);
};

} // namespace sendguard
