// SPDX-License-Identifier: GPL-3.0-or-later
// RecipientRemoval: recipients the user removed in the confirm dialog, taken out of a queued
// message (envelope, encryption recipients, To/Cc edits, analysis) with the encryption planned
// anew. The planner is a plain function here; the real one is EncryptionService::plan.
#include "MessageAnalyzer.h"
#include "MessageTestSupport.h"
#include "RecipientRemoval.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace sendguard;
using namespace sendguard::testsupport;

class TestRecipientRemoval : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A message to sato (S/MIME key) and kimura (none) in To, hanako (key) in Cc, boss in Bcc,
    // as Guard queues it when encryption is required but kimura has no key.
    QueueEntry entry(QString* path)
    {
        const QByteArray mail = "From: taro@example.co.jp\r\n"
                                "To: Sato <sato@partner.example>, Kimura <kimura@nokey.example>\r\n"
                                "Cc: hanako@example.co.jp\r\n"
                                "Bcc: boss@example.co.jp\r\n"
                                "Subject: quotation\r\n"
                                "\r\n"
                                "text\r\n";
        *path = m_dir.filePath(QStringLiteral("%1.eml").arg(newMessageId()));
        QFile f(*path);
        if (f.open(QIODevice::WriteOnly))
            f.write(mail);
        f.close();
        const QStringList rcpts{
            QStringLiteral("sato@partner.example"), QStringLiteral("kimura@nokey.example"),
            QStringLiteral("hanako@example.co.jp"), QStringLiteral("boss@example.co.jp")};
        AnalysisInput in;
        in.path = *path;
        in.envelopeFrom = QStringLiteral("taro@example.co.jp");
        in.recipients = rcpts;
        in.policy.internalDomains = {QStringLiteral("example.co.jp")};
        Verdict v = MessageAnalyzer::analyze(in);
        v.encryption = plan(v);

        QueueEntry e;
        e.id = newMessageId();
        e.envelopeFrom = in.envelopeFrom;
        for (const QString& r : rcpts)
            e.recipients.append({r, Recipient::Status::Pending, {}});
        e.edits = v.edits;
        e.analysis = v.toJson();
        e.encryption.mode = QStringLiteral("attachments");
        e.encryption.to = rcpts;
        e.encryption.required = true;
        return e;
    }

    // Everyone but kimura has an S/MIME key.
    static EncryptionPlan plan(const Verdict& v)
    {
        EncryptionPlan p;
        p.mode = QStringLiteral("attachments");
        p.required = true;
        p.attachments = 1;
        bool all = true;
        for (const RecipientInfo& r : v.recipients) {
            RecipientKey k;
            k.address = r.address;
            k.usable = !r.address.startsWith(QLatin1String("kimura"));
            if (k.usable)
                k.methods << QStringLiteral("smime");
            else
                k.problem = QStringLiteral("S/MIME: no certificate");
            all = all && k.usable;
            p.recipients << k;
        }
        p.encrypt = all;
        p.refuse = !all;
        p.method = all ? QStringLiteral("smime") : QString();
        if (!all)
            p.reason = QStringLiteral("S/MIME: no usable key for kimura@nokey.example");
        return p;
    }

    static QStringList analysedRecipients(const QueueEntry& e)
    {
        QStringList out;
        for (const RecipientInfo& r : Verdict::fromJson(e.analysis).recipients)
            out << r.address;
        return out;
    }

private Q_SLOTS:
    void removesFromEnvelopeHeadersAnalysisAndPlansAgain()
    {
        QString path;
        QueueEntry e = entry(&path);
        QVERIFY(Verdict::fromJson(e.analysis).encryption.refuse);
        QStringList planned; // what the planner was asked about
        RecipientRemoval::Planner planner = [&planned](const Verdict& v) {
            for (const RecipientInfo& r : v.recipients)
                planned << r.address;
            return plan(v);
        };
        RecipientRemoval::Outcome outcome;
        // The envelope's spelling may differ in case from the dialog's.
        QVERIFY(RecipientRemoval::apply(&e, {QStringLiteral("Kimura@NoKey.example")}, path, planner,
                                        &outcome));
        QCOMPARE(outcome.removed, QStringList{QStringLiteral("kimura@nokey.example")});
        const QStringList left{QStringLiteral("sato@partner.example"),
                               QStringLiteral("hanako@example.co.jp"),
                               QStringLiteral("boss@example.co.jp")};
        QCOMPARE(outcome.remaining, left);
        QCOMPARE(e.recipientAddresses(), left);
        QCOMPARE(e.encryption.to, left);
        QCOMPARE(planned, left);
        QVERIFY(outcome.before.refuse);
        QVERIFY(outcome.after.encrypt);
        QCOMPARE(outcome.after.method, QStringLiteral("smime"));
        // The analysis the queue, the audit log and `queue list` show.
        QCOMPARE(analysedRecipients(e), left);
        QVERIFY(Verdict::fromJson(e.analysis).encryption.encrypt);
        QCOMPARE(e.analysis.value(QStringLiteral("removed_recipients")).toArray(),
                 QJsonArray{QStringLiteral("kimura@nokey.example")});
        // What is relayed: kimura gone from To, Bcc gone, the others as they were.
        QString error;
        const QByteArray sent = applyEdits(path, e.edits, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!containsAddress(sent, QStringLiteral("kimura@nokey.example")));
        QVERIFY(!containsAddress(sent, QStringLiteral("boss@example.co.jp")));
        QVERIFY(containsAddress(sent, QStringLiteral("sato@partner.example")));
        QVERIFY(containsAddress(sent, QStringLiteral("hanako@example.co.jp")));
        for (const HeaderField& f : splitHeaders(sent))
            QVERIFY(f.name.compare("Bcc", Qt::CaseInsensitive) != 0);
    }

    void unknownAddressesChangeNothing()
    {
        QString path;
        QueueEntry e = entry(&path);
        const QueueEntry before = e;
        RecipientRemoval::Outcome outcome;
        QVERIFY(RecipientRemoval::apply(&e, {QStringLiteral("nobody@else.example")}, path, plan,
                                        &outcome));
        QVERIFY(outcome.removed.isEmpty());
        QCOMPARE(e.toJson(), before.toJson());
    }

    void removingEveryoneIsRefused()
    {
        QString path;
        QueueEntry e = entry(&path);
        const QueueEntry before = e;
        RecipientRemoval::Outcome outcome;
        QVERIFY(!RecipientRemoval::apply(&e, before.recipientAddresses(), path, plan, &outcome));
        QVERIFY(outcome.error.contains(QStringLiteral("nothing to send")));
        QCOMPARE(e.toJson(), before.toJson());
    }

    void unreadableMessageChangesNothing()
    {
        QString path;
        QueueEntry e = entry(&path);
        const QueueEntry before = e;
        QVERIFY(QFile::remove(path));
        RecipientRemoval::Outcome outcome;
        QVERIFY(!RecipientRemoval::apply(&e, {QStringLiteral("kimura@nokey.example")}, path, plan,
                                         &outcome));
        QVERIFY(!outcome.error.isEmpty());
        QCOMPARE(e.toJson(), before.toJson());
    }
};

QTEST_GUILESS_MAIN(TestRecipientRemoval)
#include "TestRecipientRemoval.moc"
