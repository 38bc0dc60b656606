// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpRelay.h"
#include "SmtpTypes.h"

#include <QTest>

using namespace sendguard;

class TestSmtpReply : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Replies come in pieces and several at once; each is handed over whole, in order.
    void readerGathersRepliesFromPieces()
    {
        SmtpReplyReader reader;
        SmtpReply r;
        reader.append("250-mx.example.jp\r\n250-PIPE");
        QCOMPARE(reader.next(&r), SmtpReplyReader::Status::Incomplete);
        reader.append("LINING\r\n250 2.0.0 SIZE 1000\r\n354 go on\r\n");
        QCOMPARE(reader.next(&r), SmtpReplyReader::Status::Reply);
        QCOMPARE(r.code, 250);
        QCOMPARE(r.enhanced, QStringLiteral("2.0.0"));
        QCOMPARE(r.text, QStringLiteral("mx.example.jp\nPIPELINING\nSIZE 1000"));
        QCOMPARE(reader.next(&r), SmtpReplyReader::Status::Reply);
        QCOMPARE(r.code, 354);
        QCOMPARE(reader.next(&r), SmtpReplyReader::Status::Incomplete);
        reader.append("220 leftover");
        reader.clear();
        reader.append("\r\n221 bye\r\n");
        QCOMPARE(reader.next(&r), SmtpReplyReader::Status::Malformed); // the empty line
    }

    void readerRefusesWhatIsNoReply()
    {
        SmtpReply r;
        QByteArray bad;
        SmtpReplyReader garbage;
        garbage.append("HTTP/1.1 400 Bad Request\r\n");
        QCOMPARE(garbage.next(&r, &bad), SmtpReplyReader::Status::Malformed);
        QCOMPARE(bad, QByteArray("HTTP/1.1 400 Bad Request"));

        SmtpReplyReader endless;
        endless.append(QByteArray(SmtpReplyReader::MaxLineBytes + 1, '2'));
        QCOMPARE(endless.next(&r), SmtpReplyReader::Status::LineTooLong);

        SmtpReplyReader chatty(3);
        chatty.append("250-a\r\n250-b\r\n250-c\r\n250 d\r\n");
        QCOMPARE(chatty.next(&r), SmtpReplyReader::Status::TooManyLines);
        SmtpReplyReader unlimited(0);
        unlimited.append("250-a\r\n250-b\r\n250-c\r\n250 d\r\n");
        QCOMPARE(unlimited.next(&r), SmtpReplyReader::Status::Reply);
        QCOMPARE(r.text, QStringLiteral("a\nb\nc\nd"));
    }

    void wireFormMultiLine()
    {
        const SmtpReply r{250, QString(),
                          QStringLiteral("localhost greets you\nPIPELINING\nSIZE 10")};
        QCOMPARE(r.toWire(),
                 QByteArray("250-localhost greets you\r\n250-PIPELINING\r\n250 SIZE 10\r\n"));
    }

    void wireFormWithEnhancedCode()
    {
        const SmtpReply r{550, QStringLiteral("5.7.1"), QStringLiteral("cancelled")};
        QCOMPARE(r.toWire(), QByteArray("550 5.7.1 cancelled\r\n"));
        QVERIFY(r.isPermanent());
        QCOMPARE(r.toString(), QStringLiteral("550 5.7.1 cancelled"));
    }

    void nonAsciiNeverReachesTheWire()
    {
        const SmtpReply r{554, QStringLiteral("5.0.0"), QString::fromUtf8("拒否\r\nX")};
        const QByteArray wire = r.toWire();
        QVERIFY(wire.endsWith("\r\n"));
        for (const QByteArray& line : wire.chopped(2).split('\n')) {
            const QByteArray text = line.endsWith('\r') ? line.chopped(1) : line;
            for (char c : text)
                QVERIFY(static_cast<unsigned char>(c) >= 32 && static_cast<unsigned char>(c) < 127);
        }
    }

    void parsesUpstreamReplies()
    {
        const SmtpReply r = parseReplyLines(
            {QStringLiteral("451-4.3.0 first"), QStringLiteral("451 4.3.0 second")});
        QCOMPARE(r.code, 451);
        QCOMPARE(r.enhanced, QStringLiteral("4.3.0"));
        QCOMPARE(r.text, QStringLiteral("first\nsecond"));
        QVERIFY(r.isTransient());

        const SmtpReply plain = parseReplyLines({QStringLiteral("220 mx.example.jp ESMTP")});
        QCOMPARE(plain.code, 220);
        QVERIFY(plain.enhanced.isEmpty());
        QCOMPARE(plain.text, QStringLiteral("mx.example.jp ESMTP"));
    }
};

QTEST_GUILESS_MAIN(TestSmtpReply)
#include "TestSmtpReply.moc"
