// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "QueueEntry.h"
#include "Verdict.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sendguard {

// Decides the encrypted copies of a message (EncryptionTask::copies). An encrypted message names
// the key of everyone it is encrypted to (CMS RecipientInfos, OpenPGP key IDs), and every
// recipient can read those names. So a recipient whom the To/Cc headers do not show — a Bcc
// recipient, or one SendGuard moved to Bcc — gets a copy of their own: one copy for the
// recipients the headers show as relayed (after the header edits), one per other recipient.
// Without such recipients there is one copy for everyone.
class CopyPlanner
{
public:
    // The copies for the message at `source` with `edits` applied, for the envelope recipients
    // `envelope`. False, with the reason, when the header cannot be read.
    static bool plan(const QString& source, const QList<HeaderEdit>& edits,
                     const QStringList& envelope, QList<EncryptedCopy>* copies, QString* error);

    // The mailboxes of the To and Cc fields (groups included) of the message at `source` as it
    // is relayed, i.e. with `edits` applied.
    static bool shownAddresses(const QString& source, const QList<HeaderEdit>& edits,
                               QStringList* shown, QString* error);

    // The copies for `envelope` when the headers show `shown`: the shown recipients together
    // first (if any), then each other one alone, in envelope order. Addresses are compared as
    // MessageAnalyzer compares them.
    static QList<EncryptedCopy> split(const QStringList& envelope, const QStringList& shown);
};

} // namespace sendguard
