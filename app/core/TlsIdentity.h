// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslConfiguration>
#include <QString>

namespace sendguard {

// The certificate SendGuard presents to local mail clients on STARTTLS: self-signed, made once per
// installation with OpenSSL and kept in DATA/tls/ (the key readable by the owner only).
class TlsIdentity
{
public:
    explicit TlsIdentity(const QString& directory);

    // Loads the identity, creating it first if it does not exist yet.
    bool loadOrCreate(QString* error);
    QSslConfiguration serverConfiguration() const;
    QString certificatePath() const;

private:
    bool create(QString* error);

    QString m_dir;
    QSslConfiguration m_config;
};

} // namespace sendguard
