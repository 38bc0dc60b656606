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
};

struct Config
{
    ListenConfig listen;
    UpstreamConfig upstream;
    RelayConfig relay;
    PolicyConfig policy;

    bool usesDemoUpstream() const { return upstream.host.isEmpty(); }
};

QString upstreamSecurityName(UpstreamSecurity security);

} // namespace sendguard
