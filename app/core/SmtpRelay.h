// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Config.h"
#include "OutboundReader.h"
#include "SmtpTypes.h"
#include "Transport.h"

#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTimer>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace sendguard {

// How to reach and log in to the upstream server.
struct UpstreamSettings
{
    UpstreamConfig server;
    QString password; // from the keychain; never logged
    QList<QSslCertificate> extraCaCertificates;
    QString heloName = QStringLiteral("localhost");
    int connectTimeoutMs = 30000;
    int commandTimeoutMs = 300000;
    int idleCloseMs = 5000;
};

// One SMTP client connection to the upstream: greeting, EHLO, STARTTLS or implicit TLS with
// certificate verification, AUTH, then transactions (pipelined when offered), reused while idle.
class UpstreamConnection : public QObject
{
    Q_OBJECT

public:
    UpstreamConnection(const UpstreamSettings& settings, const DeliveryJob& firstJob,
                       QObject* parent = nullptr);
    ~UpstreamConnection() override;

    bool isReadyForJob() const { return m_state == State::Idle && !m_job; }
    void start();
    void deliver(const DeliveryJob& job);

Q_SIGNALS:
    void jobFinished(const sendguard::DeliveryResult& result);
    // Emitted when the connection could not be set up at all (nothing was sent).
    void setupFailed(const QString& reason);
    void becameIdle();
    void closed();

private:
    enum class State
    {
        Connecting,
        Setup,
        Idle,
        Busy,
        Closing,
        Closed
    };
    using Handler = std::function<void(const SmtpReply&)>;

    void send(const QByteArray& line, Handler handler);
    void onReadyRead();
    void onEncrypted();
    void onSocketError();
    void onTimeout();
    void handleGreeting(const SmtpReply& r);
    void sendEhlo();
    void handleEhlo(const SmtpReply& r);
    void authenticate();
    void becomeReady();
    void startTransaction();
    void startData();
    void pumpData();
    void finishJob(const QString& summary);
    void fail(const QString& reason);
    void armTimer(int ms);

    UpstreamSettings m_settings;
    QSslSocket m_socket;
    QTimer m_timer;
    QTimer m_idleTimer;
    State m_state = State::Connecting;
    SmtpReplyReader m_replies;
    std::deque<Handler> m_expect;
    QString m_tlsError;
    bool m_setupDone = false;

    // Server capabilities from EHLO.
    bool m_pipelining = false;
    bool m_starttls = false;
    bool m_8bit = false;
    bool m_utf8 = false;
    qint64 m_maxSize = 0;
    QStringList m_authMechs;

    std::optional<DeliveryJob> m_job;
    DeliveryResult m_result;
    bool m_mailOk = false;
    SmtpReply m_mailReply;
    QStringList m_accepted;
    std::unique_ptr<OutboundReader> m_reader;
    bool m_streaming = false;
};

// The real upstream: a small pool of UpstreamConnections fed from a FIFO of jobs.
class SmtpRelay : public Transport
{
    Q_OBJECT

public:
    SmtpRelay(const UpstreamSettings& settings, int maxConnections, QObject* parent = nullptr);
    void deliver(const DeliveryJob& job) override;
    QString describe() const override;

private:
    void dispatch();
    void failQueued(const QString& reason);

    UpstreamSettings m_settings;
    int m_maxConnections;
    std::deque<DeliveryJob> m_queue;
    QList<UpstreamConnection*> m_connections;
};

} // namespace sendguard
