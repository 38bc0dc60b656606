// SPDX-License-Identifier: GPL-3.0-or-later
#include "Spool.h"

#include "DurableFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QRegularExpression>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <zlib.h>

Q_LOGGING_CATEGORY(lcSpool, "sendguard.spool", QtInfoMsg)

namespace sendguard {

namespace {
constexpr qint64 CompactAfterLines = 20000;
// From this many new messages in one batch on, one syncfs() replaces their fsyncs.
constexpr int SyncFileSystemFrom = 3;
// Ready-made incoming files kept by the worker.
constexpr int PoolSize = 64;
constexpr int PoolLow = 16;
// Relayed message files up to this size join the pool instead of being removed.
constexpr qint64 RecycleUpTo = 1024 * 1024;
// How long records of relayed messages may wait for company before they are synced.
constexpr std::chrono::milliseconds FinishDelay(50);
// While other messages are being received, an acceptance waits this long at most for some of
// them (up to CommitGroup) so that one sync serves them all.
constexpr std::chrono::milliseconds CommitDelay(2);
constexpr qsizetype CommitGroup = 8;

QByteArray journalLine(const char* op, const QString& id, const QByteArray& entryJson)
{
    QByteArray line = "{\"op\":\"";
    line += op;
    line += "\",\"id\":\"";
    line += id.toLatin1(); // ids are [0-9A-Za-z-]
    line += '"';
    if (!entryJson.isEmpty()) {
        line += ",\"entry\":";
        line += entryJson;
    }
    line += "}\n";
    return line;
}
} // namespace

Spool::Spool(const QString& root, QObject* parent)
    : QObject(parent), m_root(root), m_tmp(root + QStringLiteral("/tmp")),
      m_queue(root + QStringLiteral("/queue")), m_damaged(root + QStringLiteral("/damaged")),
      m_journalPath(root + QStringLiteral("/journal.jsonl")),
      m_donePath(root + QStringLiteral("/done.jsonl"))
{
}

Spool::~Spool()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_worker.joinable())
        m_worker.join();
}

bool Spool::open(QString* error)
{
    for (const QString& dir : {m_root, m_tmp, m_queue}) {
        if (!QDir().mkpath(dir)) {
            *error = tr("cannot create the spool folder %1").arg(dir);
            return false;
        }
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ExeOwner);
    }
    // Anything still in tmp/, and any pool file in the queue, was never acknowledged to a
    // client (or was a relayed message's file, kept for reuse).
    const QStringList leftovers = QDir(m_tmp).entryList(QDir::Files);
    for (const QString& name : leftovers)
        QFile::remove(m_tmp + QLatin1Char('/') + name);
    const QStringList parts = QDir(m_queue).entryList({QStringLiteral("*.part")}, QDir::Files);
    for (const QString& name : parts)
        QFile::remove(m_queue + QLatin1Char('/') + name);
    return true;
}

QString Spool::incomingPath(const QString& id) const
{
    std::lock_guard<std::mutex> lock(m_poolMutex);
    return m_incoming.value(id, m_queue + QStringLiteral("/in-") + id + QStringLiteral(".part"));
}

QString Spool::claimIncoming(const QString& id)
{
    QString path;
    bool low;
    {
        std::lock_guard<std::mutex> lock(m_poolMutex);
        path = m_pool.isEmpty() ? m_queue + QStringLiteral("/in-") + id + QStringLiteral(".part")
                                : m_pool.takeLast();
        m_incoming.insert(id, path);
        low = m_pool.size() < PoolLow;
    }
    if (low)
        m_wake.notify_one(); // the worker refills the pool
    return path;
}

QString Spool::takeIncoming(const QString& id)
{
    const QString path = incomingPath(id);
    std::lock_guard<std::mutex> lock(m_poolMutex);
    m_incoming.remove(id);
    return path;
}

void Spool::refillPool()
{
    int missing;
    {
        std::lock_guard<std::mutex> lock(m_poolMutex);
        missing = PoolSize - int(m_pool.size());
    }
    QStringList created;
    for (int i = 0; i < missing; ++i) {
        const QString path = m_queue + QStringLiteral("/pool-%1.part").arg(++m_poolSerial);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            break;
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        created << path;
    }
    std::lock_guard<std::mutex> lock(m_poolMutex);
    m_pool += created;
}

void Spool::recycle(const QString& path)
{
    // Removing a file and creating another costs ext4 far more (freeing and allocating the
    // inode and its blocks, a discard) than renaming one in its folder: a relayed message's
    // file becomes the next incoming one, overwritten in place and cut to its new length
    // (SmtpSession).
    {
        std::lock_guard<std::mutex> lock(m_poolMutex);
        if (m_pool.size() < 2 * PoolSize) {
            const QString pooled = m_queue + QStringLiteral("/pool-%1.part").arg(++m_poolSerial);
            if (::rename(QFile::encodeName(path).constData(),
                         QFile::encodeName(pooled).constData()) == 0) {
                m_pool.append(pooled);
                return;
            }
        }
    }
    QFile::remove(path);
}

QString Spool::bodyPath(const QString& id) const
{
    return m_queue + QLatin1Char('/') + id + QStringLiteral(".eml");
}

QString Spool::encryptedPath(const QString& id, int copy) const
{
    return m_queue + QLatin1Char('/') + id +
           (copy == 0 ? QStringLiteral(".enc.eml") : QStringLiteral(".enc-%1.eml").arg(copy));
}

QList<QueueEntry> Spool::recover(QStringList* notes)
{
    // Replay the journal: the last "put" of each id wins, "done" removes it.
    QHash<QString, QByteArray> live;
    QHash<QString, int> puts; // how many states each id has had
    QSet<QString> finished;
    QFile journal(m_journalPath);
    if (journal.open(QIODevice::ReadOnly)) {
        qint64 lineNo = 0;
        while (!journal.atEnd()) {
            const QByteArray line = journal.readLine();
            ++lineNo;
            if (!line.endsWith('\n')) {
                // A line cut off by a crash: its change was never confirmed to anyone.
                notes->append(tr("ignored an incomplete last line in the spool journal"));
                break;
            }
            QJsonParseError pe{};
            const QJsonObject obj = QJsonDocument::fromJson(line, &pe).object();
            const QString op = obj.value(QStringLiteral("op")).toString();
            const QString id = obj.value(QStringLiteral("id")).toString();
            if (pe.error != QJsonParseError::NoError || !isValidMessageId(id)) {
                notes->append(tr("skipped damaged line %1 of the spool journal").arg(lineNo));
                continue;
            }
            if (op == QLatin1String("put")) {
                live.insert(id, QJsonDocument(obj.value(QStringLiteral("entry")).toObject())
                                    .toJson(QJsonDocument::Compact));
                puts[id] += 1;
                finished.remove(id);
            } else if (op == QLatin1String("done")) {
                live.remove(id);
                finished.insert(id);
            }
        }
    }

    QList<QueueEntry> entries;
    for (auto it = live.begin(); it != live.end();) {
        QueueEntry entry;
        QString error;
        const QJsonObject obj = QJsonDocument::fromJson(it.value()).object();
        if (!QueueEntry::fromJson(obj, &entry, &error)) {
            notes->append(tr("message %1 has an unreadable state (%2); its file was kept in %3")
                              .arg(it.key(), error, m_damaged));
        } else if (!QFile::exists(bodyPath(entry.id))) {
            notes->append(
                tr("message %1 is in the journal but its file is missing; it cannot be sent")
                    .arg(entry.id));
        } else if (!isComplete(entry)) {
            if (puts.value(entry.id) == 1) {
                // Cut short by a crash during its acceptance (see processBatch): the client was
                // never answered and still has the message.
                QFile::remove(bodyPath(entry.id));
                notes->append(tr("removed %1, whose acceptance was interrupted before the client "
                                 "was answered")
                                  .arg(entry.id));
                it = live.erase(it);
                continue;
            }
            notes->append(
                tr("message %1 does not match its recorded size and checksum; it was moved to %2")
                    .arg(entry.id, m_damaged));
        } else {
            for (int i = 0; i < entry.encryption.copies.size(); ++i) {
                EncryptedCopy& copy = entry.encryption.copies[i];
                if (!copy.done || fileMatches(encryptedPath(entry.id, i), copy.size, copy.crc32))
                    continue;
                // An encrypted copy missing or cut short: made again from the message before
                // it is relayed.
                QFile::remove(encryptedPath(entry.id, i));
                copy = {copy.recipients, copy.bcc, false, 0, 0};
                notes->append(tr("the encrypted form of message %1 is incomplete; it will be "
                                 "encrypted again")
                                  .arg(entry.id));
            }
            entries.append(entry);
            ++it;
            continue;
        }
        QDir().mkpath(m_damaged);
        QString ignored;
        durable::renameFile(bodyPath(it.key()),
                            m_damaged + QLatin1Char('/') + it.key() + QStringLiteral(".eml"),
                            &ignored);
        durable::writeFileAtomically(m_damaged + QLatin1Char('/') + it.key() +
                                         QStringLiteral(".json"),
                                     it.value(), &ignored);
        it = live.erase(it);
    }

    // Message files the journal does not know: relayed ones whose removal was cut short, or
    // acceptances cut short before the client was answered. Either way they must go.
    const QStringList files = QDir(m_queue).entryList({QStringLiteral("*.eml")}, QDir::Files);
    QSet<QString> encrypted; // file names of encrypted copies recorded as complete
    for (const QueueEntry& e : std::as_const(entries)) {
        for (int i = 0; i < e.encryption.copies.size(); ++i) {
            if (e.encryption.copies.at(i).done)
                encrypted.insert(QFileInfo(encryptedPath(e.id, i)).fileName());
        }
    }
    static const QRegularExpression copyName(QStringLiteral("\\.enc(-[0-9]+)?\\.eml$"));
    for (const QString& name : files) {
        if (copyName.match(name).hasMatch()) {
            // An encrypted copy nobody records (its message is gone, the crash came before its
            // journal line, or all its recipients had it): it goes; the message, if still
            // queued, encrypts it again when it is needed.
            if (!encrypted.contains(name))
                QFile::remove(m_queue + QLatin1Char('/') + name);
            continue;
        }
        const QString id = QFileInfo(name).completeBaseName();
        if (live.contains(id))
            continue;
        QFile::remove(m_queue + QLatin1Char('/') + name);
        if (!finished.contains(id))
            notes->append(
                tr("removed %1, whose acceptance was interrupted before the client was answered")
                    .arg(id));
    }

    std::sort(entries.begin(), entries.end(),
              [](const QueueEntry& a, const QueueEntry& b) { return a.id < b.id; });
    m_live = live;
    QString error;
    if (!compact(&error) || !openJournal(&error))
        notes->append(tr("cannot rewrite the spool journal: %1").arg(error));
    if (!m_worker.joinable())
        m_worker = std::thread([this] { run(); });
    return entries;
}

bool Spool::openJournal(QString* error)
{
    m_journal.close();
    m_journal.setFileName(m_journalPath);
    if (!m_journal.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        *error = m_journal.errorString();
        return false;
    }
    m_doneLog.close();
    m_doneLog.setFileName(m_donePath);
    if (!m_doneLog.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        *error = m_doneLog.errorString();
        return false;
    }
    return true;
}

bool Spool::compact(QString* error)
{
    QByteArray data;
    for (auto it = m_live.cbegin(); it != m_live.cend(); ++it)
        data += journalLine("put", it.key(), it.value());
    m_journalLines = m_live.size();
    return durable::writeFileAtomically(m_journalPath, data, error) &&
           durable::syncDirectory(m_root, error);
}

QList<QueueEntry> Spool::loadDone(int limit) const
{
    QList<QueueEntry> entries;
    QFile f(m_donePath);
    if (!f.open(QIODevice::ReadOnly))
        return entries;
    // Read the tail only: the newest records are at the end.
    const qint64 tail = qint64(limit) * 4096;
    if (f.size() > tail) {
        f.seek(f.size() - tail);
        f.readLine(); // skip a partial line
    }
    QList<QByteArray> lines;
    while (!f.atEnd())
        lines.append(f.readLine());
    for (auto it = lines.crbegin(); it != lines.crend() && entries.size() < limit; ++it) {
        QueueEntry entry;
        QString error;
        if (QueueEntry::fromJson(QJsonDocument::fromJson(*it).object(), &entry, &error))
            entries.append(entry);
    }
    return entries;
}

void Spool::accept(const QueueEntry& entry, Done done)
{
    submit({Op::Accept, entry.id, entry, std::move(done), {}});
}

void Spool::update(const QueueEntry& entry, Done done)
{
    submit({Op::Update, entry.id, entry, std::move(done), {}});
}

void Spool::finish(const QueueEntry& entry, Done done)
{
    submit({Op::Finish, entry.id, entry, std::move(done), {}});
}

void Spool::discardIncoming(const QString& id)
{
    QFile::remove(takeIncoming(id));
}

void Spool::pruneDone(int maxAgeDays)
{
    // Runs at start, before the worker writes to done.jsonl.
    QFile f(m_donePath);
    if (!f.exists() || f.size() < 4 * 1024 * 1024 || !f.open(QIODevice::ReadOnly))
        return;
    const QDateTime limit = QDateTime::currentDateTimeUtc().addDays(-maxAgeDays);
    QByteArray kept;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        const QJsonObject obj = QJsonDocument::fromJson(line).object();
        const QDateTime created = QDateTime::fromString(
            obj.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs);
        if (created.isValid() && created >= limit)
            kept += line;
    }
    f.close();
    QString error;
    if (!durable::writeFileAtomically(m_donePath, kept, &error))
        qCWarning(lcSpool).noquote() << "cannot prune" << m_donePath << ":" << error;
}

qsizetype Spool::acceptsIn(const std::deque<Job>& jobs)
{
    return qsizetype(
        std::count_if(jobs.begin(), jobs.end(), [](const Job& j) { return j.op == Op::Accept; }));
}

void Spool::submit(Job job)
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void Spool::run()
{
    for (;;) {
        std::deque<Job> batch;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait_for(lock, std::chrono::seconds(5),
                            [this] { return m_stop || !m_jobs.empty(); });
            if (m_jobs.empty() && m_stop)
                return;
            // Records of relayed messages are not waited for by any client: let them gather
            // a little and ride along with the next acceptance instead of paying for a sync
            // of their own.
            const auto onlyFinishes = [this] {
                return std::all_of(m_jobs.begin(), m_jobs.end(),
                                   [](const Job& j) { return j.op == Op::Finish; });
            };
            if (!m_stop && !m_jobs.empty() && onlyFinishes())
                m_wake.wait_for(lock, FinishDelay, [&] { return m_stop || !onlyFinishes(); });
            // Group commit: a client waits for its 250 a moment longer when other clients'
            // messages are on their way, and one sync then covers the lot. A message that comes
            // alone is committed at once.
            const auto accepts = [this] { return acceptsIn(m_jobs); };
            const auto receiving = [this] {
                std::lock_guard<std::mutex> poolLock(m_poolMutex);
                return qMin(m_incoming.size(), CommitGroup);
            };
            if (!m_stop && accepts() > 0 && accepts() < receiving())
                m_wake.wait_for(lock, CommitDelay,
                                [&] { return m_stop || accepts() >= receiving(); });
            batch.swap(m_jobs);
        }
        if (batch.empty()) {
            refillPool();
            continue;
        }
        QString error;
        QElapsedTimer timer;
        timer.start();
        const bool ok = processBatch(batch, &error);
        qCDebug(lcSpool) << "committed" << batch.size() << "changes in"
                         << timer.nsecsElapsed() / 1000 << "us";
        for (Job& job : batch) {
            Done done = std::move(job.done);
            const bool jobOk = ok && job.error.isEmpty();
            const QString jobError = jobOk ? QString() : (job.error.isEmpty() ? error : job.error);
            QMetaObject::invokeMethod(
                this,
                [done, jobOk, jobError] {
                    if (done)
                        done(jobOk, jobError);
                },
                Qt::QueuedConnection);
        }
        refillPool();
        if (m_journalLines > CompactAfterLines && m_live.size() * 4 < m_journalLines) {
            if (!compact(&error) || !openJournal(&error))
                qCCritical(lcSpool).noquote() << "cannot compact the spool journal:" << error;
        }
    }
}

bool Spool::processBatch(std::deque<Job>& batch, QString* error)
{
    QByteArray journal;
    QByteArray doneRecords;
    journal.reserve(qsizetype(batch.size()) * 4096);
    QStringList finishedFiles;
    QStringList recycledFiles; // small message files, reused for incoming ones
    const qsizetype accepts = acceptsIn(batch);

    // Two ways to make a batch durable:
    //  - few new messages: fsync each file, rename it, sync the folder, append to the journal
    //    and fdatasync it (every step ordered);
    //  - several: rename them all, append to the journal, then one syncfs() for everything.
    //    A crash before syncfs() returns can leave a journal line naming a file whose data did
    //    not reach the disk; recover() recognises it by size and CRC-32, and since nobody was
    //    told 250 for it, drops it.
    const bool groupSync = accepts >= SyncFileSystemFrom;
    bool renamed = false;
    for (Job& job : batch) {
        const QByteArray entryJson = job.entry.toJsonBytes();
        switch (job.op) {
        case Op::Accept: {
            const QString tmp = takeIncoming(job.id);
            if ((!groupSync && !durable::syncFile(tmp, &job.error)) ||
                !durable::renameFile(tmp, bodyPath(job.id), &job.error)) {
                qCCritical(lcSpool).noquote() << job.error;
                continue;
            }
            renamed = true;
            journal += journalLine("put", job.id, entryJson);
            m_live.insert(job.id, entryJson);
            break;
        }
        case Op::Update:
            journal += journalLine("put", job.id, entryJson);
            m_live.insert(job.id, entryJson);
            break;
        case Op::Finish:
            journal += journalLine("done", job.id, {});
            doneRecords += entryJson + '\n';
            (job.entry.size <= RecycleUpTo ? recycledFiles : finishedFiles) << bodyPath(job.id);
            if (job.entry.encryption.isNeeded()) {
                finishedFiles << encryptedPath(job.id);
                for (int i = 1; i < job.entry.encryption.copies.size(); ++i)
                    finishedFiles << encryptedPath(job.id, i);
            }
            m_live.remove(job.id);
            break;
        }
        ++m_journalLines;
    }
    if (!groupSync && renamed && !durable::syncDirectory(m_queue, error))
        return false;
    if (!journal.isEmpty() && m_journal.write(journal) != journal.size()) {
        *error = tr("cannot write the spool journal: %1").arg(m_journal.errorString());
        return false;
    }
    if (groupSync) {
        if (!durable::syncFileSystem(m_queue, error)) {
            // No syncfs here: fall back to syncing each piece.
            for (const Job& job : batch) {
                if (job.op == Op::Accept && job.error.isEmpty() &&
                    !durable::syncFile(bodyPath(job.id), error))
                    return false;
            }
            if (!durable::syncDirectory(m_queue, error) ||
                !durable::syncOpenFile(int(m_journal.handle()), error))
                return false;
        }
    } else if (!journal.isEmpty() && !durable::syncOpenFile(int(m_journal.handle()), error)) {
        return false;
    }
    // Only now that "done" is on disk may the message files go.
    for (const QString& path : std::as_const(finishedFiles))
        QFile::remove(path);
    for (const QString& path : std::as_const(recycledFiles))
        recycle(path);
    if (!doneRecords.isEmpty())
        m_doneLog.write(doneRecords);
    return true;
}

bool Spool::isComplete(const QueueEntry& entry) const
{
    return fileMatches(bodyPath(entry.id), entry.size, entry.crc32);
}

bool Spool::fileMatches(const QString& path, qint64 size, quint32 crc32)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() != size)
        return false;
    uLong crc = ::crc32_z(0, nullptr, 0);
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = f.read(buffer.data(), buffer.size());
        if (n < 0)
            return false;
        if (n == 0)
            break;
        crc = ::crc32_z(crc, reinterpret_cast<const Bytef*>(buffer.constData()), size_t(n));
    }
    return quint32(crc) == crc32;
}

} // namespace sendguard
