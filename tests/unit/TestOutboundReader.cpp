// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutboundReader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sendguard;

class TestOutboundReader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QByteArray& content)
    {
        const QString path = m_dir.filePath(QStringLiteral("m.eml"));
        QFile f(path);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(content);
        return path;
    }

    static QByteArray readAll(OutboundReader& reader, int chunk)
    {
        QByteArray out;
        while (!reader.atEnd())
            out += reader.read(chunk);
        return out;
    }

private Q_SLOTS:
    void dotStuffsAcrossEveryChunkSize()
    {
        const QByteArray mail = ".first\r\nmiddle\r\n..two\r\n.\r\nend.\r\n";
        const QByteArray expected = "..first\r\nmiddle\r\n...two\r\n..\r\nend.\r\n";
        for (int chunk = 1; chunk <= mail.size() + 1; ++chunk) {
            OutboundReader reader(write(mail), {}, /*dotStuff=*/true);
            QString error;
            QVERIFY(reader.open(&error));
            QCOMPARE(readAll(reader, chunk), expected);
            QVERIFY(reader.endsWithCrlf());
            QVERIFY(!reader.hasError());
        }
    }

    void skipsWithheldRanges()
    {
        const QByteArray mail = "A: 1\r\nBcc: x\r\nB: 2\r\nBcc: y\r\n\r\nbody\r\n";
        const qint64 b1 = mail.indexOf("Bcc: x");
        const qint64 b2 = mail.indexOf("Bcc: y");
        for (int chunk = 1; chunk < 40; ++chunk) {
            OutboundReader reader(write(mail), {{b2, b2 + 8, {}}, {b1, b1 + 8, {}}},
                                  /*dotStuff=*/false);
            QString error;
            QVERIFY(reader.open(&error));
            QCOMPARE(readAll(reader, chunk), QByteArray("A: 1\r\nB: 2\r\n\r\nbody\r\n"));
        }
    }

    void replacesRangesAndDotStuffsReplacements()
    {
        const QByteArray mail = "To: a@x.jp, b@y.jp\r\nSubject: s\r\n\r\n.body\r\n";
        const qint64 end = mail.indexOf("Subject");
        OutboundReader reader(write(mail), {{0, end, "To: undisclosed-recipients:;\r\n"}},
                              /*dotStuff=*/true);
        QString error;
        QVERIFY(reader.open(&error));
        QCOMPARE(readAll(reader, 5),
                 QByteArray("To: undisclosed-recipients:;\r\nSubject: s\r\n\r\n..body\r\n"));
    }

    void reportsMissingFinalCrlf()
    {
        OutboundReader reader(write("no newline"), {}, true);
        QString error;
        QVERIFY(reader.open(&error));
        readAll(reader, 100);
        QVERIFY(!reader.endsWithCrlf());
    }

    void missingFile()
    {
        OutboundReader reader(m_dir.filePath(QStringLiteral("absent.eml")), {}, true);
        QString error;
        QVERIFY(!reader.open(&error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOutboundReader)
#include "TestOutboundReader.moc"
