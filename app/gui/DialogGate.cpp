// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialogGate.h"

#include <QCheckBox>
#include <QPushButton>

namespace sendguard {

DialogGate::DialogGate(const ConfirmDialogOptions& options, QObject* parent)
    : QObject(parent), m_options(options)
{
}

DialogGate::~DialogGate()
{
    // Quitting is not an answer: the dialog goes without telling anyone, and a message that
    // waits for confirmation keeps waiting (it is asked about again at the next start).
    if (m_current) {
        m_current->disconnect(this);
        delete m_current;
    }
}

void DialogGate::confirm(const QueueEntry& entry, Answer answer)
{
    m_waiting.push_back({entry, std::move(answer), false});
    if (!m_current)
        showNext();
}

void DialogGate::clientReplied(const QString& id, bool deferred)
{
    if (m_current && m_current->messageId() == id) {
        m_current->showClientReplied(deferred);
        return;
    }
    for (auto it = m_waiting.begin(); it != m_waiting.end(); ++it) {
        if (it->entry.id != id)
            continue;
        if (deferred) {
            it->deferred = true; // its dialog will say so when it comes
        } else {
            // Refused with a temporary error: nothing is left to ask about.
            const QString subject = it->entry.subject;
            m_waiting.erase(it);
            Q_EMIT notify(tr("Message not sent"),
                          tr("\"%1\" was not confirmed in time. Your mail program still has it; "
                             "send it again when you are ready.")
                              .arg(subject.isEmpty() ? tr("(no subject)") : subject));
        }
        return;
    }
}

void DialogGate::showNext()
{
    if (m_waiting.empty())
        return;
    Question question = std::move(m_waiting.front());
    m_waiting.pop_front();
    auto* dialog = new ConfirmDialog(question.entry, m_options);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_current = dialog;
    if (question.deferred)
        dialog->showClientReplied(true);
    connect(dialog, &QDialog::finished, this, [this, dialog, answer = question.answer](int result) {
        if (dialog->closedWithoutAnswer()) {
            // Quitting: no answer; a spooled message keeps waiting and is asked about again at
            // the next start.
        } else if (result == QDialog::Accepted) {
            // Ticked only where encryption is required but impossible and the policy lets the
            // user send in clear; the dialog asked once more before accepting.
            const auto* clear = dialog->findChild<QCheckBox*>(QStringLiteral("sendUnencrypted"));
            ConfirmationDecision decision{true,
                                          QStringLiteral("user"),
                                          {},
                                          dialog->keepVisible(),
                                          clear && clear->isChecked()};
            // Recipients without a key the user took out (restorable until Send).
            decision.removedRecipients = dialog->removedRecipients();
            answer(decision);
        } else {
            answer({false, QStringLiteral("user"),
                    QStringLiteral("cancelled in SendGuard by the user; the message was "
                                   "not sent"),
                    false});
        }
        if (m_current == dialog)
            m_current = nullptr;
        showNext();
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace sendguard
