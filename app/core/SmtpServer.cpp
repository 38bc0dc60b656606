// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpServer.h"

#include <QHostAddress>
#include <QPointer>
#include <QSslSocket>
#include <QThread>

namespace sendguard {

// Carries a complete message from a session's I/O thread to the intake's thread, and the reply
// back. The SessionHost it answers to lives as long as its thread.
class SessionHost::Bridge : public MessageIntake
{
public:
    Bridge(MessageIntake* target, QObject* targetContext, QObject* home)
        : m_target(target), m_targetContext(targetContext), m_home(home)
    {
    }

    void submit(const ReceivedMessage& received,
                std::function<void(const SmtpReply&)> reply) override
    {
        MessageIntake* target = m_target;
        ReceivedMessage message = received;
        target->prepare(message); // on this I/O thread, off the intake's
        QObject* home = m_home;
        QMetaObject::invokeMethod(
            m_targetContext,
            [target, home, message, reply] {
                target->submit(message, [home, reply](const SmtpReply& r) {
                    QMetaObject::invokeMethod(
                        home, [reply, r] { reply(r); }, Qt::QueuedConnection);
                });
            },
            Qt::QueuedConnection);
    }

    void abandoned(const QString& id) override
    {
        MessageIntake* target = m_target;
        QMetaObject::invokeMethod(
            m_targetContext, [target, id] { target->abandoned(id); }, Qt::QueuedConnection);
    }

private:
    MessageIntake* m_target;
    QObject* m_targetContext;
    QObject* m_home;
};

SessionHost::SessionHost(const SessionContext& context, QObject* intakeContext,
                         QAtomicInt* sessions)
    : m_context(context), m_sessions(sessions)
{
    m_bridge = std::make_unique<Bridge>(context.intake, intakeContext, this);
    m_context.intake = m_bridge.get();
}

void SessionHost::adopt(qintptr descriptor)
{
    auto* socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor) || !socket->peerAddress().isLoopback()) {
        socket->abort();
        socket->deleteLater();
        m_sessions->deref();
        return;
    }
    auto* session = new SmtpSession(socket, &m_context, this);
    connect(session, &SmtpSession::finished, this, [this, session] {
        if (session->property("counted").toBool())
            return;
        session->setProperty("counted", true);
        m_sessions->deref();
        session->deleteLater();
    });
}

SmtpServer::SmtpServer(const SessionContext& context, QObject* parent)
    : QTcpServer(parent), m_context(context)
{
    setMaxPendingConnections(256);
    const int threads = qBound(2, QThread::idealThreadCount(), 4);
    for (int i = 0; i < threads; ++i) {
        auto* thread = new QThread(this);
        thread->setObjectName(QStringLiteral("smtp-io-%1").arg(i));
        auto* host = new SessionHost(m_context, this, &m_sessions);
        host->moveToThread(thread);
        m_threads.append(thread);
        m_hosts.append(host);
        thread->start();
    }
}

SmtpServer::~SmtpServer()
{
    close();
    for (int i = 0; i < m_threads.size(); ++i) {
        QMetaObject::invokeMethod(
            m_hosts[i], [host = m_hosts[i]] { delete host; }, Qt::BlockingQueuedConnection);
        m_threads[i]->quit();
        m_threads[i]->wait();
    }
}

bool SmtpServer::start(QString* error)
{
    const QHostAddress address(m_context.limits.address);
    if (!address.isLoopback()) {
        *error = tr("refusing to listen on %1: SendGuard listens on loopback addresses only")
                     .arg(m_context.limits.address);
        return false;
    }
    if (!listen(address, m_context.limits.port)) {
        *error = tr("cannot listen on %1:%2: %3")
                     .arg(m_context.limits.address)
                     .arg(m_context.limits.port)
                     .arg(errorString());
        return false;
    }
    return true;
}

void SmtpServer::incomingConnection(qintptr descriptor)
{
    if (m_sessions.loadRelaxed() >= m_context.limits.maxSessions) {
        QTcpSocket socket;
        if (socket.setSocketDescriptor(descriptor)) {
            socket.write(SmtpReply{421, QStringLiteral("4.3.2"),
                                   QStringLiteral("too many connections; try again later")}
                             .toWire());
            socket.flush();
            socket.disconnectFromHost();
            if (socket.state() != QAbstractSocket::UnconnectedState)
                socket.waitForDisconnected(100);
        }
        return;
    }
    m_sessions.ref();
    SessionHost* host = m_hosts[m_next];
    m_next = (m_next + 1) % m_hosts.size();
    QMetaObject::invokeMethod(
        host, [host, descriptor] { host->adopt(descriptor); }, Qt::QueuedConnection);
}

} // namespace sendguard
