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

Q_LOGGING_CATEGORY(lcQueue, "sendguard.queue", QtInfoMsg)

namespace sendguard {

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
                          int holdSeconds, Done done)
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
    if (!approved) {
        entry.state = MessageState::Recalled;
        m_audit->record(QStringLiteral("recalled"), entry,
                        {{QStringLiteral("detail"),
                          QStringLiteral("cancelled in the confirm dialog after the mail "
                                         "program had been answered")},
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
    const EncryptionTask& task = entry.encryption;
    if (!task.isNeeded() || task.done || entry.sentUnencrypted) {
        deliver(entry);
        return;
    }
    // Encrypted once, durably, before the first attempt; never sent in clear instead.
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
    EncryptionJob job;
    job.id = entry.id;
    job.source = m_spool->bodyPath(entry.id);
    job.edits = entry.edits;
    job.mode = task.mode;
    job.method = task.method;
    job.to = task.to.isEmpty() ? entry.recipientAddresses() : task.to;
    job.workDir = m_spool->tmpFolder();
    job.target = m_spool->encryptedPath(entry.id);
    QPointer<MessageQueue> self(this);
    m_encryption->encrypt(job, task.sender, [self](const EncryptionResult& result) {
        if (self)
            self->onEncrypted(result);
    });
}

void MessageQueue::encryptionFailed(QueueEntry& entry, const QString& why)
{
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

void MessageQueue::onEncrypted(const EncryptionResult& result)
{
    auto it = m_entries.find(result.id);
    if (it == m_entries.end() || it->state != MessageState::Relaying) {
        QFile::remove(m_spool->encryptedPath(result.id));
        return;
    }
    QueueEntry& entry = *it;
    if (!result.ok) {
        qCWarning(lcQueue).noquote() << "cannot encrypt" << entry.id << ":" << result.error;
        encryptionFailed(entry, result.error);
        return;
    }
    entry.encryption.done = true;
    entry.encryption.size = result.size;
    entry.encryption.crc32 = result.crc32;
    const QString what = entry.encryption.mode == QLatin1String("message")
                             ? QStringLiteral("%1, whole message")
                                   .arg(EncryptionService::methodLabel(entry.encryption.method))
                             : QStringLiteral("%1, %2 attachment(s)")
                                   .arg(EncryptionService::methodLabel(entry.encryption.method))
                                   .arg(result.parts);
    m_audit->record(QStringLiteral("encrypted"), entry,
                    {{QStringLiteral("detail"), what},
                     {QStringLiteral("method"), entry.encryption.method},
                     {QStringLiteral("mode"), entry.encryption.mode},
                     {QStringLiteral("encrypted_to"), QJsonArray::fromStringList(result.to)},
                     {QStringLiteral("sender_included"), result.senderIncluded},
                     {QStringLiteral("encrypted_size"), result.size}});
    // Relayed once the record of the encrypted file is on disk: a restart then relays this
    // very file instead of encrypting again.
    QPointer<MessageQueue> self(this);
    persist(entry, [self, id = entry.id](bool, const QString&) {
        if (!self)
            return;
        auto it = self->m_entries.find(id);
        if (it != self->m_entries.end() && it->state == MessageState::Relaying)
            self->deliver(*it);
    });
    Q_EMIT entryChanged(entry);
}

void MessageQueue::deliver(QueueEntry& entry)
{
    entry.state = MessageState::Relaying;
    entry.attempts += 1;
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
    if (entry.encryption.isNeeded() && entry.encryption.done && !entry.sentUnencrypted) {
        // The encrypted file already carries the header edits.
        job.path = m_spool->encryptedPath(entry.id);
        job.edits.clear();
        job.size = entry.encryption.size;
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

void MessageQueue::onDeliveryFinished(const DeliveryResult& result)
{
    auto it = m_entries.find(result.id);
    if (it == m_entries.end())
        return;
    QueueEntry& entry = *it;
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
    if (!delivered.isEmpty())
        m_audit->record(QStringLiteral("relayed"), entry,
                        {{QStringLiteral("reply"), result.summary},
                         {QStringLiteral("delivered_to"), QJsonArray::fromStringList(delivered)},
                         {QStringLiteral("attempt"), entry.attempts}});

    const bool recalledMeanwhile = entry.state == MessageState::Recalled;
    if (!entry.hasPending()) {
        if (entry.hasRefused()) {
            entry.state = MessageState::Failed;
            entry.lastError =
                refused.isEmpty() ? result.summary : refused.join(QStringLiteral("; "));
            m_audit->record(QStringLiteral("failed"), entry,
                            {{QStringLiteral("reply"), entry.lastError}});
            persist(entry);
            Q_EMIT entryChanged(entry);
        } else {
            entry.state = MessageState::Sent;
            entry.lastError.clear();
            const QueueEntry done = entry;
            m_entries.erase(it);
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

    entry.lastError = result.summary;
    if (!refused.isEmpty())
        entry.lastError +=
            QStringLiteral(" (refused: ") + refused.join(QStringLiteral("; ")) + QLatin1Char(')');
    const qint64 age = entry.createdAt.secsTo(QDateTime::currentDateTimeUtc());
    if (recalledMeanwhile) {
        // Recalled while the attempt was under way: what was delivered is recorded above.
    } else if (age >= m_relay.maxAgeSeconds) {
        entry.state = MessageState::Failed;
        entry.lastError =
            tr("gave up after %1 attempts: %2").arg(entry.attempts).arg(result.summary);
        m_audit->record(QStringLiteral("failed"), entry,
                        {{QStringLiteral("reply"), entry.lastError}});
    } else {
        entry.state = MessageState::Retrying;
        entry.nextAttemptAt = nextRetry(entry.attempts);
        m_audit->record(
            QStringLiteral("retry"), entry,
            {{QStringLiteral("reply"), result.summary},
             {QStringLiteral("attempt"), entry.attempts},
             {QStringLiteral("next_attempt_at"), entry.nextAttemptAt.toString(Qt::ISODateWithMs)}});
    }
    persist(entry);
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
