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
