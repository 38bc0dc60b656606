// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace sendguard {

// The settings SendGuard runs with: a plain value, filled by ConfigLoader.
struct ListenConfig
{
    QString address = QStringLiteral("127.0.0.1");
    quint16 port = 2525;
    bool authRequired = true;
    bool starttls = true;
    qint64 maxMessageSize = 50LL * 1024 * 1024;
    int idleTimeoutSeconds = 300;
    int maxSessions = 100;
    int maxRecipients = 1000;
};

enum class UpstreamSecurity
{
    StartTls,
    ImplicitTls,
    None
};

struct UpstreamConfig
{
    QString host; // empty: the built-in demo upstream
    quint16 port = 587;
    UpstreamSecurity security = UpstreamSecurity::StartTls;
    bool verifyCertificate = true;
    QString caFile;
    QString username;
};

struct RelayConfig
{
    int maxConnections = 4;
    int retryInitialSeconds = 60;
    int retryMaxIntervalSeconds = 3600;
    qint64 maxAgeSeconds = 5 * 24 * 3600;
    int connectTimeoutSeconds = 30;
    int commandTimeoutSeconds = 300;
};

enum class BccRewrite
{
    ExternalWhenMass,
    AllWhenMass,
    Off
};
enum class ConfirmWhen
{
    Always,
    External,
    Never
};

// What happens when the confirm dialog is still open after policy.confirm_timeout_seconds.
enum class ConfirmTimeoutAction
{
    Defer,   // answer 250 (the message is spooled) and keep it until the user decides
    TempFail // answer 451: the mail client keeps the message and tries again later
};

enum class ReleaseAfterRestart
{
    Ask,  // keep them held and ask the user
    Send, // relay them at once
    Hold  // keep them held until released by hand
};

// A pattern to look for in outgoing mail, e.g. 社外秘 or a card number.
struct KeywordRule
{
    enum class Where
    {
        Subject,
        Body,
        AttachmentName
    };
    enum class Action
    {
        Warn,
        Block
    };

    QString pattern; // a regular expression (QRegularExpression syntax), case-insensitive
    Where where = Where::Subject;
    Action action = Action::Warn;
};

QString keywordWhereName(KeywordRule::Where where);
QString keywordActionName(KeywordRule::Action action);

struct PolicyConfig
{
    QStringList internalDomains; // normal form (lower-case ASCII / ACE)
    QStringList trustedDomains;
    QStringList blockedDomains;
    int massThreshold = 10;
    BccRewrite bccRewrite = BccRewrite::ExternalWhenMass;
    ConfirmWhen confirm = ConfirmWhen::External;
    QList<KeywordRule> keywordRules;
    int holdSeconds = 60;

    // The confirm dialog.
    bool confirmCheckboxes = true;  // every external recipient and attachment must be ticked
    bool allowCheckAll = false;     // offer a "tick all" button
    bool allowKeepVisible = false;  // let the user undo the move to Bcc for one message
    int confirmTimeoutSeconds = 45; // how long the mail client is kept waiting for the answer
    ConfirmTimeoutAction confirmTimeoutAction = ConfirmTimeoutAction::Defer;
    // Held messages whose hold ended while SendGuard was not running.
    ReleaseAfterRestart releaseAfterRestart = ReleaseAfterRestart::Ask;
    int keepDays = 14; // recalled and failed messages are kept this long
};

// Encryption of outgoing mail through the plugins (EncryptionBackend).
enum class EncryptionMode
{
    Off,
    Attachments, // each attachment replaced by NAME.p7m / NAME.pgp; the text stays readable
    Message      // S/MIME (RFC 8551) or PGP/MIME (RFC 3156) of the whole message
};
enum class EncryptionMethod
{
    Smime,
    OpenPgp,
    Auto // the method every recipient has a key for, S/MIME first
};
enum class EncryptionRequired
{
    None,     // encrypt when every recipient has a key, else send as it is (the user is shown)
    External, // a message with an external recipient and an attachment must be encrypted
    All       // every message must be encrypted
};

struct EncryptionConfig
{
    EncryptionMode mode = EncryptionMode::Off;
    EncryptionMethod method = EncryptionMethod::Auto;
    EncryptionRequired requiredFor = EncryptionRequired::None;
    QString smimeCertificates; // folder of the recipients' certificates
    QString gnupgHome;         // empty: GnuPG's default
    QString cipher = QStringLiteral("aes-256-cbc");
    // Where encryption is required but impossible, the user may send in clear after an extra
    // confirmation in the dialog (audit "sent_unencrypted_override").
    bool allowUnencryptedOverride = false;
};

QString encryptionModeName(EncryptionMode mode);

// What the user sees: "system" follows the locale.
struct UiConfig
{
    QString language = QStringLiteral("system"); // "system", "ja", "en"
};

struct Config
{
    ListenConfig listen;
    UpstreamConfig upstream;
    RelayConfig relay;
    PolicyConfig policy;
    EncryptionConfig encryption;
    UiConfig ui;

    // Keys set by the machine policy ("policy.hold_seconds"): the user cannot change them.
    QStringList lockedKeys;
    QString lockedBy; // where the machine policy comes from

    bool isLocked(const QString& key) const { return lockedKeys.contains(key); }
    bool usesDemoUpstream() const { return upstream.host.isEmpty(); }
};

QString upstreamSecurityName(UpstreamSecurity security);

} // namespace sendguard
