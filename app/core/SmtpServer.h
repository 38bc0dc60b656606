// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SmtpSession.h"

#include <QAtomicInt>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <memory>

class QThread;

namespace sendguard {

class SessionHost;

// Accepts local mail clients and hands each connection to one of a few I/O threads, where it
// gets its own SmtpSession. Complete messages are passed to the intake on the server's thread,
// and its replies travel back to the session's thread.
class SmtpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit SmtpServer(const SessionContext& context, QObject* parent = nullptr);
    ~SmtpServer() override;

    bool start(QString* error);
    int sessionCount() const { return m_sessions.loadRelaxed(); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    SessionContext m_context;
    QAtomicInt m_sessions;
    QList<QThread*> m_threads;
    QList<SessionHost*> m_hosts;
    int m_next = 0;
};

// Lives in one I/O thread and owns the sessions there.
class SessionHost : public QObject
{
    Q_OBJECT

public:
    SessionHost(const SessionContext& context, QObject* intakeContext, QAtomicInt* sessions);
    void adopt(qintptr descriptor);

private:
    class Bridge;
    SessionContext m_context;
    std::unique_ptr<MessageIntake> m_bridge;
    QAtomicInt* m_sessions;
};

} // namespace sendguard
