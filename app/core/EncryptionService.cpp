// SPDX-License-Identifier: GPL-3.0-or-later
#include "EncryptionService.h"

#include "CopyPlanner.h"
#include "EncryptionPlugins.h"

#include <QDateTime>
#include <QDir>
#include <QLoggingCategory>
#include <QMutexLocker>
#include <QPointer>
#include <QThread>

Q_LOGGING_CATEGORY(lcEncryption, "sendguard.encryption", QtInfoMsg)

namespace sendguard {

namespace {

constexpr qint64 RetryAfterMs = 30 * 1000; // a back end that could not be configured
const QString Smime = QStringLiteral("smime");
const QString OpenPgp = QStringLiteral("openpgp");

// Changes whenever a certificate file is added, removed or changed.
QByteArray folderSignature(const QString& folder)
{
    const QDir dir(folder);
    if (!dir.exists())
        return "missing";
    QByteArray signature;
    const QFileInfoList files = dir.entryInfoList(QDir::Files | QDir::Hidden, QDir::Name);
    for (const QFileInfo& f : files) {
        signature += f.fileName().toUtf8() + '\0' + QByteArray::number(f.size()) + '\0' +
                     QByteArray::number(f.lastModified().toMSecsSinceEpoch()) + '\n';
    }
    return signature;
}

bool sameAddress(const QString& a, const QString& b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

EncryptionService::EncryptionService(const EncryptionConfig& config, QObject* parent)
    : QObject(parent), m_config(config), m_plugins(std::make_unique<EncryptionPlugins>())
{
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("encrypt"));
    m_worker = new QObject;
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

EncryptionService::~EncryptionService()
{
    m_cancel = true;
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
}

QString EncryptionService::methodLabel(const QString& method)
{
    return method == Smime ? QStringLiteral("S/MIME") : QStringLiteral("OpenPGP");
}

QStringList EncryptionService::start()
{
    QStringList notes;
    if (m_config.mode == EncryptionMode::Off)
        return notes;
    QStringList names;
    if (m_config.method != EncryptionMethod::OpenPgp)
        names << Smime;
    if (m_config.method != EncryptionMethod::Smime)
        names << OpenPgp;
    for (const QString& name : std::as_const(names)) {
        QString problem;
        bool notConfigured = false;
        EncryptionBackend* b = backend(name, &problem, &notConfigured);
        if (!b && !notConfigured)
            notes << tr("%1 encryption cannot be used: %2").arg(methodLabel(name), problem);
        else if (b) {
            const QStringList skipped = b->problems();
            for (const QString& s : skipped)
                notes << tr("%1: skipped %2").arg(methodLabel(name), s);
        }
    }
    return notes;
}

EncryptionBackend* EncryptionService::backend(const QString& name, QString* problem,
                                              bool* notConfigured) const
{
    QMutexLocker lock(&m_mutex);
    if (!m_loaded) {
        m_plugins->load();
        m_loaded = true;
    }
    if (name == Smime && m_config.smimeCertificates.isEmpty()) {
        *problem = tr("no certificate folder is set (encryption.smime_certificates)");
        if (notConfigured)
            *notConfigured = true;
        return nullptr;
    }
    QString error;
    EncryptionBackend* b = m_plugins->backend(name, &error);
    if (!b) {
        *problem = error;
        return nullptr;
    }
    BackendState& state = m_states[name];
    const QByteArray signature =
        name == Smime ? folderSignature(m_config.smimeCertificates) : QByteArray();
    const bool stale = !state.tried || (name == Smime && signature != state.signature) ||
                       (!state.ok && state.since.elapsed() > RetryAfterMs);
    if (stale) {
        EncryptionSettings settings;
        settings.smimeCertificates = m_config.smimeCertificates;
        settings.gnupgHome = m_config.gnupgHome;
        settings.cipher = m_config.cipher;
        QString configureError;
        state.ok = b->configure(settings, &configureError);
        state.error = state.ok ? QString() : configureError;
        state.tried = true;
        state.signature = signature;
        state.since.start();
        if (!state.ok)
            qCWarning(lcEncryption).noquote()
                << methodLabel(name) << "encryption cannot be used:" << configureError;
    }
    if (!state.ok) {
        *problem = state.error;
        return nullptr;
    }
    return b;
}

QList<RecipientKey> EncryptionService::lookup(EncryptionBackend* backend, const QString& method,
                                              const QStringList& addresses) const
{
    QList<KeyLookup> found = backend->findKeys(addresses);
    if (found.size() != addresses.size()) { // a back end that miscounts: one by one
        found.clear();
        for (const QString& address : addresses)
            found << backend->findKey(address);
    }
    QList<RecipientKey> keys;
    keys.reserve(addresses.size());
    const QStringList skipped = backend->problems();
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        RecipientKey key;
        key.address = addresses.at(i);
        key.usable = found.at(i).usable;
        key.description = found.at(i).description;
        if (key.usable) {
            key.methods << method;
        } else {
            key.problem = found.at(i).problem;
            // Nothing at all was found: a certificate file that could not be read may be the
            // one.
            if (found.at(i).source.isEmpty() && !skipped.isEmpty())
                key.problem = tr("%1; skipped as unreadable: %2")
                                  .arg(key.problem, skipped.mid(0, 3).join(QLatin1String("; ")));
        }
        keys << key;
    }
    return keys;
}

EncryptionPlan EncryptionService::plan(const Verdict& verdict, const QString& envelopeFrom) const
{
    EncryptionPlan plan;
    const EncryptionConfig& c = m_config;
    if (c.mode == EncryptionMode::Off)
        return plan;
    plan.mode = encryptionModeName(c.mode);
    plan.overrideAllowed = c.allowUnencryptedOverride;
    const bool hasAttachment = !verdict.attachments.isEmpty();
    plan.required = c.requiredFor == EncryptionRequired::All ||
                    (c.requiredFor == EncryptionRequired::External &&
                     verdict.hasExternalRecipient() && hasAttachment);
    if (c.mode == EncryptionMode::Attachments) {
        plan.attachments = int(verdict.attachments.size());
        if (!hasAttachment) {
            plan.required = false;
            plan.reason = QStringLiteral("there is no attachment to encrypt");
            return plan;
        }
        if (verdict.hasSignature) {
            // Replacing attachments would break the signature the recipients check: the whole
            // message is encrypted instead, the signed entity intact inside (MessageEncryptor).
            plan.mode = encryptionModeName(EncryptionMode::Message);
            plan.wholeBecauseSigned = true;
        }
    }

    QStringList addresses;
    for (const RecipientInfo& r : verdict.recipients)
        addresses << r.address;
    QStringList candidates;
    if (c.method != EncryptionMethod::OpenPgp)
        candidates << Smime;
    if (c.method != EncryptionMethod::Smime)
        candidates << OpenPgp;

    // The sender's own addresses, so that the sender can read what was sent; looked up together
    // with the recipients (OpenPGP: one gpg run for all).
    QStringList own;
    for (const QString& address : {verdict.fromAddress, envelopeFrom}) {
        bool known = address.isEmpty();
        for (const QString& o : std::as_const(own))
            known = known || sameAddress(o, address);
        if (!known)
            own << address;
    }

    struct Attempt
    {
        QString method;
        EncryptionBackend* backend = nullptr;
        QString unavailable;
        QList<RecipientKey> keys;
        QList<RecipientKey> ownKeys;
        bool all = false;
    };
    QList<Attempt> attempts;
    for (const QString& method : std::as_const(candidates)) {
        Attempt a;
        a.method = method;
        bool notConfigured = false;
        a.backend = backend(method, &a.unavailable, &notConfigured);
        if (!a.backend && notConfigured && candidates.size() > 1)
            continue; // "auto" without an S/MIME folder: OpenPGP only
        if (a.backend) {
            a.keys = lookup(a.backend, method, addresses + own);
            a.ownKeys = a.keys.mid(addresses.size());
            a.keys.resize(addresses.size());
            a.all = true;
            for (const RecipientKey& k : std::as_const(a.keys))
                a.all = a.all && k.usable;
        }
        attempts << a;
        if (a.all)
            break; // S/MIME first
    }

    for (const Attempt& a : std::as_const(attempts)) {
        if (!a.all)
            continue;
        plan.method = a.method;
        plan.encrypt = true;
        plan.recipients = a.keys;
        for (const RecipientKey& key : a.ownKeys) {
            if (key.usable || plan.sender.address.isEmpty())
                plan.sender = key;
            if (key.usable)
                break;
        }
        return plan;
    }

    // No method can encrypt to everyone: say, per recipient, what was found.
    bool unavailable = attempts.isEmpty();
    QStringList reasons;
    for (const Attempt& a : std::as_const(attempts)) {
        if (!a.backend) {
            unavailable = true;
            reasons << QStringLiteral("%1 cannot be used: %2")
                           .arg(methodLabel(a.method), a.unavailable);
            continue;
        }
        QStringList missing;
        for (const RecipientKey& k : a.keys) {
            if (!k.usable)
                missing << QStringLiteral("%1 (%2)").arg(k.address, k.problem);
        }
        reasons << QStringLiteral("%1: no usable key for %2")
                       .arg(methodLabel(a.method), missing.join(QLatin1String(", ")));
    }
    if (attempts.isEmpty())
        reasons << QStringLiteral("no encryption method is configured");
    plan.reason = reasons.join(QLatin1String("; "));
    plan.refuse = plan.required || unavailable;
    for (int i = 0; i < addresses.size(); ++i) {
        RecipientKey k;
        k.address = addresses.at(i);
        QStringList problems;
        for (const Attempt& a : std::as_const(attempts)) {
            if (!a.backend)
                continue;
            const RecipientKey& found = a.keys.at(i);
            if (found.usable)
                k.methods << a.method;
            else
                problems << QStringLiteral("%1: %2").arg(methodLabel(a.method), found.problem);
            if (k.description.isEmpty())
                k.description = found.description;
        }
        k.usable = !k.methods.isEmpty();
        k.problem = problems.join(QLatin1String("; "));
        plan.recipients << k;
    }
    return plan;
}

void EncryptionService::encrypt(const EncryptionJob& job, const QString& sender, Done done)
{
    QPointer<EncryptionService> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [this, self, job, sender, done] {
            // The destructor waits for this thread, so `this` outlives the call.
            const EncryptionResult result = run(job, sender);
            QMetaObject::invokeMethod(
                this,
                [self, result, done] {
                    if (self)
                        done(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void EncryptionService::planCopies(const EncryptionJob& job, const QStringList& envelope,
                                   CopiesDone done)
{
    QPointer<EncryptionService> self(this);
    QMetaObject::invokeMethod(
        m_worker,
        [this, self, job, envelope, done] {
            // The destructor waits for this thread, so `this` outlives the call.
            QList<EncryptedCopy> copies;
            QString error;
            if (CopyPlanner::plan(job.source, job.edits, envelope, &copies, &error))
                error = keyProblems(job.method, envelope);
            QMetaObject::invokeMethod(
                this,
                [self, copies, error, done] {
                    if (self)
                        done(copies, error);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

QString EncryptionService::keyProblems(const QString& method, const QStringList& addresses) const
{
    QString problem;
    EncryptionBackend* b = backend(method, &problem);
    if (!b)
        return tr("%1 encryption cannot be used: %2").arg(methodLabel(method), problem);
    QStringList missing;
    const QList<RecipientKey> keys = lookup(b, method, addresses);
    for (const RecipientKey& key : keys) {
        if (!key.usable)
            missing << QStringLiteral("%1 (%2)").arg(key.address, key.problem);
    }
    if (!missing.isEmpty())
        return tr("no usable %1 key for %2")
            .arg(methodLabel(method), missing.join(QLatin1String("; ")));
    return {};
}

EncryptionResult EncryptionService::run(EncryptionJob job, const QString& sender) const
{
    EncryptionResult result;
    result.id = job.id;
    // Every recipient's key once more, now: a certificate may have expired or a file broken
    // since the plan was made. The reason names the recipient and what is wrong.
    result.error = keyProblems(job.method, job.to);
    if (!result.error.isEmpty())
        return result;
    QString problem;
    EncryptionBackend* b = backend(job.method, &problem);
    if (!b) {
        result.error = tr("%1 encryption cannot be used: %2").arg(methodLabel(job.method), problem);
        return result;
    }
    bool senderIncluded = false;
    if (!sender.isEmpty()) {
        bool known = false;
        for (const QString& a : std::as_const(job.to))
            known = known || sameAddress(a, sender);
        if (!known && b->findKey(sender).usable) {
            job.to << sender;
            senderIncluded = true;
        } else if (known) {
            senderIncluded = true;
        }
    }
    MessageEncryptor encryptor(b, &m_cancel);
    result = encryptor.run(job);
    result.senderIncluded = senderIncluded;
    return result;
}

} // namespace sendguard
