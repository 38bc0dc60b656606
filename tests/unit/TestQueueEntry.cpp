// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueueEntry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace sendguard;

class TestQueueEntry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrip()
    {
        QueueEntry e;
        e.id = newMessageId();
        e.state = MessageState::Retrying;
        e.createdAt = QDateTime::currentDateTimeUtc();
        e.releaseAt = e.createdAt.addSecs(60);
        e.nextAttemptAt = e.createdAt.addSecs(120);
        e.attempts = 3;
        e.lastError = QStringLiteral("451 4.3.0 try later");
        e.envelopeFrom = QStringLiteral("taro@example.co.jp");
        e.recipients = {{QStringLiteral("a@example.com"), Recipient::Status::Delivered,
                         QStringLiteral("250 ok")},
                        {QStringLiteral("b@example.com"), Recipient::Status::Pending, {}},
                        {QStringLiteral("c@example.com"), Recipient::Status::Refused,
                         QStringLiteral("550 no")}};
        e.size = 1234;
        e.crc32 = 0xdeadbeef;
        e.subject = QString::fromUtf8("見積書の送付");
        e.edits = {{10, 20, {}}, {30, 45, "To: undisclosed-recipients:;\r\n"}};
        e.analysis = QJsonObject{{QStringLiteral("flags"), QJsonArray{QStringLiteral("mass")}}};
        e.confirmedBy = QStringLiteral("user");

        QueueEntry back;
        QString error;
        QVERIFY2(QueueEntry::fromJson(e.toJson(), &back, &error), qPrintable(error));
        QCOMPARE(back.id, e.id);
        QCOMPARE(back.state, e.state);
        QCOMPARE(back.createdAt, e.createdAt);
        QCOMPARE(back.nextAttemptAt, e.nextAttemptAt);
        QCOMPARE(back.attempts, 3);
        QCOMPARE(back.recipients, e.recipients);
        QCOMPARE(back.crc32, e.crc32);
        QCOMPARE(back.subject, e.subject);
        QCOMPARE(back.edits, e.edits);
        QCOMPARE(back.analysis, e.analysis);
        QCOMPARE(back.pendingAddresses(), QStringList{QStringLiteral("b@example.com")});
        QVERIFY(back.hasPending());
        QVERIFY(back.hasRefused());
    }

    // The journal's text form says exactly what toJson() says, for every kind of field.
    void jsonBytesMatchTheObject()
    {
        QueueEntry e;
        e.id = newMessageId();
        e.state = MessageState::AwaitingConfirmation;
        e.createdAt = QDateTime::currentDateTimeUtc();
        e.releaseAt = e.createdAt.addSecs(60);
        e.attempts = 2;
        e.lastError = QStringLiteral("451 \"quoted\" \\ back\tslash\r\n");
        e.envelopeFrom = QStringLiteral("taro@example.co.jp");
        e.recipients = {{QStringLiteral("a@example.com"), Recipient::Status::Delivered,
                         QStringLiteral("250 ok")},
                        {QString::fromUtf8("山田@例え.jp"), Recipient::Status::Pending, {}}};
        e.authUser = QStringLiteral("local");
        e.bodyIs8Bit = true;
        e.size = 5'000'000'000;
        e.crc32 = 0xfedcba98;
        e.subject = QString::fromUtf8("【社外秘】見積書 \x01");
        e.headerFrom = QStringLiteral("Taro <taro@example.co.jp>");
        e.messageId = QStringLiteral("<x@y>");
        e.confirmedBy = QStringLiteral("user");
        e.holdSeconds = 60;
        e.releasePaused = true;
        e.edits = {{10, 20, {}}, {30, 45, "To: undisclosed-recipients:;\r\n"}};
        e.analysis = QJsonObject{{QStringLiteral("flags"), QJsonArray{QStringLiteral("mass")}},
                                 {QStringLiteral("ratio"), 0.5}};
        e.encryption.mode = QStringLiteral("message");
        e.encryption.method = QStringLiteral("smime");
        e.encryption.to = {QStringLiteral("a@example.com")};
        e.sentUnencrypted = true;
        for (const QueueEntry& entry : {e, QueueEntry()}) {
            QJsonParseError error{};
            const QJsonObject parsed = QJsonDocument::fromJson(entry.toJsonBytes(), &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            QCOMPARE(QJsonDocument(parsed).toJson(), QJsonDocument(entry.toJson()).toJson());
        }
    }

    void encryptionRoundTripAndListStatus()
    {
        QueueEntry e;
        e.id = newMessageId();
        e.recipients = {{QStringLiteral("a@example.com"), Recipient::Status::Pending, {}}};
        Verdict v;
        v.parsed = true;
        v.encryption.mode = QStringLiteral("attachments");
        v.encryption.method = QStringLiteral("smime");
        v.encryption.encrypt = true;
        v.encryption.required = true;
        v.encryption.attachments = 2;
        v.encryption.recipients = {{QStringLiteral("a@example.com"),
                                    true,
                                    {QStringLiteral("smime")},
                                    QStringLiteral("CN=a"),
                                    {}}};
        v.encryption.sender = {
            QStringLiteral("me@example.co.jp"), false, {}, {}, QStringLiteral("no certificate")};
        e.analysis = v.toJson();
        const EncryptionPlan plan = Verdict::fromJson(e.analysis).encryption;
        QCOMPARE(plan.toJson(), v.encryption.toJson());
        QCOMPARE(plan.recipients.first().methods, QStringList{QStringLiteral("smime")});
        QVERIFY(!plan.sender.usable);

        e.encryption.mode = QStringLiteral("attachments");
        e.encryption.method = QStringLiteral("smime");
        e.encryption.to = {QStringLiteral("a@example.com")};
        e.encryption.sender = QStringLiteral("me@example.co.jp");
        e.encryption.required = true;
        QCOMPARE(e.toListJson()
                     .value(QStringLiteral("encryption"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("pending"));
        e.encryption.copies = {{{QStringLiteral("a@example.com")}, false, true, 4321, 0xfeedbeef}};
        QueueEntry back;
        QString error;
        QVERIFY2(QueueEntry::fromJson(e.toJson(), &back, &error), qPrintable(error));
        QCOMPARE(back.encryption, e.encryption);
        QVERIFY(!back.sentUnencrypted);
        const QJsonObject listed = back.toListJson().value(QStringLiteral("encryption")).toObject();
        QCOMPARE(listed.value(QStringLiteral("status")).toString(), QStringLiteral("encrypted"));
        QCOMPARE(listed.value(QStringLiteral("attachments")).toInt(), 2);

        // Without encryption nothing changes in the stored or listed form.
        QueueEntry plain;
        plain.id = newMessageId();
        QVERIFY(!plain.toJson().contains(QStringLiteral("encryption")));
        QVERIFY(!plain.toListJson().contains(QStringLiteral("encryption")));
        QVERIFY(!Verdict().toJson().contains(QStringLiteral("encryption")));
    }

    void encryptedCopiesRoundTripAndList()
    {
        QueueEntry e;
        e.id = newMessageId();
        const QString a = QStringLiteral("a@example.com");
        const QString b = QStringLiteral("b@example.net");
        const QString c = QStringLiteral("c@example.org");
        e.recipients = {{a, Recipient::Status::Delivered, QStringLiteral("250 ok")},
                        {b, Recipient::Status::Pending, {}},
                        {c, Recipient::Status::Pending, {}}};
        e.encryption.mode = QStringLiteral("message");
        e.encryption.method = QStringLiteral("smime");
        e.encryption.to = {a, b, c};
        // The visible copy went out (its file is gone), b's is made, c's not yet.
        e.encryption.copies = {{{a}, false, false, 0, 0},
                               {{b}, true, true, 999, 0x12345678},
                               {{c}, true, false, 0, 0}};
        QCOMPARE(e.pendingAmong({a, b, c}), (QStringList{b, c}));
        QueueEntry back;
        QString error;
        QVERIFY2(QueueEntry::fromJson(e.toJson(), &back, &error), qPrintable(error));
        QCOMPARE(back.encryption, e.encryption);
        QVERIFY(back.encryption.isPlanned());

        QJsonObject listed = back.toListJson().value(QStringLiteral("encryption")).toObject();
        QCOMPARE(listed.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        const QJsonArray copies = listed.value(QStringLiteral("copies")).toArray();
        QCOMPARE(copies.size(), 3);
        const QStringList kinds{QStringLiteral("visible"), QStringLiteral("bcc"),
                                QStringLiteral("bcc")};
        const QStringList states{QStringLiteral("relayed"), QStringLiteral("encrypted"),
                                 QStringLiteral("to-encrypt")};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject copy = copies.at(i).toObject();
            QCOMPARE(copy.value(QStringLiteral("kind")).toString(), kinds.at(i));
            QCOMPARE(copy.value(QStringLiteral("state")).toString(), states.at(i));
            QCOMPARE(copy.value(QStringLiteral("recipients")).toInt(), 1);
        }
        // Once every copy that is still needed is made, the message counts as encrypted.
        back.encryption.copies[2].done = true;
        listed = back.toListJson().value(QStringLiteral("encryption")).toObject();
        QCOMPARE(listed.value(QStringLiteral("status")).toString(), QStringLiteral("encrypted"));
    }

    void oneCopyForEveryoneFromAnOlderVersion()
    {
        // The encrypted form of an earlier version: one file for all envelope recipients.
        QueueEntry e;
        e.id = newMessageId();
        e.recipients = {{QStringLiteral("a@example.com"), Recipient::Status::Pending, {}},
                        {QStringLiteral("b@example.net"), Recipient::Status::Pending, {}}};
        QJsonObject json = e.toJson();
        json.insert(QStringLiteral("encryption"),
                    QJsonObject{{QStringLiteral("mode"), QStringLiteral("attachments")},
                                {QStringLiteral("method"), QStringLiteral("smime")},
                                {QStringLiteral("done"), true},
                                {QStringLiteral("size"), 77},
                                {QStringLiteral("crc32"), 4000000000.0}});
        QueueEntry back;
        QString error;
        QVERIFY2(QueueEntry::fromJson(json, &back, &error), qPrintable(error));
        QCOMPARE(back.encryption.copies.size(), 1);
        const EncryptedCopy& copy = back.encryption.copies.first();
        QCOMPARE(copy.recipients, e.recipientAddresses());
        QVERIFY(copy.done && !copy.bcc);
        QCOMPARE(copy.size, qint64(77));
        QCOMPARE(copy.crc32, quint32(4000000000u));
        // Not made yet: the copies are decided when it is relayed.
        json.insert(QStringLiteral("encryption"),
                    QJsonObject{{QStringLiteral("mode"), QStringLiteral("attachments")},
                                {QStringLiteral("method"), QStringLiteral("smime")},
                                {QStringLiteral("done"), false}});
        QVERIFY2(QueueEntry::fromJson(json, &back, &error), qPrintable(error));
        QVERIFY(!back.encryption.isPlanned());
    }

    void listJsonHasTheContractFields()
    {
        QueueEntry e;
        e.id = newMessageId();
        e.recipients = {{QStringLiteral("a@example.com"), Recipient::Status::Pending, {}}};
        const QJsonObject o = e.toListJson();
        for (const char* key : {"id", "state", "subject", "recipients", "release_at", "created_at",
                                "size", "attempts", "last_error", "from"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("held"));
        QVERIFY(o.value(QStringLiteral("release_at")).isNull());
    }

    void rejectsDamagedJson()
    {
        QueueEntry e;
        QString error;
        QVERIFY(!QueueEntry::fromJson(
            QJsonObject{{QStringLiteral("id"), QStringLiteral("../../etc")}}, &e, &error));
        QVERIFY(
            !QueueEntry::fromJson(QJsonObject{{QStringLiteral("id"), newMessageId()},
                                              {QStringLiteral("state"), QStringLiteral("bogus")}},
                                  &e, &error));
    }

    void idsAreUniqueAndValid()
    {
        QSet<QString> ids;
        for (int i = 0; i < 1000; ++i) {
            const QString id = newMessageId();
            QVERIFY(isValidMessageId(id));
            ids.insert(id);
        }
        QCOMPARE(ids.size(), 1000);
        QVERIFY(!isValidMessageId(QStringLiteral("20261123T093211-4f3a2b1c/../x")));
    }

    void stateNames()
    {
        for (MessageState s : {MessageState::Held, MessageState::Relaying, MessageState::Retrying,
                               MessageState::Failed, MessageState::Recalled, MessageState::Sent}) {
            MessageState back;
            QVERIFY(messageStateFromName(messageStateName(s), &back));
            QCOMPARE(back, s);
        }
    }
};

QTEST_GUILESS_MAIN(TestQueueEntry)
#include "TestQueueEntry.moc"
