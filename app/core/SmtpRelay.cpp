// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpRelay.h"

#include <QLoggingCategory>
#include <QSslConfiguration>

Q_LOGGING_CATEGORY(lcRelay, "sendguard.relay", QtInfoMsg)

namespace sendguard {

namespace {
constexpr qint64 MaxBuffered = 512 * 1024;
constexpr qint64 ChunkSize = 64 * 1024;

QByteArray encodePath(const QString& address)
{
    return '<' + address.toUtf8() + '>';
}
} // namespace

// ---------------------------------------------------------------------------------------------

UpstreamConnection::UpstreamConnection(const UpstreamSettings& settings,
                                       const DeliveryJob& firstJob, QObject* parent)
    : QObject(parent), m_settings(settings), m_job(firstJob)
{
    m_timer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &UpstreamConnection::onTimeout);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::Idle)
            return;
        m_state = State::Closing;
        send("QUIT", [this](const SmtpReply&) { m_socket.disconnectFromHost(); });
    });
    connect(&m_socket, &QSslSocket::readyRead, this, &UpstreamConnection::onReadyRead);
    connect(&m_socket, &QSslSocket::encrypted, this, &UpstreamConnection::onEncrypted);
    connect(&m_socket, &QSslSocket::bytesWritten, this, [this] { pumpData(); });
    connect(&m_socket, &QSslSocket::encryptedBytesWritten, this, [this] { pumpData(); });
    connect(&m_socket, &QSslSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError) { onSocketError(); });
    connect(&m_socket, &QSslSocket::disconnected, this, [this] {
        if (m_state == State::Closing || (m_state == State::Idle && !m_job)) {
            // Our QUIT, or the upstream ending an idle connection: nothing was lost.
            m_idleTimer.stop();
            m_state = State::Closed;
            m_timer.stop();
            Q_EMIT closed();
        } else {
            fail(tr("the upstream closed the connection"));
        }
    });
    connect(&m_socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError>& errors) {
        QStringList texts;
        for (const QSslError& e : errors)
            texts << e.errorString();
        if (!m_settings.server.verifyCertificate) {
            qCWarning(lcRelay).noquote()
                << "upstream certificate not verified (upstream.verify_certificate is false):"
                << texts.join(QStringLiteral("; "));
            m_socket.ignoreSslErrors();
            return;
        }
        m_tlsError = tr("the upstream's TLS certificate is not trusted: %1")
                         .arg(texts.join(QStringLiteral("; ")));
    });

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    if (!m_settings.extraCaCertificates.isEmpty())
        tls.addCaCertificates(m_settings.extraCaCertificates);
    tls.setPeerVerifyMode(m_settings.server.verifyCertificate ? QSslSocket::VerifyPeer
                                                              : QSslSocket::VerifyNone);
    m_socket.setSslConfiguration(tls);
    m_socket.setPeerVerifyName(m_settings.server.host);
}

UpstreamConnection::~UpstreamConnection()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void UpstreamConnection::armTimer(int ms)
{
    m_timer.start(ms);
}

void UpstreamConnection::start()
{
    m_state = State::Connecting;
    armTimer(m_settings.connectTimeoutMs);
    if (m_settings.server.security == UpstreamSecurity::ImplicitTls)
        m_socket.connectToHostEncrypted(m_settings.server.host, m_settings.server.port);
    else
        m_socket.connectToHost(m_settings.server.host, m_settings.server.port);
    m_expect.push_back([this](const SmtpReply& r) { handleGreeting(r); });
}

void UpstreamConnection::send(const QByteArray& line, Handler handler)
{
    m_expect.push_back(std::move(handler));
    m_socket.write(line + "\r\n");
    armTimer(m_settings.commandTimeoutMs);
}

void UpstreamConnection::onReadyRead()
{
    m_replies.append(m_socket.readAll());
    for (;;) {
        SmtpReply reply;
        QByteArray bad;
        switch (m_replies.next(&reply, &bad)) {
        case SmtpReplyReader::Status::Incomplete:
            return;
        case SmtpReplyReader::Status::LineTooLong:
            fail(tr("the upstream sent an over-long reply line"));
            return;
        case SmtpReplyReader::Status::Malformed:
            fail(
                tr("the upstream sent a malformed reply: %1").arg(QString::fromUtf8(bad.left(80))));
            return;
        case SmtpReplyReader::Status::TooManyLines:
            fail(tr("the upstream sent an over-long reply"));
            return;
        case SmtpReplyReader::Status::Reply:
            break;
        }
        if (m_expect.empty()) {
            if (reply.code == 421) {
                fail(tr("the upstream closed the connection: %1").arg(reply.toString()));
                return;
            }
            continue; // unsolicited; ignore
        }
        Handler handler = std::move(m_expect.front());
        m_expect.pop_front();
        if (m_expect.empty() && !m_streaming)
            m_timer.stop();
        QPointer<UpstreamConnection> self(this);
        handler(reply);
        if (!self || m_state == State::Closed)
            return;
    }
}

void UpstreamConnection::handleGreeting(const SmtpReply& r)
{
    m_state = State::Setup;
    if (r.code != 220) {
        fail(tr("the upstream refused the connection: %1").arg(r.toString()));
        return;
    }
    sendEhlo();
}

void UpstreamConnection::sendEhlo()
{
    send("EHLO " + m_settings.heloName.toUtf8(), [this](const SmtpReply& r) { handleEhlo(r); });
}

void UpstreamConnection::handleEhlo(const SmtpReply& r)
{
    if (r.code != 250) {
        fail(tr("the upstream refused EHLO: %1").arg(r.toString()));
        return;
    }
    const EhloCapabilities caps = EhloCapabilities::parse(r);
    m_pipelining = caps.pipelining;
    m_starttls = caps.starttls;
    m_8bit = caps.eightBitMime;
    m_utf8 = caps.smtpUtf8;
    m_maxSize = caps.maxSize;
    m_authMechs = caps.authMechanisms;
    if (m_settings.server.security == UpstreamSecurity::StartTls && !m_socket.isEncrypted()) {
        if (!m_starttls) {
            fail(tr("the upstream %1 does not offer STARTTLS; refusing to send in plain text "
                    "(upstream.security is \"starttls\")")
                     .arg(m_settings.server.host));
            return;
        }
        send("STARTTLS", [this](const SmtpReply& r) {
            if (r.code != 220) {
                fail(tr("the upstream refused STARTTLS: %1; refusing to send in plain text")
                         .arg(r.toString()));
                return;
            }
            m_replies.clear(); // nothing sent before the handshake may be trusted
            armTimer(m_settings.connectTimeoutMs);
            m_socket.startClientEncryption();
        });
        return;
    }
    authenticate();
}

void UpstreamConnection::onEncrypted()
{
    m_tlsError.clear();
    if (m_settings.server.security == UpstreamSecurity::StartTls) {
        sendEhlo(); // capabilities must be read again over TLS
    } else {
        // Implicit TLS: the greeting comes now.
        armTimer(m_settings.commandTimeoutMs);
    }
}

void UpstreamConnection::authenticate()
{
    if (m_settings.server.username.isEmpty()) {
        becomeReady();
        return;
    }
    if (!m_socket.isEncrypted()) {
        fail(tr("refusing to send the upstream password over an unencrypted connection"));
        return;
    }
    if (m_settings.password.isEmpty()) {
        fail(tr("no password for %1 is stored in the keychain; set it in the settings or with "
                "\"sendguard credentials set upstream\"")
                 .arg(m_settings.server.username));
        return;
    }
    const QByteArray user = m_settings.server.username.toUtf8();
    const QByteArray pass = m_settings.password.toUtf8();
    auto done = [this](const SmtpReply& r) {
        if (r.code != 235) {
            fail(tr("the upstream refused the login for %1: %2")
                     .arg(m_settings.server.username, r.toString()));
            return;
        }
        becomeReady();
    };
    if (m_authMechs.contains(QStringLiteral("PLAIN")) || m_authMechs.isEmpty()) {
        const QByteArray token = (QByteArray(1, '\0') + user + '\0' + pass).toBase64();
        send("AUTH PLAIN " + token, done);
    } else if (m_authMechs.contains(QStringLiteral("LOGIN"))) {
        send("AUTH LOGIN", [=](const SmtpReply& r) {
            if (r.code != 334) {
                done(r);
                return;
            }
            send(user.toBase64(), [=](const SmtpReply& r2) {
                if (r2.code != 334) {
                    done(r2);
                    return;
                }
                send(pass.toBase64(), done);
            });
        });
    } else {
        fail(tr("the upstream offers no login method SendGuard supports (%1)")
                 .arg(m_authMechs.join(QLatin1Char(' '))));
    }
}

void UpstreamConnection::becomeReady()
{
    m_setupDone = true;
    m_state = State::Idle;
    if (m_job)
        startTransaction();
    else
        Q_EMIT becameIdle();
}

void UpstreamConnection::deliver(const DeliveryJob& job)
{
    Q_ASSERT(isReadyForJob());
    m_idleTimer.stop();
    m_job = job;
    startTransaction();
}

void UpstreamConnection::startTransaction()
{
    m_state = State::Busy;
    m_result = DeliveryResult{};
    m_result.id = m_job->id;
    m_accepted.clear();
    m_mailOk = false;
    const DeliveryJob& job = *m_job;

    if (m_maxSize > 0 && job.size > m_maxSize) {
        for (const QString& rcpt : job.recipients)
            m_result.recipients.append(
                {rcpt, DeliveryResult::Outcome::Refused,
                 tr("the upstream accepts at most %1 bytes").arg(m_maxSize)});
        finishJob(
            QStringLiteral("552 5.3.4 message too large for the upstream (%1 bytes, limit %2)")
                .arg(job.size)
                .arg(m_maxSize));
        return;
    }
    if (job.smtpUtf8 && !m_utf8) {
        for (const QString& rcpt : job.recipients)
            m_result.recipients.append({rcpt, DeliveryResult::Outcome::Refused,
                                        tr("the upstream does not support SMTPUTF8 addresses")});
        finishJob(QStringLiteral(
            "553 5.6.7 the upstream does not support internationalised addresses (SMTPUTF8)"));
        return;
    }

    if (job.bodyIs8Bit && !m_8bit) {
        // RFC 6152: 8-bit data must not go to a server that did not offer 8BITMIME.
        for (const QString& rcpt : job.recipients)
            m_result.recipients.append(
                {rcpt, DeliveryResult::Outcome::Refused,
                 tr("the upstream does not accept 8-bit message data (8BITMIME)")});
        finishJob(QStringLiteral("554 5.6.3 the upstream does not support 8BITMIME"));
        return;
    }

    QByteArray mail = "MAIL FROM:" + encodePath(job.envelopeFrom);
    if (m_maxSize > 0)
        mail += " SIZE=" + QByteArray::number(job.size);
    if (job.bodyIs8Bit)
        mail += " BODY=8BITMIME";
    if (job.smtpUtf8)
        mail += " SMTPUTF8";

    QList<QPair<QByteArray, Handler>> commands;
    commands.append({mail, [this](const SmtpReply& r) {
                         m_mailOk = r.isPositive();
                         m_mailReply = r;
                     }});
    for (const QString& rcpt : job.recipients) {
        commands.append({"RCPT TO:" + encodePath(rcpt), [this, rcpt](const SmtpReply& r) {
                             if (!m_mailOk) {
                                 m_result.recipients.append(
                                     {rcpt,
                                      m_mailReply.isPermanent() ? DeliveryResult::Outcome::Refused
                                                                : DeliveryResult::Outcome::Deferred,
                                      m_mailReply.toString()});
                             } else if (r.isPositive()) {
                                 m_accepted << rcpt;
                             } else {
                                 m_result.recipients.append(
                                     {rcpt,
                                      r.isPermanent() ? DeliveryResult::Outcome::Refused
                                                      : DeliveryResult::Outcome::Deferred,
                                      r.toString()});
                             }
                         }});
    }
    commands.append({"DATA", [this](const SmtpReply& r) {
                         if (r.code == 354 && !m_accepted.isEmpty()) {
                             startData();
                             return;
                         }
                         if (r.code == 354) {
                             // A server that says 354 with no valid recipient gets an empty
                             // message.
                             send(".",
                                  [this](const SmtpReply&) { finishJob(m_mailReply.toString()); });
                             return;
                         }
                         const SmtpReply& decisive = m_mailOk ? r : m_mailReply;
                         for (const QString& rcpt : std::as_const(m_accepted))
                             m_result.recipients.append({rcpt,
                                                         decisive.isPermanent()
                                                             ? DeliveryResult::Outcome::Refused
                                                             : DeliveryResult::Outcome::Deferred,
                                                         decisive.toString()});
                         finishJob(decisive.toString());
                     }});

    if (m_pipelining) {
        QByteArray batch;
        for (auto& [line, handler] : commands) {
            batch += line + "\r\n";
            m_expect.push_back(std::move(handler));
        }
        m_socket.write(batch);
        armTimer(m_settings.commandTimeoutMs);
    } else {
        // One command at a time: each reply sends the next command.
        auto chain = std::make_shared<QList<QPair<QByteArray, Handler>>>(std::move(commands));
        auto next = std::make_shared<std::function<void(int)>>();
        *next = [this, chain, next](int i) {
            if (i >= chain->size())
                return;
            Handler h = (*chain)[i].second;
            send((*chain)[i].first, [h, next, i](const SmtpReply& r) {
                h(r);
                (*next)(i + 1);
            });
        };
        (*next)(0);
    }
}

void UpstreamConnection::startData()
{
    QString error;
    m_reader = std::make_unique<OutboundReader>(m_job->path, m_job->edits, /*dotStuff=*/true);
    if (!m_reader->open(&error)) {
        // Cannot read our own spool: do not send a truncated message; end the session instead.
        m_reader.reset();
        fail(error);
        return;
    }
    m_streaming = true;
    armTimer(m_settings.commandTimeoutMs);
    pumpData();
}

void UpstreamConnection::pumpData()
{
    if (!m_streaming || !m_reader)
        return;
    armTimer(m_settings.commandTimeoutMs);
    while (m_socket.bytesToWrite() < MaxBuffered && !m_reader->atEnd()) {
        const QByteArray chunk = m_reader->read(ChunkSize);
        if (m_reader->hasError()) {
            fail(tr("cannot read the spooled message: %1").arg(m_reader->errorString()));
            return;
        }
        if (!chunk.isEmpty())
            m_socket.write(chunk);
    }
    if (!m_reader->atEnd())
        return;
    m_streaming = false;
    QByteArray end;
    if (!m_reader->endsWithCrlf())
        end += "\r\n";
    end += ".";
    m_reader.reset();
    send(end, [this](const SmtpReply& r) {
        for (const QString& rcpt : std::as_const(m_accepted)) {
            const auto outcome = r.isPositive()    ? DeliveryResult::Outcome::Delivered
                                 : r.isPermanent() ? DeliveryResult::Outcome::Refused
                                                   : DeliveryResult::Outcome::Deferred;
            m_result.recipients.append({rcpt, outcome, r.toString()});
        }
        finishJob(r.toString());
    });
}

void UpstreamConnection::finishJob(const QString& summary)
{
    m_result.summary = summary;
    const DeliveryResult result = m_result;
    const bool clean = result.anyDelivered() && m_accepted.size() == result.recipients.size();
    m_job.reset();
    m_accepted.clear();
    m_state = State::Idle;
    QPointer<UpstreamConnection> self(this);
    Q_EMIT jobFinished(result);
    if (!self)
        return;
    if (!clean && m_state == State::Idle) {
        // Leave the failed transaction behind before the connection is reused.
        m_state = State::Busy;
        send("RSET", [this](const SmtpReply& r) {
            if (!r.isPositive()) {
                fail(tr("the upstream refused RSET: %1").arg(r.toString()));
                return;
            }
            m_state = State::Idle;
            m_idleTimer.start(m_settings.idleCloseMs);
            Q_EMIT becameIdle();
        });
        return;
    }
    if (m_state == State::Idle) {
        m_idleTimer.start(m_settings.idleCloseMs);
        Q_EMIT becameIdle();
    }
}

void UpstreamConnection::onSocketError()
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    if (m_state == State::Idle && !m_job) {
        // The upstream ended an idle connection; the next job opens a new one.
        m_state = State::Closed;
        m_idleTimer.stop();
        m_timer.stop();
        m_socket.disconnect(this);
        m_socket.abort();
        Q_EMIT closed();
        return;
    }
    QString reason = m_socket.errorString();
    if (!m_tlsError.isEmpty())
        reason = m_tlsError;
    fail(tr("cannot talk to the upstream %1:%2: %3")
             .arg(m_settings.server.host)
             .arg(m_settings.server.port)
             .arg(reason));
}

void UpstreamConnection::onTimeout()
{
    if (m_state == State::Connecting)
        fail(tr("could not connect to the upstream %1:%2 within %3 seconds")
                 .arg(m_settings.server.host)
                 .arg(m_settings.server.port)
                 .arg(m_settings.connectTimeoutMs / 1000));
    else
        fail(tr("the upstream did not answer within %1 seconds")
                 .arg(m_settings.commandTimeoutMs / 1000));
}

void UpstreamConnection::fail(const QString& reason)
{
    if (m_state == State::Closed)
        return;
    const State previous = m_state;
    m_state = State::Closed;
    m_timer.stop();
    m_idleTimer.stop();
    m_streaming = false;
    m_reader.reset();
    m_expect.clear();
    m_socket.disconnect(this);
    m_socket.abort();
    qCWarning(lcRelay).noquote() << reason;
    QPointer<UpstreamConnection> self(this);
    if (m_job) {
        DeliveryResult result = m_result;
        result.id = m_job->id;
        QStringList decided;
        for (const auto& r : std::as_const(result.recipients))
            decided << r.address;
        for (const QString& rcpt : m_job->recipients) {
            if (!decided.contains(rcpt))
                result.recipients.append({rcpt, DeliveryResult::Outcome::Deferred, reason});
        }
        result.summary = reason;
        m_job.reset();
        Q_EMIT jobFinished(result);
        if (!self)
            return;
    }
    if (!m_setupDone && previous != State::Idle)
        Q_EMIT setupFailed(reason);
    if (self)
        Q_EMIT closed();
}

// ---------------------------------------------------------------------------------------------

SmtpRelay::SmtpRelay(const UpstreamSettings& settings, int maxConnections, QObject* parent)
    : Transport(parent), m_settings(settings), m_maxConnections(qMax(1, maxConnections))
{
}

QString SmtpRelay::describe() const
{
    return QStringLiteral("%1:%2 (%3)")
        .arg(m_settings.server.host)
        .arg(m_settings.server.port)
        .arg(upstreamSecurityName(m_settings.server.security));
}

void SmtpRelay::deliver(const DeliveryJob& job)
{
    m_queue.push_back(job);
    dispatch();
}

void SmtpRelay::dispatch()
{
    for (UpstreamConnection* c : std::as_const(m_connections)) {
        if (m_queue.empty())
            return;
        if (c->isReadyForJob()) {
            DeliveryJob job = m_queue.front();
            m_queue.pop_front();
            c->deliver(job);
        }
    }
    while (!m_queue.empty() && m_connections.size() < m_maxConnections) {
        DeliveryJob job = m_queue.front();
        m_queue.pop_front();
        auto* c = new UpstreamConnection(m_settings, job, this);
        m_connections.append(c);
        connect(c, &UpstreamConnection::jobFinished, this, &Transport::finished);
        connect(c, &UpstreamConnection::becameIdle, this, &SmtpRelay::dispatch,
                Qt::QueuedConnection);
        connect(c, &UpstreamConnection::setupFailed, this, &SmtpRelay::failQueued);
        connect(c, &UpstreamConnection::closed, this, [this, c] {
            m_connections.removeAll(c);
            c->deleteLater();
            QMetaObject::invokeMethod(this, &SmtpRelay::dispatch, Qt::QueuedConnection);
        });
        c->start();
    }
}

void SmtpRelay::failQueued(const QString& reason)
{
    // The upstream cannot be reached: every waiting job shares that fate now, instead of each
    // opening its own doomed connection. The queue schedules their retries.
    std::deque<DeliveryJob> waiting;
    waiting.swap(m_queue);
    for (const DeliveryJob& job : waiting) {
        DeliveryResult result;
        result.id = job.id;
        for (const QString& rcpt : job.recipients)
            result.recipients.append({rcpt, DeliveryResult::Outcome::Deferred, reason});
        result.summary = reason;
        Q_EMIT finished(result);
    }
}

} // namespace sendguard
