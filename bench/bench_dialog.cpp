// SPDX-License-Identifier: GPL-3.0-or-later
// How long after the end of DATA the confirm dialog is on screen (target: 150 ms).
//
// A real Guard (spool, analysis, SMTP server on 127.0.0.1, demo upstream) with the real
// DialogGate. A client thread sends messages over a plain socket and notes the moment it wrote
// the final "CRLF.CRLF"; the GUI thread notes the first paint of the ConfirmDialog, answers
// Send, and the client waits for the 250. Prints the latency of each message kind (median and
// worst of RUNS): a small text message, one with 50 recipients, one with a 10 MB attachment.
//
//   bench_dialog [RUNS]        (QT_QPA_PLATFORM=offscreen or an X display)
#include "ConfirmDialog.h"
#include "DialogGate.h"
#include "Guard.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QDir>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace sendguard;
using Clock = std::chrono::steady_clock;

namespace {

std::atomic<long long> g_dataEndNs{0}; // when the client wrote the end of DATA
std::mutex g_mutex;
std::vector<double> g_latencies; // of the current kind, ms

long long nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
        .count();
}

// Notes the first paint of each confirm dialog and answers it.
class PaintProbe : public QObject
{
public:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint) {
            auto* dialog = qobject_cast<ConfirmDialog*>(watched);
            if (dialog && !dialog->property("sg_seen").toBool()) {
                dialog->setProperty("sg_seen", true);
                const double ms = double(nowNs() - g_dataEndNs.load()) / 1e6;
                {
                    std::lock_guard<std::mutex> lock(g_mutex);
                    g_latencies.push_back(ms);
                }
                QTimer::singleShot(0, dialog, [dialog] { dialog->accept(); });
            }
        }
        return false;
    }
};

bool sendAll(int fd, const std::string& data)
{
    size_t off = 0;
    while (off < data.size()) {
        const ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        off += size_t(n);
    }
    return true;
}

// Reads one (possibly multi-line) reply; returns its code.
int readReply(int fd)
{
    std::string line;
    char c;
    for (;;) {
        const ssize_t n = ::recv(fd, &c, 1, 0);
        if (n <= 0)
            return -1;
        line += c;
        if (c == '\n') {
            if (line.size() >= 4 && line[3] == ' ')
                return std::atoi(line.substr(0, 3).c_str());
            line.clear();
        }
    }
}

std::string makeMessage(int recipients, size_t attachmentBytes, std::vector<std::string>* rcpts)
{
    std::string to;
    for (int i = 0; i < recipients; ++i) {
        const std::string a =
            "person" + std::to_string(i) + "@partner" + std::to_string(i % 7) + ".example";
        rcpts->push_back(a);
        to += (i ? ",\r\n " : "") + a;
    }
    std::string m = "From: taro@example.co.jp\r\nTo: " + to +
                    "\r\nSubject: =?UTF-8?B?6KaL56mN5pu4?=\r\nMIME-Version: 1.0\r\n";
    if (!attachmentBytes) {
        m += "Content-Type: text/plain; charset=utf-8\r\n\r\nHello,\r\nthe figures.\r\n";
        return m;
    }
    m += "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
         "See the attachment.\r\n--b\r\nContent-Type: application/pdf; name=q.pdf\r\n"
         "Content-Disposition: attachment; filename=q.pdf\r\nContent-Transfer-Encoding: "
         "base64\r\n\r\n";
    const std::string line(76, 'A');
    for (size_t n = 0; n < attachmentBytes * 4 / 3; n += 76)
        m += line + "\r\n";
    m += "--b--\r\n";
    return m;
}

bool sendOne(quint16 port, const std::string& message, const std::vector<std::string>& rcpts)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{30, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    const int one = 1; // no Nagle delay between the message and its final dot
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return false;
    }
    bool ok = readReply(fd) == 220 && sendAll(fd, "EHLO bench\r\n") && readReply(fd) == 250 &&
              sendAll(fd, "MAIL FROM:<taro@example.co.jp>\r\n") && readReply(fd) == 250;
    for (const std::string& r : rcpts)
        ok = ok && sendAll(fd, "RCPT TO:<" + r + ">\r\n") && readReply(fd) == 250;
    ok = ok && sendAll(fd, "DATA\r\n") && readReply(fd) == 354 && sendAll(fd, message);
    if (ok) {
        g_dataEndNs = nowNs();
        ok = sendAll(fd, ".\r\n") && readReply(fd) == 250;
    }
    sendAll(fd, "QUIT\r\n");
    ::close(fd);
    return ok;
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IONBF, 0);
    QApplication::setQuitOnLastWindowClosed(false); // as in SendGuard
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 15;

    QTemporaryDir dir;
    GuardOptions options;
    options.dataDir = dir.path();
    options.forceDemo = true;
    options.config.listen.port = 0;
    options.config.listen.authRequired = false;
    options.config.listen.starttls = false;
    options.config.listen.maxMessageSize = 64LL * 1024 * 1024;
    options.config.policy.confirm = ConfirmWhen::Always;
    options.config.policy.holdSeconds = 3600; // nothing needs to leave
    options.config.policy.internalDomains = {QStringLiteral("example.co.jp")};
    Guard guard(options);
    DialogGate gate(ConfirmDialogOptions::fromPolicy(options.config.policy));
    guard.setConfirmationGate(&gate);
    QString error;
    int code = 0;
    if (!guard.start(&error, &code)) {
        std::fprintf(stderr, "bench_dialog: cannot start: %s\n", qPrintable(error));
        return 1;
    }
    const quint16 port = quint16(guard.listenAddress().section(QLatin1Char(':'), -1).toUInt());
    PaintProbe probe;
    app.installEventFilter(&probe);

    struct Kind
    {
        const char* name;
        int recipients;
        size_t attachment;
    };
    const Kind kinds[] = {{"text message, 2 recipients", 2, 0},
                          {"50 recipients (mass, move to Bcc)", 50, 0},
                          {"10 MB attachment", 3, 10u * 1024 * 1024}};
    std::printf("confirm dialog on screen after the end of DATA (%d runs each, target 150 ms)\n",
                runs);
    std::thread client([&] {
        for (const Kind& k : kinds) {
            std::vector<std::string> rcpts;
            const std::string message = makeMessage(k.recipients, k.attachment, &rcpts);
            {
                std::lock_guard<std::mutex> lock(g_mutex);
                g_latencies.clear();
            }
            int failures = 0;
            sendOne(port, message, rcpts); // warm-up, not counted
            {
                std::lock_guard<std::mutex> lock(g_mutex);
                g_latencies.clear();
            }
            for (int i = 0; i < runs; ++i)
                failures += sendOne(port, message, rcpts) ? 0 : 1;
            std::vector<double> v;
            {
                std::lock_guard<std::mutex> lock(g_mutex);
                v = g_latencies;
            }
            std::sort(v.begin(), v.end());
            if (v.empty()) {
                std::printf("  %-36s no dialog seen (%d failures)\n", k.name, failures);
                continue;
            }
            std::printf("  %-36s median %7.1f ms   worst %7.1f ms   (%zu dialogs, %d failed "
                        "sends)\n",
                        k.name, v[v.size() / 2], v.back(), v.size(), failures);
            std::fflush(stdout);
        }
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    const int rc = app.exec();
    client.join();
    return rc;
}
