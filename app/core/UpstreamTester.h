// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Config.h"
#include "SmtpTypes.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>

class QSslSocket;

namespace sendguard {

// What to test: the upstream settings as they would be saved, and the password to try.
struct UpstreamTestRequest
{
    UpstreamConfig server;
    QString password;             // empty: the login is not tried
    int connectTimeoutMs = 15000; // TCP connection and TLS handshake
    int commandTimeoutMs = 15000; // each reply of the server
    QString heloName = QStringLiteral("localhost");
};

// What the test found, as values for programs and as plain sentences for people.
struct UpstreamTestResult
{
    enum class Login
    {
        NotNeeded,   // no user name: SendGuard sends without logging in
        Succeeded,   // 235
        Refused,     // the server said no (wrong user name or password, ...)
        NotTried,    // not safe or not possible: see `sentences`
        Unsupported, // the server offers no login method SendGuard can use
    };

    bool connected = false; // a TCP connection was made
    bool greeted = false;   // the server said 220
    QString greeting;
    bool encrypted = false;
    QString tlsVersion; // "TLS 1.3"; empty when not encrypted
    // The certificate (only when encrypted).
    bool certificateTrusted = false; // the chain up to a trusted CA was verified
    bool hostNameMatches = false;
    QDateTime certificateNotBefore;
    QDateTime certificateExpiry;
    QString certificateSubject;
    QString certificateIssuer;
    QStringList certificateNames; // the host names / addresses it was issued for
    QList<QSslError::SslError> certificateErrors;
    QStringList certificateProblems; // the TLS library's words for each problem
    QStringList authMechanisms;      // offered after STARTTLS, if any
    Login login = Login::NotNeeded;
    QString loginReply;
    QString error;   // why the test stopped before the end; empty when it ran through
    bool ok = false; // SendGuard can relay with these settings
    // For people: one plain sentence per finding, in order.
    QStringList sentences;
};

// Checks the settings for the upstream server the way SmtpRelay will use them: connect,
// STARTTLS or implicit TLS, EHLO, AUTH PLAIN or LOGIN, QUIT; nothing is sent. The certificate
// is always examined (trusted? host name? expiry?) so the report can say what is wrong, but
// the password is sent only over a connection SmtpRelay would accept too. Works
// asynchronously on the thread it lives in; every wait is bounded.
class UpstreamTester : public QObject
{
    Q_OBJECT

public:
    explicit UpstreamTester(QObject* parent = nullptr);
    ~UpstreamTester() override;

    // Starts a test; a test still running is abandoned (without a finished() signal).
    void start(const UpstreamTestRequest& request);
    // Stops a running test without a finished() signal.
    void cancel();
    bool isRunning() const { return m_running; }
    const UpstreamTestResult& result() const { return m_result; }

    // "TLS 1.3".
    static QString protocolName(int sessionProtocol);

Q_SIGNALS:
    void finished(const sendguard::UpstreamTestResult& result);

private:
    using Handler = std::function<void(const SmtpReply&)>;

    void send(const QByteArray& line, Handler handler);
    void onReadyRead();
    void onSslErrors(const QList<QSslError>& errors);
    void onEncrypted();
    void onSocketError();
    void onTimeout();
    void handleGreeting(const SmtpReply& r);
    void sendEhlo();
    void handleEhlo(const SmtpReply& r);
    void login();
    void loginDone(const SmtpReply& r);
    void quit();
    void stop(const QString& error);
    void finish();
    void say(const QString& sentence) { m_result.sentences << sentence; }
    QString where() const;

    UpstreamTestRequest m_request;
    UpstreamTestResult m_result;
    std::unique_ptr<QSslSocket> m_socket;
    QTimer m_timer;
    SmtpReplyReader m_replies;
    std::deque<Handler> m_expect;
    QList<QSslError> m_sslErrors;
    bool m_running = false;
    bool m_connecting = false;
    bool m_quitting = false;
    bool m_starttls = false;
};

} // namespace sendguard

Q_DECLARE_METATYPE(sendguard::UpstreamTestResult)
