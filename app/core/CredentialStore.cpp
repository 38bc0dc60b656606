// SPDX-License-Identifier: GPL-3.0-or-later
#include "CredentialStore.h"

#include <QDir>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace sendguard {

namespace {
constexpr int KeychainTimeoutMs = 20000;
const QString Service = QStringLiteral("SendGuard");

// Runs a QtKeychain job to completion, giving up after a bound.
bool runJob(QKeychain::Job* job, QString* error)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    QObject::connect(job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job->setAutoDelete(false);
    job->start();
    timer.start(KeychainTimeoutMs);
    loop.exec();
    if (timedOut) {
        *error = CredentialStore::tr("the keychain did not answer within %1 seconds")
                     .arg(KeychainTimeoutMs / 1000);
        return false;
    }
    return true;
}
} // namespace

CredentialStore::CredentialStore(const QString& dataDir) : m_dataDir(QDir(dataDir).absolutePath())
{
}

QString CredentialStore::keyFor(Secret which) const
{
    const QString kind = which == Secret::LocalPassword ? QStringLiteral("local-smtp")
                                                        : QStringLiteral("upstream-smtp");
    return kind + QLatin1Char(':') + m_dataDir;
}

bool CredentialStore::read(Secret which, QString* value, bool* found, QString* error) const
{
    *found = false;
    QKeychain::ReadPasswordJob job(Service);
    job.setKey(keyFor(which));
    job.setInsecureFallback(false);
    if (!runJob(&job, error))
        return false;
    if (job.error() == QKeychain::EntryNotFound)
        return true;
    if (job.error() != QKeychain::NoError) {
        *error = tr("cannot read from the keychain: %1").arg(job.errorString());
        return false;
    }
    *value = job.textData();
    *found = true;
    return true;
}

bool CredentialStore::write(Secret which, const QString& value, QString* error) const
{
    QKeychain::WritePasswordJob job(Service);
    job.setKey(keyFor(which));
    job.setInsecureFallback(false);
    job.setTextData(value);
    if (!runJob(&job, error))
        return false;
    if (job.error() != QKeychain::NoError) {
        *error = tr("cannot write to the keychain: %1").arg(job.errorString());
        return false;
    }
    return true;
}

QString CredentialStore::generatePassword()
{
    // 20 characters from an alphabet without look-alikes (no 0/O, 1/l/I): about 115 bits.
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    const int n = int(sizeof alphabet) - 1;
    QString pw;
    for (int i = 0; i < 20; ++i)
        pw += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(n)]);
    return pw;
}

bool LocalCredentials::check(const QString& user, const QByteArray& password) const
{
    // Compare in constant time so the answer's timing tells nothing about the password.
    unsigned char diff = password.size() == m_password.size() ? 0 : 1;
    for (int i = 0; i < m_password.size(); ++i) {
        const unsigned char a = static_cast<unsigned char>(m_password.at(i));
        const unsigned char b =
            i < password.size() ? static_cast<unsigned char>(password.at(i)) : 0;
        diff |= a ^ b;
    }
    return diff == 0 && user == CredentialStore::localUserName();
}

} // namespace sendguard
