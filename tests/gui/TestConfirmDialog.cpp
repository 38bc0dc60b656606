// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfirmDialog.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace sendguard;

class TestConfirmDialog : public QObject
{
    Q_OBJECT

private:
    static QueueEntry entry()
    {
        QueueEntry e;
        e.id = newMessageId();
        e.envelopeFrom = QStringLiteral("taro@example.co.jp");
        e.subject = QString::fromUtf8("見積書");
        e.recipients = {{QStringLiteral("a@example.com"), Recipient::Status::Pending, {}},
                        {QStringLiteral("b@example.org"), Recipient::Status::Pending, {}}};
        return e;
    }

private Q_SLOTS:
    void showsTheRecipients()
    {
        ConfirmDialog dialog(entry());
        auto* list = dialog.findChild<QListWidget*>(QStringLiteral("recipients"));
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        QCOMPARE(list->item(1)->text(), QStringLiteral("b@example.org"));
    }

    void enterDoesNotSend()
    {
        ConfirmDialog dialog(entry());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.sendButton()->isDefault());
        QSignalSpy finished(&dialog, &QDialog::finished);
        QTest::keyClick(&dialog, Qt::Key_Return);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toInt(), int(QDialog::Rejected));
    }

    void escapeCancels()
    {
        ConfirmDialog dialog(entry());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy finished(&dialog, &QDialog::finished);
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toInt(), int(QDialog::Rejected));
    }

    void sendButtonSends()
    {
        ConfirmDialog dialog(entry());
        dialog.show();
        QSignalSpy finished(&dialog, &QDialog::finished);
        QTest::mouseClick(dialog.sendButton(), Qt::LeftButton);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toInt(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TestConfirmDialog)
#include "TestConfirmDialog.moc"
