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
    QString envelopeFrom;
    QStringList recipients; // RCPT TO, the truth of who receives the message
    PolicyConfig policy;
    const RecipientHistory* history = nullptr; // may be null: nobody is "first time"
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
};

} // namespace sendguard
