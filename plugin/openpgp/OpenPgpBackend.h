// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EncryptionBackend.h"

#include <QMutex>
#include <QObject>
#include <memory>
#include <vector>

namespace GpgME {
class Context;
class Key;
} // namespace GpgME

namespace sendguard {

// OpenPGP encryption with GnuPG through GPGME++: binary OpenPGP messages to public keys from
// a keyring (the GnuPG home folder of the settings, or GnuPG's default).
//
// A key belongs to an address when one of its user IDs has that e-mail address (gpg's exact
// "<address>" match). It is usable when neither the key nor that user ID is revoked, expired,
// disabled or invalid, GnuPG does not rate the user ID's validity "never", and it has an
// encryption subkey that is itself valid. Of several usable keys, the one with the newest
// encryption subkey wins.
//
// Trust: like a certificate placed in the S/MIME folder, a key placed in the configured keyring
// is taken as the user's decision to encrypt to it. Encryption therefore runs with GnuPG's
// "always trust" so that keys imported but never certified (validity "unknown") can be used,
// but only after the checks above: expired, revoked, disabled or explicitly distrusted keys
// are never used.
class OpenPgpBackend : public QObject, public EncryptionBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.sendguard.EncryptionBackend/1.1" FILE "openpgp.json")
    Q_INTERFACES(sendguard::EncryptionBackend)

public:
    OpenPgpBackend();
    ~OpenPgpBackend() override;

    QString name() const override;
    bool configure(const EncryptionSettings& settings, QString* error) override;
    QStringList problems() const override;
    KeyLookup findKey(const QString& address) const override;
    QList<KeyLookup> findKeys(const QStringList& addresses) const override;
    bool encrypt(QIODevice* in, QIODevice* out, const QStringList& recipients,
                 QString* error) const override;

private:
    // A fresh context for one operation (GPGME contexts are not shared between threads).
    std::unique_ptr<GpgME::Context> newContext(const QString& home, QString* error) const;
    // The keys with a user ID for any of `addresses` (one gpg run).
    bool listKeys(GpgME::Context* context, const QStringList& addresses,
                  std::vector<GpgME::Key>* keys, QString* error) const;
    // Of `keys`, the one to use for `address` (stays null when none is usable), and what to
    // say about it.
    KeyLookup judge(const std::vector<GpgME::Key>& keys, const QString& address,
                    GpgME::Key* key) const;
    bool configured(QString* home, QString* error) const;

    mutable QMutex m_mutex;
    bool m_configured = false;
    QString m_home;
};

} // namespace sendguard
