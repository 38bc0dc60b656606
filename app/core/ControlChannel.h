// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QLocalServer>
#include <QObject>
#include <QString>
#include <functional>

namespace sendguard {

// The local socket through which `sendguard queue ...` talks to the running instance of the same
// data dir. One JSON object per line each way; only the same OS user can connect.
class ControlServer : public QObject
{
    Q_OBJECT

public:
    using Reply = std::function<void(const QJsonObject&)>;
    using Handler = std::function<void(const QJsonObject& request, Reply reply)>;

    ControlServer(const QString& dataDir, Handler handler, QObject* parent = nullptr);
    bool start(QString* error);

    static QString socketName(const QString& dataDir);

private:
    QLocalServer m_server;
    QString m_name;
    Handler m_handler;
};

// Sends one request to the running instance and waits (bounded) for its answer.
class ControlClient
{
public:
    enum class Status
    {
        Ok,
        NotRunning,
        Failed
    };
    static Status request(const QString& dataDir, const QJsonObject& request, QJsonObject* response,
                          QString* error, int timeoutMs = 10000);
};

} // namespace sendguard
