// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Config.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sendguard {

// A change to the bytes of a message's header block on its way out: the range [begin, end) is
// replaced by `replacement` (empty: removed). Body bytes are never edited.
struct HeaderEdit
{
    qint64 begin = 0;
    qint64 end = 0;
    QByteArray replacement;

    bool operator==(const HeaderEdit& o) const
    {
        return begin == o.begin && end == o.end && replacement == o.replacement;
    }
    bool operator<(const HeaderEdit& o) const { return begin < o.begin; }
};

// One envelope recipient as the analysis sees it.
struct RecipientInfo
{
    enum class Field
    {
        To,
        Cc,
        Bcc
    };

    QString address;     // as given in RCPT TO
    QString displayName; // decoded, from the To/Cc header; empty for Bcc
    Field field = Field::Bcc;
    QString domain;        // normal form: lower-case ASCII, IDN as "xn--"
    QString domainDisplay; // Unicode
    bool internal = false;
    bool trusted = false;
    bool blocked = false;
    bool firstTime = false;
    QString lookalikeOf;     // the trusted domain it resembles
    QString lookalikeReason; // "one-edit", "swapped-characters", "homoglyph", "public-suffix"
    bool movedToBcc = false;

    bool isExternal() const { return !internal; }
    bool isVisible() const { return field != Field::Bcc && !movedToBcc; }
};

// An attachment as a mail client would show it.
struct AttachmentInfo
{
    QString fileName; // decoded (RFC 2231 / RFC 2047)
    QString mimeType;
    qint64 size = 0; // decoded bytes
    bool encrypted = false;
    QString encryption; // "s/mime", "openpgp", "zip"
    // Other readings of an RFC 2047-encoded name (see MessageAnalyzer), for keyword rules only;
    // not part of the JSON.
    QStringList otherNameReadings;
};

struct KeywordHit
{
    QString pattern;
    QString where;  // "subject", "body", "attachment-name"
    QString action; // "warn", "block"
    QString match;  // the text that matched (at most 80 characters)
};

// Whether one recipient (or the sender) has a key to encrypt to.
struct RecipientKey
{
    QString address;
    bool usable = false; // with the plan's method (or, when none was chosen, with any)
    QStringList methods; // the methods with a usable key: "smime", "openpgp"
    QString description; // the certificate or key (subject / user ID, fingerprint, expiry)
    QString problem;     // why there is no usable key; empty when usable

    QJsonObject toJson() const;
    static RecipientKey fromJson(const QJsonObject& json);
};

// What encryption.mode / method / required_for mean for one message, decided before the
// confirmation: the dialog, the audit log and `queue list --json` show these same facts.
struct EncryptionPlan
{
    QString mode = QStringLiteral("off"); // "off", "attachments", "message"
    QString method;                       // "smime" or "openpgp"; empty when none can be used
    bool required = false;                // encryption.required_for applies to this message
    bool encrypt = false;                 // it will be encrypted with `method`
    // It must not be sent: encryption is required (or a back end is missing) and impossible.
    bool refuse = false;
    bool overrideAllowed = false; // encryption.allow_unencrypted_override
    int attachments = 0;          // attachments to encrypt (mode "attachments")
    QString reason;               // why it is not encrypted (English, for logs and SMTP)
    // encryption.mode is "attachments", but the message is signed: `mode` is "message", so that
    // the signature stays valid inside the encryption.
    bool wholeBecauseSigned = false;
    QList<RecipientKey> recipients;
    RecipientKey sender; // the sender's own key (From, else envelope sender)

    bool isOff() const { return mode == QLatin1String("off"); }
    QJsonObject toJson() const;
    static EncryptionPlan fromJson(const QJsonObject& json);
};

// Everything SendGuard found out about one message and what it will change: the single source
// of the facts shown in the confirm dialog, written to the audit log and listed by the queue.
struct Verdict
{
    bool parsed = false;
    QString error;

    QString subject;
    QString fromAddress;
    QString fromDisplay;
    QString messageId;
    bool senderMismatch = false; // From differs from the envelope sender
    QString bodyPreview;         // the first lines of the text, for the dialog; never persisted

    QList<RecipientInfo> recipients;
    QStringList externalDomains; // of visible (To/Cc) external recipients, display form
    bool mass = false;
    bool manyExternalDomains = false;
    QList<AttachmentInfo> attachments;
    QList<KeywordHit> keywordHits;
    int partCount = 0;
    // Signed (mimeparts::containsSignature): its attachments must not be replaced.
    bool hasSignature = false;

    // The planned move to Bcc.
    QStringList movedToBcc;
    QString bccReason;
    QList<HeaderEdit> edits; // Bcc removal and To/Cc rewrite
    // Bcc removal only, for a user allowed to keep the moved addresses visible; empty when
    // nothing moves. Not part of toJson().
    QList<HeaderEdit> editsKeepingVisible;

    // Encryption (filled by Guard::prepare, not by the analyzer).
    EncryptionPlan encryption;

    // Flags in plain words, as stable identifiers: "mass", "many-external-domains",
    // "lookalike-domain", "first-time-recipient", "keyword", "sender-mismatch", "blocked-domain".
    QStringList flags() const;
    bool hasExternalRecipient() const;
    // Why the message may not be sent at all (blocked domain, blocking keyword); empty if it may.
    QString blockReason() const;
    bool needsConfirmation(ConfirmWhen when) const;

    // The persisted and logged form: no body text (no preview, no body keyword matches).
    QJsonObject toJson() const;
    static Verdict fromJson(const QJsonObject& json);
};

QString recipientFieldName(RecipientInfo::Field field);

} // namespace sendguard
