// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Config.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>

namespace sendguard {

// `sendguard check`: is mail from this installation protected on the way out?
//   - the configuration: does it allow plain text anywhere?
//   - the upstream: STARTTLS/TLS offered, certificate chain, host name, expiry, TLS version
//   - the sender domain: SPF and DMARC records in DNS, with advice in plain words

enum class CheckLevel
{
    Ok,
    Info,
    Warning,
    Problem
};

QString checkLevelName(CheckLevel level); // "ok", "info", "warning", "problem"

struct CheckFinding
{
    QString id; // stable: "spf.softfail", "upstream.certificate_untrusted", ...
    CheckLevel level = CheckLevel::Ok;
    QString message; // in the user's language
    QString advice;  // what to do; may be empty

    QJsonObject toJson() const;
};

// What talking to the upstream showed. Filled by UpstreamProbe; evaluated by SecurityCheck.
struct UpstreamProbeResult
{
    bool connected = false;
    QString error; // why the conversation ended early (empty when it completed)
    QString greeting;
    bool ehloOk = false;
    bool starttlsOffered = false;
    QString starttlsReply; // when STARTTLS was refused
    bool tls = false;      // the session was encrypted
    bool handshakeFailed = false;
    QString tlsError;
    QString tlsVersion; // "TLSv1.2", "TLSv1.3"
    QString cipher;
    QStringList authBeforeTls;
    QStringList authAfterTls;
    QList<QSslError> sslErrors;
    QList<QSslCertificate> chain;
};

// One conversation with the upstream: greeting, EHLO, STARTTLS (or implicit TLS), EHLO, QUIT.
// Certificate errors are recorded, not obeyed: nothing but EHLO and QUIT is ever sent.
class UpstreamProbe
{
    Q_DECLARE_TR_FUNCTIONS(UpstreamProbe)

public:
    // Blocks (with its own event loop) for at most about `timeoutMs` per step and three times
    // that in all.
    static UpstreamProbeResult run(const UpstreamConfig& upstream,
                                   const QList<QSslCertificate>& extraCaCertificates,
                                   int timeoutMs);
};

struct TxtLookupResult
{
    bool answered = false; // the DNS server answered (records may still be none)
    bool nxdomain = false;
    // Qt before 6.6 reports "no records of this type" (NODATA) and "no answer at all" alike;
    // such a result is "no records" only when the server is seen to answer other questions.
    bool ambiguous = false;
    QStringList records; // character-strings of each record joined
    QString error;
};

class SecurityCheck
{
    Q_DECLARE_TR_FUNCTIONS(SecurityCheck)

public:
    struct Options
    {
        QString configFile;
        QString senderDomain;   // empty: from upstream.username, else policy.internal_domains
        QHostAddress dnsServer; // null: the system's resolver
        quint16 dnsPort = 53;
        int upstreamTimeoutMs = 10000;
        int dnsTimeoutMs = 6000;
    };

    // Plain text anywhere in the configuration; `flags` gets the four booleans of the JSON.
    static QList<CheckFinding> configFindings(const Config& config, QJsonObject* flags);
    static QList<CheckFinding> upstreamFindings(const UpstreamConfig& upstream,
                                                const UpstreamProbeResult& probe,
                                                QJsonObject* json);
    static QList<CheckFinding> spfFindings(const QString& domain, const TxtLookupResult& lookup,
                                           QJsonObject* json);
    static QList<CheckFinding> dmarcFindings(const QString& domain, const TxtLookupResult& lookup,
                                             QJsonObject* json);
    static QString senderDomainFor(const Config& config, const QString& given);

    static TxtLookupResult lookupTxt(const QString& name, const Options& options);
    // Whether this Qt can send DNS queries to a port other than 53.
    static bool dnsPortSupported();

    // Everything, as the JSON of `sendguard check --json` (see docs/CONTRACT.md).
    static QJsonObject run(const Config& config, const Options& options);
    // 0 when every finding is ok or info, 1 otherwise.
    static int exitCode(const QJsonObject& report);
    // The report for people, in the user's language.
    static QString toText(const QJsonObject& report);
};

} // namespace sendguard
