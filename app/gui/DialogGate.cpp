// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialogGate.h"

#include "ConfirmDialog.h"

namespace sendguard {

void DialogGate::confirm(const QueueEntry& entry, Answer answer)
{
    auto* dialog = new ConfirmDialog(entry);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [answer](int result) {
        if (result == QDialog::Accepted)
            answer({true, QStringLiteral("user"), {}});
        else
            answer(
                {false, QStringLiteral("user"),
                 QStringLiteral("cancelled in SendGuard by the user; the message was not sent")});
    });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

} // namespace sendguard
