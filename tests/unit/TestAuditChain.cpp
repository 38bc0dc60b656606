// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditChain.h"
#include "AuditLog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace sendguard;

// The audit trail's hash chain, MAC, head and daily rotation, and what `audit verify` finds
// when lines are changed, removed, moved, copied or cut off.
class TestAuditChain : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString dir() const { return m_dir->path(); }
    QString current() const { return m_dir->filePath(QStringLiteral("audit.jsonl")); }

    static QueueEntry entry(int n)
    {
        QueueEntry e;
        e.id = QStringLiteral("ID%1").arg(n);
        e.messageId = QStringLiteral("<m%1@example.jp>").arg(n);
        e.envelopeFrom = QStringLiteral("taro@example.jp");
        e.headerFrom = QStringLiteral("Taro <taro@example.jp>");
        e.recipients = {{QStringLiteral("bob@example.com"), Recipient::Status::Pending, {}}};
        e.subject = QStringLiteral("見積書 %1").arg(n);
        e.size = 1000 + n;
        return e;
    }

    static qint64 at(const char* iso)
    {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
    }

    // `count` message events through a writer of its own, at `msecs` (+1 s each).
    void writeLines(int count, qint64 msecs, const QByteArray& key = {}, int first = 1)
    {
        AuditWriter w(current(), QStringLiteral("tester"), key);
        QString error;
        QVERIFY2(w.open(&error), qPrintable(error));
        for (int i = 0; i < count; ++i)
            w.write({QStringLiteral("accepted"),
                     entry(first + i),
                     true,
                     {{QStringLiteral("detail"), QStringLiteral("d")}},
                     msecs + i * 1000});
        w.sync();
    }

    static QList<QByteArray> readLines(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QByteArray all = f.readAll();
        if (all.endsWith('\n'))
            all.chop(1);
        return all.split('\n');
    }

    static void writeLinesTo(const QString& path, const QList<QByteArray>& lines, bool end = true)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QByteArray all = lines.join('\n');
        if (end)
            all += '\n';
        f.write(all);
    }

    static QJsonObject object(const QByteArray& line)
    {
        return QJsonDocument::fromJson(line).object();
    }

    AuditVerifyReport verify(const AuditKey& key = {}) const
    {
        return AuditVerifier::verify(dir(), key);
    }

    static QString describe(const AuditVerifyReport& r)
    {
        QStringList texts;
        for (const AuditProblem& p : r.problems)
            texts << p.toString();
        return texts.join(QLatin1Char('\n'));
    }

    static AuditKey makeKey(const QByteArray& bytes)
    {
        AuditKey k;
        k.key = bytes;
        k.source = QStringLiteral("test");
        return k;
    }

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void linesCarrySeqAndPrev()
    {
        {
            AuditLog log(current());
            log.setKey({});
            QString error;
            QVERIFY2(log.open(&error), qPrintable(error));
            log.recordService(QStringLiteral("started"));
            for (int i = 1; i <= 4; ++i)
                log.record(
                    QStringLiteral("held"), entry(i),
                    {{QStringLiteral("seq"), 999}, {QStringLiteral("reply"), QStringLiteral("x")}});
        } // the destructor writes and syncs everything
        const QList<QByteArray> lines = readLines(current());
        QCOMPARE(lines.size(), 5);
        QByteArray prev = AuditChain::genesis();
        for (int i = 0; i < lines.size(); ++i) {
            const QJsonObject o = object(lines.at(i));
            QCOMPARE(o.value(QStringLiteral("seq")).toInteger(), i + 1);
            QCOMPARE(o.value(QStringLiteral("prev")).toString().toLatin1(), prev);
            QVERIFY(!o.contains(QStringLiteral("mac")));
            prev = AuditChain::hashLine(lines.at(i));
        }
        // The contract's fields are all still there.
        const QJsonObject held = object(lines.at(1));
        for (const char* key : {"ts", "user", "event", "id", "message_id", "from", "header_from",
                                "recipients", "subject", "size", "reply"})
            QVERIFY2(held.contains(QLatin1String(key)), key);
        QCOMPARE(held.value(QStringLiteral("subject")).toString(), QStringLiteral("見積書 1"));

        const AuditVerifyReport r = verify();
        QVERIFY2(r.intact(), qPrintable(describe(r)));
        QCOMPARE(r.lines, 5);
        QCOMPARE(r.firstSeq, 1);
        QCOMPARE(r.lastSeq, 5);
        QCOMPARE(r.lastHash, prev);
        QVERIFY(r.headFound);
        const QJsonObject head =
            object(readLines(m_dir->filePath(QStringLiteral("audit-head.json"))).value(0));
        QCOMPARE(head.value(QStringLiteral("seq")).toInteger(), 5);
        QCOMPARE(head.value(QStringLiteral("hash")).toString().toLatin1(), prev);
    }

    void reopeningContinuesTheChain()
    {
        writeLines(3, at("2024-05-01T10:00:00Z"));
        writeLines(2, at("2024-05-01T11:00:00Z"), {}, 4);
        const QList<QByteArray> lines = readLines(current());
        QCOMPARE(lines.size(), 5);
        QCOMPARE(object(lines.at(3)).value(QStringLiteral("seq")).toInteger(), 4);
        QCOMPARE(object(lines.at(3)).value(QStringLiteral("prev")).toString().toLatin1(),
                 AuditChain::hashLine(lines.at(2)));
        const AuditVerifyReport r = verify();
        QVERIFY2(r.intact(), qPrintable(describe(r)));
    }

    void detectsAChangedLine()
    {
        writeLines(5, at("2024-05-01T10:00:00Z"));
        QList<QByteArray> lines = readLines(current());
        lines[2].replace("見積書 3", "請求書 3");
        writeLinesTo(current(), lines);
        const AuditVerifyReport r = verify();
        QCOMPARE(r.problems.size(), 1);
        const AuditProblem& p = r.problems.first();
        QCOMPARE(p.kind, QStringLiteral("changed"));
        QCOMPARE(p.file, QStringLiteral("audit.jsonl"));
        QCOMPARE(p.line, 3);
        QCOMPARE(p.seq, 3);
        QVERIFY(p.toString().startsWith(QStringLiteral("audit.jsonl:3: seq 3: changed")));
    }

    void detectsAChangedLastLineThroughTheHead()
    {
        writeLines(5, at("2024-05-01T10:00:00Z"));
        QList<QByteArray> lines = readLines(current());
        lines[4].replace("\"accepted\"", "\"recalled\"");
        writeLinesTo(current(), lines);
        const AuditVerifyReport r = verify();
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().kind, QStringLiteral("changed"));
        QCOMPARE(r.problems.first().line, 5);
        QCOMPARE(r.problems.first().seq, 5);
    }

    void detectsARemovedLine()
    {
        writeLines(6, at("2024-05-01T10:00:00Z"));
        QList<QByteArray> lines = readLines(current());
        lines.removeAt(2); // seq 3
        writeLinesTo(current(), lines);
        const AuditVerifyReport r = verify();
        QCOMPARE(r.problems.size(), 1);
        const AuditProblem& p = r.problems.first();
        QCOMPARE(p.kind, QStringLiteral("removed"));
        QCOMPARE(p.line, 3);
        QCOMPARE(p.seq, 4);
        QVERIFY2(p.message.contains(QStringLiteral("missing seq 3")), qPrintable(p.message));
    }

    void detectsReorderedLines()
    {
        writeLines(6, at("2024-05-01T10:00:00Z"));
        QList<QByteArray> lines = readLines(current());
        lines.swapItemsAt(2, 3);
        writeLinesTo(current(), lines);
        AuditVerifyReport r = verify();
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().kind, QStringLiteral("reordered"));
        QCOMPARE(r.problems.first().line, 4);
        QCOMPARE(r.problems.first().seq, 3);

        // A line moved far down.
        lines.swapItemsAt(2, 3); // back in order
        const QByteArray moved = lines.takeAt(1);
        lines.append(moved);
        writeLinesTo(current(), lines);
        r = verify();
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().kind, QStringLiteral("reordered"));
        QCOMPARE(r.problems.first().seq, 2);
        QCOMPARE(r.problems.first().line, 6);
    }

    void detectsACopiedLine()
    {
        writeLines(4, at("2024-05-01T10:00:00Z"));
        QList<QByteArray> lines = readLines(current());
        lines.insert(3, lines.at(1));
        writeLinesTo(current(), lines);
        const AuditVerifyReport r = verify();
        QVERIFY(!r.intact());
        QCOMPARE(r.problems.first().kind, QStringLiteral("duplicate"));
        QCOMPARE(r.problems.first().line, 4);
        QCOMPARE(r.problems.first().seq, 2);
    }

    void detectsRemovedLastLines()
    {
        writeLines(6, at("2024-05-01T10:00:00Z"));
        QList<QByteArray> lines = readLines(current());
        lines = lines.mid(0, 4);
        writeLinesTo(current(), lines);
        const AuditVerifyReport r = verify();
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().kind, QStringLiteral("truncated"));
        QCOMPARE(r.problems.first().line, 4);
        QVERIFY2(r.problems.first().message.contains(QStringLiteral("seq 6")),
                 qPrintable(r.problems.first().message));
    }

    void detectsACutOffLine()
    {
        writeLines(4, at("2024-05-01T10:00:00Z"));
        QList<QByteArray> lines = readLines(current());
        lines[3].truncate(lines[3].size() / 2);
        writeLinesTo(current(), lines, /*end=*/false);
        const AuditVerifyReport r = verify();
        QVERIFY(!r.intact());
        bool found = false;
        for (const AuditProblem& p : r.problems)
            found = found || (p.kind == QLatin1String("damaged") && p.line == 4);
        QVERIFY2(found, qPrintable(describe(r)));
    }

    void detectsAnInsertedUnchainedLine()
    {
        writeLines(3, at("2024-05-01T10:00:00Z"));
        QList<QByteArray> lines = readLines(current());
        lines.insert(2, R"({"event":"relayed","ts":"2024-05-01T10:00:01.500Z","user":"x"})");
        writeLinesTo(current(), lines);
        const AuditVerifyReport r = verify();
        QVERIFY(!r.intact());
        QCOMPARE(r.problems.first().kind, QStringLiteral("unchained"));
        QCOMPARE(r.problems.first().line, 3);
    }

    void aWriterAfterACrashMidLineKeepsGoing()
    {
        writeLines(3, at("2024-05-01T10:00:00Z"));
        QList<QByteArray> lines = readLines(current());
        lines[2].truncate(20);
        writeLinesTo(current(), lines, /*end=*/false);
        writeLines(2, at("2024-05-01T10:05:00Z"), {}, 4);
        lines = readLines(current());
        QCOMPARE(lines.size(), 5);
        QVERIFY(object(lines.at(3)).contains(QStringLiteral("seq"))); // not glued to the cut line
        const AuditVerifyReport r = verify();
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().kind, QStringLiteral("damaged"));
        QCOMPARE(r.problems.first().line, 3);
    }

    void rotationKeepsTheChain()
    {
        {
            AuditWriter w(current(), QStringLiteral("tester"));
            QString error;
            QVERIFY2(w.open(&error), qPrintable(error));
            const qint64 d1 = at("2024-05-01T23:59:58Z");
            w.write({QStringLiteral("accepted"), entry(1), true, {}, d1});
            w.write({QStringLiteral("held"), entry(1), true, {}, d1 + 1000});
            w.write({QStringLiteral("relayed"), entry(1), true, {}, at("2024-05-02T00:00:01Z")});
            w.write({QStringLiteral("accepted"), entry(2), true, {}, at("2024-05-02T08:00:00Z")});
            // The clock goes back: no rotation.
            w.write({QStringLiteral("held"), entry(2), true, {}, at("2024-05-01T23:00:00Z")});
            w.write({QStringLiteral("relayed"), entry(2), true, {}, at("2024-05-04T09:00:00Z")});
            w.sync();
        }
        const QString day1 = m_dir->filePath(QStringLiteral("audit-2024-05-01.jsonl"));
        const QString day2 = m_dir->filePath(QStringLiteral("audit-2024-05-02.jsonl"));
        const QList<QByteArray> a = readLines(day1), b = readLines(day2), c = readLines(current());
        QCOMPARE(a.size(), 2);
        QCOMPARE(b.size(), 4); // rotated + 3
        QCOMPARE(c.size(), 2); // rotated + 1
        const QJsonObject first = object(b.first());
        QCOMPARE(first.value(QStringLiteral("event")).toString(), QStringLiteral("rotated"));
        QCOMPARE(first.value(QStringLiteral("rotated_from")).toString(),
                 QStringLiteral("audit-2024-05-01.jsonl"));
        QCOMPARE(first.value(QStringLiteral("prev")).toString().toLatin1(),
                 AuditChain::hashLine(a.last()));
        QCOMPARE(first.value(QStringLiteral("seq")).toInteger(), 3);
        QCOMPARE(object(c.first()).value(QStringLiteral("rotated_from")).toString(),
                 QStringLiteral("audit-2024-05-02.jsonl"));

        const QList<auditfiles::File> files = auditfiles::list(dir());
        QCOMPARE(files.size(), 3);
        QCOMPARE(files.at(0).name, QStringLiteral("audit-2024-05-01.jsonl"));
        QCOMPARE(files.at(2).name, QStringLiteral("audit.jsonl"));

        AuditVerifyReport r = verify();
        QVERIFY2(r.intact(), qPrintable(describe(r)));
        QCOMPARE(r.files, 3);
        QCOMPARE(r.lines, 8);

        // A writer started later picks the chain up in the current file...
        writeLines(1, at("2024-05-04T10:00:00Z"), {}, 3);
        r = verify();
        QVERIFY2(r.intact(), qPrintable(describe(r)));

        // ... and a whole day removed shows.
        QVERIFY(QFile::remove(day2));
        r = verify();
        QVERIFY(!r.intact());
        QStringList kinds;
        for (const AuditProblem& p : r.problems)
            kinds << p.kind;
        QVERIFY2(kinds.contains(QStringLiteral("removed")), qPrintable(describe(r)));
        QVERIFY2(kinds.contains(QStringLiteral("file-missing")), qPrintable(describe(r)));
    }

    void theChainContinuesFromTheLastRotatedFile()
    {
        writeLines(2, at("2024-05-01T10:00:00Z"));
        writeLines(1, at("2024-05-02T10:00:00Z"), {}, 3); // rotates
        // audit.jsonl lost (say, a crash right after the rename): the next writer continues
        // from the newest rotated file.
        QVERIFY(
            QFile::rename(current(), m_dir->filePath(QStringLiteral("audit-2024-05-02.jsonl"))));
        writeLines(1, at("2024-05-02T11:00:00Z"), {}, 4);
        const AuditVerifyReport r = verify();
        QVERIFY2(r.intact(), qPrintable(describe(r)));
        QCOMPARE(r.lastSeq, 5);
    }

    void macWithAMachineKey()
    {
        const QByteArray key("0123456789abcdef0123456789abcdef");
        writeLines(4, at("2024-05-01T10:00:00Z"), key);
        QList<QByteArray> lines = readLines(current());
        const QList<QByteArray> original = lines;
        for (const QByteArray& line : lines) {
            QVERIFY(line.contains(",\"mac\":\""));
            QVERIFY(AuditChain::checkMac(line, key));
            QByteArray covered, mac;
            QVERIFY(AuditChain::splitMac(line, &covered, &mac));
            QVERIFY(!object(covered).contains(QStringLiteral("mac")));
            QCOMPARE(object(covered).value(QStringLiteral("seq")),
                     object(line).value(QStringLiteral("seq")));
        }
        AuditVerifyReport r = verify(makeKey(key));
        QVERIFY2(r.intact(), qPrintable(describe(r)));
        QVERIFY(r.macChecked);
        r = verify(); // without the key the chain still holds; the MACs are noted, not checked
        QVERIFY(r.intact());
        QVERIFY(!r.macChecked);
        QVERIFY(!r.notes.isEmpty());

        // Another key: every line fails, and the head.
        r = verify(makeKey("another key, 32 bytes long......"));
        QCOMPARE(r.problems.size(), 5);

        // Someone without the key changes line 2 and rewrites the chain after it, MACs and all
        // (with a key of their own): the hash chain is whole again, the MACs tell.
        QJsonObject o = object(lines.at(1));
        o.insert(QStringLiteral("subject"), QStringLiteral("nothing to see"));
        QByteArray prev = AuditChain::hashLine(lines.at(0));
        for (int i = 1; i < lines.size(); ++i) {
            QJsonObject line = i == 1 ? o : object(lines.at(i));
            lines[i] = AuditChain::seal(line, i + 1, prev, "forger's key, 32 bytes long.....");
            prev = AuditChain::hashLine(lines.at(i));
        }
        writeLinesTo(current(), lines);
        QFile::remove(m_dir->filePath(QStringLiteral("audit-head.json")));
        r = verify();
        QVERIFY2(r.intact(), "without the key, a rewritten chain cannot be told");
        r = verify(makeKey(key));
        QCOMPARE(r.problems.size(), 3);
        QCOMPARE(r.problems.first().kind, QStringLiteral("changed"));
        QCOMPARE(r.problems.first().line, 2);

        // A line whose MAC was taken away, after lines with one.
        lines = original;
        QByteArray covered;
        QVERIFY(AuditChain::splitMac(lines.at(2), &covered, nullptr));
        lines[2] = covered;
        writeLinesTo(current(), lines);
        r = verify(makeKey(key));
        QStringList kinds;
        for (const AuditProblem& p : r.problems) {
            QCOMPARE(p.line, 3);
            kinds << p.kind;
        }
        QVERIFY2(kinds.contains(QStringLiteral("mac-missing")), qPrintable(describe(r)));
    }

    void keyFiles()
    {
        const QString path = m_dir->filePath(QStringLiteral("audit.key"));
        AuditKey k = AuditKey::fromFile(path, false);
        QVERIFY(!k.isValid());
        QVERIFY(k.error.isEmpty()); // no key file: no MAC, nothing wrong
        k = AuditKey::fromFile(path, true);
        QVERIFY(!k.error.isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("short\n");
        f.close();
        k = AuditKey::fromFile(path, false);
        QVERIFY(!k.isValid());
        QVERIFY(!k.error.isEmpty());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("c2VuZGd1YXJkLWF1ZGl0LWtleS10ZXN0LTAxMjM0NTY3ODk=\n");
        f.close();
        k = AuditKey::fromFile(path, false);
        QVERIFY(k.isValid());
        QCOMPARE(k.key, QByteArray("c2VuZGd1YXJkLWF1ZGl0LWtleS10ZXN0LTAxMjM0NTY3ODk="));
        qputenv("SENDGUARD_AUDIT_KEY_FILE", path.toLocal8Bit());
        QCOMPARE(AuditKey::load().key, k.key);
        qunsetenv("SENDGUARD_AUDIT_KEY_FILE");
    }

    void legacyLinesBeforeTheChain()
    {
        writeLinesTo(current(),
                     {R"({"event":"started","ts":"2024-04-30T09:00:00.000Z","user":"taro"})",
                      R"({"event":"stopped","ts":"2024-04-30T18:00:00.000Z","user":"taro"})"});
        writeLines(2, at("2024-04-30T19:00:00Z"));
        const QList<QByteArray> lines = readLines(current());
        QCOMPARE(lines.size(), 4);
        QCOMPARE(object(lines.at(2)).value(QStringLiteral("seq")).toInteger(), 1);
        QCOMPARE(object(lines.at(2)).value(QStringLiteral("prev")).toString().toLatin1(),
                 AuditChain::hashLine(lines.at(1)));
        AuditVerifyReport r = verify();
        QVERIFY2(r.intact(), qPrintable(describe(r)));
        QCOMPARE(r.legacyLines, 2);
        // The last legacy line is covered by the chain.
        QList<QByteArray> changed = lines;
        changed[1].replace("stopped", "started");
        writeLinesTo(current(), changed);
        r = verify();
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().kind, QStringLiteral("changed"));
        QCOMPARE(r.problems.first().line, 2);
    }

    void theBeginningRemoved()
    {
        writeLines(4, at("2024-05-01T10:00:00Z"));
        QList<QByteArray> lines = readLines(current());
        writeLinesTo(current(), lines.mid(2));
        const AuditVerifyReport r = verify();
        QCOMPARE(r.problems.size(), 1);
        QCOMPARE(r.problems.first().kind, QStringLiteral("start-missing"));
        QCOMPARE(r.problems.first().seq, 3);
    }

    void anEmptyFolderIsIntact()
    {
        const AuditVerifyReport r = verify();
        QVERIFY(r.intact());
        QCOMPARE(r.files, 0);
        QCOMPARE(r.lines, 0);
    }

    void verifyReportAsJson()
    {
        writeLines(3, at("2024-05-01T10:00:00Z"));
        QList<QByteArray> lines = readLines(current());
        lines.removeAt(1);
        writeLinesTo(current(), lines);
        const QJsonObject j = verify().toJson();
        QCOMPARE(j.value(QStringLiteral("intact")).toBool(), false);
        const QJsonObject p = j.value(QStringLiteral("problems")).toArray().first().toObject();
        QCOMPARE(p.value(QStringLiteral("kind")).toString(), QStringLiteral("removed"));
        QCOMPARE(p.value(QStringLiteral("file")).toString(), QStringLiteral("audit.jsonl"));
        QCOMPARE(p.value(QStringLiteral("line")).toInt(), 2);
        QCOMPARE(p.value(QStringLiteral("seq")).toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "TestAuditChain.moc"
