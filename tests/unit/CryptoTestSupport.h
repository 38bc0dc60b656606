// SPDX-License-Identifier: GPL-3.0-or-later
// Helpers shared by the encryption back end tests: running the real CLIs with a time limit,
// sample data, and devices that produce or swallow large streams without holding them.
#pragma once

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
