// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecurityCheck.h"

#include "SmtpRelay.h"

#include <QDateTime>
#include <QDnsLookup>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QUrl>

namespace sendguard {

QString checkLevelName(CheckLevel level)
{
    switch (level) {
    case CheckLevel::Ok:
        return QStringLiteral("ok");
    case CheckLevel::Info:
        return QStringLiteral("info");
    case CheckLevel::Warning:
        return QStringLiteral("warning");
    case CheckLevel::Problem:
        return QStringLiteral("problem");
    }
    return QStringLiteral("problem");
}

QJsonObject CheckFinding::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("level"), checkLevelName(level)},
            {QStringLiteral("message"), message},
            {QStringLiteral("advice"), advice}};
}

namespace {

QJsonValue orNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QString tlsVersionName(QSsl::SslProtocol p)
{
    switch (p) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    default:
        break;
    }
    return QStringLiteral("unknown");
}

QStringList authMechanisms(const SmtpReply& ehlo, bool* starttls)
{
    const EhloCapabilities caps = EhloCapabilities::parse(ehlo);
    *starttls = caps.starttls;
    return caps.authMechanisms;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// the upstream

UpstreamProbeResult UpstreamProbe::run(const UpstreamConfig& upstream,
                                       const QList<QSslCertificate>& extraCaCertificates,
                                       int timeoutMs)
{
    UpstreamProbeResult r;
    const bool implicitTls = upstream.security == UpstreamSecurity::ImplicitTls;
    enum class Step
    {
        Connecting,
        Handshake,
        Greeting,
        Ehlo,
        StartTls,
        Quit,
        Done
    } step = Step::Connecting;

    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater); // what the relay accepts
    if (!extraCaCertificates.isEmpty())
        tls.addCaCertificates(extraCaCertificates);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket.setSslConfiguration(tls);
    socket.setPeerVerifyName(upstream.host);

    QEventLoop loop;
    QTimer stepTimer;
    stepTimer.setSingleShot(true);
    QTimer overall;
    overall.setSingleShot(true);
    SmtpReplyReader replies(/*maxLines=*/0);

    auto finish = [&](const QString& error) {
        if (step == Step::Done)
            return;
        if (r.error.isEmpty())
            r.error = error;
        step = Step::Done;
        stepTimer.stop();
        loop.quit();
    };
    auto send = [&](const QByteArray& line, Step next) {
        step = next;
        socket.write(line + "\r\n");
        stepTimer.start(timeoutMs);
    };
    auto recordTls = [&] {
        r.tls = true;
        r.tlsVersion = tlsVersionName(socket.sessionProtocol());
        r.cipher = socket.sessionCipher().name();
        r.chain = socket.peerCertificateChain();
        for (const QSslError& e : socket.sslHandshakeErrors()) {
            if (!r.sslErrors.contains(e))
                r.sslErrors.append(e);
        }
    };
    auto onReply = [&](const SmtpReply& reply) {
        switch (step) {
        case Step::Greeting:
            r.greeting = reply.toString();
            if (reply.code != 220) {
                finish(tr("the server refused the connection: %1").arg(reply.toString()));
                return;
            }
            send("EHLO localhost", Step::Ehlo);
            return;
        case Step::Ehlo: {
            if (reply.code != 250) {
                finish(tr("the server refused EHLO: %1").arg(reply.toString()));
                return;
            }
            r.ehloOk = true;
            bool starttls = false;
            const QStringList mechs = authMechanisms(reply, &starttls);
            if (socket.isEncrypted()) {
                r.authAfterTls = mechs;
                send("QUIT", Step::Quit);
                return;
            }
            r.authBeforeTls = mechs;
            r.starttlsOffered = starttls;
            if (starttls)
                send("STARTTLS", Step::StartTls);
            else
                send("QUIT", Step::Quit);
            return;
        }
        case Step::StartTls:
            if (reply.code != 220) {
                r.starttlsReply = reply.toString();
                send("QUIT", Step::Quit);
                return;
            }
            replies.clear();
            step = Step::Handshake;
            stepTimer.start(timeoutMs);
            socket.startClientEncryption();
            return;
        case Step::Quit:
            finish({});
            socket.disconnectFromHost();
            return;
        default:
            return;
        }
    };

    QObject::connect(&socket, &QSslSocket::connected, &loop, [&] {
        if (step != Step::Connecting)
            return;
        r.connected = true;
        step = implicitTls ? Step::Handshake : Step::Greeting;
        stepTimer.start(timeoutMs);
    });
    QObject::connect(&socket, &QSslSocket::encrypted, &loop, [&] {
        recordTls();
        if (implicitTls) {
            step = Step::Greeting;
            stepTimer.start(timeoutMs);
        } else {
            send("EHLO localhost", Step::Ehlo);
        }
    });
    QObject::connect(&socket, &QSslSocket::sslErrors, &loop, [&](const QList<QSslError>& errors) {
        for (const QSslError& e : errors) {
            if (!r.sslErrors.contains(e))
                r.sslErrors.append(e);
        }
        socket.ignoreSslErrors(); // look, do not trust: only EHLO and QUIT follow
    });
    QObject::connect(&socket, &QSslSocket::readyRead, &loop, [&] {
        replies.append(socket.readAll());
        for (;;) {
            SmtpReply reply;
            QByteArray bad;
            const SmtpReplyReader::Status status = replies.next(&reply, &bad);
            if (status == SmtpReplyReader::Status::Incomplete)
                return;
            if (status == SmtpReplyReader::Status::Malformed) {
                finish(tr("the server sent a malformed reply: %1")
                           .arg(QString::fromUtf8(bad.left(80))));
                return;
            }
            if (status != SmtpReplyReader::Status::Reply) { // no line limit here: too long
                finish(tr("the server sent an over-long line"));
                return;
            }
            stepTimer.stop();
            onReply(reply);
            if (step == Step::Done)
                return;
        }
    });
    QObject::connect(&socket, &QSslSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError) {
        if (step == Step::Done)
            return;
        if (step == Step::Handshake) {
            r.handshakeFailed = true;
            r.tlsError = socket.errorString();
            finish(tr("the TLS handshake failed: %1").arg(socket.errorString()));
            return;
        }
        if (step == Step::Quit) {
            finish({});
            return;
        }
        finish(socket.errorString());
    });
    QObject::connect(&socket, &QSslSocket::disconnected, &loop, [&] {
        if (step == Step::Quit)
            finish({});
        else
            finish(tr("the server closed the connection"));
    });
    QObject::connect(&stepTimer, &QTimer::timeout, &loop, [&] {
        const int s = (timeoutMs + 999) / 1000;
        switch (step) {
        case Step::Connecting:
            finish(tr("could not connect within %n second(s)", nullptr, s));
            break;
        case Step::Handshake:
            r.handshakeFailed = true;
            r.tlsError = tr("no TLS handshake within %n second(s)", nullptr, s);
            finish(r.tlsError);
            break;
        case Step::Quit:
            finish({});
            break;
        default:
            finish(tr("the server did not answer within %n second(s)", nullptr, s));
        }
    });
    QObject::connect(&overall, &QTimer::timeout, &loop,
                     [&] { finish(tr("the check of the server took too long")); });

    stepTimer.start(timeoutMs);
    overall.start(timeoutMs * 3);
    if (implicitTls)
        socket.connectToHostEncrypted(upstream.host, upstream.port);
    else
        socket.connectToHost(upstream.host, upstream.port);
    if (step != Step::Done)
        loop.exec();
    socket.disconnect(&loop);
    socket.abort();
    return r;
}

QList<CheckFinding> SecurityCheck::upstreamFindings(const UpstreamConfig& upstream,
                                                    const UpstreamProbeResult& p, QJsonObject* json)
{
    QList<CheckFinding> f;
    const QString server = QStringLiteral("%1:%2").arg(upstream.host).arg(upstream.port);
    const bool verify = upstream.verifyCertificate;

    // The certificate, when TLS was reached.
    bool chainValid = true, nameMatch = true, expired = false, notYetValid = false;
    QStringList errorTexts;
    for (const QSslError& e : p.sslErrors) {
        errorTexts << e.errorString();
        switch (e.error()) {
        case QSslError::HostNameMismatch:
            nameMatch = false;
            break;
        case QSslError::CertificateExpired:
            expired = true;
            break;
        case QSslError::CertificateNotYetValid:
            notYetValid = true;
            break;
        case QSslError::NoError:
            break;
        default:
            chainValid = false;
        }
    }
    QJsonValue certJson(QJsonValue::Null);
    qint64 daysLeft = 0;
    QSslCertificate leaf = p.chain.isEmpty() ? QSslCertificate() : p.chain.first();
    if (p.tls && !leaf.isNull()) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (leaf.expiryDate() < now)
            expired = true;
        if (leaf.effectiveDate() > now)
            notYetValid = true;
        daysLeft = now.daysTo(leaf.expiryDate());
        QJsonArray names;
        const auto san = leaf.subjectAlternativeNames();
        for (auto it = san.cbegin(); it != san.cend(); ++it)
            names.append(it.value());
        certJson = QJsonObject{
            {QStringLiteral("subject"),
             leaf.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "))},
            {QStringLiteral("issuer"),
             leaf.issuerInfo(QSslCertificate::CommonName).join(QStringLiteral(", "))},
            {QStringLiteral("names"), names},
            {QStringLiteral("not_before"), leaf.effectiveDate().toUTC().toString(Qt::ISODate)},
            {QStringLiteral("not_after"), leaf.expiryDate().toUTC().toString(Qt::ISODate)},
            {QStringLiteral("days_left"), daysLeft},
            {QStringLiteral("chain_valid"), chainValid},
            {QStringLiteral("host_name_match"), nameMatch},
            {QStringLiteral("expired"), expired},
            {QStringLiteral("not_yet_valid"), notYetValid},
            {QStringLiteral("self_signed"), leaf.isSelfSigned()},
            {QStringLiteral("errors"), QJsonArray::fromStringList(errorTexts)}};
    }
    if (json) {
        *json = QJsonObject{
            {QStringLiteral("host"), upstream.host},
            {QStringLiteral("port"), upstream.port},
            {QStringLiteral("security"), upstreamSecurityName(upstream.security)},
            {QStringLiteral("checked"), true},
            {QStringLiteral("connected"), p.connected},
            {QStringLiteral("error"), orNull(p.error)},
            {QStringLiteral("greeting"), orNull(p.greeting)},
            {QStringLiteral("starttls_offered"),
             upstream.security == UpstreamSecurity::ImplicitTls || !p.ehloOk
                 ? QJsonValue(QJsonValue::Null)
                 : QJsonValue(p.starttlsOffered)},
            {QStringLiteral("tls"), p.tls},
            {QStringLiteral("tls_version"), orNull(p.tlsVersion)},
            {QStringLiteral("cipher"), orNull(p.cipher)},
            {QStringLiteral("auth_before_tls"), QJsonArray::fromStringList(p.authBeforeTls)},
            {QStringLiteral("auth_after_tls"), QJsonArray::fromStringList(p.authAfterTls)},
            {QStringLiteral("certificate"), certJson}};
    }

    if (!p.connected) {
        f.append({QStringLiteral("upstream.unreachable"), CheckLevel::Problem,
                  tr("Cannot reach the mail server %1: %2").arg(server, p.error),
                  tr("Check upstream.host and upstream.port, and whether a firewall blocks the "
                     "connection.")});
        return f;
    }

    if (upstream.security != UpstreamSecurity::ImplicitTls) {
        if (p.ehloOk && !p.starttlsOffered) {
            if (upstream.security == UpstreamSecurity::StartTls)
                f.append({QStringLiteral("upstream.no_starttls"), CheckLevel::Problem,
                          tr("%1 does not offer STARTTLS: SendGuard refuses to send to it in "
                             "plain text, so no mail leaves.")
                              .arg(server),
                          tr("Ask your provider for the encrypted submission port (587 with "
                             "STARTTLS, or 465 with \"security\": \"tls\").")});
            else
                f.append({QStringLiteral("upstream.no_starttls"), CheckLevel::Problem,
                          tr("%1 offers no encryption at all: mail and passwords cross the "
                             "network readable by anyone on the way.")
                              .arg(server),
                          tr("Use a mail server that offers STARTTLS or TLS.")});
        } else if (!p.starttlsReply.isEmpty()) {
            f.append({QStringLiteral("upstream.starttls_refused"), CheckLevel::Problem,
                      tr("%1 offers STARTTLS but refused it: %2").arg(server, p.starttlsReply),
                      tr("Ask your mail provider to fix STARTTLS.")});
        } else if (p.starttlsOffered && upstream.security == UpstreamSecurity::None) {
            f.append({QStringLiteral("upstream.starttls_available"), CheckLevel::Info,
                      tr("%1 offers STARTTLS, but the configuration does not use it.").arg(server),
                      tr("Set upstream.security to \"starttls\".")});
        }
    }
    if (p.handshakeFailed) {
        f.append({QStringLiteral("upstream.tls_failed"), CheckLevel::Problem,
                  tr("The TLS handshake with %1 failed: %2").arg(server, p.tlsError),
                  tr("The server may only offer TLS versions older than 1.2, which SendGuard does "
                     "not use. Ask your mail provider.")});
    }
    if (!p.tls) {
        if (p.error.isEmpty() || p.handshakeFailed)
            return f;
        f.append({QStringLiteral("upstream.incomplete"),
                  CheckLevel::Warning,
                  tr("The conversation with %1 ended early: %2").arg(server, p.error),
                  {}});
        return f;
    }

    f.append({QStringLiteral("upstream.tls"),
              CheckLevel::Ok,
              tr("%1 encrypts the connection (%2, %3).").arg(server, p.tlsVersion, p.cipher),
              {}});
    if (leaf.isNull())
        return f;
    const QString consequence =
        verify ? tr("SendGuard refuses to send to it.")
               : tr("SendGuard sends anyway, because upstream.verify_certificate is false.");
    bool certOk = true;
    if (!chainValid) {
        certOk = false;
        f.append({QStringLiteral("upstream.certificate_untrusted"), CheckLevel::Problem,
                  tr("The certificate of %1 is not trusted (%2). %3")
                      .arg(server, leaf.isSelfSigned() ? tr("self-signed") : tr("unknown issuer"),
                           consequence),
                  tr("If your organisation runs its own certificate authority, name its "
                     "certificate in upstream.ca_file; otherwise ask your mail provider.")});
    }
    if (!nameMatch) {
        certOk = false;
        f.append(
            {QStringLiteral("upstream.certificate_name_mismatch"), CheckLevel::Problem,
             tr("The certificate of %1 is made out for another name. %2").arg(server, consequence),
             tr("Use the host name written in the certificate as upstream.host.")});
    }
    if (expired) {
        certOk = false;
        f.append({QStringLiteral("upstream.certificate_expired"), CheckLevel::Problem,
                  tr("The certificate of %1 expired on %2. %3")
                      .arg(server,
                           QLocale().toString(leaf.expiryDate().toLocalTime().date(),
                                              QLocale::ShortFormat),
                           consequence),
                  tr("Ask your mail provider to renew it.")});
    } else if (notYetValid) {
        certOk = false;
        f.append({QStringLiteral("upstream.certificate_not_yet_valid"), CheckLevel::Problem,
                  tr("The certificate of %1 is not valid yet. %2").arg(server, consequence),
                  tr("Check the clock of this computer.")});
    } else if (daysLeft < 14) {
        f.append(
            {QStringLiteral("upstream.certificate_expires_soon"), CheckLevel::Warning,
             tr("The certificate of %1 expires in %n day(s).", nullptr, int(daysLeft)).arg(server),
             tr("Ask your mail provider to renew it in time.")});
    }
    if (certOk)
        f.append({QStringLiteral("upstream.certificate"),
                  CheckLevel::Ok,
                  tr("The certificate of %1 is valid for this name, issued by %2, until %3.")
                      .arg(server,
                           leaf.issuerInfo(QSslCertificate::CommonName).join(QStringLiteral(", ")),
                           QLocale().toString(leaf.expiryDate().toLocalTime().date(),
                                              QLocale::ShortFormat)),
                  {}});
    return f;
}

// ---------------------------------------------------------------------------------------------
// the configuration

QList<CheckFinding> SecurityCheck::configFindings(const Config& config, QJsonObject* flags)
{
    QList<CheckFinding> f;
    const bool demo = config.usesDemoUpstream();
    const bool upstreamPlain = !demo && config.upstream.security == UpstreamSecurity::None;
    const bool noVerify = !demo && config.upstream.security != UpstreamSecurity::None &&
                          !config.upstream.verifyCertificate;
    const bool authNone = !config.listen.authRequired;
    const bool listenPlain = !config.listen.starttls;
    if (flags) {
        *flags = {{QStringLiteral("upstream_security_none"), upstreamPlain},
                  {QStringLiteral("verify_certificate_off"), noVerify},
                  {QStringLiteral("listen_auth_none"), authNone},
                  {QStringLiteral("listen_starttls_off"), listenPlain}};
    }
    if (demo)
        f.append({QStringLiteral("config.demo_upstream"), CheckLevel::Info,
                  tr("No mail server is configured: the built-in demo upstream keeps every "
                     "message on this computer."),
                  tr("Set upstream.host to your mail server to send real mail.")});
    if (upstreamPlain)
        f.append({QStringLiteral("config.upstream_plaintext"), CheckLevel::Problem,
                  tr("upstream.security is \"none\": mail (and the password, if one is used) goes "
                     "to %1 in plain text.")
                      .arg(config.upstream.host),
                  tr("Set upstream.security to \"starttls\" (usually port 587) or \"tls\" "
                     "(usually port 465).")});
    if (noVerify)
        f.append({QStringLiteral("config.certificate_not_verified"), CheckLevel::Problem,
                  tr("upstream.verify_certificate is false: anyone between this computer and %1 "
                     "can pose as the server and read the mail and the password.")
                      .arg(config.upstream.host),
                  tr("Set upstream.verify_certificate to true; for a private certificate "
                     "authority, name its certificate in upstream.ca_file.")});
    if (authNone)
        f.append({QStringLiteral("config.listen_auth_none"), CheckLevel::Warning,
                  tr("listen.auth is \"none\": any program on this computer can send mail "
                     "through SendGuard without a password."),
                  tr("Set listen.auth to \"required\" unless this computer has a single user.")});
    if (listenPlain)
        f.append({QStringLiteral("config.listen_plaintext"), CheckLevel::Warning,
                  tr("listen.starttls is false: your mail program talks to SendGuard in plain "
                     "text (on this computer only)."),
                  tr("Set listen.starttls to true and turn on STARTTLS in the mail program.")});
    if (!upstreamPlain && !noVerify && !authNone && !listenPlain)
        f.append({QStringLiteral("config.no_plaintext"),
                  CheckLevel::Ok,
                  tr("The configuration allows no plain-text connection."),
                  {}});
    return f;
}

// ---------------------------------------------------------------------------------------------
// SPF and DMARC

QString SecurityCheck::senderDomainFor(const Config& config, const QString& given)
{
    QString domain = given;
    if (domain.isEmpty()) {
        const int at = config.upstream.username.lastIndexOf(QLatin1Char('@'));
        if (at >= 0)
            domain = config.upstream.username.mid(at + 1);
    }
    if (domain.isEmpty() && !config.policy.internalDomains.isEmpty())
        domain = config.policy.internalDomains.first();
    domain = domain.trimmed().toLower();
    while (domain.endsWith(QLatin1Char('.')))
        domain.chop(1);
    return domain;
}

bool SecurityCheck::dnsPortSupported()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
    return true;
#else
    return false;
#endif
}

TxtLookupResult SecurityCheck::lookupTxt(const QString& name, const Options& options)
{
    TxtLookupResult result;
    QDnsLookup lookup(QDnsLookup::TXT, name);
    if (!options.dnsServer.isNull()) {
        lookup.setNameserver(options.dnsServer);
#if QT_VERSION >= QT_VERSION_CHECK(6, 6, 0)
        lookup.setNameserverPort(options.dnsPort);
#endif
    }
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&lookup, &QDnsLookup::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    lookup.lookup();
    timer.start(options.dnsTimeoutMs);
    if (!lookup.isFinished())
        loop.exec();
    if (!lookup.isFinished()) {
        lookup.abort();
        result.error = tr("no answer from DNS within %n second(s)", nullptr,
                          (options.dnsTimeoutMs + 999) / 1000);
        return result;
    }
    switch (lookup.error()) {
    case QDnsLookup::NoError:
        result.answered = true;
        for (const QDnsTextRecord& r : lookup.textRecords()) {
            QByteArray joined;
            for (const QByteArray& part : r.values())
                joined += part;
            result.records << QString::fromUtf8(joined);
        }
        return result;
    case QDnsLookup::NotFoundError:
        result.answered = true;
        result.nxdomain = true;
        return result;
#if QT_VERSION < QT_VERSION_CHECK(6, 6, 0)
    case QDnsLookup::InvalidReplyError:
        // Qt before 6.6 reports an answer without records of the asked type (NODATA) this way
        // (glibc's res_nquery returns -1 for it), but a server that does not answer too.
        result.ambiguous = true;
        result.error = lookup.errorString();
        return result;
#endif
    default:
        break;
    }
    result.error = lookup.errorString();
    return result;
}

QList<CheckFinding> SecurityCheck::spfFindings(const QString& domain, const TxtLookupResult& lookup,
                                               QJsonObject* json)
{
    QList<CheckFinding> f;
    static const QRegularExpression spfStart(QStringLiteral("^v=spf1(\\s|$)"),
                                             QRegularExpression::CaseInsensitiveOption);
    QStringList records;
    for (const QString& r : lookup.records) {
        if (spfStart.match(r.trimmed()).hasMatch())
            records << r.trimmed();
    }
    QString all, redirect;
    if (records.size() == 1) {
        const QStringList terms =
            records.first().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        for (const QString& t : terms) {
            const QString term = t.toLower();
            if (term == QLatin1String("all") || term == QLatin1String("+all"))
                all = QStringLiteral("+all");
            else if (term == QLatin1String("-all") || term == QLatin1String("~all") ||
                     term == QLatin1String("?all"))
                all = term;
            else if (term.startsWith(QLatin1String("redirect=")))
                redirect = t.mid(9);
        }
    }
    if (json) {
        *json = {{QStringLiteral("name"), domain},
                 {QStringLiteral("records"), QJsonArray::fromStringList(records)},
                 {QStringLiteral("record"),
                  records.size() == 1 ? QJsonValue(records.first()) : QJsonValue(QJsonValue::Null)},
                 {QStringLiteral("all"), orNull(all)},
                 {QStringLiteral("redirect"), orNull(redirect)},
                 {QStringLiteral("lookup_error"), orNull(lookup.error)}};
    }
    if (!lookup.error.isEmpty()) {
        f.append({QStringLiteral("spf.lookup_failed"), CheckLevel::Warning,
                  tr("The SPF record of %1 could not be looked up: %2").arg(domain, lookup.error),
                  tr("Check the DNS settings of this computer, then run the check again.")});
        return f;
    }
    const QString example = tr("\"v=spf1 include:YOUR-PROVIDER -all\"");
    if (records.isEmpty()) {
        f.append({QStringLiteral("spf.missing"), CheckLevel::Warning,
                  lookup.nxdomain
                      ? tr("%1 does not exist in DNS, so it has no SPF record.").arg(domain)
                      : tr("%1 has no SPF record: receiving servers cannot tell which servers may "
                           "send mail for it, so your mail may be treated as spam and others can "
                           "pretend to be you.")
                            .arg(domain),
                  tr("Publish a TXT record on %1 such as %2; your mail provider tells you what to "
                     "include.")
                      .arg(domain, example)});
        return f;
    }
    if (records.size() > 1) {
        f.append({QStringLiteral("spf.multiple"), CheckLevel::Problem,
                  tr("%1 has %2 SPF records; receiving servers treat that as an error and ignore "
                     "SPF.")
                      .arg(domain)
                      .arg(records.size()),
                  tr("Merge them into one record.")});
        return f;
    }
    if (all == QLatin1String("+all")) {
        f.append({QStringLiteral("spf.pass_all"), CheckLevel::Problem,
                  tr("The SPF record of %1 ends with \"+all\": it allows every server in the "
                     "world to send mail as %1.")
                      .arg(domain),
                  tr("List the servers that send your mail and end the record with \"-all\".")});
    } else if (all == QLatin1String("?all")) {
        f.append({QStringLiteral("spf.neutral"), CheckLevel::Warning,
                  tr("The SPF record of %1 ends with \"?all\": it says nothing about servers it "
                     "does not list, so forged mail is not stopped.")
                      .arg(domain),
                  tr("End the record with \"-all\" once every server that sends for %1 is listed.")
                      .arg(domain)});
    } else if (all == QLatin1String("~all")) {
        f.append({QStringLiteral("spf.softfail"), CheckLevel::Warning,
                  tr("The SPF record of %1 ends with \"~all\" (soft fail): mail from other "
                     "servers is only marked as suspicious, not refused.")
                      .arg(domain),
                  tr("Change \"~all\" to \"-all\" once every server that sends for %1 is listed.")
                      .arg(domain)});
    } else if (all == QLatin1String("-all")) {
        f.append({QStringLiteral("spf.ok"),
                  CheckLevel::Ok,
                  tr("%1 has an SPF record that refuses other servers (\"-all\").").arg(domain),
                  {}});
    } else if (!redirect.isEmpty()) {
        f.append(
            {QStringLiteral("spf.redirect"),
             CheckLevel::Info,
             tr("The SPF record of %1 refers to %2 (not checked further).").arg(domain, redirect),
             {}});
    } else {
        f.append({QStringLiteral("spf.no_all"), CheckLevel::Warning,
                  tr("The SPF record of %1 does not end with \"-all\": servers it does not list "
                     "are treated as neutral.")
                      .arg(domain),
                  tr("End the record with \"-all\".")});
    }
    return f;
}

QList<CheckFinding> SecurityCheck::dmarcFindings(const QString& domain,
                                                 const TxtLookupResult& lookup, QJsonObject* json)
{
    QList<CheckFinding> f;
    const QString name = QStringLiteral("_dmarc.") + domain;
    static const QRegularExpression dmarcStart(QStringLiteral("^v\\s*=\\s*DMARC1\\s*(;|$)"),
                                               QRegularExpression::CaseInsensitiveOption);
    QStringList records;
    for (const QString& r : lookup.records) {
        if (dmarcStart.match(r.trimmed()).hasMatch())
            records << r.trimmed();
    }
    QString policy, subPolicy;
    QStringList rua;
    int pct = 100;
    bool pctSet = false;
    if (records.size() == 1) {
        for (const QString& part : records.first().split(QLatin1Char(';'))) {
            const int eq = part.indexOf(QLatin1Char('='));
            if (eq < 0)
                continue;
            const QString key = part.left(eq).trimmed().toLower();
            const QString value = part.mid(eq + 1).trimmed();
            if (key == QLatin1String("p"))
                policy = value.toLower();
            else if (key == QLatin1String("sp"))
                subPolicy = value.toLower();
            else if (key == QLatin1String("pct")) {
                bool ok = false;
                const int v = value.toInt(&ok);
                if (ok) {
                    pct = v;
                    pctSet = true;
                }
            } else if (key == QLatin1String("rua")) {
                for (const QString& uri : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
                    rua << uri.trimmed();
            }
        }
    }
    if (json) {
        *json = {{QStringLiteral("name"), name},
                 {QStringLiteral("records"), QJsonArray::fromStringList(records)},
                 {QStringLiteral("record"),
                  records.size() == 1 ? QJsonValue(records.first()) : QJsonValue(QJsonValue::Null)},
                 {QStringLiteral("policy"), orNull(policy)},
                 {QStringLiteral("subdomain_policy"), orNull(subPolicy)},
                 {QStringLiteral("pct"), pctSet ? QJsonValue(pct) : QJsonValue(QJsonValue::Null)},
                 {QStringLiteral("rua"), QJsonArray::fromStringList(rua)},
                 {QStringLiteral("lookup_error"), orNull(lookup.error)}};
    }
    if (!lookup.error.isEmpty()) {
        f.append({QStringLiteral("dmarc.lookup_failed"), CheckLevel::Warning,
                  tr("The DMARC record of %1 could not be looked up: %2").arg(domain, lookup.error),
                  tr("Check the DNS settings of this computer, then run the check again.")});
        return f;
    }
    if (records.isEmpty()) {
        f.append({QStringLiteral("dmarc.missing"), CheckLevel::Warning,
                  tr("%1 has no DMARC record (%2): receiving servers are not told what to do with "
                     "mail that pretends to come from %1, and you get no reports about it.")
                      .arg(domain, name),
                  tr("Publish a TXT record on %1 such as \"v=DMARC1; p=none; "
                     "rua=mailto:dmarc-reports@%2\", read the reports, then tighten it to "
                     "p=quarantine and p=reject.")
                      .arg(name, domain)});
        return f;
    }
    if (records.size() > 1) {
        f.append({QStringLiteral("dmarc.multiple"), CheckLevel::Problem,
                  tr("%1 has %2 DMARC records; receiving servers then ignore DMARC.")
                      .arg(name)
                      .arg(records.size()),
                  tr("Keep exactly one record.")});
        return f;
    }
    bool good = true;
    if (policy != QLatin1String("none") && policy != QLatin1String("quarantine") &&
        policy != QLatin1String("reject")) {
        good = false;
        f.append({QStringLiteral("dmarc.invalid"), CheckLevel::Problem,
                  tr("The DMARC record of %1 has no valid policy (p=none, quarantine or reject), "
                     "so receiving servers ignore it.")
                      .arg(domain),
                  tr("Add \"p=quarantine\" or \"p=reject\" right after \"v=DMARC1;\".")});
    } else if (policy == QLatin1String("none")) {
        good = false;
        f.append({QStringLiteral("dmarc.policy_none"), CheckLevel::Warning,
                  tr("The DMARC policy of %1 is \"p=none\": receiving servers only watch; mail "
                     "that pretends to come from %1 is still delivered.")
                      .arg(domain),
                  tr("Once the reports show that all your own mail passes, change it to "
                     "\"p=quarantine\" and then \"p=reject\".")});
    }
    if (pctSet && pct < 100 && policy != QLatin1String("none")) {
        good = false;
        f.append({QStringLiteral("dmarc.partial"), CheckLevel::Warning,
                  tr("The DMARC policy of %1 applies to only %2% of failing mail (pct=%2).")
                      .arg(domain)
                      .arg(pct),
                  tr("Remove pct= (or set pct=100) once you are confident.")});
    }
    if (rua.isEmpty()) {
        good = false;
        f.append({QStringLiteral("dmarc.no_reports"), CheckLevel::Warning,
                  tr("The DMARC record of %1 has no \"rua=\" address: you receive no reports "
                     "about who sends mail in your name.")
                      .arg(domain),
                  tr("Add \"rua=mailto:dmarc-reports@%1\" (or the address of a report service).")
                      .arg(domain)});
    }
    if (good)
        f.append({QStringLiteral("dmarc.ok"),
                  CheckLevel::Ok,
                  tr("%1 has a DMARC record with policy \"%2\" and reports to %3.")
                      .arg(domain, policy, rua.join(QStringLiteral(", "))),
                  {}});
    return f;
}

// ---------------------------------------------------------------------------------------------
// everything

QJsonObject SecurityCheck::run(const Config& config, const Options& options)
{
    QList<CheckFinding> findings;
    QJsonObject plaintext;
    findings += configFindings(config, &plaintext);

    QJsonValue upstreamJson;
    if (config.usesDemoUpstream()) {
        upstreamJson =
            QJsonObject{{QStringLiteral("host"), QString()}, {QStringLiteral("checked"), false}};
    } else {
        QList<QSslCertificate> extra;
        if (!config.upstream.caFile.isEmpty()) {
            extra = QSslCertificate::fromPath(config.upstream.caFile, QSsl::Pem);
            if (extra.isEmpty())
                extra = QSslCertificate::fromPath(config.upstream.caFile, QSsl::Der);
            if (extra.isEmpty())
                findings.append({QStringLiteral("config.ca_file_unreadable"), CheckLevel::Problem,
                                 tr("upstream.ca_file %1 holds no certificate that can be read.")
                                     .arg(config.upstream.caFile),
                                 tr("Name a PEM or DER file with the certificate authority's "
                                    "certificate.")});
        }
        const int timeout =
            qMin(options.upstreamTimeoutMs, config.relay.connectTimeoutSeconds * 1000);
        const UpstreamProbeResult probe = UpstreamProbe::run(config.upstream, extra, timeout);
        QJsonObject u;
        findings += upstreamFindings(config.upstream, probe, &u);
        upstreamJson = u;
    }

    const QString domain = senderDomainFor(config, options.senderDomain);
    QJsonValue domainJson(QJsonValue::Null);
    if (domain.isEmpty()) {
        findings.append({QStringLiteral("sender_domain.unknown"), CheckLevel::Info,
                         tr("No sender domain is known, so SPF and DMARC were not checked."),
                         tr("Name it with --sender-domain, or set upstream.username to your mail "
                            "address.")});
    } else {
        const QString ace = QString::fromLatin1(QUrl::toAce(domain));
        const QString lookupName = ace.isEmpty() ? domain : ace;
        QJsonObject spf, dmarc;
        TxtLookupResult spfLookup = lookupTxt(lookupName, options);
        TxtLookupResult dmarcLookup = lookupTxt(QStringLiteral("_dmarc.") + lookupName, options);
        if (spfLookup.ambiguous || dmarcLookup.ambiguous) {
            // Does the server answer at all? A name that does not exist gets NXDOMAIN from a
            // working server (or records, under a wildcard).
            const TxtLookupResult probe = lookupTxt(
                QStringLiteral("sendguard-check-%1.").arg(QDateTime::currentMSecsSinceEpoch()) +
                    lookupName,
                options);
            const bool serverAnswers = !probe.ambiguous && probe.error.isEmpty();
            for (TxtLookupResult* r : {&spfLookup, &dmarcLookup}) {
                if (!r->ambiguous)
                    continue;
                if (serverAnswers) {
                    r->answered = true;
                    r->error.clear();
                } else {
                    r->error = tr("the DNS server did not answer");
                }
            }
        }
        findings += spfFindings(domain, spfLookup, &spf);
        findings += dmarcFindings(domain, dmarcLookup, &dmarc);
        domainJson = QJsonObject{
            {QStringLiteral("domain"), domain},
            {QStringLiteral("dns_server"), options.dnsServer.isNull()
                                               ? QJsonValue(QJsonValue::Null)
                                               : QJsonValue(QStringLiteral("%1:%2")
                                                                .arg(options.dnsServer.toString())
                                                                .arg(options.dnsPort))},
            {QStringLiteral("spf"), spf},
            {QStringLiteral("dmarc"), dmarc}};
    }

    QJsonArray list;
    int warnings = 0, problems = 0;
    for (const CheckFinding& c : std::as_const(findings)) {
        list.append(c.toJson());
        warnings += c.level == CheckLevel::Warning;
        problems += c.level == CheckLevel::Problem;
    }
    const QString result = problems > 0   ? QStringLiteral("problems")
                           : warnings > 0 ? QStringLiteral("warnings")
                                          : QStringLiteral("ok");
    return {{QStringLiteral("version"), 1},
            {QStringLiteral("config_file"), options.configFile},
            {QStringLiteral("result"), result},
            {QStringLiteral("exit_code"), problems + warnings > 0 ? 1 : 0},
            {QStringLiteral("warnings"), warnings},
            {QStringLiteral("problems"), problems},
            {QStringLiteral("findings"), list},
            {QStringLiteral("plaintext"), plaintext},
            {QStringLiteral("upstream"), upstreamJson},
            {QStringLiteral("sender_domain"), domainJson}};
}

int SecurityCheck::exitCode(const QJsonObject& report)
{
    return report.value(QStringLiteral("exit_code")).toInt(1);
}

QString SecurityCheck::toText(const QJsonObject& report)
{
    QStringList out;
    out << tr("SendGuard security check");
    const QString file = report.value(QStringLiteral("config_file")).toString();
    if (!file.isEmpty())
        out << tr("Configuration: %1").arg(file);
    out << QString();
    for (const QJsonValue& v : report.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString level = c.value(QStringLiteral("level")).toString();
        QString label;
        if (level == QLatin1String("ok"))
            label = tr("OK");
        else if (level == QLatin1String("info"))
            label = tr("NOTE");
        else if (level == QLatin1String("warning"))
            label = tr("WARNING");
        else
            label = tr("PROBLEM");
        out << QStringLiteral("[%1] %2").arg(label, c.value(QStringLiteral("message")).toString());
        const QString advice = c.value(QStringLiteral("advice")).toString();
        if (!advice.isEmpty() && level != QLatin1String("ok"))
            out << QStringLiteral("    -> %1").arg(advice);
    }
    out << QString();
    const int warnings = report.value(QStringLiteral("warnings")).toInt();
    const int problems = report.value(QStringLiteral("problems")).toInt();
    if (warnings + problems == 0)
        out << tr("Everything checked is in order.");
    else
        out << tr("%1 problem(s) and %2 warning(s) found.").arg(problems).arg(warnings);
    return out.join(QLatin1Char('\n'));
}

} // namespace sendguard
