// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConfirmDialog.h"
#include "ConfirmationGate.h"

#include <QObject>
#include <QPointer>
#include <deque>

namespace sendguard {

// Asks the person at the screen with a ConfirmDialog per message. Messages that arrive while a
// dialog is open wait their turn, so every dialog is about exactly one message and none hides
// another.
class DialogGate : public QObject, public ConfirmationGate
{
    Q_OBJECT

public:
    explicit DialogGate(const ConfirmDialogOptions& options, QObject* parent = nullptr);
    ~DialogGate() override;

    void confirm(const QueueEntry& entry, Answer answer) override;
    void clientReplied(const QString& id, bool deferred) override;

    // The dialog on screen (nullptr when none) and how many wait behind it.
    ConfirmDialog* currentDialog() const { return m_current; }
    int waitingCount() const { return int(m_waiting.size()); }

Q_SIGNALS:
    // Something the user should hear about even without a dialog (for the tray).
    void notify(const QString& title, const QString& text);

private:
    struct Question
    {
        QueueEntry entry;
        Answer answer;
        bool deferred = false;
    };
    void showNext();

    ConfirmDialogOptions m_options;
    std::deque<Question> m_waiting;
    QPointer<ConfirmDialog> m_current;
};

} // namespace sendguard
