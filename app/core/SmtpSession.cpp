// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpSession.h"

#include "AddressSyntax.h"
#include "QueueEntry.h"
#include "Spool.h"

#include <QLoggingCategory>
#include <QSslSocket>
#include <cstring>
#include <utility>
#include <zlib.h>

Q_LOGGING_CATEGORY(lcSmtp, "sendguard.smtp", QtInfoMsg)

namespace sendguard {

namespace {
QByteArray upperVerb(const QByteArray& line, QByteArray* arg)
{
    const int space = line.indexOf(' ');
    if (space < 0) {
        *arg = QByteArray();
        return line.toUpper();
    }
    *arg = line.mid(space + 1).trimmed();
    return line.left(space).toUpper();
}

// Splits "FROM:<a@b> SIZE=10" into the path and its parameters.
bool splitPathAndParams(const QByteArray& arg, const char* keyword, QByteArray* path,
                        QList<QByteArray>* params)
{
    const int klen = int(std::strlen(keyword));
    if (arg.size() < klen || qstrnicmp(arg.constData(), keyword, uint(klen)) != 0)
        return false;
    QByteArray rest = arg.mid(klen).trimmed(); // tolerate "FROM: <a@b>"
    if (!rest.startsWith('<'))
        return false;
    const int close = rest.indexOf('>');
    if (close < 0)
        return false;
    *path = rest.mid(1, close - 1);
    const QByteArray tail = rest.mid(close + 1).trimmed();
    params->clear();
    for (const QByteArray& p : tail.split(' ')) {
        if (!p.isEmpty())
            params->append(p);
    }
    return true;
}

} // namespace

SmtpSession::SmtpSession(QSslSocket* socket, const SessionContext* context, QObject* parent)
    : QObject(parent), m_socket(socket), m_context(context)
{
    m_socket->setParent(this);
    // While a message waits for its answer nothing is read, so a client cannot fill memory.
    m_socket->setReadBufferSize(1024 * 1024);
    m_idle.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &SmtpSession::onIdleTimeout);
    connect(m_socket, &QSslSocket::readyRead, this, &SmtpSession::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        if (m_mode == Mode::Waiting) // hung up while its message waits for the confirm step
            m_context->intake->abandoned(m_messageId);
        m_mode = Mode::Closing;
        m_idle.stop();
        Q_EMIT finished();
    });
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        m_tls = true;
        restartIdleTimer();
    });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::RemoteHostClosedError)
            qCDebug(lcSmtp) << "session socket error:" << m_socket->errorString();
        if (m_socket->state() != QAbstractSocket::ConnectedState) {
            if (m_mode == Mode::Waiting)
                m_context->intake->abandoned(m_messageId);
            m_mode = Mode::Closing;
            Q_EMIT finished();
        }
    });
    reply(220, nullptr, QStringLiteral("%1 ESMTP SendGuard ready").arg(m_context->hostName));
    restartIdleTimer();
}

SmtpSession::~SmtpSession()
{
    if (m_file) {
        m_file->close();
        if (m_context->spool)
            m_context->spool->discardIncoming(m_messageId);
    }
}

void SmtpSession::restartIdleTimer()
{
    if (m_mode == Mode::Waiting || m_mode == Mode::Closing)
        return;
    m_activity.start();
    if (!m_idle.isActive())
        m_idle.start(m_context->limits.idleTimeoutSeconds * 1000);
}

void SmtpSession::onIdleTimeout()
{
    const qint64 limit = qint64(m_context->limits.idleTimeoutSeconds) * 1000;
    const qint64 quiet = m_activity.isValid() ? m_activity.elapsed() : limit;
    if (quiet < limit) {
        m_idle.start(int(limit - quiet)); // active meanwhile: wait for the rest
        return;
    }
    closeWith(
        421, "4.4.2",
        QStringLiteral("%1 idle for too long, closing the connection").arg(m_context->hostName));
}

void SmtpSession::reply(int code, const char* enhanced, const QString& text)
{
    reply(SmtpReply{code, enhanced ? QString::fromLatin1(enhanced) : QString(), text});
}

void SmtpSession::reply(const SmtpReply& r)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(r.toWire());
}

void SmtpSession::commandError(int code, const char* enhanced, const QString& text)
{
    if (++m_errors >= MaxErrors) {
        closeWith(421, "4.7.0", QStringLiteral("too many errors, closing the connection"));
        return;
    }
    reply(code, enhanced, text);
}

void SmtpSession::closeWith(int code, const char* enhanced, const QString& text)
{
    reply(code, enhanced, text);
    m_mode = Mode::Closing;
    m_idle.stop();
    m_input.clear();
    m_socket->disconnectFromHost();
}

void SmtpSession::onReadyRead()
{
    if (m_mode == Mode::Closing) {
        m_socket->readAll();
        return;
    }
    if (m_mode == Mode::Waiting)
        return; // read on once the message is answered; the socket's buffer is bounded
    m_input += m_socket->readAll();
    restartIdleTimer();
    processInput();
}

void SmtpSession::processInput()
{
    while (!m_input.isEmpty()) {
        if (m_mode == Mode::Closing || m_mode == Mode::Waiting)
            return;
        if (m_mode == Mode::Data) {
            if (!consumeData())
                return;
            endOfData();
            continue;
        }
        const bool authMode = m_mode != Mode::Command;
        const int limit = authMode ? 12288 : MaxCommandLine;
        const int nl = m_input.indexOf('\n');
        if (nl < 0) {
            const bool maybeAuth =
                m_input.size() >= 5 && qstrnicmp(m_input.constData(), "AUTH ", 5) == 0;
            if (m_input.size() > (maybeAuth ? 12288 : limit)) {
                m_input.clear();
                m_discardingLongLine = true;
                commandError(500, "5.5.2", QStringLiteral("line too long"));
            }
            return;
        }
        QByteArray line = m_input.left(nl + 1);
        m_input.remove(0, nl + 1);
        if (m_discardingLongLine) {
            m_discardingLongLine = false;
            continue;
        }
        const bool isAuthCommand = line.size() >= 5 && qstrnicmp(line.constData(), "AUTH ", 5) == 0;
        if (line.size() > (authMode || isAuthCommand ? 12288 : limit)) {
            commandError(500, "5.5.2", QStringLiteral("line too long"));
            continue;
        }
        if (line.size() < 2 || line.at(line.size() - 2) != '\r') {
            commandError(500, "5.5.2", QStringLiteral("command lines must end with CRLF"));
            continue;
        }
        line.chop(2);
        if (line.contains('\r') || line.contains('\0')) {
            commandError(500, "5.5.2", QStringLiteral("bare CR or NUL in command"));
            continue;
        }
        if (authMode)
            handleAuthLine(line);
        else
            handleCommand(line);
    }
}

void SmtpSession::handleCommand(const QByteArray& line)
{
    QByteArray arg;
    const QByteArray verb = upperVerb(line, &arg);
    if (verb == "EHLO" || verb == "HELO") {
        handleEhlo(arg, verb == "EHLO");
    } else if (verb == "MAIL") {
        handleMail(arg);
    } else if (verb == "RCPT") {
        handleRcpt(arg);
    } else if (verb == "DATA") {
        if (!arg.isEmpty())
            commandError(501, "5.5.4", QStringLiteral("DATA takes no parameters"));
        else
            handleData();
    } else if (verb == "RSET") {
        resetTransaction();
        reply(250, "2.0.0", QStringLiteral("reset"));
    } else if (verb == "NOOP") {
        reply(250, "2.0.0", QStringLiteral("OK"));
    } else if (verb == "QUIT") {
        closeWith(221, "2.0.0", QStringLiteral("%1 closing connection").arg(m_context->hostName));
    } else if (verb == "VRFY") {
        reply(252, "2.5.0",
              QStringLiteral(
                  "cannot verify the user, but will accept the message and attempt delivery"));
    } else if (verb == "EXPN") {
        commandError(502, "5.5.1", QStringLiteral("EXPN is not supported"));
    } else if (verb == "HELP") {
        reply(214, "2.0.0",
              QStringLiteral("SendGuard: see https://www.rfc-editor.org/rfc/rfc5321"));
    } else if (verb == "STARTTLS") {
        handleStartTls();
    } else if (verb == "AUTH") {
        handleAuth(arg);
    } else {
        commandError(500, "5.5.2", QStringLiteral("command not recognized"));
    }
}

void SmtpSession::handleEhlo(const QByteArray& arg, bool extended)
{
    if (arg.isEmpty()) {
        commandError(501, "5.5.4", QStringLiteral("a domain or address is required"));
        return;
    }
    resetTransaction();
    m_helo = QString::fromLatin1(arg);
    m_extended = extended;
    if (!extended) {
        reply(250, nullptr, m_context->hostName);
        return;
    }
    QStringList lines{QStringLiteral("%1 greets %2").arg(m_context->hostName, m_helo),
                      QStringLiteral("PIPELINING"),
                      QStringLiteral("SIZE %1").arg(m_context->limits.maxMessageSize),
                      QStringLiteral("8BITMIME"),
                      QStringLiteral("SMTPUTF8"),
                      QStringLiteral("ENHANCEDSTATUSCODES")};
    if (!m_tls && !m_context->tls.isNull())
        lines << QStringLiteral("STARTTLS");
    if (m_context->authenticator)
        lines << QStringLiteral("AUTH PLAIN LOGIN");
    reply(250, nullptr, lines.join(QLatin1Char('\n')));
}

void SmtpSession::handleMail(const QByteArray& arg)
{
    if (m_helo.isEmpty()) {
        commandError(503, "5.5.1", QStringLiteral("say EHLO first"));
        return;
    }
    if (m_context->authenticator && m_authUser.isEmpty()) {
        commandError(530, "5.7.0",
                     QStringLiteral("authentication required: use the SendGuard user name and "
                                    "password shown in its settings"));
        return;
    }
    if (m_haveSender) {
        commandError(503, "5.5.1", QStringLiteral("nested MAIL command"));
        return;
    }
    QByteArray path;
    QList<QByteArray> params;
    if (!splitPathAndParams(arg, "FROM:", &path, &params)) {
        commandError(501, "5.5.4", QStringLiteral("syntax: MAIL FROM:<address>"));
        return;
    }
    bool utf8 = false, eightBit = false;
    for (const QByteArray& p : std::as_const(params)) {
        const int eq = p.indexOf('=');
        const QByteArray key = (eq < 0 ? p : p.left(eq)).toUpper();
        const QByteArray value = eq < 0 ? QByteArray() : p.mid(eq + 1);
        if (key == "SIZE") {
            bool ok = false;
            const qint64 size = value.toLongLong(&ok);
            if (!ok || size < 0) {
                commandError(501, "5.5.4", QStringLiteral("bad SIZE value"));
                return;
            }
            if (size > m_context->limits.maxMessageSize) {
                commandError(552, "5.3.4",
                             QStringLiteral("message size exceeds the limit of %1 bytes")
                                 .arg(m_context->limits.maxMessageSize));
                return;
            }
        } else if (key == "BODY") {
            const QByteArray v = value.toUpper();
            if (v == "8BITMIME")
                eightBit = true;
            else if (v != "7BIT") {
                commandError(501, "5.5.4", QStringLiteral("BODY must be 7BIT or 8BITMIME"));
                return;
            }
        } else if (key == "SMTPUTF8" && eq < 0) {
            utf8 = true;
        } else if (key == "AUTH") {
            // RFC 4954 AUTH= parameter: accepted and ignored.
        } else {
            commandError(
                555, "5.5.4",
                QStringLiteral("unsupported MAIL parameter %1").arg(QString::fromLatin1(key)));
            return;
        }
    }
    QString error;
    if (path.size() > MaxPath ||
        !AddressSyntax::isValidPath(path, /*allowEmpty=*/true, utf8, &error)) {
        commandError(553, "5.1.7",
                     QStringLiteral("bad sender address: %1")
                         .arg(error.isEmpty() ? QStringLiteral("too long") : error));
        return;
    }
    m_haveSender = true;
    m_sender = QString::fromUtf8(path);
    m_smtpUtf8 = utf8;
    m_body8Bit = eightBit;
    reply(250, "2.1.0", QStringLiteral("sender OK"));
}

void SmtpSession::handleRcpt(const QByteArray& arg)
{
    if (!m_haveSender) {
        commandError(503, "5.5.1", QStringLiteral("need MAIL before RCPT"));
        return;
    }
    QByteArray path;
    QList<QByteArray> params;
    if (!splitPathAndParams(arg, "TO:", &path, &params)) {
        commandError(501, "5.5.4", QStringLiteral("syntax: RCPT TO:<address>"));
        return;
    }
    if (!params.isEmpty()) {
        commandError(555, "5.5.4", QStringLiteral("unsupported RCPT parameter"));
        return;
    }
    QString error;
    if (path.size() > MaxPath ||
        !AddressSyntax::isValidPath(path, /*allowEmpty=*/false, m_smtpUtf8, &error)) {
        commandError(553, "5.1.3",
                     QStringLiteral("bad recipient address: %1")
                         .arg(error.isEmpty() ? QStringLiteral("too long") : error));
        return;
    }
    if (m_recipients.size() >= m_context->limits.maxRecipients) {
        reply(452, "4.5.3",
              QStringLiteral("too many recipients (at most %1 per message)")
                  .arg(m_context->limits.maxRecipients));
        return;
    }
    const QString address = QString::fromUtf8(path);
    if (!m_recipients.contains(address, Qt::CaseInsensitive))
        m_recipients << address;
    reply(250, "2.1.5", QStringLiteral("recipient OK"));
}

void SmtpSession::handleData()
{
    if (!m_haveSender) {
        commandError(503, "5.5.1", QStringLiteral("need MAIL before DATA"));
        return;
    }
    if (m_recipients.isEmpty()) {
        commandError(554, "5.5.1", QStringLiteral("no valid recipients"));
        return;
    }
    m_messageId = newMessageId();
    m_file = std::make_unique<QFile>(m_context->spool->claimIncoming(m_messageId));
    // ReadWrite: no O_TRUNC, which would make ext4 flush the file at close (auto_da_alloc).
    if (!m_file->open(QIODevice::ReadWrite)) {
        const QString why = m_file->errorString();
        m_file.reset();
        qCWarning(lcSmtp) << "cannot create spool file:" << why;
        reply(451, "4.3.0",
              QStringLiteral("cannot store the message right now (%1); try again later").arg(why));
        return;
    }
    m_dataSize = 0;
    m_crc = quint32(::crc32_z(0, nullptr, 0));
    m_content.clear();
    m_prevLineCrlf = true;
    m_lineLength = 0;
    m_dataProblem = DataProblem::None;
    m_mode = Mode::Data;
    reply(354, nullptr, QStringLiteral("end data with <CR><LF>.<CR><LF>"));
}

bool SmtpSession::consumeData()
{
    const char* base = m_input.constData();
    const qsizetype n = m_input.size();
    qsizetype pos = 0;
    QByteArray out;
    out.reserve(n);
    bool ended = false;
    const qint64 maxSize = m_context->limits.maxMessageSize;
    auto flag = [this](DataProblem p) {
        if (m_dataProblem == DataProblem::None)
            m_dataProblem = p;
    };

    while (pos < n) {
        const char* start = base + pos;
        const char* nl = static_cast<const char*>(std::memchr(start, '\n', size_t(n - pos)));
        if (!nl) {
            const qsizetype remaining = n - pos;
            if (m_lineLength + remaining > MaxTextLine) {
                // Too long to keep: drop it, but keep a trailing CR so CRLF is still seen.
                flag(DataProblem::LineTooLong);
                const bool keepCr = base[n - 1] == '\r';
                m_lineLength += remaining - (keepCr ? 1 : 0);
                pos = keepCr ? n - 1 : n;
            }
            break;
        }
        const qsizetype lineLen = nl - start + 1;
        const bool crlf = lineLen >= 2 && nl[-1] == '\r';
        const qsizetype contentLen = lineLen - (crlf ? 2 : 1);
        if (m_lineLength == 0 && m_prevLineCrlf && crlf && contentLen == 1 && start[0] == '.') {
            pos += lineLen;
            ended = true;
            break;
        }
        if (!crlf || std::memchr(start, '\r', size_t(contentLen)))
            flag(DataProblem::BareLineEnding);
        if (m_lineLength + lineLen > MaxTextLine)
            flag(DataProblem::LineTooLong);
        if (m_dataProblem == DataProblem::None) {
            const bool stuffed = m_lineLength == 0 && start[0] == '.';
            const qsizetype skip = stuffed ? 1 : 0;
            m_dataSize += lineLen - skip;
            if (m_dataSize > maxSize)
                flag(DataProblem::TooBig);
            else
                out.append(start + skip, lineLen - skip);
        }
        m_prevLineCrlf = crlf;
        m_lineLength = 0;
        pos += lineLen;
    }
    m_input.remove(0, pos);
    if (!out.isEmpty() && m_file && m_dataProblem == DataProblem::None) {
        if (m_file->write(out) != out.size())
            flag(DataProblem::WriteFailed);
        m_crc = quint32(
            ::crc32_z(m_crc, reinterpret_cast<const Bytef*>(out.constData()), size_t(out.size())));
        if (m_dataSize <= KeptInMemory)
            m_content += out;
        else
            m_content = QByteArray(); // too big: analysed from the file
    }
    return ended;
}

void SmtpSession::endOfData()
{
    QString writeError;
    if (m_file) {
        // A file from the spool's pool may be a relayed message's, longer than this one.
        if (!m_file->flush() || !m_file->resize(m_dataSize))
            m_dataProblem = DataProblem::WriteFailed;
        writeError = m_file->errorString();
        m_file->close();
        m_file.reset();
    }
    m_mode = Mode::Command;
    switch (m_dataProblem) {
    case DataProblem::None:
        break;
    case DataProblem::BareLineEnding:
        m_context->spool->discardIncoming(m_messageId);
        resetTransaction();
        reply(550, "5.6.0",
              QStringLiteral("message refused: it contains a bare CR or LF; every line must end "
                             "with CRLF"));
        return;
    case DataProblem::LineTooLong:
        m_context->spool->discardIncoming(m_messageId);
        resetTransaction();
        reply(550, "5.6.0",
              QStringLiteral("message refused: a line is longer than %1 octets").arg(MaxTextLine));
        return;
    case DataProblem::TooBig:
        m_context->spool->discardIncoming(m_messageId);
        resetTransaction();
        reply(552, "5.3.4",
              QStringLiteral("message exceeds the size limit of %1 bytes")
                  .arg(m_context->limits.maxMessageSize));
        return;
    case DataProblem::WriteFailed:
        m_context->spool->discardIncoming(m_messageId);
        resetTransaction();
        reply(451, "4.3.0",
              QStringLiteral("cannot store the message right now (%1); try again later")
                  .arg(writeError));
        return;
    }

    ReceivedMessage message;
    message.id = m_messageId;
    message.path = m_context->spool->incomingPath(m_messageId);
    message.envelopeFrom = m_sender;
    message.recipients = m_recipients;
    message.authUser = m_authUser;
    message.bodyIs8Bit = m_body8Bit;
    message.smtpUtf8 = m_smtpUtf8;
    message.size = m_dataSize;
    message.crc32 = m_crc;
    message.content = std::exchange(m_content, {});
    message.clientAddress = m_socket->peerAddress().toString();
    resetTransaction();

    m_mode = Mode::Waiting;
    m_idle.stop();
    QPointer<SmtpSession> self(this);
    m_context->intake->submit(message, [self](const SmtpReply& r) {
        if (!self || self->m_mode != Mode::Waiting)
            return;
        self->m_mode = Mode::Command;
        self->reply(r);
        self->restartIdleTimer();
        self->m_input += self->m_socket->readAll();
        self->processInput(); // pipelined commands after the message
    });
}

void SmtpSession::resetTransaction()
{
    m_haveSender = false;
    m_sender.clear();
    m_recipients.clear();
    m_body8Bit = false;
    m_smtpUtf8 = false;
}

void SmtpSession::handleStartTls()
{
    if (m_context->tls.isNull()) {
        commandError(502, "5.5.1", QStringLiteral("STARTTLS is not offered"));
        return;
    }
    if (m_tls) {
        commandError(503, "5.5.1", QStringLiteral("TLS is already active"));
        return;
    }
    reply(220, "2.0.0", QStringLiteral("ready to start TLS"));
    // Anything pipelined after STARTTLS arrived in plain text: it must not be acted upon.
    m_input.clear();
    resetTransaction();
    m_helo.clear();
    m_authUser.clear();
    m_socket->setSslConfiguration(m_context->tls);
    m_socket->startServerEncryption();
}

void SmtpSession::handleAuth(const QByteArray& arg)
{
    if (!m_context->authenticator) {
        commandError(503, "5.5.1", QStringLiteral("authentication is not enabled"));
        return;
    }
    if (m_helo.isEmpty() || !m_extended) {
        commandError(503, "5.5.1", QStringLiteral("say EHLO first"));
        return;
    }
    if (!m_authUser.isEmpty()) {
        commandError(503, "5.5.1", QStringLiteral("already authenticated"));
        return;
    }
    if (m_haveSender) {
        commandError(503, "5.5.1", QStringLiteral("AUTH is not allowed during a mail transaction"));
        return;
    }
    const QList<QByteArray> parts = arg.split(' ');
    const QByteArray mech = parts.value(0).toUpper();
    const QByteArray initial = parts.value(1);
    if (mech == "PLAIN") {
        m_mode = Mode::AuthPlain;
        if (initial.isEmpty())
            reply(334, nullptr, QString());
        else
            handleAuthLine(initial);
    } else if (mech == "LOGIN") {
        if (initial.isEmpty()) {
            m_mode = Mode::AuthLoginUser;
            reply(334, nullptr, QStringLiteral("VXNlcm5hbWU6"));
        } else {
            m_mode = Mode::AuthLoginUser;
            handleAuthLine(initial);
        }
    } else {
        commandError(504, "5.5.4", QStringLiteral("unsupported authentication mechanism"));
    }
}

void SmtpSession::handleAuthLine(const QByteArray& line)
{
    if (line == "*") {
        m_mode = Mode::Command;
        commandError(501, "5.0.0", QStringLiteral("authentication cancelled"));
        return;
    }
    const auto decoded =
        QByteArray::fromBase64Encoding(line, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        m_mode = Mode::Command;
        commandError(501, "5.5.2", QStringLiteral("cannot decode the authentication data"));
        return;
    }
    const QByteArray data = *decoded;
    switch (m_mode) {
    case Mode::AuthPlain: {
        m_mode = Mode::Command;
        const QList<QByteArray> fields = data.split('\0');
        if (fields.size() != 3) {
            commandError(501, "5.5.2", QStringLiteral("malformed PLAIN authentication data"));
            return;
        }
        finishAuth(QString::fromUtf8(fields.at(1)), fields.at(2));
        return;
    }
    case Mode::AuthLoginUser:
        m_pendingLoginUser = QString::fromUtf8(data);
        m_mode = Mode::AuthLoginPassword;
        reply(334, nullptr, QStringLiteral("UGFzc3dvcmQ6"));
        return;
    case Mode::AuthLoginPassword:
        m_mode = Mode::Command;
        finishAuth(m_pendingLoginUser, data);
        m_pendingLoginUser.clear();
        return;
    default:
        m_mode = Mode::Command;
        return;
    }
}

void SmtpSession::finishAuth(const QString& user, const QByteArray& password)
{
    if (m_context->authenticator->check(user, password)) {
        m_authUser = user;
        reply(235, "2.7.0", QStringLiteral("authentication succeeded"));
        return;
    }
    qCWarning(lcSmtp).noquote() << "failed local authentication from"
                                << m_socket->peerAddress().toString() << "as" << user;
    if (++m_authFailures >= MaxAuthFailures) {
        closeWith(
            421, "4.7.0",
            QStringLiteral("too many failed authentication attempts, closing the connection"));
        return;
    }
    commandError(535, "5.7.8",
                 QStringLiteral("authentication failed: wrong user name or password"));
}

} // namespace sendguard
