// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageQueue.h"

#include "AuditLog.h"
#include "EncryptionService.h"
#include "Spool.h"
#include "Transport.h"

#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QPointer>
#include <algorithm>

Q_LOGGING_CATEGORY(lcQueue, "sendguard.queue", QtInfoMsg)

namespace sendguard {

namespace {

// The transaction as a whole failed for the time being (no connection, TLS, MAIL FROM, DATA, a
// dropped line): every recipient was deferred with the reply that decided the attempt. The next
// copy would meet the same fate, so the attempt ends there. A deferral of one recipient (RCPT
// 4xx) does not hold up the other recipients' copies.
bool transactionFailed(const DeliveryResult& result)
{
    for (const auto& r : result.recipients) {
        if (r.outcome != DeliveryResult::Outcome::Deferred || r.reply != result.summary)
            return false;
    }
    return true;
}

} // namespace

MessageQueue::MessageQueue(const RelayConfig& relay, Spool* spool, Transport* transport,
                           AuditLog* audit, QObject* parent)
    : QObject(parent), m_relay(relay), m_spool(spool), m_transport(transport), m_audit(audit)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &MessageQueue::onTimer);
    connect(m_transport, &Transport::finished, this, &MessageQueue::onDeliveryFinished);
    m_expiry.setInterval(60 * 60 * 1000);
    m_expiry.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_expiry, &QTimer::timeout, this, &MessageQueue::expireOld);
    m_expiry.start();
}

void MessageQueue::setKeepDays(int days)
{
    m_keepDays = qMax(1, days);
}

void MessageQueue::expireOld()
{
    const QDateTime limit = QDateTime::currentDateTimeUtc().addDays(-m_keepDays);
    QStringList expired;
    for (const QueueEntry& e : std::as_const(m_entries)) {
        if (e.state != MessageState::Recalled && e.state != MessageState::Failed)
            continue;
        // The last time anything happened to it.
        QDateTime last = e.createdAt;
        for (const QDateTime& t : {e.releaseAt, e.nextAttemptAt}) {
            if (t.isValid() && (!last.isValid() || t > last))
                last = t;
        }
        if (last.isValid() && last < limit)
            expired << e.id;
    }
    for (const QString& id : std::as_const(expired)) {
        const QueueEntry entry = m_entries.take(id);
        m_audit->record(
            QStringLiteral("expired"), entry,
            {{QStringLiteral("detail"), QStringLiteral("%1 message kept for %2 days, then removed")
                                            .arg(messageStateName(entry.state))
                                            .arg(m_keepDays)}});
        m_spool->finish(entry, [id](bool ok, const QString& error) {
            if (!ok)
                qCCritical(lcQueue).noquote()
                    << "cannot remove expired message" << id << ":" << error;
        });
        Q_EMIT entryRemoved(id);
    }
}

void MessageQueue::restore(const QList<QueueEntry>& entries)
{
    for (QueueEntry e : entries) {
        if (e.state == MessageState::Relaying) {
            // The attempt was cut off; whether the upstream got it is unknown, so try again.
            e.state = MessageState::Retrying;
            e.nextAttemptAt = QDateTime::currentDateTimeUtc();
        }
        m_entries.insert(e.id, e);
        Q_EMIT entryChanged(e);
    }
    expireOld();
    schedule();
}

void MessageQueue::add(const QueueEntry& entry)
{
    m_entries.insert(entry.id, entry);
    Q_EMIT entryChanged(entry);
    schedule();
}

QList<QueueEntry> MessageQueue::entries() const
{
    return m_entries.values();
}

int MessageQueue::heldCount() const
{
    int n = 0;
    for (const QueueEntry& e : m_entries) {
        if (e.state == MessageState::Held || e.state == MessageState::AwaitingConfirmation)
            ++n;
    }
    return n;
}

QDateTime MessageQueue::nextRelease() const
{
    QDateTime next;
    for (const QueueEntry& e : m_entries) {
        if (e.state == MessageState::Held && !e.releasePaused && e.releaseAt.isValid() &&
            (!next.isValid() || e.releaseAt < next))
            next = e.releaseAt;
    }
    return next;
}

QStringList MessageQueue::pausedIds() const
{
    QStringList ids;
    for (const QueueEntry& e : m_entries) {
        if (e.state == MessageState::Held && e.releasePaused)
            ids << e.id;
    }
    return ids;
}

void MessageQueue::answer(const QString& id, bool approved, const QString& by, bool keepVisible,
                          int holdSeconds, Done done, const Adjust& adjust)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end()) {
        done(false, tr("no message %1 in the queue").arg(id));
        return;
    }
    QueueEntry& entry = *it;
    if (entry.state != MessageState::AwaitingConfirmation) {
        // Released or recalled from the queue window or the command line in the meantime:
        // that choice stands.
        done(false, tr("message %1 is no longer waiting for confirmation").arg(id));
        return;
    }
    QString notSent;
    if (approved && adjust) {
        QueueEntry adjusted = entry;
        if (adjust(adjusted, &notSent))
            entry = adjusted;
        else if (notSent.isEmpty())
            notSent = QStringLiteral("the user's changes could not be applied");
    }
    if (!approved || !notSent.isEmpty()) {
        entry.state = MessageState::Recalled;
        m_audit->record(QStringLiteral("recalled"), entry,
                        {{QStringLiteral("detail"),
                          approved ? QStringLiteral("confirmed in the confirm dialog after the "
                                                    "mail program had been answered, but not "
                                                    "sent: %1")
                                         .arg(notSent)
                                   : QStringLiteral("cancelled in the confirm dialog after the "
                                                    "mail program had been answered")},
                         {QStringLiteral("by"), by}});
    } else {
        entry.state = MessageState::Held;
        entry.confirmedBy = by;
        entry.holdSeconds = holdSeconds;
        entry.releaseAt = QDateTime::currentDateTimeUtc().addSecs(holdSeconds);
        if (keepVisible && !entry.editsKeepingVisible.isEmpty()) {
            entry.edits = entry.editsKeepingVisible;
            m_audit->record(
                QStringLiteral("kept_visible"), entry,
                {{QStringLiteral("moved"), entry.analysis.value(QStringLiteral("moved_to_bcc"))}});
        }
        m_audit->record(QStringLiteral("confirmed"), entry, {{QStringLiteral("detail"), by}});
        m_audit->record(
            QStringLiteral("held"), entry,
            {{QStringLiteral("release_at"), entry.releaseAt.toString(Qt::ISODateWithMs)}});
    }
    persist(entry, done);
    Q_EMIT entryChanged(entry);
    schedule();
}

QDateTime MessageQueue::nextRetry(int attempts) const
{
    qint64 delay = m_relay.retryInitialSeconds;
    for (int i = 1; i < attempts && delay < m_relay.retryMaxIntervalSeconds; ++i)
        delay *= 2;
    delay = qMin<qint64>(delay, m_relay.retryMaxIntervalSeconds);
    return QDateTime::currentDateTimeUtc().addSecs(delay);
}

void MessageQueue::schedule()
{
    QDateTime next;
    for (const QueueEntry& e : std::as_const(m_entries)) {
        QDateTime due;
        if (e.state == MessageState::Held && !e.releasePaused)
            due = e.releaseAt;
        else if (e.state == MessageState::Retrying)
            due = e.nextAttemptAt;
        else
            continue;
        if (!due.isValid())
            due = QDateTime::currentDateTimeUtc();
        if (!next.isValid() || due < next)
            next = due;
    }
    if (!next.isValid()) {
        m_timer.stop();
        return;
    }
    const qint64 ms = qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(next));
    m_timer.start(int(qMin<qint64>(ms, 60 * 60 * 1000)));
}

void MessageQueue::onTimer()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList due;
    for (const QueueEntry& e : std::as_const(m_entries)) {
        if ((e.state == MessageState::Held && !e.releasePaused &&
             (!e.releaseAt.isValid() || e.releaseAt <= now)) ||
            (e.state == MessageState::Retrying &&
             (!e.nextAttemptAt.isValid() || e.nextAttemptAt <= now)))
            due << e.id;
    }
    for (const QString& id : std::as_const(due))
        startRelay(m_entries[id]);
    schedule();
}

void MessageQueue::startRelay(QueueEntry& entry)
{
    entry.state = MessageState::Relaying;
    entry.attempts += 1;
    const EncryptionTask& task = entry.encryption;
    if (!task.isNeeded() || entry.sentUnencrypted) {
        deliver(entry, -1);
        return;
    }
    // Each copy encrypted once, durably, before it is relayed; never sent in clear instead.
    Q_EMIT entryChanged(entry);
    if (task.method.isEmpty()) {
        encryptionFailed(entry, task.reason.isEmpty()
                                    ? tr("no encryption method can be used for every recipient")
                                    : task.reason);
        return;
    }
    if (!m_encryption) {
        encryptionFailed(entry, tr("encryption is not available"));
        return;
    }
    m_rounds.insert(entry.id, CopyRound{});
    if (task.isPlanned()) {
        nextCopy(entry);
        return;
    }
    // The copies are decided now, from the header as it is relayed (after the header edits,
    // which the user's "keep visible" may have changed), and never again for this message.
    EncryptionJob job;
    job.id = entry.id;
    job.source = m_spool->bodyPath(entry.id);
    job.edits = entry.edits;
    job.method = task.method;
    QPointer<MessageQueue> self(this);
    m_encryption->planCopies(
        job, entry.recipientAddresses(),
        [self, id = entry.id](const QList<EncryptedCopy>& copies, const QString& error) {
            if (self)
                self->onCopiesPlanned(id, copies, error);
        });
}

void MessageQueue::onCopiesPlanned(const QString& id, const QList<EncryptedCopy>& copies,
                                   const QString& error)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end() || it->state != MessageState::Relaying || !m_rounds.contains(id))
        return;
    if (!error.isEmpty()) {
        qCWarning(lcQueue).noquote() << "cannot encrypt" << id << ":" << error;
        encryptionFailed(*it, error);
        return;
    }
    it->encryption.copies = copies;
    nextCopy(*it);
}

void MessageQueue::nextCopy(QueueEntry& entry)
{
    CopyRound& round = m_rounds[entry.id];
    const QList<EncryptedCopy>& copies = entry.encryption.copies;
    int next = round.copy + 1;
    while (next < copies.size() && entry.pendingAmong(copies.at(next).recipients).isEmpty())
        ++next;
    if (next >= copies.size()) {
        const CopyRound done = m_rounds.take(entry.id);
        settle(entry, done.summary, done.refused);
        return;
    }
    round.copy = next;
    if (copies.at(next).done)
        deliver(entry, next);
    else
        encryptCopy(entry, next);
}

void MessageQueue::encryptCopy(QueueEntry& entry, int copy)
{
    const EncryptionTask& task = entry.encryption;
    EncryptionJob job;
    job.id = entry.id;
    job.source = m_spool->bodyPath(entry.id);
    job.edits = entry.edits;
    job.mode = task.mode;
    job.method = task.method;
    job.to = task.copies.at(copy).recipients;
    job.workDir = m_spool->tmpFolder();
    job.target = m_spool->encryptedPath(entry.id, copy);
    QPointer<MessageQueue> self(this);
    m_encryption->encrypt(job, task.sender, [self, copy](const EncryptionResult& result) {
        if (self)
            self->onEncrypted(result, copy);
    });
}

void MessageQueue::encryptionFailed(QueueEntry& entry, const QString& why)
{
    m_rounds.remove(entry.id);
    entry.state = MessageState::Failed;
    entry.lastError = tr("not sent: encryption failed: %1").arg(why);
    m_audit->record(QStringLiteral("encryption_failed"), entry,
                    {{QStringLiteral("detail"), why},
                     {QStringLiteral("method"), entry.encryption.method},
                     {QStringLiteral("mode"), entry.encryption.mode}});
    m_audit->record(QStringLiteral("failed"), entry, {{QStringLiteral("reply"), entry.lastError}});
    persist(entry);
    Q_EMIT entryChanged(entry);
    schedule();
}

void MessageQueue::onEncrypted(const EncryptionResult& result, int copy)
{
    auto it = m_entries.find(result.id);
    const auto round = m_rounds.constFind(result.id);
    if (it == m_entries.end() || it->state != MessageState::Relaying || round == m_rounds.cend() ||
        round->copy != copy) {
        // Nobody waits for this copy any more: unrecorded, it goes.
        const bool recorded = it != m_entries.end() && copy < it->encryption.copies.size() &&
                              it->encryption.copies.at(copy).done;
        if (!recorded)
            QFile::remove(m_spool->encryptedPath(result.id, copy));
        return;
    }
    QueueEntry& entry = *it;
    if (!result.ok) {
        qCWarning(lcQueue).noquote() << "cannot encrypt" << entry.id << ":" << result.error;
        encryptionFailed(entry, result.error);
        return;
    }
    EncryptionTask& task = entry.encryption;
    EncryptedCopy& made = task.copies[copy];
    made.done = true;
    made.size = result.size;
    made.crc32 = result.crc32;
    // Mode "attachments", but the message is signed: encrypted whole (by the plan, or by the
    // encryptor, which looks again).
    const bool wholeBecauseSigned =
        result.wholeBecauseSigned ||
        EncryptionPlan::fromJson(entry.analysis.value(QStringLiteral("encryption")).toObject())
            .wholeBecauseSigned;
    if (result.wholeBecauseSigned)
        task.mode = QStringLiteral("message"); // what is done, also for the other copies
    const QString method = EncryptionService::methodLabel(task.method);
    QString what;
    if (task.mode != QLatin1String("message"))
        what = QStringLiteral("%1, %2 attachment(s)").arg(method).arg(result.parts);
    else if (wholeBecauseSigned && result.signatureKept)
        what = QStringLiteral("%1, whole message instead of its attachments: the message is "
                              "signed, and replacing attachments would break its signature")
                   .arg(method);
    else
        what = QStringLiteral("%1, whole message").arg(method);
    const int bccCopies = int(std::count_if(task.copies.cbegin(), task.copies.cend(),
                                            [](const EncryptedCopy& c) { return c.bcc; }));
    if (task.copies.size() > 1)
        what += made.bcc ? QStringLiteral("; copy %1 of %2, for one Bcc recipient only")
                               .arg(copy + 1)
                               .arg(task.copies.size())
                         : QStringLiteral("; copy %1 of %2, for the %3 recipient(s) shown in "
                                          "To/Cc (each of the %4 Bcc recipient(s) gets a copy "
                                          "of their own)")
                               .arg(copy + 1)
                               .arg(task.copies.size())
                               .arg(made.recipients.size())
                               .arg(bccCopies);
    QJsonObject extra{
        {QStringLiteral("detail"), what},
        {QStringLiteral("method"), task.method},
        {QStringLiteral("mode"), task.mode},
        {QStringLiteral("encrypted_to"), QJsonArray::fromStringList(result.to)},
        {QStringLiteral("sender_included"), result.senderIncluded},
        {QStringLiteral("encrypted_size"), result.size},
        {QStringLiteral("copy"), copy + 1},
        {QStringLiteral("copies"), int(task.copies.size())},
        {QStringLiteral("bcc_copies"), bccCopies},
        {QStringLiteral("copy_kind"), made.bcc ? QStringLiteral("bcc") : QStringLiteral("visible")},
        {QStringLiteral("copy_recipients"), int(made.recipients.size())}};
    if (result.signatureKept)
        extra.insert(QStringLiteral("signed"), true);
    if (wholeBecauseSigned && result.signatureKept)
        extra.insert(QStringLiteral("requested_mode"), QStringLiteral("attachments"));
    m_audit->record(QStringLiteral("encrypted"), entry, extra);
    // Relayed once the record of the encrypted copy is on disk: a restart then relays this very
    // file instead of encrypting again.
    QPointer<MessageQueue> self(this);
    persist(entry, [self, id = entry.id, copy](bool, const QString&) {
        if (!self)
            return;
        auto it = self->m_entries.find(id);
        const auto round = self->m_rounds.constFind(id);
        if (it != self->m_entries.end() && it->state == MessageState::Relaying &&
            round != self->m_rounds.cend() && round->copy == copy)
            self->deliver(*it, copy);
    });
    Q_EMIT entryChanged(entry);
}

void MessageQueue::deliver(QueueEntry& entry, int copy)
{
    entry.state = MessageState::Relaying;
    Q_EMIT entryChanged(entry);
    DeliveryJob job;
    job.id = entry.id;
    job.path = m_spool->bodyPath(entry.id);
    job.envelopeFrom = entry.envelopeFrom;
    job.recipients = entry.pendingAddresses();
    job.edits = entry.edits;
    job.bodyIs8Bit = entry.bodyIs8Bit;
    job.smtpUtf8 = entry.smtpUtf8;
    job.size = entry.size;
    if (copy >= 0) {
        // An encrypted copy, to its own pending recipients only; it already carries the header
        // edits.
        const EncryptedCopy& c = entry.encryption.copies.at(copy);
        job.path = m_spool->encryptedPath(entry.id, copy);
        job.recipients = entry.pendingAmong(c.recipients);
        job.edits.clear();
        job.size = c.size;
    }
    // The transport lives on its own thread.
    QMetaObject::invokeMethod(
        m_transport, [t = m_transport, job] { t->deliver(job); }, Qt::QueuedConnection);
}

void MessageQueue::persist(const QueueEntry& entry, Done done)
{
    const QString id = entry.id;
    m_spool->update(entry, [id, done](bool ok, const QString& error) {
        if (!ok)
            qCCritical(lcQueue).noquote()
                << "cannot record the state of" << id << "on disk:" << error;
        if (done)
            done(ok, error);
    });
}

void MessageQueue::dropCopyFile(const QString& id, int copy)
{
    const auto it = m_entries.constFind(id);
    if (it != m_entries.cend() && copy < it->encryption.copies.size()) {
        const EncryptedCopy& c = it->encryption.copies.at(copy);
        if (c.done || !it->pendingAmong(c.recipients).isEmpty())
            return; // needed again (sent again by the user), or made anew meanwhile
    }
    QFile::remove(m_spool->encryptedPath(id, copy));
}

void MessageQueue::onDeliveryFinished(const DeliveryResult& result)
{
    auto it = m_entries.find(result.id);
    if (it == m_entries.end())
        return;
    QueueEntry& entry = *it;
    const auto round = m_rounds.find(entry.id);
    const int copy = round != m_rounds.end() ? round->copy : -1;
    QStringList delivered;
    QStringList refused;
    for (const auto& outcome : result.recipients) {
        for (Recipient& r : entry.recipients) {
            if (r.address != outcome.address || r.status != Recipient::Status::Pending)
                continue;
            r.reply = outcome.reply;
            if (outcome.outcome == DeliveryResult::Outcome::Delivered) {
                r.status = Recipient::Status::Delivered;
                delivered << r.address;
            } else if (outcome.outcome == DeliveryResult::Outcome::Refused) {
                r.status = Recipient::Status::Refused;
                refused << r.address + QStringLiteral(": ") + outcome.reply;
            }
        }
    }
    if (!delivered.isEmpty())
        Q_EMIT this->delivered(delivered);
    if (!delivered.isEmpty()) {
        QJsonObject extra{{QStringLiteral("reply"), result.summary},
                          {QStringLiteral("delivered_to"), QJsonArray::fromStringList(delivered)},
                          {QStringLiteral("attempt"), entry.attempts}};
        if (copy >= 0) {
            extra.insert(QStringLiteral("copy"), copy + 1);
            extra.insert(QStringLiteral("copies"), int(entry.encryption.copies.size()));
        }
        m_audit->record(QStringLiteral("relayed"), entry, extra);
    }
    if (copy < 0) {
        settle(entry, result.summary, refused);
        return;
    }

    // One copy of several: its recipients are done with, or some wait for the next attempt.
    round->refused += refused;
    EncryptedCopy& c = entry.encryption.copies[copy];
    const bool copyPending = !entry.pendingAmong(c.recipients).isEmpty();
    if (copyPending)
        round->summary = result.summary;
    Done drop;
    if (!copyPending && c.done) {
        // Everyone it is for has it (or refused it): the file goes once that is on disk. Sent
        // again by the user, it is encrypted anew.
        c = {c.recipients, c.bcc, false, 0, 0};
        QPointer<MessageQueue> self(this);
        drop = [self, id = entry.id, copy](bool ok, const QString&) {
            if (self && ok)
                self->dropCopyFile(id, copy);
        };
    }
    if (entry.state == MessageState::Relaying && !transactionFailed(result)) {
        persist(entry, drop);
        Q_EMIT entryChanged(entry);
        nextCopy(entry);
        return;
    }
    // The upstream cannot take anything now: the other copies wait for the next attempt.
    const CopyRound done = m_rounds.take(entry.id);
    settle(entry, done.summary.isEmpty() ? result.summary : done.summary, done.refused, drop);
}

void MessageQueue::settle(QueueEntry& entry, const QString& summary, const QStringList& refused,
                          Done persisted)
{
    const bool recalledMeanwhile = entry.state == MessageState::Recalled;
    if (!entry.hasPending()) {
        if (entry.hasRefused()) {
            entry.state = MessageState::Failed;
            entry.lastError = refused.isEmpty() ? summary : refused.join(QStringLiteral("; "));
            m_audit->record(QStringLiteral("failed"), entry,
                            {{QStringLiteral("reply"), entry.lastError}});
            persist(entry, persisted);
            Q_EMIT entryChanged(entry);
        } else {
            entry.state = MessageState::Sent;
            entry.lastError.clear();
            const QueueEntry done = entry;
            m_entries.remove(done.id);
            // Removes the message file and every encrypted copy.
            m_spool->finish(done, [id = done.id](bool ok, const QString& error) {
                if (!ok)
                    qCCritical(lcQueue).noquote()
                        << "cannot record that" << id << "was sent:" << error;
            });
            Q_EMIT entryChanged(done);
            Q_EMIT entryRemoved(done.id);
        }
        schedule();
        return;
    }

    entry.lastError = summary;
    if (!refused.isEmpty())
        entry.lastError +=
            QStringLiteral(" (refused: ") + refused.join(QStringLiteral("; ")) + QLatin1Char(')');
    const qint64 age = entry.createdAt.secsTo(QDateTime::currentDateTimeUtc());
    if (recalledMeanwhile) {
        // Recalled while the attempt was under way: what was delivered is recorded above.
    } else if (age >= m_relay.maxAgeSeconds) {
        entry.state = MessageState::Failed;
        entry.lastError = tr("gave up after %1 attempts: %2").arg(entry.attempts).arg(summary);
        m_audit->record(QStringLiteral("failed"), entry,
                        {{QStringLiteral("reply"), entry.lastError}});
    } else {
        entry.state = MessageState::Retrying;
        entry.nextAttemptAt = nextRetry(entry.attempts);
        m_audit->record(
            QStringLiteral("retry"), entry,
            {{QStringLiteral("reply"), summary},
             {QStringLiteral("attempt"), entry.attempts},
             {QStringLiteral("next_attempt_at"), entry.nextAttemptAt.toString(Qt::ISODateWithMs)}});
    }
    persist(entry, persisted);
    Q_EMIT entryChanged(entry);
    schedule();
}

void MessageQueue::release(const QString& id, Done done)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end()) {
        done(false, tr("no message %1 in the queue").arg(id));
        return;
    }
    QueueEntry& entry = *it;
    switch (entry.state) {
    case MessageState::Relaying:
        done(false, tr("message %1 is being relayed right now").arg(id));
        return;
    case MessageState::Sent:
        done(false, tr("message %1 has already been sent").arg(id));
        return;
    case MessageState::Failed:
    case MessageState::Recalled:
        // Sending again: refused recipients get another chance, and the age limit starts anew.
        for (Recipient& r : entry.recipients) {
            if (r.status == Recipient::Status::Refused)
                r.status = Recipient::Status::Pending;
        }
        entry.createdAt = QDateTime::currentDateTimeUtc();
        break;
    case MessageState::AwaitingConfirmation:
        // Releasing by hand ("Send now", `queue release`) is a confirmation by the user.
        entry.confirmedBy = QStringLiteral("user");
        m_audit->record(QStringLiteral("confirmed"), entry,
                        {{QStringLiteral("detail"), QStringLiteral("released by the user")}});
        break;
    case MessageState::Held:
    case MessageState::Retrying:
        break;
    }
    entry.state = MessageState::Held;
    entry.releasePaused = false;
    entry.releaseAt = QDateTime::currentDateTimeUtc();
    m_audit->record(QStringLiteral("released"), entry);
    persist(entry);
    startRelay(entry);
    schedule();
    done(true, {});
}

void MessageQueue::recall(const QString& id, Done done)
{
    auto it = m_entries.find(id);
    if (it == m_entries.end()) {
        done(false, tr("no message %1 in the queue (it may have been sent already)").arg(id));
        return;
    }
    QueueEntry& entry = *it;
    switch (entry.state) {
    case MessageState::Relaying:
        done(false,
             tr("message %1 is being relayed right now and can no longer be recalled").arg(id));
        return;
    case MessageState::Recalled:
        done(true, {});
        return;
    case MessageState::Sent:
        done(false, tr("message %1 has already been sent").arg(id));
        return;
    default:
        break;
    }
    entry.state = MessageState::Recalled;
    m_audit->record(QStringLiteral("recalled"), entry);
    persist(entry, done);
    Q_EMIT entryChanged(entry);
    schedule();
}

} // namespace sendguard
