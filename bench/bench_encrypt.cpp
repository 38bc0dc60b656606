// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmark of the encryption plugins (plugin/smime, plugin/openpgp), loaded with
// EncryptionPlugins from this build tree as the application loads them, against the command
// line tools doing the same job in the same run:
//   S/MIME:  openssl cms -encrypt -binary -outform DER -aes256 -in FILE -out OUT CERT
//   OpenPGP: gpg --batch --trust-model always --encrypt --recipient FPR --output OUT FILE
// The input is a generated message of --size-mb MiB (default 100): MIME headers and base64
// lines of random data, like a large attachment. Keys are made for the run (RSA 2048, one
// recipient; the same one for plugin and tool). Each figure is the median of --runs runs
// (default 3); plugin and tool take turns, output files go to the same folder.
// Peak RSS: for the plugins, this process's VmHWM (reset with /proc/self/clear_refs before each
// plugin run; gpg's own process is not counted); for the tools, the child's ru_maxrss.
// Targets: plugin speed >= 0.8 x tool speed, plugin peak RSS < 100 MiB.
//
//   bench_encrypt [--size-mb N] [--runs N] [--keep DIR]

#include "CryptoTestSupport.h" // peakRssKb()
#include "EncryptionPlugins.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

using namespace sendguard;

namespace {

constexpr double TargetRatio = 0.8;
constexpr double TargetRssMiB = 100.0;

struct Measure
{
    double seconds = -1;
    double rssMiB = -1;
};

double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Runs a program with stdout/stderr to `log`; wall time and the child's peak RSS.
bool runTimed(const QStringList& command, const QString& log, Measure* m, int* status = nullptr)
{
    std::vector<QByteArray> args;
    for (const QString& a : command)
        args.push_back(QFile::encodeName(a));
    std::vector<char*> argv;
    for (QByteArray& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray logName = QFile::encodeName(log);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, logName.constData(),
                                     O_WRONLY | O_CREAT | O_APPEND, 0600);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return false;
    int ws = 0;
    struct rusage usage = {};
    if (wait4(pid, &ws, 0, &usage) != pid)
        return false;
    m->seconds = double(timer.nsecsElapsed()) / 1e9;
    m->rssMiB = double(usage.ru_maxrss) / 1024.0;
    if (status)
        *status = ws;
    return WIFEXITED(ws) && WEXITSTATUS(ws) == 0;
}

// Resets VmHWM to the current RSS (Linux 4.0+); false when not possible.
bool resetHwm()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

bool writeMessage(const QString& path, qint64 size)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    f.write("From: bench@example.org\r\nTo: recipient@example.org\r\nSubject: big attachment\r\n"
            "MIME-Version: 1.0\r\nContent-Type: application/octet-stream; name=\"data.bin\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n");
    QRandomGenerator rng(4711);
    QByteArray raw(57 * 1024, Qt::Uninitialized);
    while (f.size() < size) {
        rng.fillRange(reinterpret_cast<quint32*>(raw.data()), raw.size() / 4);
        const QByteArray b64 = raw.toBase64();
        QByteArray lines;
        lines.reserve(b64.size() + b64.size() / 76 * 2 + 2);
        for (qsizetype i = 0; i < b64.size(); i += 76)
            lines += b64.mid(i, 76) + "\r\n";
        if (f.write(lines.left(size - f.size())) < 0)
            return false;
    }
    return f.flush();
}

bool plugin(EncryptionBackend* backend, const QString& in, const QString& out,
            const QStringList& recipients, Measure* m, QString* error)
{
    const bool canReset = resetHwm();
    QElapsedTimer timer;
    timer.start();
    QFile input(in), output(out);
    if (!input.open(QIODevice::ReadOnly) || !output.open(QIODevice::WriteOnly)) {
        *error = input.isOpen() ? output.errorString() : input.errorString();
        return false;
    }
    const bool ok = backend->encrypt(&input, &output, recipients, error);
    output.close();
    m->seconds = double(timer.nsecsElapsed()) / 1e9;
    m->rssMiB = double(cryptotest::peakRssKb()) / 1024.0;
    if (!canReset)
        m->rssMiB = -m->rssMiB; // marks "peak of the whole process so far"
    return ok;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    int runs = 3;
    qint64 sizeMb = 100;
    QString keep;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        const QString& a = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (a == QLatin1String("--runs") && hasValue)
            runs = std::max(1, args.at(++i).toInt());
        else if (a == QLatin1String("--size-mb") && hasValue)
            sizeMb = std::max(1, args.at(++i).toInt());
        else if (a == QLatin1String("--keep") && hasValue)
            keep = args.at(++i);
        else {
            std::fprintf(stderr, "usage: bench_encrypt [--size-mb N] [--runs N] [--keep DIR]\n");
            return 2;
        }
    }
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    const QString gpg = QStandardPaths::findExecutable(QStringLiteral("gpg"));
    const QString gpgconf = QStandardPaths::findExecutable(QStringLiteral("gpgconf"));
    if (openssl.isEmpty() || gpg.isEmpty()) {
        std::fprintf(stderr, "bench_encrypt: needs the openssl and gpg commands\n");
        return 1;
    }

    QTemporaryDir tmp;
    const QString dir = keep.isEmpty() ? tmp.path() : keep;
    QDir().mkpath(dir);
    const QString log = dir + QStringLiteral("/tools.log");
    const QString input = dir + QStringLiteral("/message.eml");
    const QString home = dir + QStringLiteral("/gnupg");
    const QString certs = dir + QStringLiteral("/certs");
    const QString address = QStringLiteral("recipient@example.org");
    QDir().mkpath(home);
    QFile::setPermissions(home, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QDir().mkpath(certs);
    const QString cert = certs + QStringLiteral("/recipient.pem");

    // Material: the message, an S/MIME certificate, an OpenPGP key (RSA 2048 each).
    Measure ignored;
    const QStringList gpgBase = {gpg, QStringLiteral("--batch"), QStringLiteral("--homedir"), home};
    bool ok = writeMessage(input, sizeMb * 1024 * 1024);
    ok = ok &&
         runTimed({openssl, QStringLiteral("req"), QStringLiteral("-x509"),
                   QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), dir + QStringLiteral("/recipient.key"),
                   QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("30"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=Recipient"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=email:") + address},
                  log, &ignored);
    ok = ok && runTimed(gpgBase + QStringList{QStringLiteral("--passphrase"), QString(),
                                              QStringLiteral("--pinentry-mode"),
                                              QStringLiteral("loopback"),
                                              QStringLiteral("--quick-gen-key"),
                                              QStringLiteral("Recipient <%1>").arg(address),
                                              QStringLiteral("rsa2048"), QStringLiteral("default"),
                                              QStringLiteral("never")},
                        log, &ignored);
    QString fpr;
    if (ok) {
        QFile l(log);
        l.open(QIODevice::ReadOnly);
        fpr = QRegularExpression(QStringLiteral("openpgp-revocs\\.d/([0-9A-F]{40})\\.rev"))
                  .match(QString::fromUtf8(l.readAll()))
                  .captured(1);
        ok = !fpr.isEmpty() &&
             runTimed(gpgBase + QStringList{QStringLiteral("--passphrase"), QString(),
                                            QStringLiteral("--pinentry-mode"),
                                            QStringLiteral("loopback"),
                                            QStringLiteral("--quick-add-key"), fpr,
                                            QStringLiteral("rsa2048"), QStringLiteral("encr"),
                                            QStringLiteral("never")},
                      log, &ignored);
    }
    const auto stopAgent = [&] {
        if (!gpgconf.isEmpty())
            runTimed({gpgconf, QStringLiteral("--homedir"), home, QStringLiteral("--kill"),
                      QStringLiteral("all")},
                     log, &ignored);
    };
    if (!ok) {
        std::fprintf(stderr, "bench_encrypt: could not prepare the material (see %s)\n",
                     qPrintable(log));
        stopAgent();
        return 1;
    }

    EncryptionPlugins plugins;
    plugins.load();
    EncryptionSettings settings;
    settings.smimeCertificates = certs;
    settings.gnupgHome = home;
    QString error;
    struct Backend
    {
        const char* label;
        const char* tool;
        QString name;
        EncryptionBackend* backend = nullptr;
        QStringList command;
        std::vector<double> pluginSecs, toolSecs;
        double pluginRss = -1, toolRss = -1;
        bool failed = false;
    };
    const QString toolOut = dir + QStringLiteral("/tool.out");
    const QString pluginOut = dir + QStringLiteral("/plugin.out");
    Backend backends[] = {
        {"S/MIME",
         "openssl cms -encrypt",
         QStringLiteral("smime"),
         nullptr,
         {openssl, QStringLiteral("cms"), QStringLiteral("-encrypt"), QStringLiteral("-binary"),
          QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-aes256"),
          QStringLiteral("-in"), input, QStringLiteral("-out"), toolOut, cert}},
        {"OpenPGP", "gpg --encrypt", QStringLiteral("openpgp"), nullptr,
         gpgBase + QStringList{QStringLiteral("--yes"), QStringLiteral("--trust-model"),
                               QStringLiteral("always"), QStringLiteral("--output"), toolOut,
                               QStringLiteral("--recipient"), fpr, QStringLiteral("--encrypt"),
                               input}}};
    bool failed = false;
    for (Backend& b : backends) {
        b.backend = plugins.backend(b.name, &error);
        if (!b.backend || !b.backend->configure(settings, &error)) {
            std::fprintf(stderr, "bench_encrypt: %s plugin: %s\n", b.label, qPrintable(error));
            b.failed = failed = true;
        }
    }

    for (int run = 0; run < runs; ++run) {
        for (Backend& b : backends) {
            if (b.failed)
                continue;
            Measure tool, mine;
            const auto runTool = [&] {
                if (!runTimed(b.command, log, &tool)) {
                    std::fprintf(stderr, "bench_encrypt: %s failed (see %s)\n", b.tool,
                                 qPrintable(log));
                    return false;
                }
                b.toolSecs.push_back(tool.seconds);
                b.toolRss = std::max(b.toolRss, tool.rssMiB);
                return true;
            };
            const auto runPlugin = [&] {
                if (!plugin(b.backend, input, pluginOut, {address}, &mine, &error)) {
                    std::fprintf(stderr, "bench_encrypt: %s plugin: %s\n", b.label,
                                 qPrintable(error));
                    return false;
                }
                b.pluginSecs.push_back(mine.seconds);
                b.pluginRss = std::max(b.pluginRss, std::abs(mine.rssMiB));
                return true;
            };
            // Take turns: which of the two goes first alternates between runs.
            const bool good = run % 2 == 0 ? runTool() && runPlugin() : runPlugin() && runTool();
            if (!good) {
                b.failed = failed = true;
                continue;
            }
            const qint64 toolSize = QFileInfo(toolOut).size();
            const qint64 pluginSize = QFileInfo(pluginOut).size();
            if (pluginSize < toolSize * 95 / 100 || pluginSize > toolSize * 105 / 100 + 4096) {
                std::fprintf(stderr, "bench_encrypt: %s: plugin output %lld bytes, tool %lld\n",
                             b.label, pluginSize, toolSize);
                b.failed = failed = true;
            }
            QFile::remove(toolOut);
            QFile::remove(pluginOut);
        }
    }
    stopAgent();

    const double mib = double(QFileInfo(input).size()) / 1048576.0;
    std::printf("4. Encryption: %.0f MiB message (base64 lines of random data), 1 recipient "
                "(RSA 2048), median of %d runs\n",
                mib, runs);
    std::printf("   %-36s %9s %9s %8s %13s %8s\n", "", "seconds", "MiB/s", "vs tool",
                "peak RSS MiB", "target");
    for (const Backend& b : backends) {
        const double t = median(b.toolSecs), p = median(b.pluginSecs);
        if (t <= 0 || p <= 0) {
            std::printf("   %-36s %9s\n", b.label, "failed");
            continue;
        }
        const double ratio = (mib / p) / (mib / t);
        const bool met = ratio >= TargetRatio && b.pluginRss < TargetRssMiB;
        std::printf(
            "   %-36s %9.3f %9.1f %8s %13.1f\n",
            qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(b.label), QLatin1String(b.tool))),
            t, mib / t, "1.00", b.toolRss);
        std::printf("   %-36s %9.3f %9.1f %8.2f %13.1f %8s\n",
                    qPrintable(QStringLiteral("%1: SendGuard plugin").arg(QLatin1String(b.label))),
                    p, mib / p, ratio, b.pluginRss, met ? "yes" : "NO");
    }
    std::printf("   target: plugin >= %.1f x the tool's speed and peak RSS < %.0f MiB; peak RSS of "
                "a tool is its own process, of a plugin this process (VmHWM%s; gpg's process "
                "not included)\n",
                TargetRatio, TargetRssMiB, resetHwm() ? ", reset before each run" : "");
    if (!keep.isEmpty())
        std::printf("   files kept in %s\n", qPrintable(keep));
    return failed ? 1 : 0;
}
