// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Config.h"
#include "SmtpTypes.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <memory>

class QSslSocket;

namespace sendguard {

class Spool;

// What a session needs from the rest of SendGuard; owned by SmtpServer, shared by its sessions.
struct SessionContext
{
    ListenConfig limits;
    QString hostName;
    QSslConfiguration tls; // local identity for STARTTLS; null when STARTTLS is off
    const LocalAuthenticator* authenticator = nullptr; // null when listen.auth is "none"
    MessageIntake* intake = nullptr;
    Spool* spool = nullptr;
};

// One client connection speaking RFC 5321 (plus PIPELINING, SIZE, 8BITMIME, SMTPUTF8,
// ENHANCEDSTATUSCODES, STARTTLS, AUTH PLAIN/LOGIN). Message data is streamed to a spool file.
class SmtpSession : public QObject
{
    Q_OBJECT

public:
    // Octet limits from RFC 5321 4.5.3.1.
    static constexpr int MaxCommandLine = 512;
    static constexpr int MaxTextLine = 1000;
    static constexpr int MaxPath = 256;
    static constexpr int MaxErrors = 10;
    static constexpr int MaxAuthFailures = 3;
    // A message up to this size is also kept in memory for its analysis (ReceivedMessage::
    // content); 50 sessions at once then hold at most 12.5 MiB.
    static constexpr qint64 KeptInMemory = 256 * 1024;

    SmtpSession(QSslSocket* socket, const SessionContext* context, QObject* parent = nullptr);
    ~SmtpSession() override;

Q_SIGNALS:
    void finished();

private:
    enum class Mode
    {
        Command,
        Data,
        AuthPlain,
        AuthLoginUser,
        AuthLoginPassword,
        Waiting,
        Closing
    };
    enum class DataProblem
    {
        None,
        BareLineEnding,
        LineTooLong,
        TooBig,
        WriteFailed
    };

    void onReadyRead();
    void processInput();
    void handleCommand(const QByteArray& line);
    void handleEhlo(const QByteArray& arg, bool extended);
    void handleMail(const QByteArray& arg);
    void handleRcpt(const QByteArray& arg);
    void handleData();
    void handleAuth(const QByteArray& arg);
    void handleAuthLine(const QByteArray& line);
    void handleStartTls();
    void finishAuth(const QString& user, const QByteArray& password);
    bool consumeData();
    void endOfData();
    void resetTransaction();
    void reply(int code, const char* enhanced, const QString& text);
    void reply(const SmtpReply& r);
    void commandError(int code, const char* enhanced, const QString& text);
    void closeWith(int code, const char* enhanced, const QString& text);
    void onIdleTimeout();
    void restartIdleTimer();

    QSslSocket* m_socket;
    const SessionContext* m_context;
    // Idle limit: the timer is armed once and, when it fires early because the client was
    // active meanwhile (m_activity), re-armed for the rest (cheaper than restarting a timer
    // for every command).
    QTimer m_idle;
    QElapsedTimer m_activity;
    QByteArray m_input;
    Mode m_mode = Mode::Command;

    QString m_helo;
    bool m_extended = false;
    bool m_tls = false;
    QString m_authUser;
    QString m_pendingLoginUser;
    int m_errors = 0;
    int m_authFailures = 0;
    bool m_discardingLongLine = false;

    // The transaction in progress.
    bool m_haveSender = false;
    QString m_sender;
    QStringList m_recipients;
    bool m_body8Bit = false;
    bool m_smtpUtf8 = false;

    // DATA state.
    QString m_messageId;
    std::unique_ptr<QFile> m_file;
    qint64 m_dataSize = 0;
    quint32 m_crc = 0;
    QByteArray m_content; // what was stored, while it is at most KeptInMemory bytes
    bool m_atLineStart = true;
    bool m_prevLineCrlf = true;
    qint64 m_lineLength = 0;
    DataProblem m_dataProblem = DataProblem::None;
};

} // namespace sendguard
