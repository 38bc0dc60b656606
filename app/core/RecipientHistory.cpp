// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecipientHistory.h"

#include "AddressSyntax.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <utility>

Q_LOGGING_CATEGORY(lcHistory, "sendguard.history", QtInfoMsg)

namespace sendguard {

RecipientHistory::RecipientHistory(const QString& path)
    : m_path(path), m_connection(QStringLiteral("history-%1").arg(reinterpret_cast<quintptr>(this)))
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(1000);
    QObject::connect(&m_flushTimer, &QTimer::timeout, &m_flushTimer, [this] { flush(); });
}

RecipientHistory::~RecipientHistory()
{
    flush();
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

QString RecipientHistory::normalizeAddress(const QString& address)
{
    const int at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return address;
    const QString domain = address.mid(at + 1).toLower();
    QString ace = QString::fromLatin1(QUrl::toAce(domain));
    if (ace.isEmpty())
        ace = domain;
    return address.left(at) + QLatin1Char('@') + ace;
}

bool RecipientHistory::open(QString* error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        *error = tr("cannot open the recipient history %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS recipients ("
                               " address TEXT PRIMARY KEY COLLATE NOCASE,"
                               " domain TEXT NOT NULL,"
                               " first_sent TEXT NOT NULL,"
                               " last_sent TEXT NOT NULL,"
                               " count INTEGER NOT NULL DEFAULT 1)"))) {
        *error =
            tr("cannot prepare the recipient history %1: %2").arg(m_path, q.lastError().text());
        return false;
    }
    // The history only sharpens a warning: WAL without a sync per commit is enough, and keeps
    // the relay path free of an fsync per delivered message.
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    if (!q.exec(QStringLiteral("SELECT address, domain FROM recipients"))) {
        *error = tr("cannot read the recipient history %1: %2").arg(m_path, q.lastError().text());
        return false;
    }
    std::lock_guard<std::mutex> lock(m_mutex);
    while (q.next()) {
        m_addresses.insert(q.value(0).toString().toLower());
        m_domains.insert(q.value(1).toString());
    }
    return true;
}

bool RecipientHistory::knowsAddress(const QString& address) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_addresses.contains(normalizeAddress(address).toLower());
}

QStringList RecipientHistory::knownDomains() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return QStringList(m_domains.cbegin(), m_domains.cend());
}

bool RecipientHistory::isEmpty() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_addresses.isEmpty();
}

void RecipientHistory::recordDelivered(const QStringList& addresses)
{
    if (addresses.isEmpty())
        return;
    m_pendingTime = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QStringList normalized;
    for (const QString& a : addresses) {
        const QString n = normalizeAddress(a);
        m_pending[n] += 1;
        normalized << n;
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (const QString& n : std::as_const(normalized)) {
            m_addresses.insert(n.toLower());
            m_domains.insert(AddressSyntax::domainOf(n));
        }
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void RecipientHistory::flush()
{
    m_flushTimer.stop();
    if (m_pending.isEmpty())
        return;
    const QHash<QString, int> pending = std::exchange(m_pending, {});
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isOpen())
        return;
    db.transaction();
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO recipients (address, domain, first_sent, last_sent, count)"
                       " VALUES (?, ?, ?, ?, ?) ON CONFLICT(address) DO UPDATE SET"
                       " last_sent = excluded.last_sent, count = count + excluded.count"));
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        q.addBindValue(it.key());
        q.addBindValue(AddressSyntax::domainOf(it.key()));
        q.addBindValue(m_pendingTime);
        q.addBindValue(m_pendingTime);
        q.addBindValue(it.value());
        if (!q.exec())
            qCWarning(lcHistory).noquote()
                << "cannot update the recipient history:" << q.lastError().text();
    }
    db.commit();
}

} // namespace sendguard
