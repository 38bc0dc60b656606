// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditChain.h"
#include "QueueEntry.h"

#include <QDate>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <mutex>
#include <optional>
#include <vector>

class QThread;
class QTimer;

namespace sendguard {

class AuditWriter;

// Append-only JSON Lines record of every decision about every message: who, what, when, and
// what the upstream said. It never holds passwords or message bodies. Lines are formatted and
// written on a thread of their own, in the order they were recorded, and synced to disk at
// most a second later.
//
// The lines form a hash chain (see AuditChain): each carries "seq" and "prev", and a "mac" when
// the machine key exists. `path` is the current file (DATA/audit.jsonl); at the first write of a
// later day (UTC) it is renamed to audit-YYYY-MM-DD.jsonl beside it, and the new file starts with
// a "rotated" line that continues the chain. After each sync, audit-head.json records the last
// line on disk.
class AuditLog : public QObject
{
    Q_OBJECT

public:
    explicit AuditLog(const QString& path, QObject* parent = nullptr);
    ~AuditLog() override; // writes and syncs everything recorded

    // The MAC key; by default AuditKey::load() at open().
    void setKey(const AuditKey& key) { m_key = key; }
    bool open(QString* error);
    // Records `event` about `entry`; `extra` adds fields such as "reply" or "detail".
    void record(const QString& event, const QueueEntry& entry, const QJsonObject& extra = {});
    // Records an event not tied to one message (start, stop, configuration).
    void recordService(const QString& event, const QJsonObject& extra = {});

    static QString osUser();

    // One recorded event waiting for the writer.
    struct Record
    {
        QString event;
        QueueEntry entry;
        bool aboutMessage;
        QJsonObject extra;
        qint64 msecs;
    };

private:
    void enqueue(Record record);

    QString m_path;
    std::optional<AuditKey> m_key;
    QThread* m_thread = nullptr;
    AuditWriter* m_writer = nullptr;
    std::mutex m_mutex;
    std::vector<Record> m_waiting;
};

// The audit log's file, on the audit thread.
class AuditWriter : public QObject
{
    Q_OBJECT

public:
    AuditWriter(const QString& path, const QString& user, const QByteArray& key = {});
    ~AuditWriter() override;
    bool open(QString* error);
    void write(const AuditLog::Record& record);
    // Writes what the log has collected; runs on the audit thread.
    void drain(std::vector<AuditLog::Record> records);
    void sync();

    qint64 lastSeq() const { return m_seq; }

private:
    void flush();
    void append(const QJsonObject& fields);
    void append(const JsonLine& fields);
    void rotate(const QDate& day, qint64 msecs);
    bool openFile(QString* error);
    void closeFile();
    void writeHead();

    QString m_path;
    QString m_dir;
    QString m_user;
    QByteArray m_key;
    qint64 m_seq = 0;  // of the last line formatted
    QByteArray m_prev; // its hash
    QDate m_fileDay;   // the UTC day of the current file's first line
    qint64 m_headSeq = 0;
    int m_fd = -1;
    QByteArray m_pending;
    bool m_dirty = false;
    QTimer* m_flushTimer;
    QTimer* m_syncTimer;
};

} // namespace sendguard
