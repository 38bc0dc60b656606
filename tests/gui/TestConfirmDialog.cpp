// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfirmDialog.h"
#include "DialogGate.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <optional>

using namespace sendguard;

class TestConfirmDialog : public QObject
{
    Q_OBJECT

private:
    // Two external recipients in two domains, one internal, one attachment, a planned move.
    static QueueEntry entry()
    {
        QueueEntry e;
        e.id = newMessageId();
        e.envelopeFrom = QStringLiteral("taro@example.co.jp");
        e.subject = QString::fromUtf8("見積書");
        e.bodyPreview = QString::fromUtf8("お世話になっております。");
        e.recipients = {{QStringLiteral("a@partner.example"), Recipient::Status::Pending, {}},
                        {QStringLiteral("b@examp1e.co.jp"), Recipient::Status::Pending, {}},
                        {QStringLiteral("hanako@example.co.jp"), Recipient::Status::Pending, {}}};
        Verdict v;
        v.parsed = true;
        v.subject = e.subject;
        RecipientInfo a;
        a.address = QStringLiteral("a@partner.example");
        a.domain = a.domainDisplay = QStringLiteral("partner.example");
        a.field = RecipientInfo::Field::To;
        a.firstTime = true;
        a.movedToBcc = true;
        RecipientInfo b;
        b.address = QStringLiteral("b@examp1e.co.jp");
        b.domain = b.domainDisplay = QStringLiteral("examp1e.co.jp");
        b.field = RecipientInfo::Field::Cc;
        b.lookalikeOf = QStringLiteral("example.co.jp");
        b.lookalikeReason = QStringLiteral("homoglyph");
        b.movedToBcc = true;
        RecipientInfo h;
        h.address = QStringLiteral("hanako@example.co.jp");
        h.domain = h.domainDisplay = QStringLiteral("example.co.jp");
        h.field = RecipientInfo::Field::To;
        h.internal = true;
        v.recipients = {a, b, h};
        v.movedToBcc = {a.address, b.address};
        v.mass = true;
        v.externalDomains = {QStringLiteral("examp1e.co.jp"), QStringLiteral("partner.example")};
        v.manyExternalDomains = true;
        AttachmentInfo att;
        att.fileName = QString::fromUtf8("見積書.pdf");
        att.mimeType = QStringLiteral("application/pdf");
        att.size = 123456;
        v.attachments = {att};
        e.analysis = v.toJson();
        e.editsKeepingVisible = {{0, 10, {}}};
        return e;
    }

    // entry() with an encryption plan: S/MIME keys for everyone but b@examp1e.co.jp.
    static QueueEntry encryptedEntry(bool encrypt, bool refuse, bool overrideAllowed)
    {
        QueueEntry e = entry();
        Verdict v = Verdict::fromJson(e.analysis);
        EncryptionPlan& p = v.encryption;
        p.mode = QStringLiteral("attachments");
        p.method = encrypt ? QStringLiteral("smime") : QString();
        p.encrypt = encrypt;
        p.required = refuse;
        p.refuse = refuse;
        p.overrideAllowed = overrideAllowed;
        p.attachments = 1;
        for (const RecipientInfo& r : std::as_const(v.recipients)) {
            RecipientKey k;
            k.address = r.address;
            k.usable = encrypt || r.address != QLatin1String("b@examp1e.co.jp");
            if (k.usable)
                k.methods << QStringLiteral("smime");
            else
                k.problem = QStringLiteral("S/MIME: no certificate for this address in /certs");
            p.recipients << k;
        }
        p.sender = {QStringLiteral("taro@example.co.jp"), true, {QStringLiteral("smime")}, {}, {}};
        if (!encrypt)
            p.reason = QStringLiteral("S/MIME: no usable key for b@examp1e.co.jp");
        e.analysis = v.toJson();
        return e;
    }

    static QString keyOf(QTreeWidget* tree, const QString& address)
    {
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            if ((*it)->data(0, Qt::UserRole).toString() == address)
                return (*it)->text(3);
        }
        return {};
    }

    // encryptedEntry() where nobody has a key.
    static QueueEntry noKeysEntry()
    {
        QueueEntry e = encryptedEntry(false, true, true);
        Verdict v = Verdict::fromJson(e.analysis);
        for (RecipientKey& k : v.encryption.recipients) {
            k.usable = false;
            k.methods.clear();
            k.problem = QStringLiteral("S/MIME: no certificate for this address in /certs");
        }
        e.analysis = v.toJson();
        return e;
    }

    static QTreeWidgetItem* itemOf(QTreeWidget* tree, const QString& address)
    {
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            if ((*it)->data(0, Qt::UserRole).toString() == address)
                return *it;
        }
        return nullptr;
    }

    // The Remove/Restore button in a recipient's line, if it has one.
    static QPushButton* rowButton(QTreeWidget* tree, const QString& address)
    {
        QTreeWidgetItem* item = itemOf(tree, address);
        return item ? qobject_cast<QPushButton*>(tree->itemWidget(item, 4)) : nullptr;
    }

    static QList<QTreeWidgetItem*> checkable(QTreeWidget* tree)
    {
        QList<QTreeWidgetItem*> items;
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            if ((*it)->flags() & Qt::ItemIsUserCheckable)
                items << *it;
        }
        return items;
    }

private Q_SLOTS:
    void groupsRecipientsAndMarksThemInWords()
    {
        ConfirmDialog dialog(entry());
        QTreeWidget* tree = dialog.recipientTree();
        QVERIFY(tree);
        QCOMPARE(tree->topLevelItemCount(), 3); // two external domains, then internal
        QVERIFY(tree->topLevelItem(0)->text(0).contains(QStringLiteral("examp1e.co.jp")));
        QVERIFY(tree->topLevelItem(1)->text(0).contains(QStringLiteral("partner.example")));
        QTreeWidgetItem* lookalike = tree->topLevelItem(0)->child(0);
        QCOMPARE(lookalike->text(0), QStringLiteral("b@examp1e.co.jp"));
        QVERIFY(lookalike->text(1).contains(QStringLiteral("Bcc")));
        QVERIFY(lookalike->text(2).contains(QStringLiteral("example.co.jp")));
        QVERIFY(tree->topLevelItem(1)->child(0)->text(2).contains(QStringLiteral("first time")));
        // Internal recipients carry no check box; external ones do.
        QCOMPARE(checkable(tree).size(), 2);
        QVERIFY(!(tree->topLevelItem(2)->child(0)->flags() & Qt::ItemIsUserCheckable));
        auto* plan = dialog.findChild<QLabel*>(QStringLiteral("bccPlan"));
        QVERIFY(plan && plan->text().contains(QStringLiteral("Bcc")));
        auto* flags = dialog.findChild<QLabel*>(QStringLiteral("flags"));
        QVERIFY(flags && flags->text().contains(QStringLiteral("examp1e.co.jp")));
    }

    void sendStaysDisabledUntilEverythingIsTicked()
    {
        ConfirmDialog dialog(entry());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.sendButton()->isEnabled());
        QCOMPARE(dialog.uncheckedCount(), 3); // two recipients and one attachment
        QVERIFY(!dialog.checkAllButton());    // not offered unless policy allows
        for (QTreeWidgetItem* item : checkable(dialog.recipientTree()))
            item->setCheckState(0, Qt::Checked);
        QVERIFY(!dialog.sendButton()->isEnabled());
        checkable(dialog.attachmentTree()).first()->setCheckState(0, Qt::Checked);
        QVERIFY(dialog.sendButton()->isEnabled());
        checkable(dialog.recipientTree()).first()->setCheckState(0, Qt::Unchecked);
        QVERIFY(!dialog.sendButton()->isEnabled());
    }

    void keyboardAloneTicksAndSends()
    {
        ConfirmDialog dialog(entry());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.activateWindow();
        QTreeWidget* tree = dialog.recipientTree();
        QTRY_VERIFY(tree->hasFocus());
        // Space ticks the current line, Down moves on (over the domain's group line).
        QTest::keyClick(tree, Qt::Key_Space);
        QTest::keyClick(tree, Qt::Key_Down);
        QCOMPARE(tree->currentItem()->text(0), QStringLiteral("a@partner.example"));
        QTest::keyClick(tree, Qt::Key_Space);
        QCOMPARE(dialog.uncheckedCount(), 1);
        // Up goes back over the group line too.
        QTest::keyClick(tree, Qt::Key_Up);
        QCOMPARE(tree->currentItem()->text(0), QStringLiteral("b@examp1e.co.jp"));
        QTest::keyClick(tree, Qt::Key_Tab);
        QTreeWidget* attachments = dialog.attachmentTree();
        QTRY_VERIFY(attachments->hasFocus());
        QTest::keyClick(attachments, Qt::Key_Space);
        QCOMPARE(dialog.uncheckedCount(), 0);
        QVERIFY(dialog.sendButton()->isEnabled());
        QSignalSpy finished(&dialog, &QDialog::finished);
        QTest::keyClick(&dialog, Qt::Key_S, Qt::AltModifier); // the &Send mnemonic
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.first().first().toInt(), int(QDialog::Accepted));
    }

    void enterDoesNotSend()
    {
        ConfirmDialogOptions options;
        options.checkboxes = false;
        ConfirmDialog dialog(entry(), options);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.sendButton()->isEnabled());
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

    void tickAllAndKeepVisibleOnlyWherePolicyAllows()
    {
        ConfirmDialogOptions options;
        options.allowCheckAll = true;
        options.allowKeepVisible = true;
        ConfirmDialog dialog(entry(), options);
        QVERIFY(dialog.checkAllButton());
        QVERIFY(dialog.keepVisibleBox());
        QVERIFY(!dialog.keepVisible());
        QTest::mouseClick(dialog.checkAllButton(), Qt::LeftButton);
        QCOMPARE(dialog.uncheckedCount(), 0);
        QVERIFY(dialog.sendButton()->isEnabled());
        dialog.keepVisibleBox()->setChecked(true);
        QVERIFY(dialog.keepVisible());
    }

    void clientRepliedDeferredKeepsTheQuestionOpen()
    {
        ConfirmDialogOptions options;
        options.checkboxes = false;
        ConfirmDialog dialog(entry(), options);
        dialog.show();
        dialog.showClientReplied(true);
        auto* notice = dialog.findChild<QLabel*>(QStringLiteral("notice"));
        QVERIFY(notice && notice->isVisible());
        QVERIFY(notice->text().contains(QStringLiteral("not sent until you click Send")));
        QVERIFY(dialog.sendButton()->isEnabled());
    }

    void clientRefusedOnlyInforms()
    {
        ConfirmDialogOptions options;
        options.checkboxes = false;
        ConfirmDialog dialog(entry(), options);
        dialog.show();
        dialog.showClientReplied(false);
        QVERIFY(!dialog.sendButton()->isEnabled());
        QVERIFY(dialog.clientWasRefused());
        QVERIFY(dialog.cancelButton()->text().contains(QStringLiteral("Close")));
    }

    void awaitingEntryOpensWithTheNotice()
    {
        QueueEntry e = entry();
        e.state = MessageState::AwaitingConfirmation;
        ConfirmDialog dialog(e);
        dialog.show();
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("notice"))->isVisible());
    }

    void encryptionShowsKeysAndWhatIsEncrypted()
    {
        ConfirmDialog plain(entry());
        QCOMPARE(plain.recipientTree()->columnCount(), 3); // encryption off: no Key column
        QVERIFY(!plain.findChild<QLabel*>(QStringLiteral("encryptionPlan")));

        ConfirmDialog dialog(encryptedEntry(true, false, false));
        QTreeWidget* tree = dialog.recipientTree();
        QCOMPARE(tree->columnCount(), 4);
        QCOMPARE(tree->headerItem()->text(3), QStringLiteral("Key"));
        QVERIFY(
            keyOf(tree, QStringLiteral("a@partner.example")).contains(QStringLiteral("S/MIME")));
        QVERIFY(
            keyOf(tree, QStringLiteral("hanako@example.co.jp")).contains(QStringLiteral("S/MIME")));
        auto* plan = dialog.findChild<QLabel*>(QStringLiteral("encryptionPlan"));
        QVERIFY(plan);
        QVERIFY2(plan->text().contains(QStringLiteral("1 attachment")) &&
                     plan->text().contains(QStringLiteral("S/MIME")) &&
                     plan->text().contains(QStringLiteral("taro@example.co.jp")),
                 qPrintable(plan->text()));
        QVERIFY(!dialog.findChild<QCheckBox*>(QStringLiteral("sendUnencrypted")));
    }

    void signedMessageSaysItIsEncryptedWhole()
    {
        QueueEntry e = encryptedEntry(true, false, false);
        Verdict v = Verdict::fromJson(e.analysis);
        v.hasSignature = true;
        v.encryption.mode = QStringLiteral("message");
        v.encryption.wholeBecauseSigned = true;
        e.analysis = v.toJson();
        ConfirmDialog dialog(e);
        auto* plan = dialog.findChild<QLabel*>(QStringLiteral("encryptionPlan"));
        QVERIFY(plan);
        QVERIFY2(plan->text().contains(QStringLiteral("whole message")) &&
                     plan->text().contains(QStringLiteral("signature stays valid")),
                 qPrintable(plan->text()));
    }

    void requiredButImpossibleNeverSends()
    {
        ConfirmDialogOptions options;
        options.allowCheckAll = true;
        ConfirmDialog dialog(encryptedEntry(false, true, false), options);
        QVERIFY(keyOf(dialog.recipientTree(), QStringLiteral("b@examp1e.co.jp"))
                    .contains(QStringLiteral("no certificate")));
        auto* plan = dialog.findChild<QLabel*>(QStringLiteral("encryptionPlan"));
        QVERIFY(plan && plan->text().contains(QStringLiteral("required")));
        // The recipient is named; the plan's English reason (for logs) is not shown.
        QVERIFY2(plan->text().contains(QStringLiteral("no usable key for b@examp1e.co.jp")),
                 qPrintable(plan->text()));
        QVERIFY(!dialog.findChild<QCheckBox*>(QStringLiteral("sendUnencrypted")));
        QTest::mouseClick(dialog.checkAllButton(), Qt::LeftButton);
        QCOMPARE(dialog.uncheckedCount(), 0);
        QVERIFY(!dialog.sendButton()->isEnabled());
    }

    void overrideNeedsTheBoxAndASecondYes()
    {
        ConfirmDialogOptions options;
        options.checkboxes = false;
        DialogGate gate(options);
        std::optional<ConfirmationDecision> answer;
        gate.confirm(encryptedEntry(false, true, true),
                     [&answer](const ConfirmationDecision& d) { answer = d; });
        ConfirmDialog* dialog = gate.currentDialog();
        QVERIFY(dialog);
        auto* clear = dialog->findChild<QCheckBox*>(QStringLiteral("sendUnencrypted"));
        QVERIFY(clear);
        QVERIFY(!dialog->sendButton()->isEnabled());
        clear->setChecked(true);
        QVERIFY(dialog->sendButton()->isEnabled());
        // The second question: "No" keeps the dialog open, "Yes" sends.
        auto answerBox = [](QMessageBox::StandardButton button) {
            QTimer::singleShot(50, [button] {
                if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                    box->button(button)->click();
            });
        };
        answerBox(QMessageBox::No);
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
        QVERIFY(!answer);
        QVERIFY(gate.currentDialog() == dialog);
        answerBox(QMessageBox::Yes);
        QTest::mouseClick(dialog->sendButton(), Qt::LeftButton);
        QTRY_VERIFY(answer.has_value());
        QVERIFY(answer->approved);
        QVERIFY(answer->sendUnencrypted);
    }

    void recipientWithoutKeyCanBeRemovedAndRestored()
    {
        ConfirmDialog dialog(encryptedEntry(false, true, false));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTreeWidget* tree = dialog.recipientTree();
        const QString keyless = QStringLiteral("b@examp1e.co.jp");
        // Only the line without a key has a Remove button.
        QPushButton* remove = rowButton(tree, keyless);
        QVERIFY(remove);
        QCOMPARE(remove->text(), QStringLiteral("Remove"));
        QVERIFY(!rowButton(tree, QStringLiteral("a@partner.example")));
        QVERIFY(!rowButton(tree, QStringLiteral("hanako@example.co.jp")));
        QVERIFY(dialog.removeKeylessButton());
        QVERIFY(dialog.removeKeylessButton()->text().contains(QStringLiteral("without a key")));
        auto* note = dialog.findChild<QLabel*>(QStringLiteral("removalNote"));
        QVERIFY(note && !note->isVisible());

        // Everything ticked, but encryption is impossible: no Send.
        for (QTreeWidgetItem* item : checkable(tree))
            item->setCheckState(0, Qt::Checked);
        checkable(dialog.attachmentTree()).first()->setCheckState(0, Qt::Checked);
        QCOMPARE(dialog.uncheckedCount(), 0);
        QVERIFY(!dialog.sendButton()->isEnabled());

        // Removed: struck out, said in words, no check box, and Send is possible.
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(dialog.removedRecipients(), QStringList{keyless});
        QTreeWidgetItem* item = itemOf(tree, keyless);
        QVERIFY(item->font(0).strikeOut());
        QVERIFY(keyOf(tree, keyless).contains(QStringLiteral("removed")));
        QVERIFY(!(item->flags() & Qt::ItemIsUserCheckable));
        QCOMPARE(remove->text(), QStringLiteral("Restore"));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QStringLiteral("S/MIME")), qPrintable(note->text()));
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("recipientsLabel"))
                    ->text()
                    .contains(QStringLiteral("1 removed")));
        QVERIFY(dialog.sendButton()->isEnabled());
        // A new unticked line still holds Send back.
        checkable(tree).first()->setCheckState(0, Qt::Unchecked);
        QVERIFY(!dialog.sendButton()->isEnabled());
        checkable(tree).first()->setCheckState(0, Qt::Checked);
        QVERIFY(dialog.sendButton()->isEnabled());

        // Undo: back with its tick, and blocked again.
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(dialog.removedRecipients().isEmpty());
        QVERIFY(!item->font(0).strikeOut());
        QVERIFY(item->flags() & Qt::ItemIsUserCheckable);
        QCOMPARE(item->checkState(0), Qt::Checked);
        QVERIFY(keyOf(tree, keyless).contains(QStringLiteral("no certificate")));
        QVERIFY(!note->isVisible());
        QVERIFY(!dialog.sendButton()->isEnabled());

        // The button below the list does the same for all of them.
        QTest::mouseClick(dialog.removeKeylessButton(), Qt::LeftButton);
        QCOMPARE(dialog.removedRecipients(), QStringList{keyless});
        QVERIFY(dialog.removeKeylessButton()->text().contains(QStringLiteral("Restore")));
        QVERIFY(dialog.sendButton()->isEnabled());
        QTest::mouseClick(dialog.removeKeylessButton(), Qt::LeftButton);
        QVERIFY(dialog.removedRecipients().isEmpty());
        QVERIFY(!dialog.sendButton()->isEnabled());
    }

    void noRemovalWhereEncryptionIsPossibleOrNotAsked()
    {
        ConfirmDialog plain(entry());
        QVERIFY(!plain.removeKeylessButton());
        QVERIFY(!rowButton(plain.recipientTree(), QStringLiteral("b@examp1e.co.jp")));
        ConfirmDialog encrypted(encryptedEntry(true, false, false));
        QVERIFY(!encrypted.removeKeylessButton());
        QCOMPARE(encrypted.recipientTree()->columnCount(), 4);
        QVERIFY(encrypted.removedRecipients().isEmpty());
    }

    void removalByKeyboardReachesTheDecision()
    {
        DialogGate gate(ConfirmDialogOptions{});
        std::optional<ConfirmationDecision> answer;
        gate.confirm(encryptedEntry(false, true, false),
                     [&answer](const ConfirmationDecision& d) { answer = d; });
        ConfirmDialog* dialog = gate.currentDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->activateWindow();
        QTreeWidget* tree = dialog->recipientTree();
        QTRY_VERIFY(tree->hasFocus());
        // The look-alike domain comes first: its line is the one without a key.
        QCOMPARE(tree->currentItem()->text(0), QStringLiteral("b@examp1e.co.jp"));
        QTest::keyClick(tree, Qt::Key_Delete); // removes it
        QCOMPARE(dialog->removedRecipients(), QStringList{QStringLiteral("b@examp1e.co.jp")});
        QTest::keyClick(tree, Qt::Key_Delete); // Del again restores it
        QVERIFY(dialog->removedRecipients().isEmpty());
        // Alt+R removes every recipient without a key and puts the cursor on the first line
        // still to be ticked.
        QTest::keyClick(dialog, Qt::Key_R, Qt::AltModifier); // the button clicks a moment later
        QTRY_COMPARE(dialog->removedRecipients(), QStringList{QStringLiteral("b@examp1e.co.jp")});
        QTRY_VERIFY(tree->hasFocus());
        QCOMPARE(tree->currentItem()->text(0), QStringLiteral("a@partner.example"));
        QTest::keyClick(tree, Qt::Key_Space);
        QTest::keyClick(tree, Qt::Key_Tab); // the Remove/Restore button below the list
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_VERIFY(dialog->attachmentTree()->hasFocus());
        QTest::keyClick(dialog->attachmentTree(), Qt::Key_Space);
        QCOMPARE(dialog->uncheckedCount(), 0);
        QVERIFY(dialog->sendButton()->isEnabled());
        QTest::keyClick(dialog, Qt::Key_S, Qt::AltModifier);
        QTRY_VERIFY(answer.has_value());
        QVERIFY(answer->approved);
        QVERIFY(!answer->sendUnencrypted);
        QCOMPARE(answer->removedRecipients, QStringList{QStringLiteral("b@examp1e.co.jp")});
    }

    void removingEveryRecipientLeavesNothingToSend()
    {
        ConfirmDialogOptions options;
        options.checkboxes = false;
        ConfirmDialog dialog(noKeysEntry(), options);
        QTreeWidget* tree = dialog.recipientTree();
        // Nobody has a key: removing them all cannot help, so no button for all of them.
        QVERIFY(!dialog.removeKeylessButton());
        auto* clear = dialog.findChild<QCheckBox*>(QStringLiteral("sendUnencrypted"));
        QVERIFY(clear);
        clear->setChecked(true);
        QVERIFY(dialog.sendButton()->isEnabled()); // the override, as before
        const QStringList all{QStringLiteral("b@examp1e.co.jp"),
                              QStringLiteral("a@partner.example"),
                              QStringLiteral("hanako@example.co.jp")};
        for (const QString& address : all) {
            QVERIFY2(rowButton(tree, address), qPrintable(address));
            QTest::mouseClick(rowButton(tree, address), Qt::LeftButton);
        }
        QCOMPARE(dialog.removedRecipients().size(), 3);
        QVERIFY(!dialog.sendButton()->isEnabled());
        auto* note = dialog.findChild<QLabel*>(QStringLiteral("removalNote"));
        QVERIFY(note && note->text().contains(QStringLiteral("nothing to send")));
        // One back: sending in clear (still chosen) to that one is possible again.
        QTest::mouseClick(rowButton(tree, all.last()), Qt::LeftButton);
        QVERIFY(clear->isEnabled() && clear->isChecked());
        QVERIFY(dialog.sendButton()->isEnabled());
        QVERIFY(note->text().contains(QStringLiteral("no key")));
    }

    void severalMessagesGetOneDialogEachInTurn()
    {
        ConfirmDialogOptions options;
        options.checkboxes = false;
        DialogGate gate(options);
        QueueEntry first = entry();
        QueueEntry second = entry();
        second.subject = QStringLiteral("second");
        QueueEntry third = entry();
        third.subject = QStringLiteral("third");
        QStringList answers;
        auto record = [&answers](const QString& id) {
            return [&answers, id](const ConfirmationDecision& d) {
                answers << id + (d.approved ? QStringLiteral(":send") : QStringLiteral(":cancel"));
            };
        };
        gate.confirm(first, record(first.id));
        gate.confirm(second, record(second.id));
        gate.confirm(third, record(third.id));
        QVERIFY(gate.currentDialog());
        QCOMPARE(gate.currentDialog()->messageId(), first.id);
        QCOMPARE(gate.waitingCount(), 2);

        // The third cannot wait any longer and is refused with 451: it leaves the line.
        QSignalSpy notified(&gate, &DialogGate::notify);
        gate.clientReplied(third.id, false);
        QCOMPARE(gate.waitingCount(), 1);
        QCOMPARE(notified.count(), 1);
        // The second is deferred: its dialog opens with the notice.
        gate.clientReplied(second.id, true);

        QTest::mouseClick(gate.currentDialog()->sendButton(), Qt::LeftButton);
        QTRY_VERIFY(gate.currentDialog() && gate.currentDialog()->messageId() == second.id);
        QVERIFY(gate.currentDialog()->findChild<QLabel*>(QStringLiteral("notice"))->isVisible());
        QTest::mouseClick(gate.currentDialog()->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!gate.currentDialog());
        QCOMPARE(answers, (QStringList{first.id + QStringLiteral(":send"),
                                       second.id + QStringLiteral(":cancel")}));
    }
};

QTEST_MAIN(TestConfirmDialog)
#include "TestConfirmDialog.moc"
