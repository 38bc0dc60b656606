// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Verdict.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <functional>

namespace sendguard {

// An SMTP reply: a code, an enhanced status code and the text (one line, or several).
struct SmtpReply
{
    int code = 0;
    QString enhanced; // e.g. "2.0.0"; empty when none applies (greeting, 354)
    QString text;

    bool isPositive() const { return code >= 200 && code < 400; }
    bool isTransient() const { return code >= 400 && code < 500; }
    bool isPermanent() const { return code >= 500; }

    // Wire form, every line ending in CRLF, multi-line with "code-".
    QByteArray toWire() const;
    // "550 5.7.1 text" on one line, for logs and queue state.
    QString toString() const;
};

// What a server's EHLO reply offers (RFC 5321 extensions the client side cares about).
struct EhloCapabilities
{
    bool pipelining = false;
    bool starttls = false;
    bool eightBitMime = false;
    bool smtpUtf8 = false;
    qint64 maxSize = 0;         // SIZE; 0 when not announced
    QStringList authMechanisms; // upper case

    static EhloCapabilities parse(const SmtpReply& ehlo);
};

// One reply from its lines as received ("250-a", "250 b"): code, enhanced code, text.
SmtpReply parseReplyLines(const QStringList& lines);

// The replies in what an SMTP server sends, one complete (multi-line) reply at a time, within
// limits: a line of at most 64 KiB, a reply of at most `maxLines` lines (0: any number).
class SmtpReplyReader
{
public:
    enum class Status
    {
        Incomplete,  // no complete reply yet: append more
        Reply,       // `*reply` is the next reply
        LineTooLong, // the stream is broken from here on
        Malformed,   // a line that is no reply line (`*line`)
        TooManyLines
    };
    static constexpr qsizetype MaxLineBytes = 64 * 1024;

    explicit SmtpReplyReader(int maxLines = 200) : m_maxLines(maxLines) {}
    void append(const QByteArray& data) { m_input += data; }
    Status next(SmtpReply* reply, QByteArray* line = nullptr);
    // Forgets what was received (after STARTTLS nothing from before may be trusted).
    void clear();

private:
    int m_maxLines;
    QByteArray m_input;
    QStringList m_lines;
};

// A message whose data has been received completely and written to the spool's tmp/ folder.
struct ReceivedMessage
{
    QString id;
    QString path;
    QString envelopeFrom;
    QStringList recipients;
    QString authUser;
    bool bodyIs8Bit = false;
    bool smtpUtf8 = false;
    qint64 size = 0;
    quint32 crc32 = 0; // zlib CRC-32 of the stored bytes
    // The stored bytes themselves when the message is small (SmtpSession::KeptInMemory), so
    // that analysing it needs no second read of the file; empty otherwise.
    QByteArray content;
    QString clientAddress;
    Verdict verdict; // filled by MessageIntake::prepare()
};

// Where the SMTP server hands complete messages. `reply` must be called exactly once, maybe later
// (after a durable write or a confirmation); calling it after the client left is harmless.
class MessageIntake
{
public:
    virtual ~MessageIntake() = default;
    // Work on the message that may run on the receiving thread, before submit(): analysing
    // it, for instance. Must be thread-safe.
    virtual void prepare(ReceivedMessage& message) const { Q_UNUSED(message); }
    virtual void submit(const ReceivedMessage& message,
                        std::function<void(const SmtpReply&)> reply) = 0;
    // The client of message `id` disconnected before it was given the reply to submit().
    virtual void abandoned(const QString& id) { Q_UNUSED(id); }
};

// Checks the local SMTP credentials (user "sendguard" and the password from the keychain).
class LocalAuthenticator
{
public:
    virtual ~LocalAuthenticator() = default;
    virtual bool check(const QString& user, const QByteArray& password) const = 0;
};

} // namespace sendguard
