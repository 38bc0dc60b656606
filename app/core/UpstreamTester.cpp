// SPDX-License-Identifier: GPL-3.0-or-later
#include "UpstreamTester.h"

#include "SmtpRelay.h"

#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>

namespace sendguard {

namespace {
constexpr int QuitTimeoutMs = 3000;

// The TLS library's words, without a final full stop (they are put into sentences).
QString plain(QString text)
{
    text = text.trimmed();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    return text;
}

bool isChainError(QSslError::SslError e)
{
    return e != QSslError::HostNameMismatch && e != QSslError::NoError;
}
} // namespace

UpstreamTester::UpstreamTester(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<UpstreamTestResult>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &UpstreamTester::onTimeout);
}

UpstreamTester::~UpstreamTester()
{
    cancel();
}

QString UpstreamTester::protocolName(int sessionProtocol)
{
    switch (static_cast<QSsl::SslProtocol>(sessionProtocol)) {
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::DtlsV1_2:
        return QStringLiteral("DTLS 1.2");
    default:
        return tr("an older TLS version");
    }
}

QString UpstreamTester::where() const
{
    return tr("%1 port %2").arg(m_request.server.host).arg(m_request.server.port);
}

void UpstreamTester::cancel()
{
    m_running = false;
    m_timer.stop();
    m_expect.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket.release()->deleteLater();
    }
}

void UpstreamTester::start(const UpstreamTestRequest& request)
{
    cancel();
    m_request = request;
    m_request.server.host = m_request.server.host.trimmed();
    m_result = UpstreamTestResult{};
    m_replies.clear();
    m_sslErrors.clear();
    m_quitting = false;
    m_starttls = false;
    m_running = true;

    auto later = [this](const QString& error) {
        QMetaObject::invokeMethod(
            this,
            [this, error] {
                if (m_running)
                    stop(error);
            },
            Qt::QueuedConnection);
    };
    if (m_request.server.host.isEmpty()) {
        later(tr("No server is set, so there is nothing to test. Without a server SendGuard "
                 "keeps the messages it would send in its demo outbox."));
        return;
    }

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    if (!m_request.server.caFile.isEmpty()) {
        QList<QSslCertificate> extra =
            QSslCertificate::fromPath(m_request.server.caFile, QSsl::Pem);
        if (extra.isEmpty())
            extra = QSslCertificate::fromPath(m_request.server.caFile, QSsl::Der);
        if (extra.isEmpty()) {
            later(tr("The CA file %1 holds no certificate (PEM or DER), so the test was not run.")
                      .arg(m_request.server.caFile));
            return;
        }
        tls.addCaCertificates(extra);
    }
    // Always verify, so that every problem is reported; whether the password may be sent is
    // decided afterwards, the way SmtpRelay decides it.
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);

    m_socket = std::make_unique<QSslSocket>();
    QSslSocket* socket = m_socket.get();
    socket->setSslConfiguration(tls);
    socket->setPeerVerifyName(m_request.server.host);
    connect(socket, &QSslSocket::connected, this, [this] {
        m_result.connected = true;
        say(tr("Connected to %1.").arg(where()));
        if (m_request.server.security != UpstreamSecurity::ImplicitTls) {
            m_connecting = false;
            m_timer.start(m_request.commandTimeoutMs); // for the greeting
        }
    });
    connect(socket, &QSslSocket::readyRead, this, &UpstreamTester::onReadyRead);
    connect(socket, &QSslSocket::encrypted, this, &UpstreamTester::onEncrypted);
    connect(socket, &QSslSocket::sslErrors, this, &UpstreamTester::onSslErrors);
    connect(socket, &QSslSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError) { onSocketError(); });
    connect(socket, &QSslSocket::disconnected, this, [this] {
        if (m_quitting)
            finish();
        else
            stop(tr("%1 closed the connection.").arg(where()));
    });

    m_connecting = true;
    m_timer.start(m_request.connectTimeoutMs);
    m_expect.push_back([this](const SmtpReply& r) { handleGreeting(r); });
    if (m_request.server.security == UpstreamSecurity::ImplicitTls)
        socket->connectToHostEncrypted(m_request.server.host, m_request.server.port);
    else
        socket->connectToHost(m_request.server.host, m_request.server.port);
}

void UpstreamTester::send(const QByteArray& line, Handler handler)
{
    m_expect.push_back(std::move(handler));
    m_socket->write(line + "\r\n");
    m_timer.start(m_quitting ? qMin(QuitTimeoutMs, m_request.commandTimeoutMs)
                             : m_request.commandTimeoutMs);
}

void UpstreamTester::onReadyRead()
{
    if (!m_running || !m_socket)
        return;
    m_replies.append(m_socket->readAll());
    for (;;) {
        SmtpReply reply;
        QByteArray bad;
        switch (m_replies.next(&reply, &bad)) {
        case SmtpReplyReader::Status::Incomplete:
            return;
        case SmtpReplyReader::Status::LineTooLong:
            stop(tr("%1 sent an over-long reply line.").arg(where()));
            return;
        case SmtpReplyReader::Status::Malformed:
            stop(tr("%1 does not speak SMTP; it sent: %2")
                     .arg(where(), QString::fromUtf8(bad.left(80))));
            return;
        case SmtpReplyReader::Status::TooManyLines:
            stop(tr("%1 sent an over-long reply.").arg(where()));
            return;
        case SmtpReplyReader::Status::Reply:
            break;
        }
        if (m_expect.empty())
            continue; // unsolicited; ignore
        Handler handler = std::move(m_expect.front());
        m_expect.pop_front();
        m_timer.stop();
        QPointer<UpstreamTester> self(this);
        handler(reply);
        if (!self || !m_running)
            return;
    }
}

void UpstreamTester::onSslErrors(const QList<QSslError>& errors)
{
    // Let the handshake finish so that the certificate can be described; the errors decide
    // below whether the password may be sent.
    m_sslErrors = errors;
    if (m_socket)
        m_socket->ignoreSslErrors();
}

void UpstreamTester::onEncrypted()
{
    if (!m_running || !m_socket)
        return;
    m_connecting = false;
    UpstreamTestResult& r = m_result;
    r.encrypted = true;
    r.tlsVersion = protocolName(m_socket->sessionProtocol());
    const QSslCertificate cert = m_socket->peerCertificate();
    r.certificateSubject = cert.subjectDisplayName();
    r.certificateIssuer = cert.issuerDisplayName();
    r.certificateNotBefore = cert.effectiveDate();
    r.certificateExpiry = cert.expiryDate();
    const auto alternatives = cert.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
        if (!r.certificateNames.contains(it.value()))
            r.certificateNames << it.value();
    }
    if (r.certificateNames.isEmpty())
        r.certificateNames = cert.subjectInfo(QSslCertificate::CommonName);

    bool hostMismatch = false;
    QStringList chainProblems;
    for (const QSslError& e : std::as_const(m_sslErrors)) {
        if (!r.certificateErrors.contains(e.error()))
            r.certificateErrors << e.error();
        r.certificateProblems << plain(e.errorString());
        if (e.error() == QSslError::HostNameMismatch)
            hostMismatch = true;
        else if (isChainError(e.error()) && !chainProblems.contains(plain(e.errorString())))
            chainProblems << plain(e.errorString());
    }
    r.certificateTrusted = chainProblems.isEmpty();
    r.hostNameMatches = !hostMismatch;

    say(tr("The connection is encrypted with %1.").arg(r.tlsVersion));
    if (r.certificateTrusted) {
        say(tr("The server's certificate is trusted: its chain up to a trusted certificate "
               "authority was verified (issued by %1).")
                .arg(r.certificateIssuer));
    } else {
        say(tr("The server's certificate is NOT trusted: %1.")
                .arg(chainProblems.join(QStringLiteral("; "))));
        if (r.certificateErrors.contains(QSslError::SelfSignedCertificate) ||
            r.certificateErrors.contains(QSslError::SelfSignedCertificateInChain) ||
            r.certificateErrors.contains(QSslError::UnableToGetLocalIssuerCertificate))
            say(tr("If your organisation uses its own certificate authority, choose its "
                   "certificate as CA file."));
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString expiry = r.certificateExpiry.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"));
    if (r.certificateExpiry.isValid() && r.certificateExpiry < now)
        say(tr("The certificate expired on %1.").arg(expiry));
    else if (r.certificateNotBefore.isValid() && r.certificateNotBefore > now)
        say(tr("The certificate is not valid before %1.")
                .arg(r.certificateNotBefore.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))));
    else if (r.certificateExpiry.isValid())
        say(tr("The certificate is valid until %1.").arg(expiry));
    if (r.hostNameMatches)
        say(tr("The certificate matches the server name %1.").arg(m_request.server.host));
    else
        say(tr("The certificate does NOT match the server name %1; it was issued for %2.")
                .arg(m_request.server.host, r.certificateNames.join(QStringLiteral(", "))));
    if ((!r.certificateTrusted || !r.hostNameMatches) && !m_request.server.verifyCertificate)
        say(tr("Checking the certificate is turned off, so SendGuard would still send through "
               "this server; anyone in between could read the mail. Turn the check on again as "
               "soon as the certificate is fixed."));

    if (m_request.server.security == UpstreamSecurity::StartTls) {
        m_timer.start(m_request.commandTimeoutMs);
        sendEhlo(); // capabilities must be read again over TLS
    } else {
        m_timer.start(m_request.commandTimeoutMs); // implicit TLS: the greeting comes now
    }
}

void UpstreamTester::handleGreeting(const SmtpReply& r)
{
    m_result.greeting = r.toString();
    if (r.code != 220) {
        stop(tr("%1 refused the connection: %2").arg(where(), r.toString()));
        return;
    }
    m_result.greeted = true;
    sendEhlo();
}

void UpstreamTester::sendEhlo()
{
    send("EHLO " + m_request.heloName.toUtf8(), [this](const SmtpReply& r) { handleEhlo(r); });
}

void UpstreamTester::handleEhlo(const SmtpReply& r)
{
    if (r.code != 250) {
        stop(tr("%1 refused EHLO: %2").arg(where(), r.toString()));
        return;
    }
    const EhloCapabilities caps = EhloCapabilities::parse(r);
    const bool starttls = caps.starttls;
    const QStringList mechanisms = caps.authMechanisms;
    m_result.authMechanisms = mechanisms;

    if (m_request.server.security == UpstreamSecurity::StartTls && !m_socket->isEncrypted()) {
        if (!starttls) {
            stop(tr("%1 does not offer STARTTLS, and SendGuard never sends in plain text when "
                    "the security is STARTTLS. Ask IT which port and security to use.")
                     .arg(where()));
            return;
        }
        send("STARTTLS", [this](const SmtpReply& reply) {
            if (reply.code != 220) {
                stop(tr("%1 refused STARTTLS: %2").arg(where(), reply.toString()));
                return;
            }
            m_replies.clear(); // nothing sent before the handshake may be trusted
            m_starttls = true;
            m_connecting = true;
            m_timer.start(m_request.connectTimeoutMs);
            m_socket->startClientEncryption();
        });
        return;
    }
    if (m_request.server.security == UpstreamSecurity::None)
        say(tr("The connection is NOT encrypted (the security is set to \"none\"): the mail "
               "crosses the network readable by anyone in between."));
    login();
}

void UpstreamTester::login()
{
    UpstreamTestResult& r = m_result;
    const QString user = m_request.server.username;
    if (user.isEmpty()) {
        r.login = UpstreamTestResult::Login::NotNeeded;
        say(tr("No user name is set, so SendGuard sends without logging in."));
        quit();
        return;
    }
    r.login = UpstreamTestResult::Login::NotTried;
    if (!m_socket->isEncrypted()) {
        say(tr("The password was not sent, because the connection is not encrypted."));
        quit();
        return;
    }
    if (m_request.server.verifyCertificate && (!r.certificateTrusted || !r.hostNameMatches)) {
        say(tr("The password was not sent, because the server's certificate failed the checks "
               "above; the login was not tried."));
        quit();
        return;
    }
    if (m_request.password.isEmpty()) {
        say(tr("No password is stored for %1, so the login was not tried.").arg(user));
        quit();
        return;
    }
    const QByteArray userBytes = user.toUtf8();
    const QByteArray pass = m_request.password.toUtf8();
    if (r.authMechanisms.contains(QStringLiteral("PLAIN")) || r.authMechanisms.isEmpty()) {
        const QByteArray token = (QByteArray(1, '\0') + userBytes + '\0' + pass).toBase64();
        send("AUTH PLAIN " + token, [this](const SmtpReply& reply) { loginDone(reply); });
    } else if (r.authMechanisms.contains(QStringLiteral("LOGIN"))) {
        send("AUTH LOGIN", [this, userBytes, pass](const SmtpReply& r1) {
            if (r1.code != 334) {
                loginDone(r1);
                return;
            }
            send(userBytes.toBase64(), [this, pass](const SmtpReply& r2) {
                if (r2.code != 334) {
                    loginDone(r2);
                    return;
                }
                send(pass.toBase64(), [this](const SmtpReply& r3) { loginDone(r3); });
            });
        });
    } else {
        r.login = UpstreamTestResult::Login::Unsupported;
        say(tr("The server offers no login method SendGuard supports (it offers %1).")
                .arg(r.authMechanisms.join(QLatin1Char(' '))));
        quit();
    }
}

void UpstreamTester::loginDone(const SmtpReply& reply)
{
    m_result.loginReply = reply.toString();
    if (reply.code == 235) {
        m_result.login = UpstreamTestResult::Login::Succeeded;
        say(tr("Logged in as %1.").arg(m_request.server.username));
    } else {
        m_result.login = UpstreamTestResult::Login::Refused;
        say(tr("The server refused the login as %1: %2")
                .arg(m_request.server.username, reply.toString()));
    }
    quit();
}

void UpstreamTester::quit()
{
    m_quitting = true;
    send("QUIT", [this](const SmtpReply&) { finish(); });
}

void UpstreamTester::onSocketError()
{
    if (!m_running || !m_socket)
        return;
    if (m_quitting) {
        finish(); // the server hung up after QUIT: that is fine
        return;
    }
    const QString reason = plain(m_socket->errorString());
    if (!m_result.connected)
        stop(tr("Cannot connect to %1: %2.").arg(where(), reason));
    else if (m_connecting || m_socket->error() == QAbstractSocket::SslHandshakeFailedError)
        stop(tr("The TLS handshake with %1 failed: %2.").arg(where(), reason));
    else
        stop(tr("The connection to %1 broke: %2.").arg(where(), reason));
}

void UpstreamTester::onTimeout()
{
    if (!m_running)
        return;
    if (m_quitting) {
        finish();
        return;
    }
    if (m_connecting && !m_result.connected)
        stop(tr("Cannot connect to %1: no answer within %n second(s).", nullptr,
                qMax(1, m_request.connectTimeoutMs / 1000))
                 .arg(where()));
    else if (m_connecting)
        stop(tr("The TLS handshake with %1 did not finish within %n second(s).", nullptr,
                qMax(1, m_request.connectTimeoutMs / 1000))
                 .arg(where()));
    else
        stop(tr("%1 did not answer within %n second(s).", nullptr,
                qMax(1, m_request.commandTimeoutMs / 1000))
                 .arg(where()));
}

void UpstreamTester::stop(const QString& error)
{
    if (!m_running)
        return;
    m_result.error = error;
    say(error);
    finish();
}

void UpstreamTester::finish()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    m_expect.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket.release()->deleteLater(); // may be inside one of its signals
    }
    UpstreamTestResult& r = m_result;
    const bool tlsOk = m_request.server.security == UpstreamSecurity::None || r.encrypted;
    const bool certificateOk = m_request.server.security == UpstreamSecurity::None ||
                               !m_request.server.verifyCertificate ||
                               (r.certificateTrusted && r.hostNameMatches);
    const bool loginOk = r.login == UpstreamTestResult::Login::NotNeeded ||
                         r.login == UpstreamTestResult::Login::Succeeded;
    r.ok = r.error.isEmpty() && r.connected && r.greeted && tlsOk && certificateOk && loginOk;
    if (r.ok)
        say(tr("SendGuard can send mail through this server with these settings."));
    else
        say(tr("SendGuard cannot send mail through this server with these settings yet."));
    Q_EMIT finished(r);
}

} // namespace sendguard
