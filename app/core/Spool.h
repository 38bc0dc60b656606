// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "QueueEntry.h"

#include <QFile>
#include <QHash>
#include <QObject>
#include <QString>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace sendguard {

// The on-disk queue, in the manner of a mail server's queue: message files that never change,
// and an append-only journal of envelopes and states.
//
//   spool/queue/*.part     files ready for messages about to be received, and messages being
//                          received; removed at start (never acknowledged)
//   spool/queue/ID.eml     accepted message: written, fsynced, then renamed to this name
//   spool/journal.jsonl    one line per change: {"op":"put","entry":{...}} or {"op":"done",...};
//                          the last "put" of an ID is its state, "done" ends it
//   spool/done.jsonl       what was relayed (metadata only), for `queue list`
//
// Every durable change goes through one worker thread. It handles all changes waiting at that
// moment as one batch: each new message file is fsynced and renamed, the batch's journal lines
// are appended with a single write and a single fdatasync, and the queue folder is synced once.
// Concurrent sessions thus share the cost of a sync (group commit); while other messages are
// still being received, an acceptance waits up to 2 ms for them to join its batch. Completion
// callbacks run on the thread that owns the Spool, after the data is on disk.
class Spool : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(bool ok, const QString& error)>;

    explicit Spool(const QString& root, QObject* parent = nullptr);
    ~Spool() override;

    // Creates the folders and replays the journal. Call recover() next, then the rest.
    bool open(QString* error);
    // The entries the journal says are queued, with what a crash left behind cleaned up; `notes`
    // says what was done. Rewrites the journal compactly. Starts the worker.
    QList<QueueEntry> recover(QStringList* notes);
    // Relayed entries (newest first, at most `limit`).
    QList<QueueEntry> loadDone(int limit) const;

    // Where message `id` is being received (see claimIncoming()).
    QString incomingPath(const QString& id) const;
    // Chooses the file for a message about to be received and returns its path: a file from a
    // pool in the queue folder, made in advance by the worker thread or left by a relayed
    // message (creating and removing files costs far more than renaming one in its folder).
    // It may hold old bytes: the writer overwrites it and cuts it to its new length.
    QString claimIncoming(const QString& id);
    QString bodyPath(const QString& id) const;
    // The encrypted copies of a message (encryption.mode, EncryptionTask::copies), each made
    // once before it is relayed: queue/ID.enc.eml for copy 0, queue/ID.enc-N.eml for copy N.
    // They are built in tmpFolder() and renamed there.
    QString encryptedPath(const QString& id, int copy = 0) const;
    QString tmpFolder() const { return m_tmp; }

    // Moves tmp/ID.eml into the queue together with `entry`, durably; `done` runs afterwards.
    void accept(const QueueEntry& entry, Done done);
    // Durably records the entry's new state.
    void update(const QueueEntry& entry, Done done);
    // Records the entry as sent and removes the message file.
    void finish(const QueueEntry& entry, Done done);
    // Drops a message that was never acknowledged.
    void discardIncoming(const QString& id);
    // Drops done records older than `maxAgeDays`.
    void pruneDone(int maxAgeDays);

private:
    enum class Op
    {
        Accept,
        Update,
        Finish
    };
    struct Job
    {
        Op op;
        QString id;
        QueueEntry entry;
        Done done;
        QString error; // set when this job alone failed
    };

    void submit(Job job);
    static qsizetype acceptsIn(const std::deque<Job>& jobs);
    void refillPool();
    // incomingPath(id), forgotten.
    QString takeIncoming(const QString& id);
    // Moves a file no longer needed into the pool of incoming files, or removes it.
    void recycle(const QString& path);
    void run();
    bool processBatch(std::deque<Job>& batch, QString* error);
    bool compact(QString* error);
    bool openJournal(QString* error);
    // True when the message file has the size and CRC-32 its entry records.
    bool isComplete(const QueueEntry& entry) const;
    static bool fileMatches(const QString& path, qint64 size, quint32 crc32);

    QString m_root;
    QString m_tmp;
    QString m_queue;
    QString m_damaged;
    QString m_journalPath;
    QString m_donePath;

    QFile m_journal;                   // append-only; used by the worker only (after recover)
    QFile m_doneLog;                   // ditto
    QHash<QString, QByteArray> m_live; // id -> latest entry JSON, for compaction (worker only)
    qint64 m_journalLines = 0;

    mutable std::mutex m_poolMutex;
    QStringList m_pool;                 // files in queue/ (pool-N.part), ready to be claimed
    QHash<QString, QString> m_incoming; // id -> file of a message being received
    int m_poolSerial = 0;

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stop = false;
    std::thread m_worker;
};

} // namespace sendguard
