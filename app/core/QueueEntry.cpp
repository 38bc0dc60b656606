// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueueEntry.h"

#include "JsonLine.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <algorithm>

namespace sendguard {

namespace {
const QList<QPair<MessageState, QString>>& stateNames()
{
    static const QList<QPair<MessageState, QString>> names = {
        {MessageState::AwaitingConfirmation, QStringLiteral("awaiting-confirmation")},
        {MessageState::Held, QStringLiteral("held")},
        {MessageState::Relaying, QStringLiteral("relaying")},
        {MessageState::Retrying, QStringLiteral("retrying")},
        {MessageState::Failed, QStringLiteral("failed")},
        {MessageState::Recalled, QStringLiteral("recalled")},
        {MessageState::Sent, QStringLiteral("sent")},
    };
    return names;
}

QString statusName(Recipient::Status s)
{
    switch (s) {
    case Recipient::Status::Pending:
        return QStringLiteral("pending");
    case Recipient::Status::Delivered:
        return QStringLiteral("delivered");
    case Recipient::Status::Refused:
        return QStringLiteral("refused");
    }
    return {};
}

QString isoTime(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue isoOrNull(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(isoTime(t)) : QJsonValue(QJsonValue::Null);
}

QDateTime parseTime(const QJsonValue& v)
{
    if (!v.isString() || v.toString().isEmpty())
        return {};
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}
} // namespace

QString messageStateName(MessageState state)
{
    for (const auto& [s, name] : stateNames()) {
        if (s == state)
            return name;
    }
    return {};
}

bool messageStateFromName(const QString& name, MessageState* state)
{
    for (const auto& [s, n] : stateNames()) {
        if (n == name) {
            *state = s;
            return true;
        }
    }
    return false;
}

QStringList QueueEntry::recipientAddresses() const
{
    QStringList list;
    for (const Recipient& r : recipients)
        list << r.address;
    return list;
}

QStringList QueueEntry::pendingAddresses() const
{
    QStringList list;
    for (const Recipient& r : recipients) {
        if (r.status == Recipient::Status::Pending)
            list << r.address;
    }
    return list;
}

QStringList QueueEntry::pendingAmong(const QStringList& addresses) const
{
    QStringList list;
    for (const QString& address : addresses) {
        for (const Recipient& r : recipients) {
            if (r.address == address && r.status == Recipient::Status::Pending) {
                list << address;
                break;
            }
        }
    }
    return list;
}

bool QueueEntry::hasPending() const
{
    for (const Recipient& r : recipients) {
        if (r.status == Recipient::Status::Pending)
            return true;
    }
    return false;
}

bool QueueEntry::hasRefused() const
{
    for (const Recipient& r : recipients) {
        if (r.status == Recipient::Status::Refused)
            return true;
    }
    return false;
}

namespace {

QJsonArray editsToJson(const QList<HeaderEdit>& list)
{
    QJsonArray edits;
    for (const HeaderEdit& e : list)
        edits.append(
            QJsonArray{double(e.begin), double(e.end), QString::fromLatin1(e.replacement)});
    return edits;
}

bool editsFromJson(const QJsonArray& edits, QList<HeaderEdit>* out)
{
    for (const QJsonValue& v : edits) {
        const QJsonArray edit = v.toArray();
        const qint64 begin = edit.at(0).toInteger(-1);
        const qint64 end = edit.at(1).toInteger(-1);
        if (edit.size() != 3 || begin < 0 || end < begin || !edit.at(2).isString())
            return false;
        out->append({begin, end, edit.at(2).toString().toLatin1()});
    }
    return true;
}

QJsonObject encryptionToJson(const EncryptionTask& t)
{
    QJsonArray copies;
    for (const EncryptedCopy& c : t.copies) {
        copies.append(QJsonObject{
            {QStringLiteral("recipients"), QJsonArray::fromStringList(c.recipients)},
            {QStringLiteral("bcc"), c.bcc},
            {QStringLiteral("done"), c.done},
            {QStringLiteral("size"), c.size},
            {QStringLiteral("crc32"), double(c.crc32)},
        });
    }
    return QJsonObject{
        {QStringLiteral("mode"), t.mode},
        {QStringLiteral("method"), t.method},
        {QStringLiteral("to"), QJsonArray::fromStringList(t.to)},
        {QStringLiteral("sender"), t.sender},
        {QStringLiteral("required"), t.required},
        {QStringLiteral("reason"), t.reason},
        {QStringLiteral("copies"), copies},
    };
}

QStringList stringList(const QJsonValue& v)
{
    QStringList list;
    for (const QJsonValue& s : v.toArray())
        list << s.toString();
    return list;
}

EncryptionTask encryptionFromJson(const QJsonObject& o, const QStringList& envelope)
{
    EncryptionTask t;
    t.mode = o.value(QStringLiteral("mode")).toString();
    t.method = o.value(QStringLiteral("method")).toString();
    t.to = stringList(o.value(QStringLiteral("to")));
    t.sender = o.value(QStringLiteral("sender")).toString();
    t.required = o.value(QStringLiteral("required")).toBool();
    t.reason = o.value(QStringLiteral("reason")).toString();
    for (const QJsonValue& v : o.value(QStringLiteral("copies")).toArray()) {
        const QJsonObject c = v.toObject();
        EncryptedCopy copy;
        copy.recipients = stringList(c.value(QStringLiteral("recipients")));
        copy.bcc = c.value(QStringLiteral("bcc")).toBool();
        copy.done = c.value(QStringLiteral("done")).toBool();
        copy.size = c.value(QStringLiteral("size")).toInteger();
        copy.crc32 = quint32(c.value(QStringLiteral("crc32")).toInteger());
        t.copies.append(copy);
    }
    if (!o.contains(QStringLiteral("copies")) && o.value(QStringLiteral("done")).toBool()) {
        // Written by a version that made one copy for everyone (ID.enc.eml): relayed as it is.
        EncryptedCopy copy;
        copy.recipients = envelope;
        copy.done = true;
        copy.size = o.value(QStringLiteral("size")).toInteger();
        copy.crc32 = quint32(o.value(QStringLiteral("crc32")).toInteger());
        t.copies.append(copy);
    }
    return t;
}

} // namespace

QJsonObject QueueEntry::toJson() const
{
    QJsonArray rcpts;
    for (const Recipient& r : recipients) {
        rcpts.append(QJsonObject{{QStringLiteral("address"), r.address},
                                 {QStringLiteral("status"), statusName(r.status)},
                                 {QStringLiteral("reply"), r.reply}});
    }
    QJsonObject o{
        {QStringLiteral("version"), 1},
        {QStringLiteral("id"), id},
        {QStringLiteral("state"), messageStateName(state)},
        {QStringLiteral("created_at"), isoTime(createdAt)},
        {QStringLiteral("release_at"), isoTime(releaseAt)},
        {QStringLiteral("next_attempt_at"), isoTime(nextAttemptAt)},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("last_error"), lastError},
        {QStringLiteral("envelope_from"), envelopeFrom},
        {QStringLiteral("recipients"), rcpts},
        {QStringLiteral("auth_user"), authUser},
        {QStringLiteral("body_8bit"), bodyIs8Bit},
        {QStringLiteral("smtputf8"), smtpUtf8},
        {QStringLiteral("size"), size},
        {QStringLiteral("crc32"), double(crc32)},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("header_from"), headerFrom},
        {QStringLiteral("message_id"), messageId},
        {QStringLiteral("confirmed_by"), confirmedBy},
        {QStringLiteral("hold_seconds"), holdSeconds},
        {QStringLiteral("release_paused"), releasePaused},
        {QStringLiteral("edits"), editsToJson(edits)},
        {QStringLiteral("edits_keep_visible"), editsToJson(editsKeepingVisible)},
        {QStringLiteral("analysis"), analysis},
    };
    if (encryption.isNeeded())
        o.insert(QStringLiteral("encryption"), encryptionToJson(encryption));
    if (sentUnencrypted)
        o.insert(QStringLiteral("sent_unencrypted"), true);
    return o;
}

QByteArray QueueEntry::toJsonBytes() const
{
    // Field for field what toJson() holds.
    QByteArray rcpts = "[";
    for (const Recipient& r : recipients) {
        if (rcpts.size() > 1)
            rcpts += ',';
        JsonLine one;
        one.add(QLatin1StringView("address"), r.address);
        one.add(QLatin1StringView("status"), statusName(r.status));
        one.add(QLatin1StringView("reply"), r.reply);
        rcpts += one.close();
    }
    rcpts += ']';
    JsonLine o;
    o.add(QLatin1StringView("version"), qint64(1));
    o.add(QLatin1StringView("id"), id);
    o.add(QLatin1StringView("state"), messageStateName(state));
    o.add(QLatin1StringView("created_at"), isoTime(createdAt));
    o.add(QLatin1StringView("release_at"), isoTime(releaseAt));
    o.add(QLatin1StringView("next_attempt_at"), isoTime(nextAttemptAt));
    o.add(QLatin1StringView("attempts"), qint64(attempts));
    o.add(QLatin1StringView("last_error"), lastError);
    o.add(QLatin1StringView("envelope_from"), envelopeFrom);
    o.addRaw(QLatin1StringView("recipients"), rcpts);
    o.add(QLatin1StringView("auth_user"), authUser);
    o.addBool(QLatin1StringView("body_8bit"), bodyIs8Bit);
    o.addBool(QLatin1StringView("smtputf8"), smtpUtf8);
    o.add(QLatin1StringView("size"), size);
    o.add(QLatin1StringView("crc32"), qint64(crc32));
    o.add(QLatin1StringView("subject"), subject);
    o.add(QLatin1StringView("header_from"), headerFrom);
    o.add(QLatin1StringView("message_id"), messageId);
    o.add(QLatin1StringView("confirmed_by"), confirmedBy);
    o.add(QLatin1StringView("hold_seconds"), qint64(holdSeconds));
    o.addBool(QLatin1StringView("release_paused"), releasePaused);
    o.addValue(QLatin1StringView("edits"), editsToJson(edits));
    o.addValue(QLatin1StringView("edits_keep_visible"), editsToJson(editsKeepingVisible));
    o.addValue(QLatin1StringView("analysis"), analysis);
    if (encryption.isNeeded())
        o.addValue(QLatin1StringView("encryption"), encryptionToJson(encryption));
    if (sentUnencrypted)
        o.addBool(QLatin1StringView("sent_unencrypted"), true);
    return o.close();
}

bool QueueEntry::fromJson(const QJsonObject& json, QueueEntry* entry, QString* error)
{
    QueueEntry e;
    e.id = json.value(QStringLiteral("id")).toString();
    if (!isValidMessageId(e.id)) {
        *error = QStringLiteral("missing or invalid id");
        return false;
    }
    if (!messageStateFromName(json.value(QStringLiteral("state")).toString(), &e.state)) {
        *error = QStringLiteral("unknown state");
        return false;
    }
    e.createdAt = parseTime(json.value(QStringLiteral("created_at")));
    e.releaseAt = parseTime(json.value(QStringLiteral("release_at")));
    e.nextAttemptAt = parseTime(json.value(QStringLiteral("next_attempt_at")));
    e.attempts = json.value(QStringLiteral("attempts")).toInt();
    e.lastError = json.value(QStringLiteral("last_error")).toString();
    e.envelopeFrom = json.value(QStringLiteral("envelope_from")).toString();
    const QJsonArray rcpts = json.value(QStringLiteral("recipients")).toArray();
    for (const QJsonValue& v : rcpts) {
        const QJsonObject o = v.toObject();
        Recipient r;
        r.address = o.value(QStringLiteral("address")).toString();
        const QString status = o.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("delivered"))
            r.status = Recipient::Status::Delivered;
        else if (status == QLatin1String("refused"))
            r.status = Recipient::Status::Refused;
        r.reply = o.value(QStringLiteral("reply")).toString();
        e.recipients.append(r);
    }
    if (e.recipients.isEmpty()) {
        *error = QStringLiteral("no recipients");
        return false;
    }
    e.authUser = json.value(QStringLiteral("auth_user")).toString();
    e.bodyIs8Bit = json.value(QStringLiteral("body_8bit")).toBool();
    e.smtpUtf8 = json.value(QStringLiteral("smtputf8")).toBool();
    e.size = json.value(QStringLiteral("size")).toInteger();
    e.crc32 = quint32(json.value(QStringLiteral("crc32")).toInteger());
    e.subject = json.value(QStringLiteral("subject")).toString();
    e.headerFrom = json.value(QStringLiteral("header_from")).toString();
    e.messageId = json.value(QStringLiteral("message_id")).toString();
    e.confirmedBy = json.value(QStringLiteral("confirmed_by")).toString();
    e.holdSeconds = json.value(QStringLiteral("hold_seconds")).toInt();
    e.releasePaused = json.value(QStringLiteral("release_paused")).toBool();
    if (!editsFromJson(json.value(QStringLiteral("edits")).toArray(), &e.edits) ||
        !editsFromJson(json.value(QStringLiteral("edits_keep_visible")).toArray(),
                       &e.editsKeepingVisible)) {
        *error = QStringLiteral("malformed header edit");
        return false;
    }
    e.analysis = json.value(QStringLiteral("analysis")).toObject();
    e.encryption = encryptionFromJson(json.value(QStringLiteral("encryption")).toObject(),
                                      e.recipientAddresses());
    e.sentUnencrypted = json.value(QStringLiteral("sent_unencrypted")).toBool();
    *entry = e;
    return true;
}

QJsonObject QueueEntry::toListJson() const
{
    QJsonArray rcpts;
    QJsonArray details;
    for (const Recipient& r : recipients) {
        rcpts.append(r.address);
        details.append(QJsonObject{{QStringLiteral("address"), r.address},
                                   {QStringLiteral("status"), statusName(r.status)},
                                   {QStringLiteral("reply"), r.reply}});
    }
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("state"), messageStateName(state)},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("from"), headerFrom.isEmpty() ? envelopeFrom : headerFrom},
        {QStringLiteral("envelope_from"), envelopeFrom},
        {QStringLiteral("recipients"), rcpts},
        {QStringLiteral("recipient_status"), details},
        {QStringLiteral("release_at"), releasePaused ? QJsonValue() : isoOrNull(releaseAt)},
        {QStringLiteral("release_paused"), releasePaused},
        {QStringLiteral("next_attempt_at"), isoOrNull(nextAttemptAt)},
        {QStringLiteral("created_at"), isoOrNull(createdAt)},
        {QStringLiteral("size"), size},
        {QStringLiteral("attempts"), attempts},
        {QStringLiteral("last_error"), lastError},
        {QStringLiteral("message_id"), messageId},
        {QStringLiteral("analysis"), analysis},
    };
    // Encryption: the plan the user confirmed (the analysis' "encryption") and how far it got.
    QJsonObject plan = analysis.value(QStringLiteral("encryption")).toObject();
    if (!plan.isEmpty() || encryption.isNeeded() || sentUnencrypted) {
        QString status;
        if (sentUnencrypted)
            status = QStringLiteral("sent-unencrypted-override");
        else if (encryption.isPlanned() && !encryption.method.isEmpty() &&
                 std::all_of(encryption.copies.cbegin(), encryption.copies.cend(),
                             [this](const EncryptedCopy& c) {
                                 return c.done || pendingAmong(c.recipients).isEmpty();
                             }))
            status = QStringLiteral("encrypted");
        else if (encryption.isNeeded())
            status = encryption.method.isEmpty() ? QStringLiteral("impossible")
                                                 : QStringLiteral("pending");
        else
            status = QStringLiteral("not-encrypted");
        plan.insert(QStringLiteral("status"), status);
        if (encryption.isNeeded()) {
            plan.insert(QStringLiteral("mode"), encryption.mode);
            plan.insert(QStringLiteral("method"),
                        encryption.method.isEmpty() ? QJsonValue() : QJsonValue(encryption.method));
        }
        if (encryption.isPlanned()) {
            // One copy for the visible recipients, one per Bcc recipient: how far each got.
            QJsonArray copies;
            for (const EncryptedCopy& c : encryption.copies) {
                const qsizetype pending = pendingAmong(c.recipients).size();
                copies.append(QJsonObject{
                    {QStringLiteral("kind"),
                     c.bcc ? QStringLiteral("bcc") : QStringLiteral("visible")},
                    {QStringLiteral("recipients"), c.recipients.size()},
                    {QStringLiteral("pending"), pending},
                    {QStringLiteral("state"), pending == 0 ? QStringLiteral("relayed")
                                              : c.done     ? QStringLiteral("encrypted")
                                                           : QStringLiteral("to-encrypt")},
                });
            }
            plan.insert(QStringLiteral("copies"), copies);
        }
        o.insert(QStringLiteral("encryption"), plan);
    }
    return o;
}

QString newMessageId()
{
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss"));
    const quint32 r = QRandomGenerator::global()->generate();
    return stamp + QLatin1Char('-') + QStringLiteral("%1").arg(r, 8, 16, QLatin1Char('0'));
}

bool isValidMessageId(const QString& id)
{
    static const QRegularExpression re(QStringLiteral("^[0-9]{8}T[0-9]{6}-[0-9a-f]{8}$"));
    return re.match(id).hasMatch();
}

} // namespace sendguard
