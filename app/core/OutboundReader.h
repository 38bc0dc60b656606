// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Verdict.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>

namespace sendguard {

// Reads a spooled message for relaying, in bounded chunks, applying its header edits (the
// Bcc field removed, To/Cc rewritten after a move to Bcc) and dot-stuffing lines that start
// with '.' when it feeds an SMTP DATA stream. Memory use does not depend on the message size.
class OutboundReader
{
public:
    // `edits` must not overlap.
    OutboundReader(const QString& path, QList<HeaderEdit> edits, bool dotStuff);

    bool open(QString* error);
    // Up to about `maxBytes` of output; empty at the end (check atEnd()) or on error.
    QByteArray read(qint64 maxBytes);
    bool atEnd() const { return m_atEnd; }
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    // True when the output so far ends with CRLF (or nothing was written).
    bool endsWithCrlf() const { return m_lastTwo == "\r\n" || m_lastTwo.isEmpty(); }

private:
    QFile m_file;
    QList<HeaderEdit> m_edits;
    int m_nextEdit = 0;
    QByteArray m_pending; // replacement text not yet returned
    bool m_dotStuff;
    bool m_atLineStart = true;
    bool m_atEnd = false;
    QString m_error;
    QByteArray m_lastTwo;

    void put(QByteArray& out, const char* data, qsizetype size);
};

} // namespace sendguard
