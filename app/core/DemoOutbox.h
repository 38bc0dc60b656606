// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Transport.h"

namespace sendguard {

// The built-in demo upstream: "delivers" each message as DATA/demo-outbox/ID.eml, exactly as it
// would have been relayed (header edits such as the removal of Bcc applied), so a new user can try
// SendGuard at once.
class DemoOutbox : public Transport
{
    Q_OBJECT

public:
    explicit DemoOutbox(const QString& directory, QObject* parent = nullptr);
    void deliver(const DeliveryJob& job) override;
    QString describe() const override;

private:
    QString m_dir;
};

} // namespace sendguard
