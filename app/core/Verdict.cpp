// SPDX-License-Identifier: GPL-3.0-or-later
#include "Verdict.h"

#include <QJsonArray>

namespace sendguard {

QString recipientFieldName(RecipientInfo::Field field)
{
    switch (field) {
    case RecipientInfo::Field::To:
        return QStringLiteral("to");
    case RecipientInfo::Field::Cc:
        return QStringLiteral("cc");
    case RecipientInfo::Field::Bcc:
        return QStringLiteral("bcc");
    }
    return {};
}

QJsonObject RecipientKey::toJson() const
{
    QJsonObject o{{QStringLiteral("address"), address},
                  {QStringLiteral("key"), usable},
                  {QStringLiteral("methods"), QJsonArray::fromStringList(methods)}};
    if (!description.isEmpty())
        o.insert(QStringLiteral("key_info"), description);
    if (!problem.isEmpty())
        o.insert(QStringLiteral("problem"), problem);
    return o;
}

RecipientKey RecipientKey::fromJson(const QJsonObject& json)
{
    RecipientKey k;
    k.address = json.value(QStringLiteral("address")).toString();
    k.usable = json.value(QStringLiteral("key")).toBool();
    for (const QJsonValue& m : json.value(QStringLiteral("methods")).toArray())
        k.methods << m.toString();
    k.description = json.value(QStringLiteral("key_info")).toString();
    k.problem = json.value(QStringLiteral("problem")).toString();
    return k;
}

QJsonObject EncryptionPlan::toJson() const
{
    QJsonArray keys;
    for (const RecipientKey& k : recipients)
        keys.append(k.toJson());
    QJsonObject o{{QStringLiteral("mode"), mode},
                  {QStringLiteral("method"), method.isEmpty() ? QJsonValue() : QJsonValue(method)},
                  {QStringLiteral("required"), required},
                  {QStringLiteral("encrypt"), encrypt},
                  {QStringLiteral("refuse"), refuse},
                  {QStringLiteral("override_allowed"), overrideAllowed},
                  {QStringLiteral("attachments"), attachments},
                  {QStringLiteral("recipients"), keys}};
    if (!sender.address.isEmpty())
        o.insert(QStringLiteral("sender"), sender.toJson());
    if (!reason.isEmpty())
        o.insert(QStringLiteral("reason"), reason);
    if (wholeBecauseSigned)
        o.insert(QStringLiteral("whole_because_signed"), true);
    return o;
}

EncryptionPlan EncryptionPlan::fromJson(const QJsonObject& json)
{
    EncryptionPlan p;
    if (json.isEmpty())
        return p;
    p.mode = json.value(QStringLiteral("mode")).toString(QStringLiteral("off"));
    p.method = json.value(QStringLiteral("method")).toString();
    p.required = json.value(QStringLiteral("required")).toBool();
    p.encrypt = json.value(QStringLiteral("encrypt")).toBool();
    p.refuse = json.value(QStringLiteral("refuse")).toBool();
    p.overrideAllowed = json.value(QStringLiteral("override_allowed")).toBool();
    p.attachments = json.value(QStringLiteral("attachments")).toInt();
    p.reason = json.value(QStringLiteral("reason")).toString();
    p.wholeBecauseSigned = json.value(QStringLiteral("whole_because_signed")).toBool();
    for (const QJsonValue& v : json.value(QStringLiteral("recipients")).toArray())
        p.recipients.append(RecipientKey::fromJson(v.toObject()));
    p.sender = RecipientKey::fromJson(json.value(QStringLiteral("sender")).toObject());
    return p;
}

QStringList Verdict::flags() const
{
    QStringList f;
    if (mass)
        f << QStringLiteral("mass");
    if (manyExternalDomains)
        f << QStringLiteral("many-external-domains");
    bool lookalike = false, firstTime = false, blocked = false;
    for (const RecipientInfo& r : recipients) {
        lookalike |= !r.lookalikeOf.isEmpty();
        firstTime |= r.firstTime;
        blocked |= r.blocked;
    }
    if (lookalike)
        f << QStringLiteral("lookalike-domain");
    if (firstTime)
        f << QStringLiteral("first-time-recipient");
    if (!keywordHits.isEmpty())
        f << QStringLiteral("keyword");
    if (senderMismatch)
        f << QStringLiteral("sender-mismatch");
    if (blocked)
        f << QStringLiteral("blocked-domain");
    return f;
}

bool Verdict::hasExternalRecipient() const
{
    for (const RecipientInfo& r : recipients) {
        if (r.isExternal())
            return true;
    }
    return false;
}

QString Verdict::blockReason() const
{
    // Sent to the mail client as SMTP reply text: English, ASCII.
    QStringList blocked;
    for (const RecipientInfo& r : recipients) {
        if (r.blocked)
            blocked << r.address;
    }
    if (!blocked.isEmpty())
        return QStringLiteral("message refused by SendGuard policy: the domain of %1 is blocked")
            .arg(blocked.join(QStringLiteral(", ")));
    for (const KeywordHit& hit : keywordHits) {
        if (hit.action == QLatin1String("block"))
            return QStringLiteral(
                       "message refused by SendGuard policy: the %1 matches a blocked pattern")
                .arg(hit.where == QLatin1String("attachment-name")
                         ? QStringLiteral("name of an attachment")
                         : hit.where);
    }
    return {};
}

bool Verdict::needsConfirmation(ConfirmWhen when) const
{
    switch (when) {
    case ConfirmWhen::Always:
        return true;
    case ConfirmWhen::Never:
        return false;
    case ConfirmWhen::External:
        return hasExternalRecipient() || !flags().isEmpty();
    }
    return true;
}

QJsonObject Verdict::toJson() const
{
    QJsonArray rcpts;
    for (const RecipientInfo& r : recipients) {
        QJsonObject o{{QStringLiteral("address"), r.address},
                      {QStringLiteral("field"), recipientFieldName(r.field)},
                      {QStringLiteral("domain"), r.domainDisplay},
                      {QStringLiteral("internal"), r.internal}};
        if (!r.displayName.isEmpty())
            o.insert(QStringLiteral("name"), r.displayName);
        if (r.trusted)
            o.insert(QStringLiteral("trusted"), true);
        if (r.blocked)
            o.insert(QStringLiteral("blocked"), true);
        if (r.firstTime)
            o.insert(QStringLiteral("first_time"), true);
        if (!r.lookalikeOf.isEmpty()) {
            o.insert(QStringLiteral("lookalike_of"), r.lookalikeOf);
            o.insert(QStringLiteral("lookalike_reason"), r.lookalikeReason);
        }
        if (r.movedToBcc)
            o.insert(QStringLiteral("moved_to_bcc"), true);
        rcpts.append(o);
    }
    QJsonArray attachments;
    for (const AttachmentInfo& a : this->attachments) {
        QJsonObject o{{QStringLiteral("name"), a.fileName},
                      {QStringLiteral("type"), a.mimeType},
                      {QStringLiteral("size"), a.size}};
        if (a.encrypted) {
            o.insert(QStringLiteral("encrypted"), true);
            o.insert(QStringLiteral("encryption"), a.encryption);
        }
        attachments.append(o);
    }
    QJsonArray hits;
    for (const KeywordHit& h : keywordHits) {
        QJsonObject o{{QStringLiteral("pattern"), h.pattern},
                      {QStringLiteral("where"), h.where},
                      {QStringLiteral("action"), h.action}};
        // Text from the body never leaves memory (it may be the very secret the rule is about).
        if (h.where != QLatin1String("body"))
            o.insert(QStringLiteral("match"), h.match);
        hits.append(o);
    }
    QJsonObject o{{QStringLiteral("subject"), subject},
                  {QStringLiteral("from"), fromAddress},
                  {QStringLiteral("from_name"), fromDisplay},
                  {QStringLiteral("sender_mismatch"), senderMismatch},
                  {QStringLiteral("recipients"), rcpts},
                  {QStringLiteral("external_domains"), QJsonArray::fromStringList(externalDomains)},
                  {QStringLiteral("flags"), QJsonArray::fromStringList(flags())},
                  {QStringLiteral("attachments"), attachments},
                  {QStringLiteral("keyword_hits"), hits},
                  {QStringLiteral("moved_to_bcc"), QJsonArray::fromStringList(movedToBcc)}};
    if (!bccReason.isEmpty())
        o.insert(QStringLiteral("bcc_reason"), bccReason);
    if (hasSignature)
        o.insert(QStringLiteral("signed"), true);
    if (!encryption.isOff())
        o.insert(QStringLiteral("encryption"), encryption.toJson());
    return o;
}

Verdict Verdict::fromJson(const QJsonObject& json)
{
    Verdict v;
    v.parsed = true;
    v.subject = json.value(QStringLiteral("subject")).toString();
    v.fromAddress = json.value(QStringLiteral("from")).toString();
    v.fromDisplay = json.value(QStringLiteral("from_name")).toString();
    v.senderMismatch = json.value(QStringLiteral("sender_mismatch")).toBool();
    for (const QJsonValue& value : json.value(QStringLiteral("recipients")).toArray()) {
        const QJsonObject o = value.toObject();
        RecipientInfo r;
        r.address = o.value(QStringLiteral("address")).toString();
        const QString field = o.value(QStringLiteral("field")).toString();
        r.field = field == QLatin1String("to")   ? RecipientInfo::Field::To
                  : field == QLatin1String("cc") ? RecipientInfo::Field::Cc
                                                 : RecipientInfo::Field::Bcc;
        r.domainDisplay = o.value(QStringLiteral("domain")).toString();
        r.internal = o.value(QStringLiteral("internal")).toBool();
        r.displayName = o.value(QStringLiteral("name")).toString();
        r.trusted = o.value(QStringLiteral("trusted")).toBool();
        r.blocked = o.value(QStringLiteral("blocked")).toBool();
        r.firstTime = o.value(QStringLiteral("first_time")).toBool();
        r.lookalikeOf = o.value(QStringLiteral("lookalike_of")).toString();
        r.lookalikeReason = o.value(QStringLiteral("lookalike_reason")).toString();
        r.movedToBcc = o.value(QStringLiteral("moved_to_bcc")).toBool();
        v.recipients.append(r);
    }
    for (const QJsonValue& d : json.value(QStringLiteral("external_domains")).toArray())
        v.externalDomains << d.toString();
    const QStringList flags = [&] {
        QStringList f;
        for (const QJsonValue& x : json.value(QStringLiteral("flags")).toArray())
            f << x.toString();
        return f;
    }();
    v.mass = flags.contains(QStringLiteral("mass"));
    v.manyExternalDomains = flags.contains(QStringLiteral("many-external-domains"));
    for (const QJsonValue& value : json.value(QStringLiteral("attachments")).toArray()) {
        const QJsonObject o = value.toObject();
        v.attachments.append({o.value(QStringLiteral("name")).toString(),
                              o.value(QStringLiteral("type")).toString(),
                              o.value(QStringLiteral("size")).toInteger(),
                              o.value(QStringLiteral("encrypted")).toBool(),
                              o.value(QStringLiteral("encryption")).toString(),
                              {}});
    }
    for (const QJsonValue& value : json.value(QStringLiteral("keyword_hits")).toArray()) {
        const QJsonObject o = value.toObject();
        v.keywordHits.append({o.value(QStringLiteral("pattern")).toString(),
                              o.value(QStringLiteral("where")).toString(),
                              o.value(QStringLiteral("action")).toString(),
                              o.value(QStringLiteral("match")).toString()});
    }
    for (const QJsonValue& m : json.value(QStringLiteral("moved_to_bcc")).toArray())
        v.movedToBcc << m.toString();
    v.bccReason = json.value(QStringLiteral("bcc_reason")).toString();
    v.hasSignature = json.value(QStringLiteral("signed")).toBool();
    v.encryption = EncryptionPlan::fromJson(json.value(QStringLiteral("encryption")).toObject());
    return v;
}

} // namespace sendguard
