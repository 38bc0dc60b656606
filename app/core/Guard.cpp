// SPDX-License-Identifier: GPL-3.0-or-later
#include "Guard.h"

#include "AuditLog.h"
#include "ConfirmationGate.h"
#include "ControlChannel.h"
#include "CredentialStore.h"
#include "DemoOutbox.h"
#include "EncryptionService.h"
#include "MessageAnalyzer.h"
#include "MessageQueue.h"
#include "RecipientHistory.h"
#include "RecipientRemoval.h"
#include "SmtpRelay.h"
#include "SmtpServer.h"
#include "Spool.h"
#include "TlsIdentity.h"

#include <QDir>
#include <QJsonArray>
#include <QLockFile>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QThread>
#include <QTimer>
#include <optional>
#include <utility>

Q_LOGGING_CATEGORY(lcGuard, "sendguard", QtInfoMsg)

namespace sendguard {

namespace {

// The SMTP reply for a message that must be encrypted but cannot be: English, 7-bit, short
// enough for one reply line. The full reason goes to the audit log and the dialog.
QString encryptionRefusal(const EncryptionPlan& plan)
{
    const QString lead = plan.required
                             ? QStringLiteral("encryption is required by SendGuard policy but "
                                              "not possible")
                             : QStringLiteral("SendGuard is set to encrypt mail but cannot");
    QString text =
        QStringLiteral("%1: %2; the message was not sent").arg(lead, plan.reason.simplified());
    // RFC 5321 allows 512 octets per reply line, code included.
    constexpr int MaxText = 450;
    bool plain = text.size() <= MaxText;
    for (const QChar c : std::as_const(text))
        plain = plain && c.unicode() >= 32 && c.unicode() < 127;
    if (plain)
        return text;
    // Translated or long details: name the recipients only.
    QStringList missing;
    for (const RecipientKey& k : plan.recipients) {
        if (!k.usable)
            missing << k.address;
    }
    text = missing.isEmpty()
               ? QStringLiteral("%1 (see SendGuard for the reason); the message was not sent")
                     .arg(lead)
               : QStringLiteral("%1: no usable key for %2 (see SendGuard for details); the "
                                "message was not sent")
                     .arg(lead, missing.join(QStringLiteral(", ")));
    return text.size() <= MaxText ? text : text.left(MaxText - 3) + QStringLiteral("...");
}

// What the queue does before relaying a message with this plan. A refused plan that still
// reaches the queue (a late answer after the mail client was told 250) has no method and fails
// there.
EncryptionTask encryptionTask(const EncryptionPlan& plan, const QStringList& recipients)
{
    EncryptionTask task;
    if (!plan.encrypt && !plan.refuse)
        return task;
    task.mode = plan.mode;
    task.method = plan.encrypt ? plan.method : QString();
    task.to = recipients;
    task.sender = plan.encrypt && plan.sender.usable ? plan.sender.address : QString();
    task.required = plan.required || plan.refuse;
    task.reason = plan.encrypt ? QString() : plan.reason;
    return task;
}

} // namespace

Guard::Guard(const GuardOptions& options, QObject* parent) : QObject(parent), m_options(options)
{
    m_options.dataDir = QDir(options.dataDir).absolutePath();
}

Guard::~Guard()
{
    if (m_audit)
        m_audit->recordService(QStringLiteral("stopped"));
    // The server goes first so no session calls into a half-destroyed guard.
    delete m_server;
    m_server = nullptr;
    delete m_queue;
    m_queue = nullptr;
    if (m_relayThread) {
        QMetaObject::invokeMethod(
            m_transport, [t = m_transport] { delete t; }, Qt::BlockingQueuedConnection);
        m_relayThread->quit();
        m_relayThread->wait();
    }
}

QString Guard::listenAddress() const
{
    if (!m_server)
        return {};
    return QStringLiteral("%1:%2")
        .arg(m_server->serverAddress().toString())
        .arg(m_server->serverPort());
}

QString Guard::messagePath(const QString& id) const
{
    return m_spool ? m_spool->bodyPath(id) : QString();
}

QString Guard::transportDescription() const
{
    return m_transport ? m_transport->describe() : QString();
}

bool Guard::start(QString* error, int* exitCode)
{
    *exitCode = 1;
    const Config& config = m_options.config;
    const QString& data = m_options.dataDir;
    if (!QDir().mkpath(data)) {
        *error = tr("cannot create the data folder %1").arg(data);
        return false;
    }
    QFile::setPermissions(data,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    m_lock = std::make_unique<QLockFile>(data + QStringLiteral("/sendguard.lock"));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(100)) {
        qint64 pid = 0;
        QString host, app;
        m_lock->getLockInfo(&pid, &host, &app);
        *error = tr("SendGuard is already running for the data folder %1 (process %2)")
                     .arg(data)
                     .arg(pid);
        return false;
    }

    ensureMimeLibrary();

    m_audit = new AuditLog(data + QStringLiteral("/audit.jsonl"), this);
    if (!m_audit->open(error))
        return false;

    m_history = std::make_unique<RecipientHistory>(data + QStringLiteral("/history.sqlite"));
    if (!m_history->open(error))
        return false;

    m_spool = new Spool(data + QStringLiteral("/spool"), this);
    if (!m_spool->open(error))
        return false;

    // Local identity and credentials.
    SessionContext context;
    context.limits = config.listen;
    context.hostName = QStringLiteral("localhost");
    context.intake = this;
    context.spool = m_spool;
    if (config.listen.starttls) {
        TlsIdentity identity(data + QStringLiteral("/tls"));
        if (!identity.loadOrCreate(error))
            return false;
        context.tls = identity.serverConfiguration();
    }
    CredentialStore store(data);
    if (config.listen.authRequired) {
        QString password;
        bool found = false;
        if (!store.read(CredentialStore::Secret::LocalPassword, &password, &found, error)) {
            *error =
                tr("listen.auth is \"required\" but the keychain cannot be used (%1). Log in to a "
                   "desktop session with a keyring, or set listen.auth to \"none\" on a "
                   "single-user "
                   "machine.")
                    .arg(*error);
            *exitCode = 4;
            return false;
        }
        if (!found) {
            password = CredentialStore::generatePassword();
            if (!store.write(CredentialStore::Secret::LocalPassword, password, error)) {
                *exitCode = 4;
                return false;
            }
            qCInfo(lcGuard).noquote() << "created the local SMTP password; see it with"
                                      << "\"sendguard credentials show local\"";
        }
        m_credentials = std::make_unique<LocalCredentials>(password);
        context.authenticator = m_credentials.get();
    } else {
        qCWarning(lcGuard).noquote()
            << "listen.auth is \"none\": any program on this computer can send "
               "mail through SendGuard";
    }

    // Where mail goes.
    if (config.usesDemoUpstream() || m_options.forceDemo) {
        m_transport = new DemoOutbox(data + QStringLiteral("/demo-outbox"));
    } else {
        UpstreamSettings upstream;
        upstream.server = config.upstream;
        upstream.connectTimeoutMs = config.relay.connectTimeoutSeconds * 1000;
        upstream.commandTimeoutMs = config.relay.commandTimeoutSeconds * 1000;
        if (!config.upstream.caFile.isEmpty()) {
            upstream.extraCaCertificates =
                QSslCertificate::fromPath(config.upstream.caFile, QSsl::Pem);
            if (upstream.extraCaCertificates.isEmpty())
                upstream.extraCaCertificates =
                    QSslCertificate::fromPath(config.upstream.caFile, QSsl::Der);
            if (upstream.extraCaCertificates.isEmpty()) {
                *error = tr("upstream.ca_file: %1 holds no certificate (PEM or DER)")
                             .arg(config.upstream.caFile);
                *exitCode = 2;
                return false;
            }
        }
        if (config.upstream.security == UpstreamSecurity::None)
            qCWarning(lcGuard).noquote()
                << "upstream.security is \"none\": mail leaves this computer unencrypted";
        if (!config.upstream.verifyCertificate)
            qCWarning(lcGuard).noquote()
                << "upstream.verify_certificate is false: the upstream's identity is not checked";
        if (!config.upstream.username.isEmpty()) {
            bool found = false;
            QString keychainError;
            if (!store.read(CredentialStore::Secret::UpstreamPassword, &upstream.password, &found,
                            &keychainError))
                qCWarning(lcGuard).noquote()
                    << "cannot read the upstream password:" << keychainError;
            else if (!found)
                qCWarning(lcGuard).noquote() << "no upstream password stored; set it with"
                                             << "\"sendguard credentials set upstream\"";
        }
        m_transport = new SmtpRelay(upstream, config.relay.maxConnections);
    }
    // Talking to the upstream (or writing demo files) happens off the main thread.
    qRegisterMetaType<DeliveryResult>();
    m_relayThread = new QThread(this);
    m_relayThread->setObjectName(QStringLiteral("relay"));
    m_transport->moveToThread(m_relayThread);
    m_relayThread->start();

    // Encryption (encryption.*): plans are made while messages are received, the encryption
    // itself happens on the service's thread before relaying. Also there when encryption is
    // off, for messages queued to be encrypted before a change of configuration.
    m_encryption = new EncryptionService(config.encryption, this);
    const QStringList encryptionNotes = m_encryption->start();
    for (const QString& note : encryptionNotes)
        qCWarning(lcGuard).noquote() << note;

    m_queue = new MessageQueue(config.relay, m_spool, m_transport, m_audit, this);
    m_queue->setEncryption(m_encryption);
    m_queue->setKeepDays(config.policy.keepDays);
    // "First-time recipient" learns only from mail that really left.
    connect(m_queue, &MessageQueue::delivered, this,
            [this](const QStringList& addresses) { m_history->recordDelivered(addresses); });
    m_spool->pruneDone(config.policy.keepDays);
    QStringList notes;
    QList<QueueEntry> recovered = m_spool->recover(&notes);
    for (const QString& note : std::as_const(notes))
        qCWarning(lcGuard).noquote() << note;
    restoreQueue(recovered);

    m_control = new ControlServer(
        data,
        [this](const QJsonObject& request, ControlServer::Reply reply) {
            handleControl(request, reply);
        },
        this);
    if (!m_control->start(error))
        return false;

    m_server = new SmtpServer(context, this);
    if (!m_server->start(error))
        return false;

    if (!m_gate)
        qCWarning(lcGuard) << "no confirmation gate set; messages will be refused";
    m_audit->recordService(QStringLiteral("started"),
                           {{QStringLiteral("listen"), listenAddress()},
                            {QStringLiteral("upstream"), transportDescription()},
                            {QStringLiteral("recovered"), int(recovered.size())}});
    *exitCode = 0;
    return true;
}

// Messages found in the spool at start. A held message whose hold ended while SendGuard was
// not running is sent only after the user was told (policy.release_after_restart); messages
// that were waiting for the user's answer are asked about again.
void Guard::restoreQueue(QList<QueueEntry>& recovered)
{
    const ReleaseAfterRestart rule = m_options.config.policy.releaseAfterRestart;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QueueEntry> awaiting;
    for (QueueEntry& e : recovered) {
        if (e.state == MessageState::AwaitingConfirmation)
            awaiting.append(e);
        if (e.state != MessageState::Held || e.releasePaused || e.holdSeconds <= 0 ||
            !e.releaseAt.isValid() || e.releaseAt > now || rule == ReleaseAfterRestart::Send)
            continue;
        e.releasePaused = true;
        m_audit->record(QStringLiteral("release_paused"), e,
                        {{QStringLiteral("detail"),
                          QStringLiteral("the hold ended while SendGuard was not running; "
                                         "waiting for the user to release it")}});
        m_spool->update(e, [id = e.id](bool ok, const QString& error) {
            if (!ok)
                qCCritical(lcGuard).noquote()
                    << "cannot record the state of" << id << "on disk:" << error;
        });
    }
    m_queue->restore(recovered);
    if (const int paused = m_queue->pausedIds().size())
        qCWarning(lcGuard).noquote()
            << paused
            << "held message(s) reached the end of their hold while SendGuard was not running;"
            << "they wait to be released (\"sendguard queue release ID\" or the queue window)";
    if (!m_gate || !m_gate->canAskLater()) {
        if (!awaiting.isEmpty())
            qCWarning(lcGuard).noquote() << awaiting.size() << "message(s) wait for confirmation;"
                                         << "confirm with \"sendguard queue release ID\"";
        return;
    }
    for (const QueueEntry& e : std::as_const(awaiting)) {
        QPointer<Guard> self(this);
        m_gate->confirm(e, [self, id = e.id](const ConfirmationDecision& decision) {
            if (self && self->m_queue->contains(id))
                self->answerAwaiting(id, decision);
        });
    }
}

// The user's answer for a message that waits as "awaiting-confirmation".
void Guard::answerAwaiting(const QString& id, const ConfirmationDecision& decision)
{
    MessageQueue::Adjust adjust;
    if (decision.approved && !decision.removedRecipients.isEmpty()) {
        // A waiting message could be encrypted as planned (one that could not was not kept);
        // without the removed recipients it must still be, or it is not sent.
        adjust = [this, removed = decision.removedRecipients](QueueEntry& entry, QString* why) {
            QString refusal;
            if (!removeRecipients(&entry, removed, m_spool->bodyPath(entry.id), &refusal, why))
                return false;
            *why = refusal;
            return refusal.isEmpty();
        };
    }
    m_queue->answer(
        id, decision.approved, decision.by, decision.keepVisible,
        m_options.config.policy.holdSeconds,
        [id](bool ok, const QString& error) {
            if (!ok)
                qCWarning(lcGuard).noquote() << "late answer for" << id << "not applied:" << error;
        },
        adjust);
}

bool Guard::removeRecipients(QueueEntry* entry, const QStringList& removed, const QString& path,
                             QString* refusal, QString* error)
{
    const QueueEntry before = *entry;
    const EncryptionPlan planned =
        EncryptionPlan::fromJson(before.analysis.value(QStringLiteral("encryption")).toObject());
    // A message the user expected to be encrypted (or that had to be) never leaves in clear
    // because recipients were taken out.
    const bool expected = planned.encrypt || planned.refuse;
    RecipientRemoval::Planner planner = [this, expected,
                                         from = before.envelopeFrom](const Verdict& verdict) {
        EncryptionPlan plan = m_encryption ? m_encryption->plan(verdict, from) : EncryptionPlan();
        if (expected && !plan.encrypt) {
            plan.refuse = true;
            if (plan.reason.isEmpty())
                plan.reason = QStringLiteral("no encryption method can be used");
        }
        return plan;
    };
    RecipientRemoval::Outcome outcome;
    if (!RecipientRemoval::apply(entry, removed, path, planner, &outcome)) {
        *error = outcome.error;
        return false;
    }
    if (outcome.removed.isEmpty())
        return true;
    const EncryptionPlan& plan = outcome.after;
    entry->encryption = encryptionTask(plan, outcome.remaining);
    *refusal = plan.refuse ? encryptionRefusal(plan) : QString();

    // For the audit log's readers: who was taken out, why they had to be, and what follows.
    QStringList why;
    for (const QString& address : std::as_const(outcome.removed)) {
        QString problem;
        for (const RecipientKey& k : std::as_const(planned.recipients)) {
            if (k.address.compare(address, Qt::CaseInsensitive) == 0 && !k.usable)
                problem = k.problem;
        }
        why << (problem.isEmpty() ? address
                                  : QStringLiteral("%1 (no usable key: %2)").arg(address, problem));
    }
    QString result;
    if (plan.encrypt)
        result = QStringLiteral("every remaining recipient has a key: the message will be "
                                "encrypted with %1")
                     .arg(EncryptionService::methodLabel(plan.method));
    else if (plan.refuse)
        result = QStringLiteral("encryption is still not possible (%1), so the message is not "
                                "sent unless the user explicitly chose to send it unencrypted")
                     .arg(plan.reason);
    else
        result = QStringLiteral("no encryption is planned for it");
    QJsonObject extra{
        {QStringLiteral("by"), QStringLiteral("user")},
        {QStringLiteral("removed"), QJsonArray::fromStringList(outcome.removed)},
        {QStringLiteral("remaining"), QJsonArray::fromStringList(outcome.remaining)},
        {QStringLiteral("detail"),
         QStringLiteral("the user removed %1 in the confirm dialog before sending; they do not "
                        "receive this message and are taken out of the envelope and of the "
                        "To/Cc headers. The message goes to the remaining recipients only; %2.")
             .arg(why.join(QStringLiteral(", ")), result)}};
    if (!plan.isOff())
        extra.insert(QStringLiteral("encryption"), plan.toJson());
    m_audit->record(QStringLiteral("recipients_removed"), before, extra);
    return true;
}

void Guard::prepare(ReceivedMessage& message) const
{
    AnalysisInput input;
    input.path = message.path;
    input.content = std::exchange(message.content, {}); // not needed once analysed
    input.envelopeFrom = message.envelopeFrom;
    input.recipients = message.recipients;
    input.policy = m_options.config.policy;
    input.history = m_history.get();
    message.verdict = MessageAnalyzer::analyze(input);
    if (message.verdict.parsed && m_encryption)
        message.verdict.encryption = m_encryption->plan(message.verdict, message.envelopeFrom);
}

void Guard::submit(const ReceivedMessage& message, std::function<void(const SmtpReply&)> reply)
{
    ReceivedMessage prepared = message;
    if (!prepared.verdict.parsed && prepared.verdict.error.isEmpty())
        prepare(prepared); // not run on the receiving thread
    const Verdict& verdict = prepared.verdict;
    const PolicyConfig& policy = m_options.config.policy;

    QueueEntry entry;
    entry.id = message.id;
    entry.state = MessageState::Held;
    entry.createdAt = QDateTime::currentDateTimeUtc();
    entry.envelopeFrom = message.envelopeFrom;
    for (const QString& r : message.recipients)
        entry.recipients.append({r, Recipient::Status::Pending, {}});
    entry.authUser = message.authUser;
    entry.bodyIs8Bit = message.bodyIs8Bit;
    entry.smtpUtf8 = message.smtpUtf8;
    entry.size = message.size;
    entry.crc32 = message.crc32;
    entry.subject = verdict.subject;
    entry.headerFrom = verdict.fromAddress;
    entry.messageId = verdict.messageId;
    entry.edits = verdict.edits;
    entry.analysis = verdict.toJson();
    entry.bodyPreview = verdict.bodyPreview;
    const EncryptionPlan& plan = verdict.encryption;
    entry.encryption = encryptionTask(plan, message.recipients);
    const QString refusal = plan.refuse ? encryptionRefusal(plan) : QString();

    auto refuse = [&](int code, const char* enhanced, const QString& why) {
        m_spool->discardIncoming(message.id);
        m_audit->record(QStringLiteral("refused"), entry,
                        {{QStringLiteral("detail"), why},
                         {QStringLiteral("by"), QStringLiteral("policy")},
                         {QStringLiteral("analysis"), entry.analysis}});
        reply({code, QString::fromLatin1(enhanced), why});
    };
    if (!verdict.parsed) {
        refuse(554, "5.6.0", QStringLiteral("message refused: %1").arg(verdict.error));
        return;
    }
    if (const QString why = verdict.blockReason(); !why.isEmpty()) {
        refuse(550, "5.7.1", why);
        return;
    }
    if (!m_gate) {
        m_spool->discardIncoming(message.id);
        reply({451, QStringLiteral("4.3.0"),
               QStringLiteral("SendGuard is not ready to confirm messages; try again later")});
        return;
    }

    entry.editsKeepingVisible = verdict.editsKeepingVisible;
    // The dialog may stay open longer than the mail client waits for the reply. The first of
    // "the user answered" and "the client cannot wait any longer" decides what the client is
    // told; with policy.confirm_timeout_action "defer" a later answer still decides the
    // message's fate.
    struct Pending
    {
        bool answered = false;
        bool replied = false;
        bool deferred = false;
        bool spooled = false; // the deferred message is in the queue
        std::optional<ConfirmationDecision> lateDecision;
    };
    auto pending = std::make_shared<Pending>();
    QPointer<Guard> self(this);
    const int hold = policy.holdSeconds;
    // Once the client has its answer, its hanging up no longer matters.
    reply = [self, reply, id = entry.id](const SmtpReply& r) {
        if (self)
            self->m_clientGone.remove(id);
        reply(r);
    };

    auto applyLate = [self, id = entry.id](const ConfirmationDecision& decision) {
        if (self)
            self->answerAwaiting(id, decision);
    };

    auto decided = [self, entry, reply, pending, hold, applyLate, planRefusal = refusal,
                    path = message.path](const ConfirmationDecision& decision) mutable {
        if (!self || pending->answered)
            return;
        pending->answered = true;
        if (pending->replied) {
            if (!pending->deferred)
                return; // refused with 451 already; the client will try again
            if (pending->spooled)
                applyLate(decision);
            else
                pending->lateDecision = decision; // applied once the message is on disk
            return;
        }
        QString refusal = planRefusal;
        if (decision.approved && !decision.removedRecipients.isEmpty()) {
            // Recipients taken out first: encryption may be possible for those left.
            QString error;
            if (!self->removeRecipients(&entry, decision.removedRecipients, path, &refusal,
                                        &error)) {
                const QString why =
                    QStringLiteral("SendGuard cannot remove the recipients: %1; the message "
                                   "was not sent")
                        .arg(error);
                self->m_spool->discardIncoming(entry.id);
                self->m_audit->record(
                    QStringLiteral("refused"), entry,
                    {{QStringLiteral("detail"), why}, {QStringLiteral("by"), decision.by}});
                reply({550, QStringLiteral("5.7.1"), why});
                return;
            }
        }
        if (!refusal.isEmpty()) {
            // Encryption is required but impossible: never sent in clear, unless the user
            // explicitly chose that where the organisation allows it.
            const bool overridden = decision.approved && decision.sendUnencrypted &&
                                    self->m_options.config.encryption.allowUnencryptedOverride;
            if (!overridden) {
                self->m_spool->discardIncoming(entry.id);
                self->m_audit->record(QStringLiteral("refused"), entry,
                                      {{QStringLiteral("detail"), refusal},
                                       {QStringLiteral("by"),
                                        decision.approved ? QStringLiteral("policy") : decision.by},
                                       {QStringLiteral("encryption"),
                                        entry.analysis.value(QStringLiteral("encryption"))}});
                reply({550, QStringLiteral("5.7.1"), refusal});
                return;
            }
            entry.encryption = {};
            entry.sentUnencrypted = true;
        }
        if (!decision.approved) {
            self->m_spool->discardIncoming(entry.id);
            self->m_audit->record(
                QStringLiteral("refused"), entry,
                {{QStringLiteral("detail"), decision.reason}, {QStringLiteral("by"), decision.by}});
            reply({550, QStringLiteral("5.7.1"), decision.reason});
            return;
        }
        entry.confirmedBy = decision.by;
        entry.holdSeconds = hold;
        entry.releaseAt = QDateTime::currentDateTimeUtc().addSecs(hold);
        const bool keptVisible = decision.keepVisible && !entry.editsKeepingVisible.isEmpty();
        if (keptVisible)
            entry.edits = entry.editsKeepingVisible;
        self->acceptIntoQueue(entry, keptVisible, reply);
    };

    auto timedOut = [self, entry, reply, pending, applyLate]() mutable {
        if (!self || pending->answered || pending->replied)
            return;
        pending->replied = true;
        const PolicyConfig& policy = self->m_options.config.policy;
        // A message that cannot be encrypted as required is not kept for a late answer: it
        // could only fail. The mail client tries again later (perhaps once the keys are there).
        const bool unencryptable = entry.encryption.isNeeded() && entry.encryption.method.isEmpty();
        if (policy.confirmTimeoutAction == ConfirmTimeoutAction::TempFail || unencryptable) {
            self->m_spool->discardIncoming(entry.id);
            self->m_audit->record(
                QStringLiteral("refused"), entry,
                {{QStringLiteral("detail"), QStringLiteral("not confirmed in time")},
                 {QStringLiteral("by"), QStringLiteral("timeout")}});
            reply({451, QStringLiteral("4.7.0"),
                   QStringLiteral("not confirmed in SendGuard within %1 seconds; the message was "
                                  "not sent, try again")
                       .arg(policy.confirmTimeoutSeconds)});
            if (self->m_gate)
                self->m_gate->clientReplied(entry.id, false);
            return;
        }
        pending->deferred = true;
        entry.state = MessageState::AwaitingConfirmation;
        entry.releaseAt = {};
        self->m_spool->accept(entry, [self, entry, reply, pending,
                                      applyLate](bool ok, const QString& error) {
            if (!self)
                return;
            if (!ok) {
                qCCritical(lcGuard).noquote() << "cannot store message" << entry.id << ":" << error;
                self->m_spool->discardIncoming(entry.id);
                pending->deferred = false; // a late answer has nothing to act on
                reply({451, QStringLiteral("4.3.0"),
                       QStringLiteral("cannot store the message on disk; try again later")});
                if (self->m_gate)
                    self->m_gate->clientReplied(entry.id, false);
                return;
            }
            self->recordAccepted(entry);
            self->m_audit->record(
                QStringLiteral("awaiting_confirmation"), entry,
                {{QStringLiteral("detail"),
                  QStringLiteral("the mail program could not wait longer; the message waits "
                                 "for the user's answer and is not sent before it")}});
            self->m_queue->add(entry);
            pending->spooled = true;
            reply({250, QStringLiteral("2.0.0"),
                   QStringLiteral("queued as %1; waiting for your confirmation in SendGuard, "
                                  "not sent before you confirm")
                       .arg(entry.id)});
            if (self->m_gate)
                self->m_gate->clientReplied(entry.id, true);
            if (pending->lateDecision)
                applyLate(*pending->lateDecision);
        });
    };

    // A message that cannot be encrypted as required is always shown: the user sees who has
    // no key (and may send in clear where allowed); without a dialog it is refused.
    if (!verdict.needsConfirmation(policy.confirm) && refusal.isEmpty()) {
        // Nothing to look at (internal only, no flag) under policy.confirm "external", or "never".
        decided({true, QStringLiteral("not-required"), {}});
        return;
    }
    QTimer::singleShot(std::chrono::seconds(policy.confirmTimeoutSeconds), this, timedOut);
    // The mail client may hang up while the question is open: then nobody can be told 250 any
    // more, and sending on a later "Send" would make the client's next attempt a duplicate.
    m_clientGone.insert(entry.id, [self, entry, pending]() {
        if (!self || pending->answered || pending->replied)
            return;
        pending->replied = true;
        self->m_spool->discardIncoming(entry.id);
        self->m_audit->record(
            QStringLiteral("refused"), entry,
            {{QStringLiteral("detail"),
              QStringLiteral("the mail program disconnected before the message was confirmed")},
             {QStringLiteral("by"), QStringLiteral("client")}});
        if (self->m_gate)
            self->m_gate->clientReplied(entry.id, false);
    });
    m_gate->confirm(entry, decided);
}

void Guard::abandoned(const QString& id)
{
    if (const auto handler = m_clientGone.take(id))
        handler();
}

void Guard::recordAccepted(const QueueEntry& entry)
{
    QJsonObject extra{
        {QStringLiteral("flags"), entry.analysis.value(QStringLiteral("flags"))},
        {QStringLiteral("attachments"), entry.analysis.value(QStringLiteral("attachments"))}};
    if (entry.analysis.contains(QStringLiteral("encryption")))
        extra.insert(QStringLiteral("encryption"),
                     entry.analysis.value(QStringLiteral("encryption")));
    m_audit->record(QStringLiteral("accepted"), entry, extra);
}

void Guard::acceptIntoQueue(const QueueEntry& entry, bool keptVisible,
                            std::function<void(const SmtpReply&)> reply)
{
    QPointer<Guard> self(this);
    m_spool->accept(entry, [self, entry, reply, keptVisible](bool ok, const QString& error) {
        if (!self)
            return;
        if (!ok) {
            qCCritical(lcGuard).noquote() << "cannot store message" << entry.id << ":" << error;
            self->m_spool->discardIncoming(entry.id);
            reply({451, QStringLiteral("4.3.0"),
                   QStringLiteral("cannot store the message on disk; try again later")});
            return;
        }
        AuditLog* audit = self->m_audit;
        self->recordAccepted(entry);
        audit->record(QStringLiteral("confirmed"), entry,
                      {{QStringLiteral("detail"), entry.confirmedBy}});
        if (entry.sentUnencrypted)
            audit->record(
                QStringLiteral("sent_unencrypted_override"), entry,
                {{QStringLiteral("detail"), entry.analysis.value(QStringLiteral("encryption"))
                                                .toObject()
                                                .value(QStringLiteral("reason"))},
                 {QStringLiteral("by"), entry.confirmedBy},
                 {QStringLiteral("encryption"),
                  entry.analysis.value(QStringLiteral("encryption"))}});
        const QJsonArray moved = entry.analysis.value(QStringLiteral("moved_to_bcc")).toArray();
        if (keptVisible)
            audit->record(QStringLiteral("kept_visible"), entry,
                          {{QStringLiteral("moved"), moved},
                           {QStringLiteral("detail"),
                            QStringLiteral("the user kept the addresses visible")}});
        else if (!moved.isEmpty())
            audit->record(
                QStringLiteral("moved_to_bcc"), entry,
                {{QStringLiteral("moved"), moved},
                 {QStringLiteral("detail"), entry.analysis.value(QStringLiteral("bcc_reason"))}});
        audit->record(
            QStringLiteral("held"), entry,
            {{QStringLiteral("release_at"), entry.releaseAt.toString(Qt::ISODateWithMs)}});
        self->m_queue->add(entry);
        const int hold = entry.holdSeconds;
        reply({250, QStringLiteral("2.0.0"),
               hold > 0 ? QStringLiteral("queued as %1; held for %2 seconds before sending")
                              .arg(entry.id)
                              .arg(hold)
                        : QStringLiteral("queued as %1").arg(entry.id)});
        Q_EMIT self->messageHeld(entry.id);
    });
}

void Guard::handleControl(const QJsonObject& request, std::function<void(const QJsonObject&)> reply)
{
    const QString command = request.value(QStringLiteral("command")).toString();
    const QString id = request.value(QStringLiteral("id")).toString();
    if (command == QLatin1String("list")) {
        QJsonArray list;
        for (const QueueEntry& e : m_queue->entries())
            list.append(e.toListJson());
        for (const QueueEntry& e : m_spool->loadDone(100))
            list.append(e.toListJson());
        reply({{QStringLiteral("ok"), true}, {QStringLiteral("entries"), list}});
        return;
    }
    auto done = [reply](bool ok, const QString& error) {
        reply({{QStringLiteral("ok"), ok}, {QStringLiteral("error"), error}});
    };
    if (command == QLatin1String("show")) {
        Q_EMIT showRequested();
        reply({{QStringLiteral("ok"), true}});
        return;
    }
    if (command == QLatin1String("release")) {
        m_queue->release(id, done);
    } else if (command == QLatin1String("recall")) {
        m_queue->recall(id, done);
    } else {
        done(false, tr("unknown request \"%1\"").arg(command));
    }
}

} // namespace sendguard
