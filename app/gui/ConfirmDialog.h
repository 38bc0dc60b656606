// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "QueueEntry.h"
#include "Verdict.h"

#include <QDialog>

class QPushButton;

namespace sendguard {

// "Send this message?": sender, subject and recipients, with Send and Cancel. Send is never the
// default button and Esc cancels, so a reflexive Enter does not send.
class ConfirmDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConfirmDialog(const QueueEntry& entry, QWidget* parent = nullptr);

    QPushButton* sendButton() const { return m_send; }
    QPushButton* cancelButton() const { return m_cancel; }

    // The analysis' flags in plain words, one sentence each.
    static QStringList describeFlags(const Verdict& verdict);

private:
    QPushButton* m_send = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace sendguard
