// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the encryption back end tests: running the real CLIs with a time limit,
// sample data, and devices that produce or swallow large streams without holding them.
#pragma once

#include "EncryptionBackend.h"

#include <QBuffer>
#include <QByteArray>
#include <QFile>
#include <QIODevice>
#include <QProcess>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace cryptotest {

struct ToolResult
{
    bool ok = false; // started, finished within the limit, exit status 0
    int exitCode = -1;
    QByteArray output; // stdout and stderr
    QString describe(const QString& program, const QStringList& args) const
    {
        return QStringLiteral("%1 %2 -> exit %3: %4")
            .arg(program, args.join(QLatin1Char(' ')))
            .arg(exitCode)
            .arg(QString::fromLocal8Bit(output.right(2000)));
    }
};

inline ToolResult runTool(const QString& program, const QStringList& args,
                          const QByteArray& input = {}, int timeoutMs = 60000)
{
    ToolResult r;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(10000)) {
        r.output = p.errorString().toLocal8Bit();
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.output = "timed out; " + p.readAll();
        return r;
    }
    r.output = p.readAll();
    r.exitCode = p.exitCode();
    r.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    return r;
}

// About `size` bytes that exercise a binary-safe path: random blocks, NUL, lone CR and LF,
// text lines, and bytes >= 0x80.
inline bool writeSample(const QString& path, qint64 size)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QRandomGenerator rng(20240611);
    QByteArray block;
    qint64 written = 0;
    for (int i = 0; written < size; ++i) {
        block.clear();
        if (i % 3 == 0) {
            block.resize(8192);
            rng.fillRange(reinterpret_cast<quint32*>(block.data()), 8192 / 4);
        } else {
            static const QByteArray tail(" \xe3\x81\x82 \0\r\n\r\x80", 10);
            for (int line = 0; line < 64; ++line)
                block += "Line " + QByteArray::number(i * 64 + line) + tail;
        }
        block.truncate(int(qMin<qint64>(block.size(), size - written)));
        if (f.write(block) != block.size())
            return false;
        written += block.size();
    }
    return f.flush();
}

// A read-only sequential device that yields `size` bytes of a repeating pattern.
class PatternDevice : public QIODevice
{
public:
    explicit PatternDevice(qint64 size) : m_left(size)
    {
        m_pattern = QByteArray("SendGuard streaming test \x01\x02\xfe\xff\r\n").repeated(2048);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_left + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        const qint64 n = qMin(qMin(maxSize, m_left), qint64(m_pattern.size()) - m_offset);
        memcpy(data, m_pattern.constData() + m_offset, size_t(n));
        m_offset = (m_offset + n) % m_pattern.size();
        m_left -= n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_pattern;
    qint64 m_offset = 0;
    qint64 m_left;
};

// A write-only device that counts and drops what it gets.
class CountingSink : public QIODevice
{
public:
    qint64 total = 0;
    QByteArray head; // the first bytes, for a format check

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        if (head.size() < 16)
            head += QByteArray(data, int(qMin<qint64>(size, 16 - head.size())));
        total += size;
        return size;
    }
};

// A read-only sequential device over a byte array, for input whose length is not known ahead.
class SequentialReader : public QIODevice
{
public:
    explicit SequentialReader(const QByteArray& data) : m_data(data) { open(QIODevice::ReadOnly); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_offset + QIODevice::bytesAvailable();
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        // Short reads on purpose: at most 10000 bytes at a time.
        const qint64 n = qMin(qMin<qint64>(maxSize, 10000), m_data.size() - m_offset);
        memcpy(data, m_data.constData() + m_offset, size_t(n));
        m_offset += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
};

// Why `der` is not exactly one element in strict DER (X.690 section 10), or empty: definite
// lengths in their shortest form, strings primitive, BOOLEAN, INTEGER and BIT STRING in their
// one encoding, the elements of each SET OF in ascending order. One-octet tags only (CMS uses
// no others).
class DerChecker
{
public:
    static QString problem(const QByteArray& der)
    {
        DerChecker c(der);
        qsizetype end = 0;
        QString why = c.element(0, der.size(), 0, &end);
        if (why.isEmpty() && end != der.size())
            why = QStringLiteral("%1 bytes after the element").arg(der.size() - end);
        return why;
    }

private:
    explicit DerChecker(const QByteArray& der)
        : m_p(reinterpret_cast<const unsigned char*>(der.constData())), m_der(der)
    {
    }

    QString at(qsizetype pos, const char* what) const
    {
        return QStringLiteral("offset %1: %2").arg(pos).arg(QLatin1String(what));
    }

    // The element at `pos` (ending by `limit`); its end in `end`.
    QString element(qsizetype pos, qsizetype limit, int depth, qsizetype* end) const
    {
        if (depth > 64)
            return at(pos, "nested too deeply");
        if (limit - pos < 2)
            return at(pos, "truncated header");
        const unsigned char tag = m_p[pos];
        if ((tag & 0x1f) == 0x1f)
            return at(pos, "multi-octet tag");
        qsizetype q = pos + 1;
        quint64 length = m_p[q++];
        if (length == 0x80)
            return at(pos, "indefinite length");
        if (length & 0x80) {
            const int octets = int(length & 0x7f);
            if (octets > 8 || limit - q < octets)
                return at(pos, "bad long-form length");
            if (m_p[q] == 0)
                return at(pos, "length with a leading zero octet");
            length = 0;
            for (int i = 0; i < octets; ++i)
                length = (length << 8) | m_p[q++];
            if (length < 0x80)
                return at(pos, "long form for a length below 128");
        }
        if (length > quint64(limit - q))
            return at(pos, "length beyond the enclosing element");
        const qsizetype contents = q;
        *end = q + qsizetype(length);
        const bool constructed = tag & 0x20;
        const bool universal = (tag & 0xc0) == 0;
        const int number = tag & 0x1f;
        if (!constructed) {
            const unsigned char* c = m_p + contents;
            if (universal && number == 1 && (length != 1 || (c[0] != 0 && c[0] != 0xff)))
                return at(pos, "BOOLEAN not 00 or FF");
            if (universal && number == 2 &&
                (length == 0 || (length > 1 && ((c[0] == 0 && !(c[1] & 0x80)) ||
                                                (c[0] == 0xff && (c[1] & 0x80))))))
                return at(pos, "INTEGER not in its shortest form");
            if (universal && number == 3 && (length == 0 || c[0] > 7 || (length == 1 && c[0])))
                return at(pos, "bad BIT STRING");
            if (universal && number == 5 && length != 0)
                return at(pos, "NULL with contents");
            return {};
        }
        if (universal && number != 16 && number != 17)
            return at(pos, "constructed string (DER wants it primitive)");
        QByteArray previous;
        for (qsizetype child = contents; child < *end;) {
            qsizetype childEnd = 0;
            const QString why = element(child, *end, depth + 1, &childEnd);
            if (!why.isEmpty())
                return why;
            if (universal && number == 17) {
                QByteArray current = m_der.mid(child, childEnd - child);
                QByteArray a = previous, b = current;
                const qsizetype n = qMax(a.size(), b.size());
                a.append(QByteArray(n - a.size(), '\0'));
                b.append(QByteArray(n - b.size(), '\0'));
                if (!previous.isEmpty() && a > b)
                    return at(child, "SET OF elements out of order");
                previous = current;
            }
            child = childEnd;
        }
        return {};
    }

    const unsigned char* m_p;
    const QByteArray& m_der;
};

// One call of `backend.encrypt` on a small message held in memory: what it said and left.
struct EncryptAttempt
{
    bool ok = false;
    QString error;
    QByteArray output;
    qint64 inputPos = -1; // where it left the input
};

inline EncryptAttempt tryEncrypt(const sendguard::EncryptionBackend& backend, const QStringList& to)
{
    QByteArray plain("Subject: x\r\n\r\nsecret\r\n");
    QBuffer in(&plain);
    EncryptAttempt attempt;
    QBuffer out(&attempt.output);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
        return attempt;
    attempt.ok = backend.encrypt(&in, &out, to, &attempt.error);
    attempt.inputPos = in.pos();
    return attempt;
}

// Peak resident set size of this process in KiB (VmHWM), or -1.
inline qint64 peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace cryptotest
