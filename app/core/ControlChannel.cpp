// SPDX-License-Identifier: GPL-3.0-or-later
#include "ControlChannel.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QLocalSocket>
#include <QPointer>

#ifndef Q_OS_WIN
#include <unistd.h>
#endif

namespace sendguard {

QString ControlServer::socketName(const QString& dataDir)
{
    const QByteArray canonical = QDir(dataDir).absolutePath().toUtf8();
    const QByteArray hash =
        QCryptographicHash::hash(canonical, QCryptographicHash::Sha256).toHex().left(16);
#ifdef Q_OS_WIN
    const QString user = qEnvironmentVariable("USERNAME");
#else
    const QString user = QString::number(::getuid());
#endif
    return QStringLiteral("sendguard-%1-%2").arg(user, QString::fromLatin1(hash));
}

ControlServer::ControlServer(const QString& dataDir, Handler handler, QObject* parent)
    : QObject(parent), m_name(socketName(dataDir)), m_handler(std::move(handler))
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* socket = m_server.nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->property("busy").toBool())
                    return;
                if (!socket->canReadLine()) {
                    if (socket->bytesAvailable() > 64 * 1024)
                        socket->abort();
                    return;
                }
                socket->setProperty("busy", true);
                const QByteArray line = socket->readLine(64 * 1024);
                const QJsonObject request = QJsonDocument::fromJson(line).object();
                QPointer<QLocalSocket> guard(socket);
                m_handler(request, [guard](const QJsonObject& response) {
                    if (!guard)
                        return;
                    guard->write(QJsonDocument(response).toJson(QJsonDocument::Compact) + '\n');
                    guard->disconnectFromServer();
                });
            });
        }
    });
}

bool ControlServer::start(QString* error)
{
    // The caller holds the data dir lock, so a socket left by a crashed instance can go.
    QLocalServer::removeServer(m_name);
    if (!m_server.listen(m_name)) {
        *error = tr("cannot open the control socket %1: %2").arg(m_name, m_server.errorString());
        return false;
    }
    return true;
}

ControlClient::Status ControlClient::request(const QString& dataDir, const QJsonObject& request,
                                             QJsonObject* response, QString* error, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(ControlServer::socketName(dataDir));
    if (!socket.waitForConnected(timeoutMs)) {
        *error = socket.errorString();
        return Status::NotRunning;
    }
    socket.write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs)) {
        *error = socket.errorString();
        return Status::Failed;
    }
    QByteArray data;
    while (!data.contains('\n')) {
        if (!socket.waitForReadyRead(timeoutMs)) {
            if (socket.bytesAvailable() == 0) {
                *error =
                    QCoreApplication::translate("ControlClient", "no answer from SendGuard: %1")
                        .arg(socket.errorString());
                return Status::Failed;
            }
        }
        data += socket.readAll();
        if (data.size() > 64 * 1024 * 1024) {
            *error = QCoreApplication::translate("ControlClient", "answer too large");
            return Status::Failed;
        }
    }
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(data.left(data.indexOf('\n')), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QCoreApplication::translate("ControlClient", "unreadable answer from SendGuard");
        return Status::Failed;
    }
    *response = doc.object();
    return Status::Ok;
}

} // namespace sendguard
