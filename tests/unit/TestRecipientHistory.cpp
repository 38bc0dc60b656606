// SPDX-License-Identifier: GPL-3.0-or-later
#include "RecipientHistory.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sendguard;

class TestRecipientHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void remembersAcrossRestarts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            RecipientHistory history(path);
            QString error;
            QVERIFY2(history.open(&error), qPrintable(error));
            QVERIFY(history.isEmpty());
            QVERIFY(!history.knowsAddress(QStringLiteral("sato@example.com")));
            history.recordDelivered(
                {QStringLiteral("Sato@Example.COM"), QString::fromUtf8("info@例え.jp")});
            history.recordDelivered({QStringLiteral("sato@example.com")});
            QVERIFY(history.knowsAddress(QStringLiteral("sato@example.com")));
        }
        RecipientHistory history(path);
        QString error;
        QVERIFY(history.open(&error));
        QVERIFY(history.knowsAddress(QStringLiteral("SATO@example.com")));
        QVERIFY(history.knowsAddress(QString::fromUtf8("info@例え.jp")));
        QVERIFY(!history.knowsAddress(QStringLiteral("suzuki@example.com")));
        QStringList domains = history.knownDomains();
        domains.sort();
        QCOMPARE(domains,
                 (QStringList{QStringLiteral("example.com"), QStringLiteral("xn--r8jz45g.jp")}));
    }

    // Deliveries are written together within about a second, and counted.
    void writesDeliveriesSoonAndCountsThem()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        RecipientHistory history(path);
        QString error;
        QVERIFY2(history.open(&error), qPrintable(error));
        for (int i = 0; i < 3; ++i)
            history.recordDelivered({QStringLiteral("kato@example.com")});
        const auto storedCount = [&path]() -> int {
            const QString name = QStringLiteral("reader");
            int count = -1;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(path);
                if (db.open()) {
                    QSqlQuery q(db);
                    if (q.exec(QStringLiteral(
                            "SELECT count FROM recipients WHERE address = 'kato@example.com'")) &&
                        q.next())
                        count = q.value(0).toInt();
                }
                db.close();
            }
            QSqlDatabase::removeDatabase(name);
            return count;
        };
        QTRY_COMPARE_WITH_TIMEOUT(storedCount(), 3, 5000);
        history.recordDelivered({QStringLiteral("KATO@example.com")});
        history.flush();
        QCOMPARE(storedCount(), 4);
    }

    void normalizesAddresses()
    {
        QCOMPARE(RecipientHistory::normalizeAddress(QStringLiteral("Taro@Example.CO.JP")),
                 QStringLiteral("Taro@example.co.jp"));
        QCOMPARE(RecipientHistory::normalizeAddress(QString::fromUtf8("a@日本.jp")),
                 QStringLiteral("a@xn--wgv71a.jp"));
    }
};

QTEST_GUILESS_MAIN(TestRecipientHistory)
#include "TestRecipientHistory.moc"
