// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueueEntry.h"

#include <QJsonArray>
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
        e.encryption.done = true;
        e.encryption.size = 4321;
        e.encryption.crc32 = 0xfeedbeef;
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
