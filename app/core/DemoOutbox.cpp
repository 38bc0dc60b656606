// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoOutbox.h"

#include "DurableFile.h"
#include "OutboundReader.h"

#include <QDir>
#include <QFile>
#include <QTimer>

namespace sendguard {

bool DeliveryResult::anyDelivered() const
{
    for (const RecipientOutcome& r : recipients) {
        if (r.outcome == Outcome::Delivered)
            return true;
    }
    return false;
}

DemoOutbox::DemoOutbox(const QString& directory, QObject* parent)
    : Transport(parent), m_dir(directory)
{
}

QString DemoOutbox::describe() const
{
    return tr("demo upstream (messages are written to %1)").arg(m_dir);
}

void DemoOutbox::deliver(const DeliveryJob& job)
{
    DeliveryResult result;
    result.id = job.id;
    QString error;
    const QString target = m_dir + QLatin1Char('/') + job.id + QStringLiteral(".eml");
    const QString partial = target + QStringLiteral(".part");
    bool ok = QDir().mkpath(m_dir);
    if (!ok)
        error = tr("cannot create %1").arg(m_dir);
    if (ok) {
        OutboundReader reader(job.path, job.edits, /*dotStuff=*/false);
        QFile out(partial);
        ok = reader.open(&error);
        if (ok && !out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            error = out.errorString();
            ok = false;
        }
        while (ok && !reader.atEnd()) {
            const QByteArray chunk = reader.read(256 * 1024);
            if (reader.hasError()) {
                error = reader.errorString();
                ok = false;
            } else if (!chunk.isEmpty() && out.write(chunk) != chunk.size()) {
                error = out.errorString();
                ok = false;
            }
        }
        out.close();
        ok = ok && durable::syncFile(partial, &error) &&
             durable::renameFile(partial, target, &error) && durable::syncDirectory(m_dir, &error);
        if (!ok)
            QFile::remove(partial);
    }
    const QString reply = ok ? QStringLiteral("250 2.0.0 written to %1").arg(target)
                             : QStringLiteral("451 4.3.0 demo upstream: %1").arg(error);
    for (const QString& rcpt : job.recipients)
        result.recipients.append(
            {rcpt, ok ? DeliveryResult::Outcome::Delivered : DeliveryResult::Outcome::Deferred,
             reply});
    result.summary = reply;
    // Answer asynchronously, like a real upstream.
    QTimer::singleShot(0, this, [this, result] { Q_EMIT finished(result); });
}

} // namespace sendguard
