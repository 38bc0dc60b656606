// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EncryptionBackend.h"

#include <QMutex>
#include <QObject>
#include <memory>

namespace sendguard {

// S/MIME encryption with OpenSSL 3 CMS: EnvelopedData to the recipients' certificates, which
// are read from one folder (*.pem, *.crt, *.cer, *.der; PEM files may hold several).
//
// A certificate belongs to an address when its subjectAltName rfc822Name or its subject
// emailAddress equals it (case-insensitive). It is usable when it is valid now (notBefore,
// notAfter), its key is RSA (2048 bits or more) with keyUsage keyEncipherment or EC with
// keyAgreement (when the certificate has a keyUsage extension), and its extendedKeyUsage, when
// present, allows e-mail protection. Of several usable certificates for one address, the one valid
// longest wins.
//
// The output is DER (RFC 8551 asks for it), with the encrypted content as one primitive OCTET
// STRING, whose length comes before it. Input of known length (a file) is therefore encrypted
// straight into the output; the ciphertext of a stream waits in memory, beyond 1 MiB in a
// temporary file in the output's folder (when the output is a file; else the system's temporary
// folder), until its length is known.
class SmimeBackend : public QObject, public EncryptionBackend
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.sendguard.EncryptionBackend/1.1" FILE "smime.json")
    Q_INTERFACES(sendguard::EncryptionBackend)

public:
    SmimeBackend();
    ~SmimeBackend() override;

    QString name() const override;
    bool configure(const EncryptionSettings& settings, QString* error) override;
    QStringList problems() const override;
    KeyLookup findKey(const QString& address) const override;
    QList<KeyLookup> findKeys(const QStringList& addresses) const override;
    bool encrypt(QIODevice* in, QIODevice* out, const QStringList& recipients,
                 QString* error) const override;

    struct Store;

private:
    std::shared_ptr<const Store> store() const;
    // findKey() with the certificates of `store` (null: not configured).
    static KeyLookup keyLookup(const Store* store, const QString& address);

    mutable QMutex m_mutex;
    std::shared_ptr<const Store> m_store;
};

} // namespace sendguard
