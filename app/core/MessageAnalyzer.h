// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Config.h"
#include "Verdict.h"

#include <QString>
#include <QStringList>

namespace sendguard {

class RecipientHistory;

// Makes GMime ready for use; safe to call any number of times from any thread.
void ensureMimeLibrary();

// What the analysis needs besides the message file.
struct AnalysisInput
{
    QString path;
    // The bytes of the file at `path` when the caller has them in memory (small messages):
    // parsed from there instead of the file. Empty: the file is read.
    QByteArray content;
    QString envelopeFrom;
    QStringList recipients; // RCPT TO, the truth of who receives the message
    PolicyConfig policy;
    const RecipientHistory* history = nullptr; // may be null: nobody is "first time"
};

// The header edits of a message whose recipients changed after it was analysed.
struct RecipientEdits
{
    QList<HeaderEdit> edits; // Verdict::edits for the recipients left
    // Verdict::editsKeepingVisible for the recipients left; empty when nothing moves.
    QList<HeaderEdit> editsKeepingVisible;
};

// Reads a spooled message with GMime, streaming from the file, and produces its Verdict:
// recipients classified (To/Cc/Bcc, internal/external, look-alike, first-time, blocked),
// attachments, keyword hits, the planned move to Bcc and the header edits that carry it out.
// Hostile input gives a verdict with `parsed == false` and a reason, never a crash.
class MessageAnalyzer
{
public:
    static constexpr int MaxParts = 10000;
    static constexpr int MaxDepth = 64;
    static constexpr qint64 MaxTextScanned = 4 * 1024 * 1024; // for keyword rules on bodies
    static constexpr qint64 MaxHeaderBlock = 16 * 1024 * 1024;

    static Verdict analyze(const AnalysisInput& input);

    // The key an envelope address and a header mailbox are compared by: the local part without
    // RFC 5322 quoting, the domain in normal form, all lower-case.
    static QString addressKey(const QString& address);

    // The header edits for the message at `path` once the `removed` recipients (the user took
    // them out in the confirm dialog) no longer receive it: every Bcc field removed, and To/Cc
    // written anew by GMime, as for the move to Bcc, without the removed mailboxes and without
    // those of `movedToBcc` (Verdict::movedToBcc; in `editsKeepingVisible` they stay). A removed
    // address that was only in Bcc changes nothing here. False, with the reason, when the file
    // cannot be read as it was when analysed.
    static bool editsWithout(const QString& path, const QStringList& movedToBcc,
                             const QStringList& removed, RecipientEdits* out, QString* error);
};

} // namespace sendguard
