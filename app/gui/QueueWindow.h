// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "QueueEntry.h"

#include <QHash>
#include <QWidget>
#include <functional>

class QDialog;
class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace sendguard {

class MessageQueue;

// The tray's queue window: every message SendGuard still has (awaiting confirmation, held,
// being sent, waiting to retry, failed, recalled), newest first, with a countdown until a held
// message leaves. Follows MessageQueue live; acts on the selected message (Send now, Recall,
// Details, Save as .eml). Results and errors go to a status line, never to a modal box.
class QueueWindow : public QWidget
{
    Q_OBJECT

public:
    // The list's columns.
    enum Column
    {
        SubjectColumn,
        RecipientsColumn,
        StateColumn,
        SendsColumn, // "in 0:42" for held messages
        ReceivedColumn,
        ColumnCount
    };

    // Asked before "Send now" of a message that has not been confirmed; true sends it.
    using ConfirmSendNow = std::function<bool(const QueueEntry& entry)>;
    // Asks where to save a copy of a message, starting from `suggestedPath`; empty cancels.
    using SaveFileName = std::function<QString(const QString& suggestedPath)>;

    // `bodyPath` gives the spooled message file of an ID (Spool::bodyPath in the app).
    QueueWindow(MessageQueue* queue, std::function<QString(const QString&)> bodyPath,
                QWidget* parent = nullptr);
    ~QueueWindow() override;

    // Replace the question box / the file dialog (tests, or another front end).
    void setConfirmSendNow(ConfirmSendNow hook);
    void setSaveFileName(SaveFileName hook);

    QTreeWidget* list() const { return m_list; }
    QLabel* emptyLabel() const { return m_empty; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* sendNowButton() const { return m_sendNow; }
    QPushButton* recallButton() const { return m_recall; }
    QPushButton* detailsButton() const { return m_details; }
    QPushButton* saveButton() const { return m_save; }

    // The row of a message, or null.
    QTreeWidgetItem* itemFor(const QString& id) const;
    // The ID of the selected message; empty if none.
    QString selectedId() const;
    // Selects the row of a message; false if it is not listed.
    bool selectMessage(const QString& id);

    // The state in words.
    static QString stateText(MessageState state);
    // "a@x, b@y and 3 more".
    static QString shortRecipients(const QStringList& addresses);
    // "in 1:05" until `when`, "now" once it has passed.
    static QString countdownText(const QDateTime& when, const QDateTime& now);
    // What the "Sends" column says: the countdown of a held message, the next try of a
    // retrying one; empty otherwise.
    static QString sendsText(const QueueEntry& entry, const QDateTime& now);
    // A file name for a copy of the message: the subject made safe for file systems, + ".eml".
    static QString suggestedFileName(const QString& subject);
    // Everything about a message, for the Details dialog.
    static QString detailsText(const QueueEntry& entry);
    static bool canSendNow(MessageState state);
    static bool canRecall(MessageState state);

public Q_SLOTS:
    // Act on the selected message; what became of it is shown in the status label. The queue
    // decides whether the action is possible in the message's state.
    void sendNow();
    void recall();
    // Opens (non-modal) and returns the details of the selected message; null if none.
    QDialog* showDetails();
    void saveAsEml();
    // Shows a message (not an error) in the status label, e.g. a notification where the desktop
    // has no tray.
    void showNotice(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void reload();
    void onEntryChanged(const QueueEntry& entry);
    void onEntryRemoved(const QString& id);
    void fillRow(QTreeWidgetItem* item, const QueueEntry& entry);
    void updateCountdowns();
    void updateButtons();
    void updateEmpty();
    void showStatus(const QString& text, bool error);
    const QueueEntry* selectedEntry() const;

    MessageQueue* m_queue;
    std::function<QString(const QString&)> m_bodyPath;
    ConfirmSendNow m_confirmSendNow;
    SaveFileName m_saveFileName;
    QHash<QString, QueueEntry> m_entries;

    QTreeWidget* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_sendNow = nullptr;
    QPushButton* m_recall = nullptr;
    QPushButton* m_details = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_close = nullptr;
    QTimer* m_tick = nullptr;
};

} // namespace sendguard
