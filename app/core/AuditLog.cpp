// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditLog.h"

#include "DurableFile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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
    if (!m_key)
        m_key = AuditKey::load();
    if (!m_key->error.isEmpty())
        qCWarning(lcAudit).noquote() << "audit lines are written without a MAC:" << m_key->error;
    auto writer = std::make_unique<AuditWriter>(m_path, osUser(), m_key->key);
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
                m_waiting.reserve(records.size()); // the next batch is likely as large
            }
            m_writer->drain(std::move(records));
        },
        Qt::QueuedConnection);
}

namespace {

// The last `count` lines of a file (without their "\n"), read from the end; `terminated` tells
// whether the file ends with a line end.
QList<QByteArray> lastLines(const QString& path, int count, bool* terminated)
{
    QList<QByteArray> result;
    *terminated = true;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() == 0)
        return result;
    const qint64 size = f.size();
    QByteArray tail;
    qint64 pos = size;
    constexpr qint64 Chunk = 64 * 1024;
    // Read backwards until `count` line ends precede the last line, or the start is reached.
    while (pos > 0) {
        const qint64 n = qMin(Chunk, pos);
        pos -= n;
        f.seek(pos);
        tail.prepend(f.read(n));
        if (tail.count('\n') > count)
            break;
    }
    *terminated = tail.endsWith('\n');
    if (*terminated)
        tail.chop(1);
    QList<QByteArray> parts = tail.split('\n');
    if (pos > 0 && !parts.isEmpty())
        parts.removeFirst(); // possibly incomplete
    while (parts.size() > count)
        parts.removeFirst();
    return parts;
}

QByteArray firstLine(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readLine(1024 * 1024);
}

qint64 chainedSeq(const QByteArray& line)
{
    const QJsonObject o = QJsonDocument::fromJson(line).object();
    const QJsonValue v = o.value(QStringLiteral("seq"));
    return v.isDouble() ? qint64(v.toDouble()) : -1;
}

} // namespace

AuditWriter::AuditWriter(const QString& path, const QString& user, const QByteArray& key)
    : m_path(path), m_dir(QFileInfo(path).absolutePath()), m_user(user), m_key(key),
      m_prev(AuditChain::genesis()), m_flushTimer(new QTimer(this)), m_syncTimer(new QTimer(this))
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
    closeFile();
}

void AuditWriter::closeFile()
{
    if (m_fd < 0)
        return;
#ifdef Q_OS_WIN
    ::_close(m_fd);
#else
    ::close(m_fd);
#endif
    m_fd = -1;
}

bool AuditWriter::openFile(QString* error)
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

bool AuditWriter::open(QString* error)
{
    // Where does the chain end? In the current file, or else in the newest earlier one.
    QString endFile;
    if (QFileInfo(m_path).size() > 0) {
        endFile = m_path;
    } else {
        const QList<auditfiles::File> files = auditfiles::list(m_dir);
        for (auto it = files.crbegin(); it != files.crend(); ++it) {
            if (!it->current && QFileInfo(it->path).size() > 0) {
                endFile = it->path;
                break;
            }
        }
    }
    bool terminated = true;
    if (!endFile.isEmpty()) {
        const QList<QByteArray> tail = lastLines(endFile, 2, &terminated);
        if (!tail.isEmpty()) {
            m_prev = AuditChain::hashLine(tail.last());
            qint64 seq = chainedSeq(tail.last());
            if (seq < 0 && !terminated && tail.size() > 1) {
                // Cut off by a crash in the middle of a write: it takes the seq after the line
                // before it, and so does the line that follows it now.
                seq = chainedSeq(tail.first());
            }
            m_seq = qMax<qint64>(0, seq);
        }
    }
    // A trail whose last lines were removed continues after them, so that the gap shows.
    {
        QFile head(QDir(m_dir).filePath(auditfiles::headName()));
        if (head.open(QIODevice::ReadOnly)) {
            const QJsonObject o = QJsonDocument::fromJson(head.readAll()).object();
            const qint64 seq = qint64(o.value(QStringLiteral("seq")).toDouble());
            const QString hash = o.value(QStringLiteral("hash")).toString();
            if (seq > m_seq && AuditChain::isHexHash(hash)) {
                qCWarning(lcAudit).noquote() << "the audit trail ends at seq" << m_seq << "but seq"
                                             << seq << "was written before: lines are missing";
                m_seq = seq;
                m_prev = hash.toLatin1();
            }
        }
    }
    m_headSeq = m_seq;

    if (QFileInfo(m_path).size() > 0) {
        const QJsonObject first = QJsonDocument::fromJson(firstLine(m_path)).object();
        const QDateTime ts =
            QDateTime::fromString(first.value(QStringLiteral("ts")).toString(), Qt::ISODateWithMs);
        m_fileDay =
            ts.isValid() ? ts.toUTC().date() : QFileInfo(m_path).lastModified().toUTC().date();
    }
    if (!openFile(error))
        return false;
    if (!terminated && endFile == m_path)
        m_pending += '\n'; // keep the cut-off line apart from the next one
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
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(record.msecs, Qt::UTC);
    const QDate day = time.date();
    if (m_fileDay.isValid() && day > m_fileDay)
        rotate(day, record.msecs);
    if (!m_fileDay.isValid())
        m_fileDay = day;
    // Written field by field (JsonLine): a line per event, several per message, is the
    // writer's main work. A field of `extra` takes the place of a standard one of its name.
    const QJsonObject& extra = record.extra;
    JsonLine line;
    const auto standard = [&extra](QLatin1StringView name) { return !extra.contains(name); };
    if (standard(QLatin1StringView("ts")))
        line.add(QLatin1StringView("ts"), time.toString(Qt::ISODateWithMs));
    if (standard(QLatin1StringView("user")))
        line.add(QLatin1StringView("user"), m_user);
    if (standard(QLatin1StringView("event")))
        line.add(QLatin1StringView("event"), record.event);
    if (record.aboutMessage) {
        if (standard(QLatin1StringView("id")))
            line.add(QLatin1StringView("id"), entry.id);
        if (standard(QLatin1StringView("message_id")))
            line.add(QLatin1StringView("message_id"), entry.messageId);
        if (standard(QLatin1StringView("from")))
            line.add(QLatin1StringView("from"), entry.envelopeFrom);
        if (standard(QLatin1StringView("header_from")))
            line.add(QLatin1StringView("header_from"), entry.headerFrom);
        if (standard(QLatin1StringView("recipients")))
            line.add(QLatin1StringView("recipients"), entry.recipientAddresses());
        if (standard(QLatin1StringView("subject")))
            line.add(QLatin1StringView("subject"), entry.subject);
        if (standard(QLatin1StringView("size")))
            line.add(QLatin1StringView("size"), entry.size);
    }
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        // The chain's own fields are the writer's alone.
        if (it.key() == QLatin1String("seq") || it.key() == QLatin1String("prev") ||
            it.key() == QLatin1String("mac"))
            continue;
        line.add(it.key(), it.value());
    }
    append(line);
}

void AuditWriter::append(const QJsonObject& fields)
{
    JsonLine line;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (it.key() != QLatin1String("seq") && it.key() != QLatin1String("prev") &&
            it.key() != QLatin1String("mac"))
            line.add(it.key(), it.value());
    }
    append(line);
}

void AuditWriter::append(const JsonLine& fields)
{
    const QByteArray line = AuditChain::seal(fields, ++m_seq, m_prev, m_key);
    m_prev = AuditChain::hashLine(line);
    m_pending += line;
    m_pending += '\n';
    if (m_pending.size() > 64 * 1024)
        flush();
    else if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void AuditWriter::rotate(const QDate& day, qint64 msecs)
{
    // Everything of the earlier day goes into its file, on disk, before the rename.
    sync();
    closeFile();
    QDir dir(m_dir);
    QString target;
    for (int part = 0; part < 1000; ++part) {
        const QString name = auditfiles::rotatedName(m_fileDay, part);
        if (!QFileInfo::exists(dir.filePath(name))) {
            target = name;
            break;
        }
    }
    QString error;
    const bool renamed =
        !target.isEmpty() && durable::renameFile(m_path, dir.filePath(target), &error);
    if (renamed)
        durable::syncDirectory(m_dir, &error);
    else
        qCCritical(lcAudit).noquote() << "cannot rotate the audit log" << m_path << ":" << error;
    if (!openFile(&error))
        qCCritical(lcAudit).noquote() << error;
    m_fileDay = day;
    if (!renamed)
        return; // keep writing to the same file; the chain goes on in it
    const QString timestamp =
        QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).toString(Qt::ISODateWithMs);
    append({{QStringLiteral("ts"), timestamp},
            {QStringLiteral("user"), m_user},
            {QStringLiteral("event"), QStringLiteral("rotated")},
            {QStringLiteral("rotated_from"), target}});
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
    writeHead();
}

void AuditWriter::writeHead()
{
    if (m_seq <= m_headSeq)
        return;
    QJsonObject head{
        {QStringLiteral("file"), QFileInfo(m_path).fileName()},
        {QStringLiteral("hash"), QString::fromLatin1(m_prev)},
        {QStringLiteral("ts"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    // Sealed like a line; its own "seq"/"prev" are the last line's seq and hash.
    head.insert(QStringLiteral("seq"), m_seq);
    QByteArray data = QJsonDocument(head).toJson(QJsonDocument::Compact);
    if (!m_key.isEmpty()) {
        const QByteArray m = AuditChain::mac(m_key, data);
        data.chop(1);
        data += ",\"mac\":\"" + m + "\"}";
    }
    data += '\n';
    QString error;
    if (!durable::writeFileAtomically(QDir(m_dir).filePath(auditfiles::headName()), data, &error)) {
        qCWarning(lcAudit).noquote() << "cannot write the audit head:" << error;
        return;
    }
    m_headSeq = m_seq;
}

} // namespace sendguard
