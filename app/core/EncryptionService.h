// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Config.h"
#include "MessageEncryptor.h"
#include "QueueEntry.h"
#include "Verdict.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <atomic>
#include <functional>
#include <memory>

class QThread;

namespace sendguard {

class EncryptionBackend;
class EncryptionPlugins;

// Encryption as the configuration (encryption.*) asks for it: loads the plugins, keeps the back
// ends configured (the S/MIME folder is read again when its files change), decides the plan for
// each message before it is confirmed, and encrypts queued messages on a thread of its own.
class EncryptionService : public QObject
{
    Q_OBJECT

public:
    explicit EncryptionService(const EncryptionConfig& config, QObject* parent = nullptr);
    ~EncryptionService() override; // stops a running encryption and waits for it

    const EncryptionConfig& config() const { return m_config; }

    // Loads the plugins and configures the back ends the configuration uses. What does not
    // work is returned (for the log); it is not fatal: messages then say why they cannot be
    // encrypted.
    QStringList start();

    // What encryption means for this message: thread-safe (runs on the receiving threads).
    EncryptionPlan plan(const Verdict& verdict, const QString& envelopeFrom) const;

    using Done = std::function<void(const EncryptionResult&)>;
    // Encrypts on the service's thread; `sender`, when its key is usable at that moment, is
    // added to the recipients. `done` runs on this object's thread.
    void encrypt(const EncryptionJob& job, const QString& sender, Done done);

    using CopiesDone =
        std::function<void(const QList<EncryptedCopy>& copies, const QString& error)>;
    // The encrypted copies of a queued message (CopyPlanner: one for the recipients its To/Cc
    // show as relayed, one per Bcc recipient), decided on the service's thread from
    // `job.source` with `job.edits` for the envelope recipients `envelope`; and every one of
    // them checked for a usable `job.method` key now, so that a message is not sent to some
    // recipients and then stopped for want of another's key. `done` runs on this object's
    // thread; `error` is empty when all is well.
    void planCopies(const EncryptionJob& job, const QStringList& envelope, CopiesDone done);

    static QString methodLabel(const QString& method); // "S/MIME", "OpenPGP"

private:
    // The back end `name` ready for use, or null with the reason. `notConfigured` is set when
    // the configuration does not use it at all (S/MIME without a certificate folder).
    EncryptionBackend* backend(const QString& name, QString* problem,
                               bool* notConfigured = nullptr) const;
    // The keys of `addresses`, in the same order, from one look-up (OpenPGP: one gpg run).
    QList<RecipientKey> lookup(EncryptionBackend* backend, const QString& method,
                               const QStringList& addresses) const;
    EncryptionResult run(EncryptionJob job, const QString& sender) const;
    // Why `addresses` cannot all be encrypted to with `method` now; empty when they can.
    QString keyProblems(const QString& method, const QStringList& addresses) const;

    struct BackendState
    {
        bool tried = false;
        bool ok = false;
        QString error;
        QByteArray signature; // of the S/MIME folder when it was read
        QElapsedTimer since;
    };

    EncryptionConfig m_config;
    mutable QMutex m_mutex;
    std::unique_ptr<EncryptionPlugins> m_plugins;
    mutable bool m_loaded = false;
    mutable QHash<QString, BackendState> m_states;
    std::atomic<bool> m_cancel{false};
    QThread* m_thread = nullptr;
    QObject* m_worker = nullptr; // lives on m_thread
};

} // namespace sendguard
