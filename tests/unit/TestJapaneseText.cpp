// SPDX-License-Identifier: GPL-3.0-or-later
#include "JapaneseText.h"

#include <QTest>

using namespace sendguard;

// ISO-2022-JP as Windows mailers write it, read with the NEC and IBM extensions.
class TestJapaneseText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsJisAndItsWindowsExtensions_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("JIS X 0208") << QByteArray("\x1b$B;3ED\x1b(B") << QString::fromUtf8("山田");
        QTest::newRow("NEC special (circled one)")
            << QByteArray("\x1b$B-!8+@Q=q\x1b(B") << QString::fromUtf8("①見積書");
        QTest::newRow("NEC special (kabu)")
            << QByteArray("\x1b$B-j;3ED>&;v\x1b(B") << QString::fromUtf8("㈱山田商事");
        QTest::newRow("IBM extension")
            << QByteArray("\x1b$B;3yu\x1b(B") << QString::fromUtf8("山﨑");
        QTest::newRow("half-width katakana")
            << QByteArray("Re: \x1b(I12\x1b(B ok") << QString::fromUtf8("Re: ｱｲ ok");
        QTest::newRow("SO/SI katakana")
            << QByteArray("a\x0e\x31\x0f b") << QString::fromUtf8("aｱ b");
        QTest::newRow("JIS-Roman and lines")
            << QByteArray("\x1b(Jabc\r\n\x1b$B$\"\x1b(B\r\n") << QString::fromUtf8("abc\r\nあ\r\n");
        QTest::newRow("line ended without ESC ( B")
            << QByteArray("\x1b$B$\"\r\nabc") << QString::fromUtf8("あ\r\nabc");
        QTest::newRow("space inside JIS")
            << QByteArray("\x1b$B$\" $\"\x1b(B") << QString::fromUtf8("あ あ");
        QTest::newRow("ASCII only")
            << QByteArray("plain \\ text ~") << QStringLiteral("plain \\ text ~");
    }

    void readsJisAndItsWindowsExtensions()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QString text;
        QVERIFY(japanesetext::fromIso2022Jp(bytes, &text));
        QCOMPARE(text, expected);
    }

    // What is not ISO-2022-JP is left to the caller's other reading.
    void refusesWhatItCannotRead_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("8-bit byte") << QByteArray("\x82\xa0");
        QTest::newRow("JIS X 0212") << QByteArray("\x1b$(D\x30\x21\x1b(B");
        QTest::newRow("odd byte count") << QByteArray("\x1b$B;3E\x1b(B");
        QTest::newRow("control byte in JIS") << QByteArray("\x1b$B\x01\x01\x1b(B");
        QTest::newRow("kana out of range") << QByteArray("\x1b(I\x7e\x1b(B");
    }

    void refusesWhatItCannotRead()
    {
        QFETCH(QByteArray, bytes);
        QString text = QStringLiteral("unchanged");
        QVERIFY(!japanesetext::fromIso2022Jp(bytes, &text));
        QCOMPARE(text, QStringLiteral("unchanged"));
    }

    // "Shift_JIS" and "EUC-JP" as Windows writes them (code page 932, eucJP-ms).
    void readsShiftJisAndEucJpWithTheExtensions()
    {
        QString text;
        QVERIFY(japanesetext::decode("Shift_JIS", "\x87\x40\x8c\xa9", &text));
        QCOMPARE(text, QString::fromUtf8("①見"));
        QVERIFY(japanesetext::decode("x-sjis",
                                     "\x87\x8a\x8eR\x93"
                                     "c",
                                     &text));
        QCOMPARE(text, QString::fromUtf8("㈱山田"));
        QVERIFY(japanesetext::decode("EUC-JP", "\xad\xa1", &text));
        QCOMPARE(text, QString::fromUtf8("①"));
        QVERIFY(japanesetext::decode("ISO-2022-JP", "\x1b$B-!\x1b(B", &text));
        QCOMPARE(text, QString::fromUtf8("①"));
        text = QStringLiteral("unchanged");
        QVERIFY(!japanesetext::decode("UTF-8", "abc", &text));
        QVERIFY(!japanesetext::decode("Shift_JIS", "\x87", &text)); // cut in a character
        QCOMPARE(text, QStringLiteral("unchanged"));
        QCOMPARE(japanesetext::readingCharset("SHIFT_JIS"), QByteArray("CP932"));
        QCOMPARE(japanesetext::readingCharset("euc-jp"), QByteArray("EUC-JP-MS"));
        QCOMPARE(japanesetext::readingCharset("iso-8859-1"), QByteArray("iso-8859-1"));
    }

    void knowsTheCharsetNames()
    {
        for (const char* name :
             {"ISO-2022-JP", "iso-2022-jp", " csISO2022JP", "CP50221", "iso-2022-jp-ms"})
            QVERIFY2(japanesetext::isIso2022Jp(name), name);
        for (const char* name : {"ISO-2022-JP-2", "Shift_JIS", "UTF-8", ""})
            QVERIFY2(!japanesetext::isIso2022Jp(name), name);
        for (const char* name : {"Shift_JIS", "MS_Kanji", "windows-31j", "EUC-JP", "iso-2022-jp"})
            QVERIFY2(japanesetext::isJapanese(name), name);
        for (const char* name : {"ISO-2022-JP-2", "GB2312", "UTF-8", ""})
            QVERIFY2(!japanesetext::isJapanese(name), name);
    }
};

QTEST_GUILESS_MAIN(TestJapaneseText)
#include "TestJapaneseText.moc"
