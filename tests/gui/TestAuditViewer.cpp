// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditLog.h"
#include "AuditViewer.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace sendguard;

// The audit trail viewer of the tray, on a trail written by the real AuditLog.
class TestAuditViewer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QueueEntry entry(const QString& subject, const QString& to)
    {
        QueueEntry e;
        e.id = newMessageId();
        e.envelopeFrom = QStringLiteral("taro@example.co.jp");
        e.subject = subject;
        e.recipients = {{to, Recipient::Status::Pending, {}}};
        return e;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        AuditLog log(m_dir.filePath(QStringLiteral("audit.jsonl")));
        QString error;
        QVERIFY2(log.open(&error), qPrintable(error));
        const QueueEntry quote =
            entry(QString::fromUtf8("【見積書送付】保守契約"), QStringLiteral("a@partner.example"));
        const QueueEntry minutes =
            entry(QString::fromUtf8("議事録"), QStringLiteral("b@example.co.jp"));
        log.record(QStringLiteral("accepted"), quote);
        log.record(QStringLiteral("relayed"), quote,
                   {{QStringLiteral("reply"), QStringLiteral("250 ok")}});
        log.record(QStringLiteral("accepted"), minutes);
        log.record(QStringLiteral("recalled"), minutes);
    } // the log writes and syncs everything when it goes

    void listsNewestFirstAndFilters()
    {
        AuditViewer viewer(m_dir.path());
        QTreeWidget* list = viewer.list();
        // Four message events (and the service's own lines, if any).
        QVERIFY(list->topLevelItemCount() >= 4);
        QCOMPARE(list->topLevelItem(0)->data(1, Qt::UserRole).toString(),
                 QStringLiteral("recalled"));
        QCOMPARE(list->topLevelItem(0)->text(1),
                 AuditViewer::eventText(QStringLiteral("recalled")));

        viewer.textFilter()->setText(QString::fromUtf8("見積書"));
        viewer.reload();
        QCOMPARE(list->topLevelItemCount(), 2);
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            QVERIFY(list->topLevelItem(i)->text(2).contains(QString::fromUtf8("見積書")));

        viewer.textFilter()->clear(); // reloads by itself
        viewer.eventFilter()->setCurrentIndex(
            viewer.eventFilter()->findData(QStringLiteral("recalled")));
        QCOMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(2), QString::fromUtf8("議事録"));
        QVERIFY(viewer.statusLabel()->text().contains(QLatin1Char('1')));
    }
};

QTEST_MAIN(TestAuditViewer)
#include "TestAuditViewer.moc"
