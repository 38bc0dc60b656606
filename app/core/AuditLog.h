// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "QueueEntry.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <mutex>
#include <vector>

class QThread;
class QTimer;

namespace sendguard {

class AuditWriter;

// Append-only JSON Lines record of every decision about every message: who, what, when, and
// what the upstream said. It never holds passwords or message bodies. Lines are formatted and
// written on a thread of their own, in the order they were recorded, and synced to disk at
// most a second later.
class AuditLog : public QObject
{
    Q_OBJECT

public:
    explicit AuditLog(const QString& path, QObject* parent = nullptr);
    ~AuditLog() override; // writes and syncs everything recorded

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
    AuditWriter(const QString& path, const QString& user);
    ~AuditWriter() override;
    bool open(QString* error);
    void write(const AuditLog::Record& record);
    // Writes what the log has collected; runs on the audit thread.
    void drain(std::vector<AuditLog::Record> records);
    void sync();

private:
    void flush();

    QString m_path;
    QString m_user;
    int m_fd = -1;
    QByteArray m_pending;
    bool m_dirty = false;
    QTimer* m_flushTimer;
    QTimer* m_syncTimer;
};

} // namespace sendguard
