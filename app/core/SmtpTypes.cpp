// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpTypes.h"

#include <QRegularExpression>
#include <cctype>

namespace sendguard {

SmtpReply parseReplyLines(const QStringList& lines)
{
    SmtpReply r;
    if (lines.isEmpty())
        return r;
    r.code = lines.first().left(3).toInt();
    static const QRegularExpression enhanced(QStringLiteral("^([245]\\.\\d{1,3}\\.\\d{1,3}) "));
    QStringList texts;
    for (const QString& line : lines) {
        QString text = line.mid(4);
        const auto m = enhanced.match(text);
        if (m.hasMatch()) {
            if (r.enhanced.isEmpty())
                r.enhanced = m.captured(1);
            text = text.mid(m.capturedLength());
        }
        texts << text;
    }
    r.text = texts.join(QLatin1Char('\n'));
    return r;
}

SmtpReplyReader::Status SmtpReplyReader::next(SmtpReply* reply, QByteArray* badLine)
{
    for (;;) {
        const qsizetype nl = m_input.indexOf('\n');
        if (nl < 0)
            return m_input.size() > MaxLineBytes ? Status::LineTooLong : Status::Incomplete;
        QByteArray line = m_input.left(nl);
        m_input.remove(0, nl + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.size() < 3 || !std::isdigit(static_cast<unsigned char>(line.at(0)))) {
            if (badLine)
                *badLine = line;
            return Status::Malformed;
        }
        m_lines << QString::fromUtf8(line);
        if (m_maxLines > 0 && m_lines.size() > m_maxLines)
            return Status::TooManyLines;
        if (line.size() > 3 && line.at(3) == '-')
            continue;
        *reply = parseReplyLines(m_lines);
        m_lines.clear();
        return Status::Reply;
    }
}

void SmtpReplyReader::clear()
{
    m_input.clear();
    m_lines.clear();
}

QByteArray SmtpReply::toWire() const
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    QByteArray out;
    for (int i = 0; i < lines.size(); ++i) {
        out += QByteArray::number(code);
        out += (i + 1 < lines.size()) ? '-' : ' ';
        if (!enhanced.isEmpty()) {
            out += enhanced.toLatin1();
            out += ' ';
        }
        // Replies are 7-bit; anything else would confuse clients.
        QByteArray line = lines.at(i).toUtf8();
        for (char& c : line) {
            if (static_cast<unsigned char>(c) > 126 || static_cast<unsigned char>(c) < 32)
                c = '?';
        }
        out += line;
        out += "\r\n";
    }
    return out;
}

QString SmtpReply::toString() const
{
    QString s = QString::number(code);
    if (!enhanced.isEmpty())
        s += QLatin1Char(' ') + enhanced;
    return s + QLatin1Char(' ') + QString(text).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

EhloCapabilities EhloCapabilities::parse(const SmtpReply& ehlo)
{
    EhloCapabilities caps;
    const QStringList lines = ehlo.text.split(QLatin1Char('\n'));
    for (int i = 1; i < lines.size(); ++i) { // the first line is the greeting
        const QStringList words = lines.at(i).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        const QString keyword = words.first().toUpper();
        if (keyword == QLatin1String("PIPELINING"))
            caps.pipelining = true;
        else if (keyword == QLatin1String("STARTTLS"))
            caps.starttls = true;
        else if (keyword == QLatin1String("8BITMIME"))
            caps.eightBitMime = true;
        else if (keyword == QLatin1String("SMTPUTF8"))
            caps.smtpUtf8 = true;
        else if (keyword == QLatin1String("SIZE") && words.size() > 1)
            caps.maxSize = words.at(1).toLongLong();
        else if (keyword == QLatin1String("AUTH"))
            for (int w = 1; w < words.size(); ++w)
                caps.authMechanisms << words.at(w).toUpper();
    }
    return caps;
}

} // namespace sendguard
