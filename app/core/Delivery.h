// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Verdict.h"

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

namespace sendguard {

// One attempt to hand a queued message to the upstream.
struct DeliveryJob
{
    QString id;
    QString path;
    QString envelopeFrom;
    QStringList recipients; // only those still pending
    QList<HeaderEdit> edits;
    bool bodyIs8Bit = false;
    bool smtpUtf8 = false;
    qint64 size = 0;
};

// What became of each recipient of a DeliveryJob.
struct DeliveryResult
{
    enum class Outcome
    {
        Delivered,
        Refused,
        Deferred
    };
    struct RecipientOutcome
    {
        QString address;
        Outcome outcome = Outcome::Deferred;
        QString reply;
    };

    QString id;
    QList<RecipientOutcome> recipients;
    // The reply or problem that decided the attempt (e.g. the DATA reply, a TLS error).
    QString summary;
    // True when the upstream took the message for at least one recipient.
    bool anyDelivered() const;
};

} // namespace sendguard

Q_DECLARE_METATYPE(sendguard::DeliveryResult)
