// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>
#include <QtPlugin>

namespace sendguard {

// What an encryption back end needs to know; each back end reads only its own fields.
struct EncryptionSettings
{
    // S/MIME: folder whose *.pem, *.crt, *.cer and *.der files hold the recipients'
    // certificates (a PEM file may hold several). Being in this folder is what makes a
    // certificate trusted for encryption; no chain is checked.
    QString smimeCertificates;
    // OpenPGP: the GnuPG home folder with the recipients' public keys; empty = GnuPG's default
    // ($GNUPGHOME or ~/.gnupg).
    QString gnupgHome;
    // S/MIME content cipher: "aes-128-cbc", "aes-192-cbc" or "aes-256-cbc"; empty =
    // "aes-256-cbc". OpenPGP ignores it: GnuPG takes the strongest cipher all recipients'
    // keys announce (AES256 for keys made by GnuPG 2.2 and later).
    QString cipher;
};

// The answer to "can I encrypt to this address?".
struct KeyLookup
{
    bool usable = false;
    // The certificate or key that would be used (or the best one that was found when none is
    // usable): subject or user ID, fingerprint, expiry. Empty when nothing matched.
    QString description;
    // Why the address cannot be encrypted to: not found, expired, not yet valid, revoked,
    // no encryption usage, ... Empty when usable.
    QString problem;
    // Where it came from: the certificate file (S/MIME) or the primary key fingerprint
    // (OpenPGP).
    QString source;
};

// An encryption back end, loaded at run time as a Qt plugin (see EncryptionPlugins). Each
// plugin has exactly one instance, owned by the plugin loader.
//
// configure() must be called first; it may be called again to replace the settings. After
// that, findKey() and encrypt() may be called from any thread, also at the same time.
class EncryptionBackend
{
public:
    virtual ~EncryptionBackend() = default;

    // "smime" or "openpgp".
    virtual QString name() const = 0;

    // Reads the certificates / checks the keyring. False (with `error`) when the back end cannot
    // work at all: folder missing, unknown cipher, GnuPG not usable; the previous settings then
    // stay in force. Single broken files are not fatal: they are skipped and listed in
    // problems().
    virtual bool configure(const EncryptionSettings& settings, QString* error) = 0;

    // Things the last configure() skipped, each "FILE: REASON".
    virtual QStringList problems() const = 0;

    // Looks up the certificate or key for one address (case-insensitive); validity is judged
    // at the time of the call.
    virtual KeyLookup findKey(const QString& address) const = 0;

    // findKey() for each of `addresses`: the same answers, in the same order. A back end whose
    // every look-up has a fixed cost (OpenPGP: one gpg run) does them all at once; this default
    // asks findKey() for each address.
    virtual QList<KeyLookup> findKeys(const QStringList& addresses) const
    {
        QList<KeyLookup> found;
        found.reserve(addresses.size());
        for (const QString& address : addresses)
            found << findKey(address);
        return found;
    }

    // Encrypts everything `in` delivers through read() (until read() returns 0) to all
    // `recipients`, writing the binary result to `out`: CMS EnvelopedData (DER) for S/MIME,
    // OpenPGP packets for OpenPGP. Works in bounded chunks: memory use does not depend on the
    // size of the input.
    //
    // When a recipient has no usable key, returns false with an error naming every such
    // recipient, before anything is read or written. On a later failure (I/O error, crypto
    // error) returns false; what was written to `out` by then is incomplete and must be
    // discarded.
    virtual bool encrypt(QIODevice* in, QIODevice* out, const QStringList& recipients,
                         QString* error) const = 0;
};

} // namespace sendguard

// A new version whenever EncryptionBackend changes: a plugin built for another one is refused
// by EncryptionPlugins, never called through a different table of virtual functions.
#define SENDGUARD_ENCRYPTION_BACKEND_IID "org.sendguard.EncryptionBackend/1.1"
Q_DECLARE_INTERFACE(sendguard::EncryptionBackend, SENDGUARD_ENCRYPTION_BACKEND_IID)
