// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Delivery.h"

#include <QObject>

namespace sendguard {

// Something that relays queued messages onward: the real upstream (SmtpRelay) or the built-in
// demo upstream (DemoOutbox). Each deliver() is answered by exactly one finished().
class Transport : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    virtual void deliver(const DeliveryJob& job) = 0;
    virtual QString describe() const = 0;

Q_SIGNALS:
    void finished(const sendguard::DeliveryResult& result);
};

} // namespace sendguard
