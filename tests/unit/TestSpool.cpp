// SPDX-License-Identifier: GPL-3.0-or-later
#include "Spool.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <zlib.h>

using namespace sendguard;

class TestSpool : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString root() const { return m_dir->filePath(QStringLiteral("spool")); }

    // Writes a message as a session would, and returns its entry.
    static QueueEntry receive(Spool& spool, const QByteArray& body)
    {
        QueueEntry e;
        e.id = newMessageId();
        e.createdAt = QDateTime::currentDateTimeUtc();
        e.envelopeFrom = QStringLiteral("a@example.jp");
        e.recipients = {{QStringLiteral("b@example.com"), Recipient::Status::Pending, {}}};
        e.size = body.size();
        e.crc32 = quint32(::crc32_z(::crc32_z(0, nullptr, 0),
                                    reinterpret_cast<const Bytef*>(body.constData()),
                                    size_t(body.size())));
        e.confirmedBy = QStringLiteral("auto-confirm");
        QFile f(spool.claimIncoming(e.id));
        // As SmtpSession does: the file may be a relayed message's, longer than this one.
        if (f.open(QIODevice::ReadWrite)) {
            f.write(body);
            f.resize(body.size());
        }
        return e;
    }

    // Opens `spool` and recovers it, its notes unread.
    static bool openAndRecover(Spool& spool)
    {
        QString error;
        QStringList notes;
        if (!spool.open(&error))
            return false;
        spool.recover(&notes);
        return true;
    }

    static bool wait(const std::function<void(Spool::Done)>& op)
    {
        bool finished = false, result = false;
        op([&](bool ok, const QString&) {
            finished = true;
            result = ok;
        });
        QElapsedTimer timer;
        timer.start();
        while (!finished && timer.elapsed() < 10000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        return finished && result;
    }

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void acceptedMessagesSurviveARestart()
    {
        QueueEntry a, b;
        {
            Spool spool(root());
            QString error;
            QVERIFY(spool.open(&error));
            QStringList notes;
            QVERIFY(spool.recover(&notes).isEmpty());
            a = receive(spool, "Subject: a\r\n\r\nA\r\n");
            b = receive(spool, "Subject: b\r\n\r\nB\r\n");
            QVERIFY(wait([&](Spool::Done d) { spool.accept(a, d); }));
            QVERIFY(wait([&](Spool::Done d) { spool.accept(b, d); }));
            b.state = MessageState::Recalled;
            QVERIFY(wait([&](Spool::Done d) { spool.update(b, d); }));
        }
        Spool spool(root());
        QString error;
        QVERIFY(spool.open(&error));
        QStringList notes;
        const QList<QueueEntry> entries = spool.recover(&notes);
        QVERIFY2(notes.isEmpty(), qPrintable(notes.join(QLatin1Char('\n'))));
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).id, qMin(a.id, b.id));
        for (const QueueEntry& e : entries) {
            QVERIFY(QFile::exists(spool.bodyPath(e.id)));
            if (e.id == b.id)
                QCOMPARE(e.state, MessageState::Recalled);
        }
    }

    void finishedMessagesAreGoneAndListedAsDone()
    {
        Spool spool(root());
        QVERIFY(openAndRecover(spool));
        QueueEntry a = receive(spool, "Subject: a\r\n\r\nA\r\n");
        QVERIFY(wait([&](Spool::Done d) { spool.accept(a, d); }));
        a.state = MessageState::Sent;
        QVERIFY(wait([&](Spool::Done d) { spool.finish(a, d); }));
        QVERIFY(!QFile::exists(spool.bodyPath(a.id)));
        QCOMPARE(spool.loadDone(10).size(), 1);
        QCOMPARE(spool.loadDone(10).first().state, MessageState::Sent);
        QStringList notes;
        QVERIFY(spool.recover(&notes).isEmpty());
    }

    // A relayed message's file is not removed but reused for an incoming message (files are
    // costly to create and remove); whatever is in the pool at a restart goes.
    void relayedFilesAreReusedAndPoolFilesGoAtStart()
    {
        QString queueFolder;
        {
            Spool spool(root());
            QVERIFY(openAndRecover(spool));
            QueueEntry a = receive(spool, "Subject: a\r\n\r\n" + QByteArray(5000, 'x') + "\r\n");
            QVERIFY(wait([&](Spool::Done d) { spool.accept(a, d); }));
            queueFolder = QFileInfo(spool.bodyPath(a.id)).absolutePath();
            a.state = MessageState::Sent;
            QVERIFY(wait([&](Spool::Done d) { spool.finish(a, d); }));
            QVERIFY(!QFile::exists(spool.bodyPath(a.id)));

            const QueueEntry b = receive(spool, "Subject: b\r\n\r\nshort\r\n");
            const QString reused = spool.incomingPath(b.id);
            QCOMPARE(QFileInfo(reused).absolutePath(), queueFolder);
            QFile f(reused);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), QByteArray("Subject: b\r\n\r\nshort\r\n"));
            QVERIFY(wait([&](Spool::Done d) { spool.accept(b, d); }));
            QVERIFY(!QFile::exists(reused));
            QVERIFY(QFile::exists(spool.bodyPath(b.id)));
            QVERIFY(!QDir(queueFolder).entryList({QStringLiteral("*.part")}).isEmpty());
        }
        Spool spool(root());
        QString error;
        QVERIFY(spool.open(&error));
        QCOMPARE(QDir(queueFolder).entryList({QStringLiteral("*.part")}), QStringList());
        QStringList notes;
        QCOMPARE(spool.recover(&notes).size(), 1);
    }

    void manyConcurrentAcceptsShareSyncs()
    {
        Spool spool(root());
        QVERIFY(openAndRecover(spool));
        int done = 0;
        QList<QueueEntry> entries;
        for (int i = 0; i < 50; ++i)
            entries << receive(spool,
                               QByteArray("Subject: n\r\n\r\n") + QByteArray::number(i) + "\r\n");
        for (const QueueEntry& e : std::as_const(entries))
            spool.accept(e, [&](bool ok, const QString&) { done += ok ? 1 : 0; });
        QTRY_COMPARE_WITH_TIMEOUT(done, 50, 10000);
        for (const QueueEntry& e : std::as_const(entries))
            QVERIFY(QFile::exists(spool.bodyPath(e.id)));
    }

    void crashLeftoversAreCleanedUp()
    {
        QueueEntry kept;
        {
            Spool spool(root());
            QVERIFY(openAndRecover(spool));
            kept = receive(spool, "Subject: kept\r\n\r\nK\r\n");
            QVERIFY(wait([&](Spool::Done d) { spool.accept(kept, d); }));
        }
        // A message file without a journal line (acceptance cut short), a tmp file, a torn
        // journal line, and a journal line whose file never reached the disk in full.
        const QString queue = root() + QStringLiteral("/queue/");
        const QString orphan = newMessageId();
        QFile(queue + orphan + QStringLiteral(".eml")).open(QIODevice::WriteOnly);
        QFile tmp(root() + QStringLiteral("/tmp/") + newMessageId() + QStringLiteral(".eml"));
        QVERIFY(tmp.open(QIODevice::WriteOnly));
        tmp.close();
        QueueEntry truncated;
        truncated.id = newMessageId();
        truncated.recipients = {{QStringLiteral("x@example.com"), Recipient::Status::Pending, {}}};
        truncated.size = 100;
        truncated.crc32 = 1;
        {
            QFile body(queue + truncated.id + QStringLiteral(".eml"));
            QVERIFY(body.open(QIODevice::WriteOnly));
            body.write("short");
        }
        QFile journal(root() + QStringLiteral("/journal.jsonl"));
        QVERIFY(journal.open(QIODevice::Append));
        journal.write("{\"op\":\"put\",\"id\":\"" + truncated.id.toLatin1() + "\",\"entry\":" +
                      QJsonDocument(truncated.toJson()).toJson(QJsonDocument::Compact) + "}\n");
        journal.write("{\"op\":\"put\",\"id\":\"2026");
        journal.close();

        Spool spool(root());
        QString error;
        QVERIFY(spool.open(&error));
        QStringList notes;
        const QList<QueueEntry> entries = spool.recover(&notes);
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().id, kept.id);
        QVERIFY(!QFile::exists(queue + orphan + QStringLiteral(".eml")));
        QVERIFY(!QFile::exists(queue + truncated.id + QStringLiteral(".eml")));
        QVERIFY(!QFile::exists(tmp.fileName()));
        QCOMPARE(notes.size(), 3);
        // The journal was rewritten without the damage.
        QStringList notesAgain;
        Spool third(root());
        QVERIFY(third.open(&error));
        QCOMPARE(third.recover(&notesAgain).size(), 1);
        QVERIFY2(notesAgain.isEmpty(), qPrintable(notesAgain.join(QLatin1Char('\n'))));
    }

    void encryptedCopiesAreCheckedAndRemoved()
    {
        auto write = [](const QString& path, const QByteArray& data) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                   f.write(data) == data.size();
        };
        auto crc = [](const QByteArray& data) {
            return quint32(::crc32_z(::crc32_z(0, nullptr, 0),
                                     reinterpret_cast<const Bytef*>(data.constData()),
                                     size_t(data.size())));
        };
        const QByteArray visible = "encrypted for the visible recipients\r\n";
        const QByteArray bcc = "encrypted for one Bcc recipient\r\n";
        QueueEntry e;
        const QString stranger = newMessageId();
        {
            Spool spool(root());
            QVERIFY(openAndRecover(spool));
            e = receive(spool, "Subject: copies\r\n\r\nC\r\n");
            e.recipients = {{QStringLiteral("a@example.com"), Recipient::Status::Pending, {}},
                            {QStringLiteral("b@example.net"), Recipient::Status::Pending, {}},
                            {QStringLiteral("c@example.org"), Recipient::Status::Pending, {}}};
            e.encryption.mode = QStringLiteral("message");
            e.encryption.method = QStringLiteral("smime");
            // Copy 0 complete, copy 1 cut short by a crash, copy 2 made but not recorded.
            e.encryption.copies = {
                {{QStringLiteral("a@example.com")}, false, true, visible.size(), crc(visible)},
                {{QStringLiteral("b@example.net")}, true, true, bcc.size(), crc(bcc)},
                {{QStringLiteral("c@example.org")}, true, false, 0, 0}};
            QVERIFY(wait([&](Spool::Done d) { spool.accept(e, d); }));
            const QString queue = root() + QStringLiteral("/queue/") + e.id;
            QCOMPARE(spool.encryptedPath(e.id), queue + QStringLiteral(".enc.eml"));
            QCOMPARE(spool.encryptedPath(e.id, 2), queue + QStringLiteral(".enc-2.eml"));
            QVERIFY(write(spool.encryptedPath(e.id, 0), visible));
            QVERIFY(write(spool.encryptedPath(e.id, 1), bcc.left(10)));
            QVERIFY(write(spool.encryptedPath(e.id, 2), bcc));
            QVERIFY(write(spool.encryptedPath(stranger, 3), bcc)); // its message is gone
        }
        Spool spool(root());
        QString error;
        QVERIFY(spool.open(&error));
        QStringList notes;
        const QList<QueueEntry> entries = spool.recover(&notes);
        QCOMPARE(entries.size(), 1);
        const EncryptionTask& task = entries.first().encryption;
        QCOMPARE(task.copies.size(), 3);
        QVERIFY(task.copies.at(0).done);
        QVERIFY(QFile::exists(spool.encryptedPath(e.id, 0)));
        QVERIFY(!task.copies.at(1).done); // made again before it is relayed
        QCOMPARE(task.copies.at(1).recipients, QStringList{QStringLiteral("b@example.net")});
        QVERIFY(task.copies.at(1).bcc);
        QVERIFY(!QFile::exists(spool.encryptedPath(e.id, 1)));
        QVERIFY(!QFile::exists(spool.encryptedPath(e.id, 2)));
        QVERIFY(!QFile::exists(spool.encryptedPath(stranger, 3)));
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes.first().contains(e.id), qPrintable(notes.first()));

        // A finished message takes every copy with it.
        QVERIFY(write(spool.encryptedPath(e.id, 1), bcc));
        QVERIFY(write(spool.encryptedPath(e.id, 2), bcc));
        QVERIFY(wait([&](Spool::Done d) { spool.finish(entries.first(), d); }));
        // (The pool of files for incoming messages, *.part, stays.)
        QCOMPARE(QDir(root() + QStringLiteral("/queue")).entryList({QStringLiteral("*.eml")}),
                 QStringList());
    }
};

QTEST_GUILESS_MAIN(TestSpool)
#include "TestSpool.moc"
