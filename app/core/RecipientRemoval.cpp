// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecipientRemoval.h"

#include "MessageAnalyzer.h"

#include <QJsonArray>

namespace sendguard {

namespace {

bool listed(const QStringList& addresses, const QString& address)
{
    return addresses.contains(address, Qt::CaseInsensitive);
}

} // namespace

bool RecipientRemoval::apply(QueueEntry* entry, const QStringList& removed,
                             const QString& messagePath, const Planner& planner, Outcome* outcome)
{
    Outcome out;
    Verdict verdict = Verdict::fromJson(entry->analysis);
    out.before = verdict.encryption;
    out.after = verdict.encryption;
    QList<Recipient> kept;
    for (const Recipient& r : std::as_const(entry->recipients)) {
        if (listed(removed, r.address))
            out.removed << r.address;
        else
            kept << r;
    }
    for (const Recipient& r : std::as_const(kept))
        out.remaining << r.address;
    if (out.removed.isEmpty()) {
        *outcome = out;
        return true;
    }
    if (kept.isEmpty()) {
        out.error = QStringLiteral("every recipient was removed, so there is nothing to send");
        *outcome = out;
        return false;
    }
    RecipientEdits edits;
    QString error;
    if (!MessageAnalyzer::editsWithout(messagePath, verdict.movedToBcc, out.removed, &edits,
                                       &error)) {
        out.error = QStringLiteral("the To/Cc headers cannot be written without the removed "
                                   "recipients: %1")
                        .arg(error);
        *outcome = out;
        return false;
    }

    QList<RecipientInfo> infos;
    for (const RecipientInfo& info : std::as_const(verdict.recipients)) {
        if (!listed(out.removed, info.address))
            infos << info;
    }
    verdict.recipients = infos;
    QStringList moved;
    for (const QString& address : std::as_const(verdict.movedToBcc)) {
        if (!listed(out.removed, address))
            moved << address;
    }
    verdict.movedToBcc = moved;
    if (moved.isEmpty())
        verdict.bccReason.clear();
    if (planner)
        verdict.encryption = planner(verdict);
    out.after = verdict.encryption;

    QJsonArray gone = entry->analysis.value(QStringLiteral("removed_recipients")).toArray();
    for (const QString& address : std::as_const(out.removed))
        gone.append(address);
    entry->analysis = verdict.toJson();
    entry->analysis.insert(QStringLiteral("removed_recipients"), gone);
    entry->recipients = kept;
    entry->edits = edits.edits;
    entry->editsKeepingVisible = edits.editsKeepingVisible;
    QStringList to;
    for (const QString& address : std::as_const(entry->encryption.to)) {
        if (!listed(out.removed, address))
            to << address;
    }
    entry->encryption.to = to;
    *outcome = out;
    return true;
}

} // namespace sendguard
