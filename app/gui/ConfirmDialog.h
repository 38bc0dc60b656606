// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Config.h"
#include "QueueEntry.h"
#include "Verdict.h"

#include <QDialog>
#include <QHash>
#include <QStringList>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace sendguard {

// What the policy lets the confirm dialog offer.
struct ConfirmDialogOptions
{
    bool checkboxes = true;        // policy.confirm_checkboxes
    bool allowCheckAll = false;    // policy.allow_check_all
    bool allowKeepVisible = false; // policy.allow_keep_visible
    int timeoutSeconds = 45;       // policy.confirm_timeout_seconds (shown to the user)

    static ConfirmDialogOptions fromPolicy(const PolicyConfig& policy);
};

// "Send this message?": sender, subject, body preview, the recipients grouped Internal /
// External and by domain with To/Cc/Bcc and every flag next to what it concerns, the planned
// move to Bcc, and the attachments. External recipients and attachments each carry a check box
// and Send stays disabled until all are ticked. Send is never the default button and Esc
// cancels, so a reflexive Enter does not send; flags are told in words, not by colour alone.
class ConfirmDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConfirmDialog(const QueueEntry& entry, const ConfirmDialogOptions& options = {},
                           QWidget* parent = nullptr);

    QPushButton* sendButton() const { return m_send; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* checkAllButton() const { return m_checkAll; }
    QTreeWidget* recipientTree() const { return m_recipients; }
    QTreeWidget* attachmentTree() const { return m_attachments; }
    QCheckBox* keepVisibleBox() const { return m_keepVisible; }
    // "Remove recipients without a key" / "Restore removed recipients"; null unless encryption
    // is required but impossible and some recipients have a key.
    QPushButton* removeKeylessButton() const { return m_removeKeyless; }
    const QString& messageId() const { return m_id; }

    // True when the user chose to keep the addresses the policy would move to Bcc visible.
    bool keepVisible() const;
    // How many check boxes are still unticked.
    int uncheckedCount() const;
    // The envelope addresses of the recipients the user removed (only recipients without a key
    // where encryption is required can be removed; each can be restored until Send).
    QStringList removedRecipients() const;

    // The mail client was answered while the dialog was open: `deferred` — the message waits
    // in SendGuard for this dialog's answer; otherwise the client was told to try again later
    // and the dialog only informs.
    void showClientReplied(bool deferred);
    bool clientWasRefused() const { return m_clientRefused; }
    // The dialog was closed by SendGuard quitting (or the session ending), not by the user:
    // that is no answer.
    bool closedWithoutAnswer() const { return m_closedWithoutAnswer; }

    // The analysis' flags in plain words, one sentence each.
    static QStringList describeFlags(const Verdict& verdict);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void updateSendButton();
    void checkAll();
    QTreeWidgetItem* addCheckable(QTreeWidgetItem* parent, const QStringList& columns);
    // Recipients without a key where encryption is required: a Remove/Restore button in the
    // row, the Del key on the current row, and one button for all of them.
    void offerRemoval(QTreeWidgetItem* item, const QString& address);
    void setRemoved(QTreeWidgetItem* item, bool removed);
    void removeOrRestoreAll();
    void updateRemoval();
    int remainingCount() const;
    // The method every recipient left has a key for (S/MIME first); empty when there is none.
    QString remainingMethod() const;

    QString m_id;
    ConfirmDialogOptions m_options;
    QPushButton* m_send = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_checkAll = nullptr;
    QTreeWidget* m_recipients = nullptr;
    QTreeWidget* m_attachments = nullptr;
    QCheckBox* m_keepVisible = nullptr;
    QLabel* m_checkHint = nullptr;
    QLabel* m_notice = nullptr;
    QLabel* m_recipientsLabel = nullptr;
    QPushButton* m_removeKeyless = nullptr;
    QLabel* m_removalNote = nullptr;
    QCheckBox* m_sendUnencrypted = nullptr;
    QList<QTreeWidgetItem*> m_removable;      // recipients without a key, in list order
    QHash<QString, QStringList> m_keyMethods; // lower-case address → methods with a usable key
    bool m_clientRefused = false;
    bool m_closedWithoutAnswer = false;
};

} // namespace sendguard
