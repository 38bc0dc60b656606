// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of the message analysis (MessageAnalyzer::analyze), the step every message goes
// through between the end of DATA and the 250 reply.
//
//   bench_analysis [--runs N] [--history N] [--keep DIR] [--python PATH]
//
// Cases, generated in a temporary folder:
//   (a) a 25 MB message: a text body and 5 base64 attachments
//   (b) a message with 500 recipients in To and Cc (internal and external, Japanese display
//       names as RFC 2047 encoded words) and the same 500 as envelope recipients
// For each: the median of N runs (default 9, after one warm-up run) of analyze() without and
// with a recipient history of --history known addresses (default 1000), next to references
// measured in the same run on the same (cached) file: reading it once (64 KiB read() calls, what
// `cat FILE >/dev/null` does) and Python's email.message_from_binary_file.
// The target is under 50 ms per analysis. Prints a table; exits 0 unless something failed.

#include "MessageAnalyzer.h"
#include "RecipientHistory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QStringList>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <unistd.h>
#include <vector>

using namespace sendguard;

namespace {

constexpr double TargetMs = 50.0;

QByteArray encodedWord(const QString& text)
{
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

QByteArray folded76(const QByteArray& b64)
{
    QByteArray out;
    out.reserve(b64.size() + b64.size() / 76 * 2 + 2);
    for (qsizetype i = 0; i < b64.size(); i += 76) {
        out += b64.mid(i, 76);
        out += "\r\n";
    }
    return out;
}

PolicyConfig benchPolicy()
{
    PolicyConfig p;
    p.internalDomains = {QStringLiteral("example.co.jp")};
    p.trustedDomains = {QStringLiteral("partner.example.com")};
    p.blockedDomains = {QStringLiteral("blocked.example")};
    p.massThreshold = 10;
    p.bccRewrite = BccRewrite::ExternalWhenMass;
    using W = KeywordRule::Where;
    using A = KeywordRule::Action;
    p.keywordRules = {{QStringLiteral("社外秘"), W::Subject, A::Warn},
                      {QStringLiteral("\\b(?:\\d{4}[- ]?){3}\\d{4}\\b"), W::Body, A::Warn},
                      {QStringLiteral("極秘"), W::Body, A::Warn},
                      {QStringLiteral("\\.(exe|scr)$"), W::AttachmentName, A::Block}};
    return p;
}

// (a) ~25 MB: text body + 5 base64 attachments of random bytes.
bool writeLargeMessage(const QString& path, QStringList* recipients)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    QByteArray head = "From: " + encodedWord(QStringLiteral("山田 太郎")) +
                      " <taro@example.co.jp>\r\n"
                      "To: alice@example.net, " +
                      encodedWord(QStringLiteral("鈴木 一郎")) +
                      " <suzuki@example.co.jp>\r\n"
                      "Cc: bob@partner.example.com\r\n"
                      "Bcc: boss@example.co.jp\r\n"
                      "Subject: " +
                      encodedWord(QStringLiteral("四半期資料の送付")) +
                      "\r\n"
                      "Date: Mon, 1 Jul 2024 10:00:00 +0900\r\n"
                      "Message-ID: <bench-large@bench.sendguard.test>\r\n"
                      "MIME-Version: 1.0\r\n"
                      "Content-Type: multipart/mixed; boundary=\"=_bench_boundary_0001\"\r\n"
                      "\r\n"
                      "This is a multi-part message in MIME format.\r\n"
                      "--=_bench_boundary_0001\r\n"
                      "Content-Type: text/plain; charset=UTF-8\r\n"
                      "Content-Transfer-Encoding: 8bit\r\n\r\n";
    f.write(head);
    const QByteArray line =
        QStringLiteral(
            "いつもお世話になっております。四半期の資料をお送りします。 Regards, Taro.\r\n")
            .toUtf8();
    for (int i = 0; i < 2000; ++i) // ~200 KB of text
        f.write(line);
    QRandomGenerator rng(20240701);
    const char* names[] = {"report-2024Q2.pdf", "figures.xlsx", "photo-001.jpg", "archive.zip",
                           "slides.pptx"};
    const char* types[] = {
        "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "image/jpeg", "application/zip",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation"};
    const qint64 decodedEach = 3600 * 1024 + 123; // 5 x ~4.8 MiB of base64
    for (int a = 0; a < 5; ++a) {
        QByteArray raw(decodedEach, Qt::Uninitialized);
        rng.fillRange(reinterpret_cast<quint32*>(raw.data()), raw.size() / 4);
        f.write(QByteArray("--=_bench_boundary_0001\r\nContent-Type: ") + types[a] + "; name=\"" +
                names[a] + "\"\r\nContent-Disposition: attachment; filename=\"" + names[a] +
                "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        f.write(folded76(raw.toBase64()));
    }
    f.write("--=_bench_boundary_0001--\r\n");
    *recipients = {QStringLiteral("alice@example.net"), QStringLiteral("suzuki@example.co.jp"),
                   QStringLiteral("bob@partner.example.com"), QStringLiteral("boss@example.co.jp")};
    return f.flush() && f.size() > 0;
}

// (b) 500 recipients, 300 in To and 200 in Cc.
bool writeManyRecipients(const QString& path, QStringList* recipients)
{
    static const char16_t* family[] = {u"佐藤", u"鈴木", u"高橋", u"田中", u"伊藤",
                                       u"渡辺", u"山本", u"中村", u"小林", u"加藤"};
    static const char16_t* given[] = {u"太郎", u"花子",   u"一郎", u"美咲",
                                      u"健太", u"さくら", u"翔",   u"陽菜"};
    static const char* domains[] = {
        "example.co.jp",      "sales.example.co.jp", "example.net", "partner.example.com",
        "customer-a.example", "customer-b.example",  "example.org"};
    QByteArray to, cc;
    recipients->clear();
    for (int i = 0; i < 500; ++i) {
        const QString name = QString::fromUtf16(family[i % 10]) + QLatin1Char(' ') +
                             QString::fromUtf16(given[(i / 10) % 8]) +
                             (i % 3 == 0 ? QStringLiteral(" 様") : QString());
        const QByteArray address = "user" + QByteArray::number(i) + "@" + domains[i % 7];
        const QByteArray mailbox =
            (i % 5 == 4 ? QByteArray("\"Person ") + QByteArray::number(i) + "\""
                        : encodedWord(name)) +
            " <" + address + ">";
        QByteArray& field = i < 300 ? to : cc;
        if (!field.isEmpty())
            field += ",\r\n ";
        field += mailbox;
        recipients->append(QString::fromLatin1(address));
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write("From: " + encodedWord(QStringLiteral("総務部")) +
            " <soumu@example.co.jp>\r\nTo: " + to + "\r\nCc: " + cc +
            "\r\nSubject: " + encodedWord(QStringLiteral("【ご案内】年末年始の営業について")) +
            "\r\nDate: Mon, 1 Jul 2024 10:00:00 +0900\r\nMessage-ID: "
            "<bench-rcpts@bench.sendguard.test>\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; "
            "charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
    for (int i = 0; i < 20; ++i)
        f.write(QStringLiteral("平素より格別のご高配を賜り、厚く御礼申し上げます。\r\n").toUtf8());
    return f.flush();
}

double medianMs(int runs, const std::function<void()>& fn)
{
    fn(); // warm-up: page cache, GMime init, regex caches
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        fn();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

qint64 readOnce(const QString& path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    static char buffer[64 * 1024];
    qint64 total = 0;
    ssize_t n;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
        total += n;
    ::close(fd);
    return total;
}

// Python's email parser on the same file: median of `runs` in one interpreter, in ms.
QString pythonMedianMs(const QString& python, const QString& path, int runs)
{
    if (python.isEmpty())
        return QStringLiteral("n/a");
    static const char* script =
        "import email, email.utils, sys, time\n"
        "path, runs = sys.argv[1], int(sys.argv[2])\n"
        "def once():\n"
        "    with open(path, 'rb') as f:\n"
        "        m = email.message_from_binary_file(f)\n"
        "    email.utils.getaddresses(m.get_all('To', []) + m.get_all('Cc', [])); "
        "m.get('Subject')\n"
        "once()\n"
        "ts = []\n"
        "for _ in range(runs):\n"
        "    t = time.perf_counter(); once(); ts.append((time.perf_counter() - t) * 1000)\n"
        "ts.sort(); print('%.1f' % ts[len(ts) // 2])\n";
    QProcess p;
    p.start(python,
            {QStringLiteral("-c"), QString::fromLatin1(script), path, QString::number(runs)});
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return QStringLiteral("n/a");
    return QString::fromLatin1(p.readAllStandardOutput()).trimmed();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int runs = 9, historySize = 1000;
    QString keep, python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (a == QLatin1String("--runs") && hasValue)
            runs = std::max(1, args.at(++i).toInt());
        else if (a == QLatin1String("--history") && hasValue)
            historySize = std::max(0, args.at(++i).toInt());
        else if (a == QLatin1String("--keep") && hasValue)
            keep = args.at(++i);
        else if (a == QLatin1String("--python") && hasValue)
            python = args.at(++i);
        else {
            std::fprintf(
                stderr,
                "usage: bench_analysis [--runs N] [--history N] [--keep DIR] [--python PATH|'']\n");
            return 2;
        }
    }

    QTemporaryDir tmp;
    const QString dir = keep.isEmpty() ? tmp.path() : keep;
    QDir().mkpath(dir);
    const QString large = dir + QStringLiteral("/large-25mb.eml");
    const QString many = dir + QStringLiteral("/500-recipients.eml");
    QStringList largeRcpts, manyRcpts;
    if (!writeLargeMessage(large, &largeRcpts) || !writeManyRecipients(many, &manyRcpts)) {
        std::fprintf(stderr, "bench_analysis: cannot write the test messages in %s\n",
                     qPrintable(dir));
        return 1;
    }

    // A history of known addresses, as a user who has sent mail for a while has.
    RecipientHistory history(dir + QStringLiteral("/history.sqlite"));
    QString error;
    bool haveHistory = history.open(&error);
    if (!haveHistory)
        std::fprintf(stderr, "bench_analysis: no recipient history (%s)\n", qPrintable(error));
    else if (historySize > 0) {
        QStringList known;
        for (int i = 0; i < historySize; ++i)
            known << QStringLiteral("contact%1@customer%2.example").arg(i).arg(i % 97);
        for (int i = 0; i < 500; i += 2)
            known << QStringLiteral("user%1@example.net").arg(i);
        history.recordDelivered(known);
    }

    struct Case
    {
        const char* label;
        QString path;
        QString envelopeFrom;
        QStringList recipients;
    };
    const Case cases[] = {
        {"(a) 25 MB, 5 base64 attachments", large, QStringLiteral("taro@example.co.jp"),
         largeRcpts},
        {"(b) 500 recipients in To/Cc", many, QStringLiteral("soumu@example.co.jp"), manyRcpts}};

    std::printf(
        "3. Analysis: MessageAnalyzer::analyze, median of %d runs (file in the page cache)\n",
        runs);
    std::printf("   %-34s %9s %11s %12s %9s %10s %7s\n", "", "size", "analyze ms", "+history ms",
                "read ms", "python ms", "<50ms");
    bool failed = false;
    for (const Case& c : cases) {
        AnalysisInput in;
        in.path = c.path;
        in.envelopeFrom = c.envelopeFrom;
        in.recipients = c.recipients;
        in.policy = benchPolicy();
        Verdict v = MessageAnalyzer::analyze(in);
        if (!v.parsed) {
            std::fprintf(stderr, "bench_analysis: %s: not parsed: %s\n", c.label,
                         qPrintable(v.error));
            failed = true;
            continue;
        }
        const double plain = medianMs(runs, [&] { v = MessageAnalyzer::analyze(in); });
        double withHistory = -1;
        if (haveHistory) {
            in.history = &history;
            withHistory = medianMs(runs, [&] { v = MessageAnalyzer::analyze(in); });
        }
        const double read = medianMs(runs, [&] { readOnce(c.path); });
        const QString py = pythonMedianMs(python, c.path, runs);
        const qint64 bytes = QFileInfo(c.path).size();
        const QString size =
            bytes >= 1024 * 1024
                ? QStringLiteral("%1 MiB").arg(double(bytes) / 1048576.0, 0, 'f', 1)
                : QStringLiteral("%1 KiB").arg(double(bytes) / 1024.0, 0, 'f', 1);
        const double worst = std::max(plain, withHistory);
        std::printf("   %-34s %9s %11.1f %12s %9.3f %10s %7s\n", c.label, qPrintable(size), plain,
                    withHistory < 0 ? "n/a" : qPrintable(QString::number(withHistory, 'f', 1)),
                    read, qPrintable(py), worst < TargetMs ? "yes" : "NO");
        std::printf("      verdict: %lld recipients, %lld attachments, %lld moved to Bcc, %lld "
                    "header edits, flags: %s\n",
                    qint64(v.recipients.size()), qint64(v.attachments.size()),
                    qint64(v.movedToBcc.size()), qint64(v.edits.size()),
                    qPrintable(v.flags().join(QLatin1Char(','))));
    }
    if (haveHistory)
        std::printf("   +history: with a recipient history of %d known addresses (SQLite, loaded "
                    "in memory)\n",
                    historySize + 250);
    std::printf("   read: reading the file once (64 KiB read() calls, like cat FILE >/dev/null); "
                "python: %s\n",
                python.isEmpty()
                    ? "not found"
                    : "email.message_from_binary_file (compat32) + getaddresses(To, Cc)");
    if (!keep.isEmpty())
        std::printf("   messages kept in %s\n", qPrintable(keep));
    return failed ? 1 : 0;
}
