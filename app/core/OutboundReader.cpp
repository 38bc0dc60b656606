// SPDX-License-Identifier: GPL-3.0-or-later
#include "OutboundReader.h"

#include <QCoreApplication>
#include <algorithm>
#include <cstring>

namespace sendguard {

OutboundReader::OutboundReader(const QString& path, QList<HeaderEdit> edits, bool dotStuff)
    : m_file(path), m_edits(std::move(edits)), m_dotStuff(dotStuff)
{
    std::sort(m_edits.begin(), m_edits.end());
}

bool OutboundReader::open(QString* error)
{
    if (!m_file.open(QIODevice::ReadOnly)) {
        *error =
            QCoreApplication::translate("OutboundReader", "cannot read the spooled message %1: %2")
                .arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    return true;
}

void OutboundReader::put(QByteArray& out, const char* data, qsizetype size)
{
    if (!m_dotStuff) {
        out.append(data, size);
    } else {
        qsizetype i = 0;
        while (i < size) {
            if (m_atLineStart && data[i] == '.')
                out += '.';
            const char* nl =
                static_cast<const char*>(std::memchr(data + i, '\n', size_t(size - i)));
            const qsizetype end = nl ? (nl - data) + 1 : size;
            out.append(data + i, end - i);
            m_atLineStart = nl != nullptr;
            i = end;
        }
    }
    if (out.size() >= 2)
        m_lastTwo = out.right(2);
    else if (!out.isEmpty())
        m_lastTwo = (m_lastTwo + out).right(2);
}

QByteArray OutboundReader::read(qint64 maxBytes)
{
    QByteArray out;
    if (m_atEnd)
        return out;
    out.reserve(int(qMin<qint64>(maxBytes, 1 << 20)) + 64);
    while (out.size() < maxBytes) {
        const qint64 pos = m_file.pos();
        // An edit starting here: its replacement takes the place of the original bytes.
        if (m_nextEdit < m_edits.size() && pos >= m_edits.at(m_nextEdit).begin) {
            const HeaderEdit& edit = m_edits.at(m_nextEdit++);
            put(out, edit.replacement.constData(), edit.replacement.size());
            if (!m_file.seek(qMax(pos, edit.end))) {
                m_error = m_file.errorString();
                m_atEnd = true;
                break;
            }
            continue;
        }
        qint64 want = maxBytes - out.size();
        if (m_nextEdit < m_edits.size())
            want = qMin(want, m_edits.at(m_nextEdit).begin - pos);
        const QByteArray chunk = m_file.read(qMax<qint64>(want, 1));
        if (chunk.isEmpty()) {
            if (m_file.error() != QFileDevice::NoError)
                m_error = m_file.errorString();
            m_atEnd = true;
            break;
        }
        put(out, chunk.constData(), chunk.size());
    }
    return out;
}

} // namespace sendguard
