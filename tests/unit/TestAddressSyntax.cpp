// SPDX-License-Identifier: GPL-3.0-or-later
#include "AddressSyntax.h"

#include <QTest>

using namespace sendguard;

class TestAddressSyntax : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paths_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<bool>("allowEmpty");
        QTest::addColumn<bool>("utf8");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QByteArray("taro@example.co.jp") << false << false << true;
        QTest::newRow("null sender") << QByteArray("") << true << false << true;
        QTest::newRow("empty recipient") << QByteArray("") << false << false << false;
        QTest::newRow("quoted local part")
            << QByteArray("\"yamada taro\"@example.jp") << false << false << true;
        QTest::newRow("source route")
            << QByteArray("@relay.example:user@example.jp") << false << false << true;
        QTest::newRow("no at") << QByteArray("taro") << false << false << false;
        QTest::newRow("no domain") << QByteArray("taro@") << false << false << false;
        QTest::newRow("space") << QByteArray("ta ro@example.jp") << false << false << false;
        QTest::newRow("double dot domain")
            << QByteArray("a@example..jp") << false << false << false;
        QTest::newRow("utf8 without SMTPUTF8")
            << QByteArray("山田@例え.jp") << false << false << false;
        QTest::newRow("utf8 with SMTPUTF8") << QByteArray("山田@例え.jp") << false << true << true;
        QTest::newRow("comma") << QByteArray("a@b.jp,c@d.jp") << false << false << false;
    }

    void paths()
    {
        QFETCH(QByteArray, path);
        QFETCH(bool, allowEmpty);
        QFETCH(bool, utf8);
        QFETCH(bool, valid);
        QString error;
        QCOMPARE(AddressSyntax::isValidPath(path, allowEmpty, utf8, &error), valid);
        if (!valid)
            QVERIFY(!error.isEmpty());
    }

    void domainOf()
    {
        QCOMPARE(AddressSyntax::domainOf(QStringLiteral("Taro@Example.CO.JP")),
                 QStringLiteral("example.co.jp"));
        QCOMPARE(AddressSyntax::domainOf(QStringLiteral("nodomain")), QString());
    }
};

QTEST_GUILESS_MAIN(TestAddressSyntax)
#include "TestAddressSyntax.moc"
