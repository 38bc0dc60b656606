// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <mutex>

namespace sendguard {

// The addresses this user has sent mail to before, kept in a small SQLite database in the data
// dir (Qt SQL). Updated only after a message was relayed. Reads are thread-safe (an in-memory
// copy, up to date at once); writes happen on the thread that opened it, gathered for up to a
// second into one transaction (a busy relay would otherwise pay for one per message), and at
// the latest when the history is closed.
class RecipientHistory
{
    Q_DECLARE_TR_FUNCTIONS(RecipientHistory)

public:
    explicit RecipientHistory(const QString& path);
    ~RecipientHistory();

    bool open(QString* error);

    // Address in normal form (see normalizeAddress).
    bool knowsAddress(const QString& address) const;
    // Domains (normal form) of every address sent to before.
    QStringList knownDomains() const;
    bool isEmpty() const;

    // Records that mail to these addresses was relayed.
    void recordDelivered(const QStringList& addresses);
    // Writes what recordDelivered() gathered.
    void flush();

    // "Taro@Example.CO.JP" -> "Taro@example.co.jp"; IDN domains as "xn--".
    static QString normalizeAddress(const QString& address);

private:
    QString m_path;
    QString m_connection;
    mutable std::mutex m_mutex;
    QSet<QString> m_addresses;
    QSet<QString> m_domains;
    // Not yet written: address (normal form) -> messages relayed to it; and when the last was.
    QHash<QString, int> m_pending;
    QString m_pendingTime;
    QTimer m_flushTimer;
};

} // namespace sendguard
