// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the tests that look at messages as bytes: the header block split into
// fields, whole-address search, and a verdict's header edits applied as the relay does.
#pragma once

#include "OutboundReader.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QTemporaryDir>

namespace sendguard::testsupport {

struct HeaderField
{
    QByteArray name;  // as written
    QByteArray raw;   // the whole field, folded lines and final CRLF included
    QByteArray value; // unfolded, trimmed
};

// The end of the header block (after its last CRLF), or -1 when no empty line closes it.
inline qsizetype headerBlockEnd(const QByteArray& message)
{
    const qsizetype split = message.indexOf("\r\n\r\n");
    return split < 0 ? -1 : split + 2;
}

inline QList<HeaderField> splitHeaders(const QByteArray& message)
{
    QList<HeaderField> fields;
    const qsizetype end = headerBlockEnd(message);
    const QByteArray block = end < 0 ? message : message.left(end);
    qsizetype pos = 0;
    while (pos < block.size()) {
        qsizetype lineEnd = block.indexOf("\r\n", pos);
        lineEnd = lineEnd < 0 ? block.size() : lineEnd + 2;
        const bool continuation = block.at(pos) == ' ' || block.at(pos) == '\t';
        if (continuation && !fields.isEmpty()) {
            fields.last().raw += block.mid(pos, lineEnd - pos);
        } else {
            HeaderField f;
            f.raw = block.mid(pos, lineEnd - pos);
            f.name = f.raw.left(qMax<qsizetype>(f.raw.indexOf(':'), 0));
            fields.append(f);
        }
        pos = lineEnd;
    }
    for (HeaderField& f : fields) {
        QByteArray v = f.raw.mid(f.name.size() + 1);
        v.replace("\r\n", "");
        f.value = v.trimmed();
    }
    return fields;
}

inline bool isRecipientHeader(const QByteArray& name)
{
    const QByteArray n = name.toLower();
    return n == "to" || n == "cc" || n == "bcc" || n == "resent-bcc";
}

// Whether `address` occurs as a whole address (not as part of a longer one) in `text`.
inline bool containsAddress(const QByteArray& text, const QString& address)
{
    const QRegularExpression re(
        QStringLiteral("(?<![A-Za-z0-9._%+\\-\"])%1(?![A-Za-z0-9\\-]|\\.[A-Za-z0-9])")
            .arg(QRegularExpression::escape(address)),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(QString::fromUtf8(text)).hasMatch();
}

// The message as it would be relayed (no dot-stuffing), read in odd-sized chunks.
inline QByteArray applyEdits(const QString& path, const QList<HeaderEdit>& edits, QString* error,
                             qint64 chunk = 777)
{
    OutboundReader reader(path, edits, /*dotStuff=*/false);
    if (!reader.open(error))
        return {};
    QByteArray out;
    while (!reader.atEnd())
        out += reader.read(chunk);
    if (reader.hasError())
        *error = reader.errorString();
    return out;
}

// Message files in a folder of their own that goes with the object.
class MessageFiles
{
public:
    // A new file m1.eml, m2.eml, ... holding `content`; its path.
    QString write(const QByteArray& content)
    {
        const QString path = m_dir.filePath(QStringLiteral("m%1.eml").arg(++m_serial));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return path;
    }
    QString filePath(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
};

} // namespace sendguard::testsupport
