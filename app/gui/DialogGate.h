// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConfirmationGate.h"

#include <QObject>

namespace sendguard {

// Asks the person at the screen with a ConfirmDialog per message.
class DialogGate : public QObject, public ConfirmationGate
{
    Q_OBJECT

public:
    using QObject::QObject;
    void confirm(const QueueEntry& entry, Answer answer) override;
};

} // namespace sendguard
