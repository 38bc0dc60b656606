// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditLog.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>
#include <cerrno>
#include <cstring>
#include <fcntl.h>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <pwd.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcAudit, "sendguard.audit", QtInfoMsg)

namespace sendguard {

AuditLog::AuditLog(const QString& path, QObject* parent) : QObject(parent), m_path(path) {}

AuditLog::~AuditLog()
{
    if (!m_thread)
        return;
    QMetaObject::invokeMethod(
        m_writer,
        [w = m_writer] {
            w->sync();
            delete w;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

QString AuditLog::osUser()
{
#ifdef Q_OS_WIN
    return qEnvironmentVariable("USERNAME");
#else
    // The account the process runs as, not what the environment claims.
    if (const passwd* pw = ::getpwuid(::getuid()))
        return QString::fromLocal8Bit(pw->pw_name);
    return QString::number(::getuid());
#endif
}

bool AuditLog::open(QString* error)
{
    auto writer = std::make_unique<AuditWriter>(m_path, osUser());
    if (!writer->open(error))
        return false;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("audit"));
    m_writer = writer.release();
    m_writer->moveToThread(m_thread);
    m_thread->start();
    return true;
}

void AuditLog::record(const QString& event, const QueueEntry& entry, const QJsonObject& extra)
{
    enqueue({event, entry, true, extra, QDateTime::currentMSecsSinceEpoch()});
}

void AuditLog::recordService(const QString& event, const QJsonObject& extra)
{
    enqueue({event, {}, false, extra, QDateTime::currentMSecsSinceEpoch()});
}

void AuditLog::enqueue(Record record)
{
    if (!m_writer)
        return;
    bool first;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        first = m_waiting.empty();
        m_waiting.push_back(std::move(record));
    }
    if (!first)
        return; // a drain is already on its way
    QMetaObject::invokeMethod(
        m_writer,
        [this] {
            std::vector<Record> records;
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                records.swap(m_waiting);
            }
            m_writer->drain(std::move(records));
        },
        Qt::QueuedConnection);
}

AuditWriter::AuditWriter(const QString& path, const QString& user)
    : m_path(path), m_user(user), m_flushTimer(new QTimer(this)), m_syncTimer(new QTimer(this))
{
    // Lines recorded together are written together; the disk sync follows within a second.
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(0);
    connect(m_flushTimer, &QTimer::timeout, this, &AuditWriter::flush);
    m_syncTimer->setSingleShot(true);
    m_syncTimer->setInterval(1000);
    connect(m_syncTimer, &QTimer::timeout, this, &AuditWriter::sync);
}

AuditWriter::~AuditWriter()
{
    sync();
    if (m_fd >= 0) {
#ifdef Q_OS_WIN
        ::_close(m_fd);
#else
        ::close(m_fd);
#endif
    }
}

bool AuditWriter::open(QString* error)
{
    const QByteArray native = QFile::encodeName(m_path);
#ifdef Q_OS_WIN
    m_fd = ::_open(native.constData(), _O_WRONLY | _O_APPEND | _O_CREAT | _O_BINARY, 0600);
#else
    m_fd = ::open(native.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
#endif
    if (m_fd < 0) {
        *error = AuditLog::tr("cannot open the audit log %1: %2")
                     .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

void AuditWriter::drain(std::vector<AuditLog::Record> records)
{
    for (const AuditLog::Record& r : records)
        write(r);
}

void AuditWriter::write(const AuditLog::Record& record)
{
    const QueueEntry& entry = record.entry;
    const QString timestamp =
        QDateTime::fromMSecsSinceEpoch(record.msecs, Qt::UTC).toString(Qt::ISODateWithMs);
    QJsonObject line{{QStringLiteral("ts"), timestamp},
                     {QStringLiteral("user"), m_user},
                     {QStringLiteral("event"), record.event}};
    if (record.aboutMessage) {
        line.insert(QStringLiteral("id"), entry.id);
        line.insert(QStringLiteral("message_id"), entry.messageId);
        line.insert(QStringLiteral("from"), entry.envelopeFrom);
        line.insert(QStringLiteral("header_from"), entry.headerFrom);
        line.insert(QStringLiteral("recipients"),
                    QJsonArray::fromStringList(entry.recipientAddresses()));
        line.insert(QStringLiteral("subject"), entry.subject);
        line.insert(QStringLiteral("size"), entry.size);
    }
    for (auto it = record.extra.begin(); it != record.extra.end(); ++it)
        line.insert(it.key(), it.value());
    m_pending += QJsonDocument(line).toJson(QJsonDocument::Compact);
    m_pending += '\n';
    if (m_pending.size() > 64 * 1024)
        flush();
    else if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void AuditWriter::flush()
{
    if (m_pending.isEmpty() || m_fd < 0)
        return;
    const char* data = m_pending.constData();
    qsizetype left = m_pending.size();
    while (left > 0) {
#ifdef Q_OS_WIN
        const int n = ::_write(m_fd, data, unsigned(left));
#else
        const ssize_t n = ::write(m_fd, data, size_t(left));
#endif
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            qCCritical(lcAudit).noquote()
                << "cannot write the audit log:" << QString::fromLocal8Bit(std::strerror(errno));
            break;
        }
        data += n;
        left -= n;
    }
    m_pending.clear();
    m_dirty = true;
    if (!m_syncTimer->isActive())
        m_syncTimer->start();
}

void AuditWriter::sync()
{
    flush();
    if (!m_dirty || m_fd < 0)
        return;
    m_dirty = false;
#ifdef Q_OS_WIN
    ::_commit(m_fd);
#else
    ::fdatasync(m_fd);
#endif
}

} // namespace sendguard
