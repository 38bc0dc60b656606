// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: one input = one spooled message (bytes as SendGuard stores them; see
// asSpooled() for how any input is shaped like one).
//
// 1. MessageAnalyzer::analyze with a fixed policy that switches every rule on (internal,
//    trusted and blocked domains, keyword rules on subject/body/attachment name, a low mass
//    threshold so the move to Bcc and its header edits happen). Odd-sized inputs run with
//    bcc_rewrite "all-when-mass", even-sized ones with "external-when-mass".
// 2. The verdict's JSON round trip and the questions Guard asks of it.
// 3. The verdict's header edits checked (inside the file, sorted, not overlapping) and applied
//    with OutboundReader to the same file, twice: plain, and dot-stuffed as for SMTP DATA. Both
//    outputs must equal the edits applied in memory (the dot-stuffed one after un-stuffing).
//
// A broken invariant aborts with a message on stderr, so libFuzzer keeps the input.
// 4. The promise of the move to Bcc on the result (checkPrivacy): no Bcc header left, no moved
//    address still shown in To/Cc.
// 5. The same message analysed from memory (as SendGuard does for small messages) gives the
//    same verdict and edits as analysed from the file.
// 6. The encrypted copies (CopyPlanner) for the result: every envelope recipient in exactly one
//    copy; a recipient not shown in To/Cc never shares a copy with anyone.
//
// SG_FUZZ_FATAL_CRITICALS=1 also makes GLib/GMime critical warnings (API misuse) fatal.
// SG_FUZZ_VERBOSE=1 prints the verdict and the edits (triage: fuzz_analyzer FILE).

#include "CopyPlanner.h"
#include "MessageAnalyzer.h"
#include "OutboundReader.h"
#include "Verdict.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QSet>
#include <QString>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <glib.h>
#include <gmime/gmime.h>
#include <sys/mman.h>
#include <unistd.h>

using namespace sendguard;

namespace {

int g_fd = -1;
QString g_path;
bool g_fatalCriticals = false;

[[noreturn]] void fail(const char* what, const QByteArray& detail = {})
{
    std::fprintf(stderr, "fuzz_analyzer: INVARIANT BROKEN: %s %s\n", what, detail.constData());
    std::fflush(stderr);
    std::abort();
}

void quietLog(const gchar* domain, GLogLevelFlags level, const gchar* message, gpointer)
{
    if ((level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR)) == 0)
        return;
    std::fprintf(stderr, "fuzz_analyzer: %s critical: %s\n", domain ? domain : "glib", message);
    if (g_fatalCriticals)
        fail("GLib critical warning (see above)");
}

PolicyConfig makePolicy(bool allWhenMass)
{
    PolicyConfig p;
    p.internalDomains = {QStringLiteral("example.co.jp"), QStringLiteral("xn--eckwd4c7c.example")};
    p.trustedDomains = {QStringLiteral("partner.example.com"), QStringLiteral("bank.example")};
    p.blockedDomains = {QStringLiteral("blocked.example"), QStringLiteral("evil.test")};
    p.massThreshold = 3;
    p.bccRewrite = allWhenMass ? BccRewrite::AllWhenMass : BccRewrite::ExternalWhenMass;
    p.confirm = ConfirmWhen::External;
    using W = KeywordRule::Where;
    using A = KeywordRule::Action;
    p.keywordRules = {
        {QStringLiteral("社外秘|confidential"), W::Subject, A::Block},
        {QStringLiteral("^(re|fwd?):\\s*\\[?urgent"), W::Subject, A::Warn},
        {QStringLiteral("\\b(?:\\d{4}[- ]?){3}\\d{4}\\b"), W::Body, A::Warn},
        {QStringLiteral("極秘|マル秘"), W::Body, A::Block},
        {QStringLiteral("\\.(exe|scr|js|vbs)$"), W::AttachmentName, A::Block},
        {QStringLiteral("見積|invoice"), W::AttachmentName, A::Warn},
    };
    return p;
}

const QStringList& envelopeRecipients()
{
    static const QStringList list = {
        QStringLiteral("taro@example.co.jp"),        QStringLiteral("hanako@sales.example.co.jp"),
        QStringLiteral("bob@partner.example.com"),   QStringLiteral("mallory@blocked.example"),
        QStringLiteral("alice@example.net"),         QStringLiteral("carol@examp1e.co.jp"),
        QStringLiteral("dave@bank-example.com"),     QStringLiteral("jiro@例え.jp"),
        QStringLiteral("\"odd local\"@example.org"), QStringLiteral("eve@EXAMPLE.NET"),
    };
    return list;
}

// What SmtpSession can spool: it refuses a bare CR or LF (550) and over-long lines, and the
// data always ends with CRLF. Inputs are mapped onto that shape (a lone CR or LF becomes CRLF,
// a line longer than the SMTP limit is broken, CRLF is added at the end), so that every
// finding is reachable over SMTP. SG_FUZZ_RAW=1 feeds the bytes as they are.
QByteArray asSpooled(const char* data, size_t size)
{
    constexpr qsizetype MaxLine = 998; // RFC 5322 line limit, without CRLF; below SmtpSession's
    QByteArray out;
    out.reserve(qsizetype(size) + qsizetype(size) / 16 + 2);
    qsizetype lineLength = 0;
    for (size_t i = 0; i < size; ++i) {
        const char c = data[i];
        if (c == '\r' || c == '\n') {
            out += "\r\n";
            lineLength = 0;
            if (c == '\r' && i + 1 < size && data[i + 1] == '\n')
                ++i;
            continue;
        }
        if (lineLength == MaxLine) {
            out += "\r\n";
            lineLength = 0;
        }
        out += c;
        ++lineLength;
    }
    if (!out.isEmpty() && !out.endsWith("\r\n"))
        out += "\r\n";
    return out;
}

// The edits applied in memory: what OutboundReader must produce without dot-stuffing.
QByteArray applyEdits(const QByteArray& data, const QList<HeaderEdit>& edits)
{
    QByteArray out;
    qint64 pos = 0;
    for (const HeaderEdit& e : edits) {
        out.append(data.constData() + pos, e.begin - pos);
        out.append(e.replacement);
        pos = e.end;
    }
    out.append(data.constData() + pos, data.size() - pos);
    return out;
}

QByteArray unstuff(const QByteArray& data)
{
    QByteArray out;
    out.reserve(data.size());
    bool lineStart = true;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data.at(i);
        if (lineStart && c == '.') {
            if (i + 1 >= data.size() || data.at(i + 1) != '.')
                fail("dot-stuffed output has a line starting with a single '.'");
            ++i; // drop the stuffed dot, keep the original
        }
        out += data.at(i);
        lineStart = data.at(i) == '\n';
    }
    return out;
}

QByteArray readAll(const QList<HeaderEdit>& edits, bool dotStuff, qint64 chunk, qint64 limit)
{
    OutboundReader reader(g_path, edits, dotStuff);
    QString error;
    if (!reader.open(&error))
        fail("OutboundReader::open failed:", error.toUtf8());
    QByteArray out;
    int rounds = 0;
    while (!reader.atEnd()) {
        const QByteArray part = reader.read(chunk);
        out += part;
        if (out.size() > limit)
            fail("OutboundReader produced more output than possible");
        if (part.isEmpty() && !reader.atEnd())
            fail("OutboundReader::read returned nothing before the end");
        if (++rounds > 10 * (limit / chunk + 16))
            fail("OutboundReader does not come to an end");
    }
    if (reader.hasError())
        fail("OutboundReader error:", reader.errorString().toUtf8());
    return out;
}

void collectAddresses(InternetAddressList* list, QSet<QString>* out, int depth = 0)
{
    if (!list || depth > 8)
        return;
    for (int i = 0; i < internet_address_list_length(list); ++i) {
        InternetAddress* a = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
            if (const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)))
                out->insert(QString::fromUtf8(addr).toLower());
        } else if (INTERNET_ADDRESS_IS_GROUP(a)) {
            collectAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), out,
                             depth + 1);
        }
    }
}

// The promise of the move to Bcc, checked on the message as it will be relayed (parsed again
// with GMime): no Bcc or Resent-Bcc header is left, and no address the verdict moved to Bcc is
// still shown in To or Cc.
void checkPrivacy(const QByteArray& relayed, const Verdict& v)
{
    GMimeStream* stream =
        g_mime_stream_mem_new_with_buffer(relayed.constData(), size_t(relayed.size()));
    GMimeParser* parser = g_mime_parser_new_with_stream(stream);
    g_object_unref(stream);
    GMimeMessage* message = g_mime_parser_construct_message(parser, nullptr);
    g_object_unref(parser);
    if (!message)
        return;
    GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
    const int count = g_mime_header_list_get_count(headers);
    for (int i = 0; i < count; ++i) {
        const char* name = g_mime_header_get_name(g_mime_header_list_get_header_at(headers, i));
        if (g_ascii_strcasecmp(name, "Bcc") == 0 || g_ascii_strcasecmp(name, "Resent-Bcc") == 0) {
            g_object_unref(message);
            fail("a Bcc header is left in the relayed message");
        }
    }
    QSet<QString> shown;
    collectAddresses(g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_TO), &shown);
    collectAddresses(g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_CC), &shown);
    QStringList leaked;
    for (const QString& moved : v.movedToBcc) {
        if (shown.contains(moved.toLower()))
            leaked << moved.toLower();
    }
    g_object_unref(message);
    if (!leaked.isEmpty())
        fail("addresses moved to Bcc are still shown in To/Cc:",
             leaked.join(QLatin1Char(' ')).toUtf8());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    g_fatalCriticals = qEnvironmentVariableIntValue("SG_FUZZ_FATAL_CRITICALS") == 1;
    g_log_set_default_handler(quietLog, nullptr);
    g_log_set_handler("gmime",
                      GLogLevelFlags(G_LOG_LEVEL_MASK | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION),
                      quietLog, nullptr);
    g_fd = memfd_create("sg-fuzz-message", MFD_CLOEXEC);
    if (g_fd < 0) {
        char tmpl[] = "/tmp/sg-fuzz-XXXXXX";
        g_fd = mkstemp(tmpl);
        if (g_fd < 0) {
            std::perror("fuzz_analyzer: memfd_create/mkstemp");
            std::abort();
        }
        unlink(tmpl); // still reachable through /proc/self/fd
    }
    g_path = QStringLiteral("/proc/self/fd/%1").arg(g_fd);
    ensureMimeLibrary();
    return 0;
}

// 6. Encrypted copies never put a recipient the headers do not show together with anyone.
void checkCopies(const Verdict& v, const QStringList& envelope)
{
    QStringList shownList;
    QString error;
    if (!CopyPlanner::shownAddresses(g_path, v.edits, &shownList, &error))
        return; // a header CopyPlanner cannot read: the message fails, nothing is sent
    QSet<QString> shown;
    for (const QString& a : std::as_const(shownList))
        shown.insert(MessageAnalyzer::addressKey(a));
    const QList<EncryptedCopy> copies = CopyPlanner::split(envelope, shownList);
    QSet<QString> seen;
    int visibleCopies = 0;
    for (const EncryptedCopy& c : copies) {
        if (c.recipients.isEmpty())
            fail("an encrypted copy without recipients");
        if (!c.bcc)
            ++visibleCopies;
        for (const QString& r : c.recipients) {
            const QString key = MessageAnalyzer::addressKey(r);
            if (seen.contains(key))
                fail("a recipient is in two encrypted copies:", r.toUtf8());
            seen.insert(key);
            if (c.recipients.size() > 1 && !shown.contains(key))
                fail("a recipient not shown in To/Cc shares an encrypted copy:", r.toUtf8());
        }
    }
    if (visibleCopies > 1)
        fail("more than one copy for the recipients To/Cc show");
    for (const QString& r : envelope) {
        if (!seen.contains(MessageAnalyzer::addressKey(r)))
            fail("an envelope recipient is in no encrypted copy:", r.toUtf8());
    }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 4 * 1024 * 1024)
        return -1;
    static const bool raw = qEnvironmentVariableIntValue("SG_FUZZ_RAW") == 1;
    const QByteArray input = raw ? QByteArray(reinterpret_cast<const char*>(data), qsizetype(size))
                                 : asSpooled(reinterpret_cast<const char*>(data), size);
    size = size_t(input.size());
    if (ftruncate(g_fd, 0) != 0 ||
        (size && pwrite(g_fd, input.constData(), size, 0) != ssize_t(size))) {
        std::perror("fuzz_analyzer: write");
        std::abort();
    }

    static const PolicyConfig external = makePolicy(false);
    static const PolicyConfig all = makePolicy(true);
    AnalysisInput in;
    in.path = g_path;
    in.envelopeFrom = QStringLiteral("sender@example.co.jp");
    in.recipients = envelopeRecipients();
    in.policy = (size & 1) ? all : external;
    const Verdict v = MessageAnalyzer::analyze(in);
    if (size > 0) {
        AnalysisInput inMemory = in;
        inMemory.content = input;
        const Verdict m = MessageAnalyzer::analyze(inMemory);
        if (QJsonDocument(m.toJson()).toJson() != QJsonDocument(v.toJson()).toJson() ||
            m.edits != v.edits || m.error != v.error)
            fail("the verdict from memory differs from the verdict from the file");
    }

    // What Guard and the queue do with a verdict.
    (void)v.flags();
    (void)v.blockReason();
    (void)v.needsConfirmation(ConfirmWhen::External);
    const QJsonObject json = v.toJson();
    const Verdict back =
        Verdict::fromJson(QJsonDocument::fromJson(QJsonDocument(json).toJson()).object());
    (void)back.flags();
    if (v.parsed && v.recipients.size() != in.recipients.size())
        fail("verdict lost envelope recipients");

    static const bool verbose = qEnvironmentVariableIntValue("SG_FUZZ_VERBOSE") == 1;
    if (verbose) { // triage: what the analysis found and what it would change
        std::fprintf(stderr, "verdict: %s\n",
                     QJsonDocument(json).toJson(QJsonDocument::Indented).constData());
        for (const HeaderEdit& e : v.edits)
            std::fprintf(stderr, "edit [%lld, %lld) replaced by %zd bytes: \"%s\"\n", e.begin,
                         e.end, size_t(e.replacement.size()),
                         e.replacement.toPercentEncoding(" :<>@,;\"=?").constData());
    }

    if (!v.parsed) {
        if (!v.edits.isEmpty())
            fail("an unparsed verdict carries header edits");
        return 0;
    }

    // The edits: inside the file, sorted, not overlapping (OutboundReader requires it).
    qint64 previousEnd = 0;
    qint64 growth = 0;
    for (const HeaderEdit& e : v.edits) {
        const QByteArray where = QByteArray::number(e.begin) + ".." + QByteArray::number(e.end) +
                                 " of " + QByteArray::number(qint64(size));
        if (e.begin < 0 || e.end < e.begin || e.end > qint64(size))
            fail("header edit outside the message:", where);
        if (e.begin < previousEnd)
            fail("header edits overlap or are unsorted:", where);
        if (!e.replacement.isEmpty() && !e.replacement.endsWith("\r\n"))
            fail("header edit replacement does not end with CRLF:", e.replacement.left(200));
        if (e.replacement.contains("\r\n\r\n") || e.replacement.startsWith("\r\n"))
            fail("header edit replacement contains an empty line:", e.replacement.left(200));
        previousEnd = e.end;
        growth += e.replacement.size();
    }

    const QByteArray expected = applyEdits(input, v.edits);
    const qint64 limit = 2 * (qint64(size) + growth) + 16;
    const QByteArray plain = readAll(v.edits, false, 4096, limit);
    if (plain != expected)
        fail("OutboundReader output differs from the edits applied in memory");
    const QByteArray stuffed = readAll(v.edits, true, 777, limit);
    if (unstuff(stuffed) != expected)
        fail("dot-stuffed OutboundReader output, un-stuffed, differs from the expected message");

    checkPrivacy(expected, v);
    checkCopies(v, in.recipients);
    return 0;
}
