// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SmtpTypes.h"

#include <QCoreApplication>
#include <QString>

namespace sendguard {

// Passwords in the operating system's keychain (Secret Service, Windows Credential Manager,
// macOS Keychain) through QtKeychain. Entries are keyed by the data dir, so two SendGuard
// instances with different data dirs never share secrets. Never falls back to a plain file.
class CredentialStore
{
    Q_DECLARE_TR_FUNCTIONS(CredentialStore)

public:
    enum class Secret
    {
        LocalPassword,
        UpstreamPassword
    };

    explicit CredentialStore(const QString& dataDir);

    // Each call waits for the keychain (bounded); false with `error` when it cannot be used.
    // `found` tells a missing entry apart from a keychain failure.
    bool read(Secret which, QString* value, bool* found, QString* error) const;
    bool write(Secret which, const QString& value, QString* error) const;

    static QString generatePassword();
    static QString localUserName() { return QStringLiteral("sendguard"); }

private:
    QString keyFor(Secret which) const;

    QString m_dataDir;
};

// Holds the local password in memory for the SMTP server's AUTH checks.
class LocalCredentials : public LocalAuthenticator
{
public:
    explicit LocalCredentials(const QString& password) : m_password(password.toUtf8()) {}
    bool check(const QString& user, const QByteArray& password) const override;

private:
    QByteArray m_password;
};

} // namespace sendguard
