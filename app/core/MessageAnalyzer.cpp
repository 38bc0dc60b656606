// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageAnalyzer.h"

#include "AddressSyntax.h"
#include "DomainSimilarity.h"
#include "JapaneseText.h"
#include "MimeParts.h"
#include "RecipientHistory.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <algorithm>
#include <array>
#include <cstring>
#include <fcntl.h>
#include <gmime/gmime.h>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>

namespace sendguard {

void ensureMimeLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

namespace {

struct CharPtr
{
    char* p;
    explicit CharPtr(char* ptr) : p(ptr) {}
    ~CharPtr() { g_free(p); }
    QString str() const { return p ? QString::fromUtf8(p) : QString(); }
};

QString normalDomain(const QString& domain)
{
    const QString lower = domain.toLower();
    const QString ace = QString::fromLatin1(QUrl::toAce(lower));
    return ace.isEmpty() ? lower : ace;
}

bool inDomainList(const QString& domain, const QStringList& list)
{
    for (const QString& d : list) {
        if (domain == d || domain.endsWith(QLatin1Char('.') + d))
            return true;
    }
    return false;
}

// The key two addresses are compared by: the local part without RFC 5322 quoting ("a.b"@x and
// a.b@x are the same mailbox), the domain in normal form, all lower-case.
QString lowerAddress(const QString& address)
{
    QString normal = RecipientHistory::normalizeAddress(address);
    const int at = normal.lastIndexOf(QLatin1Char('@'));
    QString local = at < 0 ? normal : normal.left(at);
    if (local.size() >= 2 && local.startsWith(QLatin1Char('"')) &&
        local.endsWith(QLatin1Char('"'))) {
        QString unquoted;
        for (int i = 1; i < local.size() - 1; ++i) {
            if (local.at(i) == QLatin1Char('\\') && i + 1 < local.size() - 1)
                ++i;
            unquoted += local.at(i);
        }
        normal = unquoted + normal.mid(at);
    }
    return normal.toLower();
}

// A mailbox found in a To or Cc header.
struct HeaderMailbox
{
    QString address; // as written
    QString name;    // decoded
    RecipientInfo::Field field;
};

void collectMailboxes(InternetAddressList* list, RecipientInfo::Field field,
                      QList<HeaderMailbox>* out)
{
    mimeparts::forEachMailbox(list, [field, out](InternetAddressMailbox* mailbox) {
        const char* addr = internet_address_mailbox_get_addr(mailbox);
        const char* name = internet_address_get_name(INTERNET_ADDRESS(mailbox));
        if (addr && *addr)
            out->append(
                {QString::fromUtf8(addr), name ? QString::fromUtf8(name) : QString(), field});
    });
}

// A copy of `list` without the mailboxes in `moved` (inside groups too). A group emptied by the
// move goes; one that was empty to begin with ("undisclosed-recipients:;") stays. `changed` is
// set when anything was left out.
InternetAddressList* withoutMailboxes(InternetAddressList* list, const QSet<QString>& moved,
                                      bool* changed, int depth = 0)
{
    InternetAddressList* kept = internet_address_list_new();
    const int n = list ? internet_address_list_length(list) : 0;
    for (int i = 0; i < n; ++i) {
        InternetAddress* a = internet_address_list_get_address(list, i);
        if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
            const char* addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
            if (addr && moved.contains(lowerAddress(QString::fromUtf8(addr))))
                *changed = true;
            else
                internet_address_list_add(kept, a);
        } else if (INTERNET_ADDRESS_IS_GROUP(a) && depth < 8) {
            InternetAddressList* members =
                internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a));
            bool groupChanged = false;
            GPtr<InternetAddressList> keptMembers(
                withoutMailboxes(members, moved, &groupChanged, depth + 1));
            if (!groupChanged) {
                internet_address_list_add(kept, a);
                continue;
            }
            *changed = true;
            if (internet_address_list_length(keptMembers.p) == 0)
                continue;
            GPtr<InternetAddress> group(internet_address_group_new(internet_address_get_name(a)));
            internet_address_group_set_members(INTERNET_ADDRESS_GROUP(group.p), keptMembers.p);
            internet_address_list_add(kept, group.p);
        }
    }
    return kept;
}

// Streams a part's content through the transfer decoder (and optionally a charset converter),
// keeping the first `keep` bytes and counting all of them.
qint64 readDecoded(GMimePart* part, qint64 keep, QByteArray* kept, const char* charset = nullptr)
{
    GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
    if (!wrapper)
        return 0;
    GMimeStream* raw = g_mime_data_wrapper_get_stream(wrapper);
    if (!raw)
        return 0;
    g_mime_stream_reset(raw);
    GPtr<GMimeStream> filtered(g_mime_stream_filter_new(raw));
    const GMimeContentEncoding encoding = g_mime_data_wrapper_get_encoding(wrapper);
    if (encoding != GMIME_CONTENT_ENCODING_DEFAULT && encoding != GMIME_CONTENT_ENCODING_7BIT &&
        encoding != GMIME_CONTENT_ENCODING_8BIT && encoding != GMIME_CONTENT_ENCODING_BINARY) {
        GPtr<GMimeFilter> decoder(g_mime_filter_basic_new(encoding, FALSE));
        g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered.p), decoder.p);
    }
    if (charset && g_ascii_strcasecmp(charset, "utf-8") != 0) {
        // Windows' superset of a Japanese charset where the system has it (JapaneseText.h).
        GMimeFilter* conv =
            g_mime_filter_charset_new(japanesetext::readingCharset(charset).constData(), "UTF-8");
        if (!conv)
            conv = g_mime_filter_charset_new(charset, "UTF-8");
        if (conv) {
            g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered.p), conv);
            g_object_unref(conv);
        }
    }
    qint64 total = 0;
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = g_mime_stream_read(filtered.p, buffer, sizeof buffer);
        if (n <= 0)
            break;
        if (kept && kept->size() < keep)
            kept->append(buffer, int(qMin<qint64>(n, keep - kept->size())));
        total += n;
    }
    return total;
}

// How much of an attachment's start is looked at (encryption markers, ZIP headers).
constexpr qsizetype HeadBytes = 64 * 1024;
constexpr qsizetype HeadBase64 = HeadBytes / 3 * 4;

// Decoded size of a base64 part without decoding it: count the alphabet, mind the padding.
qint64 base64Size(GMimePart* part, QByteArray* head)
{
    GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
    GMimeStream* raw = wrapper ? g_mime_data_wrapper_get_stream(wrapper) : nullptr;
    if (!raw)
        return 0;
    g_mime_stream_reset(raw);
    // 1 for the base64 alphabet, 0 for everything else ('=' padding, line breaks).
    static const auto alphabet = [] {
        std::array<unsigned char, 256> t{};
        for (const char c :
             std::string_view("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"))
            t[static_cast<unsigned char>(c)] = 1;
        return t;
    }();
    qint64 symbols = 0, padding = 0;
    QByteArray first;
    char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = g_mime_stream_read(raw, buffer, sizeof buffer);
        if (n <= 0)
            break;
        ssize_t i = 0;
        for (; first.size() < HeadBase64 && i < n; ++i) {
            if (alphabet[static_cast<unsigned char>(buffer[i])])
                first += buffer[i];
        }
        qint64 count = 0;
        for (ssize_t j = 0; j < n; ++j) // a loop the compiler can vectorise
            count += alphabet[static_cast<unsigned char>(buffer[j])];
        symbols += count;
        // Padding stands only at the very end: look at the chunk's last non-blank characters.
        ssize_t k = n - 1;
        while (k >= 0 &&
               (buffer[k] == '\r' || buffer[k] == '\n' || buffer[k] == ' ' || buffer[k] == '\t'))
            --k;
        if (k >= 0) {
            padding = 0;
            while (k >= 0 && buffer[k] == '=' && padding < 2) {
                ++padding;
                --k;
            }
        }
    }
    *head = QByteArray::fromBase64(first.left(first.size() / 4 * 4));
    return (symbols + qMin<qint64>(padding, 2)) / 4 * 3 - qMin<qint64>(padding, 2);
}

void detectEncryption(AttachmentInfo& a, const QByteArray& head)
{
    const QString name = a.fileName.toLower();
    const QString type = a.mimeType.toLower();
    if (name.endsWith(QLatin1String(".p7m")) || type == QLatin1String("application/pkcs7-mime") ||
        type == QLatin1String("application/x-pkcs7-mime")) {
        a.encrypted = true;
        a.encryption = QStringLiteral("s/mime");
    } else if (name.endsWith(QLatin1String(".pgp")) || name.endsWith(QLatin1String(".gpg")) ||
               type == QLatin1String("application/pgp-encrypted") ||
               head.startsWith("-----BEGIN PGP MESSAGE-----")) {
        a.encrypted = true;
        a.encryption = QStringLiteral("openpgp");
    } else if (head.startsWith("PK\x03\x04")) {
        // ZIP: a local file header with bit 0 of its flags set holds an encrypted entry. The first
        // entry may be an unencrypted folder, so look at every header in the first 64 KiB.
        for (qsizetype at = 0; (at = head.indexOf("PK\x03\x04", at)) >= 0 && at + 8 <= head.size();
             at += 4) {
            if (static_cast<unsigned char>(head.at(at + 6)) & 0x01) {
                a.encrypted = true;
                a.encryption = QStringLiteral("zip");
                break;
            }
        }
    }
}

// The readings of a part's file name (the first is the one to show); defined further down.
QStringList fileNameReadings(GMimeObject* object, const char* decodedByGMime);

// Roughly the text a reader sees in an HTML body: what is inside <head>, <style>, <script>,
// <title> and comments left out, a line break for <br> and the end of a paragraph, block or
// table row, the other tags removed, the common character references decoded, white space as
// HTML shows it. One pass, so any input takes linear time. For the preview only: the keyword
// rules read the HTML as it is.
QString textOfHtml(const QString& html)
{
    const qsizetype n = html.size();
    QString text;
    const auto space = [&text] {
        if (!text.isEmpty() && !text.endsWith(QLatin1Char(' ')) &&
            !text.endsWith(QLatin1Char('\n')))
            text += QLatin1Char(' ');
    };
    for (qsizetype i = 0; i < n;) {
        const QChar c = html.at(i);
        if (c == QLatin1Char('<')) {
            if (QStringView(html).mid(i, 4) == QLatin1String("<!--")) {
                const qsizetype end = html.indexOf(QLatin1String("-->"), i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            const qsizetype end = html.indexOf(QLatin1Char('>'), i);
            if (end < 0)
                break; // an unterminated tag: nothing readable follows
            qsizetype k = i + 1;
            const bool closing = k < end && html.at(k) == QLatin1Char('/');
            if (closing)
                ++k;
            qsizetype nameEnd = k;
            while (nameEnd < end && html.at(nameEnd).isLetterOrNumber() &&
                   html.at(nameEnd).unicode() < 128)
                ++nameEnd;
            const QString name = html.mid(k, nameEnd - k).toLower();
            i = end + 1;
            if (!closing && (name == QLatin1String("head") || name == QLatin1String("style") ||
                             name == QLatin1String("script") || name == QLatin1String("title"))) {
                const qsizetype close =
                    html.indexOf(QLatin1String("</") + name, i, Qt::CaseInsensitive);
                const qsizetype closeEnd = close < 0 ? -1 : html.indexOf(QLatin1Char('>'), close);
                i = closeEnd < 0 ? n : closeEnd + 1;
                continue;
            }
            const bool lineEnd =
                (!closing && name == QLatin1String("br")) ||
                (closing && (name == QLatin1String("p") || name == QLatin1String("div") ||
                             name == QLatin1String("tr") || name == QLatin1String("li") ||
                             name == QLatin1String("blockquote") ||
                             (name.size() == 2 && name.at(0) == QLatin1Char('h') &&
                              name.at(1) >= QLatin1Char('1') && name.at(1) <= QLatin1Char('6'))));
            if (lineEnd) {
                while (text.endsWith(QLatin1Char(' ')))
                    text.chop(1);
                text += QLatin1Char('\n');
            } else if (closing && (name == QLatin1String("td") || name == QLatin1String("th"))) {
                space(); // table cells side by side
            }
            continue;
        }
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\r') ||
            c == QLatin1Char('\n'))
            space();
        else
            text += c;
        ++i;
    }

    // Character references: the named ones mail uses, and numeric ones; "&amp;" last.
    static const std::pair<const char*, const char*> named[] = {
        {"&nbsp;", " "}, {"&lt;", "<"},  {"&gt;", ">"},  {"&quot;", "\""},
        {"&apos;", "'"}, {"&#39;", "'"}, {"&yen;", "¥"}, {"&copy;", "©"}};
    for (const auto& [entity, replacement] : named)
        text.replace(QLatin1String(entity), QString::fromUtf8(replacement), Qt::CaseInsensitive);
    const QRegularExpression numeric(QStringLiteral("&#(x[0-9a-f]{1,6}|[0-9]{1,7});"),
                                     QRegularExpression::CaseInsensitiveOption);
    QString out;
    qsizetype pos = 0;
    for (auto it = numeric.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(pos, m.capturedStart() - pos);
        const QString digits = m.captured(1);
        bool ok = false;
        const uint code = digits.startsWith(QLatin1Char('x'), Qt::CaseInsensitive)
                              ? digits.mid(1).toUInt(&ok, 16)
                              : digits.toUInt(&ok, 10);
        if (ok && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)) {
            const char32_t ucs4 = code;
            out += QString::fromUcs4(&ucs4, 1);
        } else {
            out += QChar::ReplacementCharacter;
        }
        pos = m.capturedEnd();
    }
    out += QStringView(text).mid(pos);
    out.replace(QLatin1String("&amp;"), QLatin1String("&"), Qt::CaseInsensitive);

    // Each line trimmed, at most one empty line in a row.
    QStringList lines;
    for (const QString& line : out.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty() || (!lines.isEmpty() && !lines.last().isEmpty()))
            lines << trimmed;
    }
    return lines.join(QLatin1Char('\n')).trimmed();
}

class Walker
{
public:
    explicit Walker(Verdict* verdict) : m_verdict(verdict) {}

    void walk(GMimeObject* object, int depth, bool inRelated = false)
    {
        if (!object || depth > MessageAnalyzer::MaxDepth ||
            m_verdict->partCount >= MessageAnalyzer::MaxParts)
            return;
        ++m_verdict->partCount;
        if (mimeparts::isSignature(object))
            m_verdict->hasSignature = true;
        if (GMIME_IS_MULTIPART(object)) {
            GMimeMultipart* mp = GMIME_MULTIPART(object);
            const bool related = mimeparts::isRelated(object);
            const int n = g_mime_multipart_get_count(mp);
            for (int i = 0; i < n && m_verdict->partCount < MessageAnalyzer::MaxParts; ++i)
                walk(g_mime_multipart_get_part(mp, i), depth + 1, related);
            return;
        }
        if (GMIME_IS_MESSAGE_PART(object)) {
            // An attached message: shown by clients as an attachment of its own.
            GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
            AttachmentInfo a;
            const char* subject = inner ? g_mime_message_get_subject(inner) : nullptr;
            const char* name = g_mime_object_get_content_disposition_parameter(object, "filename");
            if (!name)
                name = g_mime_object_get_content_type_parameter(object, "name");
            if (name && *name) {
                QStringList readings = fileNameReadings(object, name);
                a.fileName = readings.takeFirst();
                a.otherNameReadings = readings;
            } else {
                a.fileName = subject ? QString::fromUtf8(subject) + QStringLiteral(".eml")
                                     : QStringLiteral("message.eml");
            }
            a.mimeType = QStringLiteral("message/rfc822");
            if (inner) {
                GPtr<GMimeStream> counter(g_mime_stream_null_new());
                GMimeFormatOptions* format = g_mime_format_options_new();
                g_mime_format_options_set_newline_format(format, GMIME_NEWLINE_FORMAT_DOS);
                const ssize_t n =
                    g_mime_object_write_to_stream(GMIME_OBJECT(inner), format, counter.p);
                g_mime_format_options_free(format);
                a.size = n > 0 ? n : 0;
            }
            m_verdict->attachments.append(a);
            return;
        }
        if (!GMIME_IS_PART(object))
            return;
        GMimePart* part = GMIME_PART(object);
        GMimeContentType* ct = g_mime_object_get_content_type(object);
        const QString type = CharPtr(g_mime_content_type_get_mime_type(ct)).str().toLower();
        const char* fileName = g_mime_part_get_filename(part);
        const bool isText = type.startsWith(QLatin1String("text/"));
        const bool named = fileName && *fileName;
        // A picture the HTML body shows (multipart/related, with a Content-ID) is part of the
        // text, not an attachment, even when it has a name: mail clients do not list it.
        if (mimeparts::isAttachmentPart(object, inRelated)) {
            AttachmentInfo a;
            if (named) {
                QStringList readings = fileNameReadings(object, fileName);
                a.fileName = readings.takeFirst();
                a.otherNameReadings = readings;
            }
            a.mimeType = type;
            QByteArray head;
            if (g_mime_part_get_content_encoding(part) == GMIME_CONTENT_ENCODING_BASE64)
                a.size = base64Size(part, &head);
            else
                a.size = readDecoded(part, HeadBytes, &head);
            detectEncryption(a, head);
            m_verdict->attachments.append(a);
            return;
        }
        if (isText && m_textScanned < MessageAnalyzer::MaxTextScanned) {
            const char* charset = g_mime_content_type_get_parameter(ct, "charset");
            QByteArray text;
            const qint64 limit = MessageAnalyzer::MaxTextScanned - m_textScanned;
            QString decoded;
            if (charset && japanesetext::isIso2022Jp(charset)) {
                // With the Windows extensions (①, ㈱) that GMime's converter turns into "?"; a
                // character cut at the scan limit is left out.
                readDecoded(part, limit, &text);
                if (!japanesetext::fromIso2022Jp(text, &decoded) &&
                    !japanesetext::fromIso2022Jp(text.chopped(qMin<qsizetype>(1, text.size())),
                                                 &decoded))
                    text.clear(); // not what it says it is: GMime's reading below
            }
            if (text.isEmpty()) {
                // No charset: take the bytes as UTF-8 (what undeclared 8-bit text usually is
                // today).
                readDecoded(part, limit, &text, charset);
                decoded = QString::fromUtf8(text);
            }
            m_textScanned += text.size();
            if (type == QLatin1String("text/plain") && m_verdict->bodyPreview.isEmpty())
                m_verdict->bodyPreview = decoded.left(600).trimmed();
            else if (type == QLatin1String("text/html") && m_htmlPreview.isEmpty())
                m_htmlPreview = textOfHtml(decoded.left(64 * 1024)).left(600);
            m_bodies << decoded;
        }
    }

    const QStringList& bodies() const { return m_bodies; }
    // The text of the first HTML body, for the preview of a message without a plain one.
    const QString& htmlPreview() const { return m_htmlPreview; }

private:
    Verdict* m_verdict;
    qint64 m_textScanned = 0;
    QStringList m_bodies;
    QString m_htmlPreview;
};

// Where one encoded word (RFC 2047: =?charset?B|Q?text?=) stands in a raw header value.
struct EncodedWordSpan
{
    qsizetype start;
    qsizetype end; // one past its "?="
};

bool isHeaderSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The encoded words of `raw` wherever mailers put them: between spaces, inside a quoted display
// name, glued to one another ("?==?") or to punctuation ("?=<"). Only finds them; each is decoded
// by GMime.
QList<EncodedWordSpan> encodedWordsIn(const QByteArray& raw)
{
    QList<EncodedWordSpan> words;
    const qsizetype n = raw.size();
    qsizetype from = 0;
    while (from < n) {
        const qsizetype start = raw.indexOf("=?", from);
        if (start < 0)
            break;
        // charset (with an optional *language), then the encoding letter
        qsizetype i = start + 2;
        while (i < n && raw.at(i) != '?' && !isHeaderSpace(raw.at(i)) && i - start < 80)
            ++i;
        const bool header = i > start + 2 && i + 2 < n && raw.at(i) == '?' &&
                            std::strchr("BbQq", raw.at(i + 1)) && raw.at(i + 2) == '?';
        if (!header) {
            from = start + 2;
            continue;
        }
        qsizetype j = i + 3; // the encoded text: no '?' and no white space
        while (j < n && raw.at(j) != '?' && !isHeaderSpace(raw.at(j)))
            ++j;
        if (j + 1 < n && raw.at(j) == '?' && raw.at(j + 1) == '=') {
            words.append({start, j + 2});
            from = j + 2;
        } else {
            from = start + 2;
        }
    }
    return words;
}

// True when only white space (a fold included) stands between two encoded words.
bool onlySpaceBetween(const QByteArray& raw, const EncodedWordSpan& a, const EncodedWordSpan& b)
{
    for (qsizetype k = a.end; k < b.start; ++k) {
        if (!isHeaderSpace(raw.at(k)))
            return false;
    }
    return true;
}

// An encoded word in a Japanese charset read with the Windows extensions (see JapaneseText.h);
// false when `word` is in another charset, or not readable so.
bool decodeJapaneseWord(const QByteArray& word, QString* text)
{
    // =?charset[*language]?B|Q?encoded-text?=
    const QList<QByteArray> parts = word.mid(2, word.size() - 4).split('?');
    if (parts.size() != 3)
        return false;
    const QByteArray charset = parts.at(0).split('*').first();
    if (!japanesetext::isJapanese(charset))
        return false;
    QByteArray bytes;
    if (parts.at(1).toUpper() == "B") {
        bytes = QByteArray::fromBase64(parts.at(2));
    } else {
        QByteArray q = parts.at(2);
        bytes = QByteArray::fromPercentEncoding(q.replace('_', ' '), '=');
    }
    return japanesetext::decode(charset, bytes, text);
}

// True when the encoded word at `word` is labelled with a Japanese charset (not decoded).
bool labelledJapanese(const QByteArray& raw, const EncodedWordSpan& word)
{
    const qsizetype end = raw.indexOf('?', word.start + 2);
    return end > 0 && end < word.end &&
           japanesetext::isJapanese(
               raw.mid(word.start + 2, end - word.start - 2).split('*').first());
}

// The encoded word at `word` decoded; `readAsJapanese` tells whether JapaneseText read it (else
// GMime did).
QString decodedWord(const QByteArray& raw, const EncodedWordSpan& word,
                    bool* readAsJapanese = nullptr)
{
    const QByteArray text = raw.mid(word.start, word.end - word.start);
    QString japanese;
    const bool read = decodeJapaneseWord(text, &japanese);
    if (readAsJapanese)
        *readAsJapanese = read;
    if (read)
        return japanese;
    char* decoded = g_mime_utils_header_decode_text(nullptr, text.constData());
    const QString result = QString::fromUtf8(decoded);
    g_free(decoded);
    return result;
}

// The decoded text of an unstructured header (Subject). GMime 3.2.13 joins adjacent encoded
// words of one charset before decoding them and, when the first ends in base64 padding, drops
// what follows (e.g. "=?utf-8?b?YWI=?= =?utf-8?b?Y2Q=?=" gives "ab"; upstream GMime issue 133).
// Ordinary mailers fold long Japanese subjects exactly like that. And its Japanese converters
// turn the Windows characters (①, ㈱) into "?". So the value is also decoded word by word (each
// word by GMime, Japanese charsets with the Windows extensions), and that reading wins when it is
// longer or has fewer "?", unless it is the one with broken characters (a multi-byte character
// split across two words, which only the joined reading decodes). Both readings are returned so
// that keyword rules see every character.
QStringList decodeUnstructured(const char* raw, const char* decodedByGMime)
{
    if (!raw)
        return {};
    const QString whole = QString::fromUtf8(decodedByGMime).trimmed();

    // Text between encoded words is kept with each run of white space made one space; white
    // space between two encoded words is dropped (RFC 2047, 6.2).
    const QByteArray value(raw);
    const auto plain = [](const QByteArray& text) {
        QByteArray collapsed;
        for (qsizetype k = 0; k < text.size(); ++k) {
            if (!isHeaderSpace(text.at(k)))
                collapsed += text.at(k);
            else if (!collapsed.endsWith(' '))
                collapsed += ' ';
        }
        // GMime reads raw 8-bit text (which has no encoded word to say its charset) its way.
        char* decoded = g_mime_utils_header_decode_text(nullptr, collapsed.constData());
        const QString result = QString::fromUtf8(decoded);
        g_free(decoded);
        return result;
    };
    const QList<EncodedWordSpan> words = encodedWordsIn(value);
    QString perWord;
    qsizetype pos = 0;
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (i == 0 || !onlySpaceBetween(value, words.at(i - 1), words.at(i)))
            perWord += plain(value.mid(pos, words.at(i).start - pos));
        perWord += decodedWord(value, words.at(i));
        pos = words.at(i).end;
    }
    perWord += plain(value.mid(pos));
    perWord = perWord.trimmed();

    const bool perWordBroken = perWord.contains(QChar::ReplacementCharacter) &&
                               !whole.contains(QChar::ReplacementCharacter);
    // Fewer "?" means GMime's converter gave up on characters (①, ㈱) that the word-by-word
    // reading has; more text means GMime lost some.
    const bool perWordBetter = perWord.count(QLatin1Char('?')) < whole.count(QLatin1Char('?')) ||
                               perWord.size() > whole.size();
    if (perWord == whole || perWordBroken || !perWordBetter)
        return perWord == whole ? QStringList{whole} : QStringList{whole, perWord};
    return {perWord, whole};
}

// RFC 2047 inside a quoted file name is not standard, but common (Outlook, Japanese mailers),
// and GMime decodes it with the same loss as in a subject. So the name is also read from the
// raw header, with the encoded words kept from GMime's parameter parser, and decoded like a
// subject.
// An RFC 2231 parameter (name*=charset'lang'%XX..., continuations too) in a Japanese charset,
// read with the Windows extensions (JapaneseText.h): GMime's converter garbles ① and ㈱ there.
// GMime's parameter parser is given the charset as ISO-8859-1, which hands the bytes over
// unchanged, one character each.
// The value of `paramName` in `params` ("a=b; c*=..."), read by GMime's parameter parser
// (quoting, RFC 2231 continuations); null when there is none.
std::optional<QByteArray> parameterValue(const QByteArray& params, const char* paramName)
{
    GPtr<GMimeParamList> list(g_mime_param_list_parse(nullptr, params.constData()));
    GMimeParam* param = list.p ? g_mime_param_list_get_parameter(list.p, paramName) : nullptr;
    const char* value = param ? g_mime_param_get_value(param) : nullptr;
    if (!value)
        return std::nullopt;
    return QByteArray(value);
}

bool japaneseRfc2231Value(const QByteArray& params, const char* paramName, QString* text)
{
    if (!params.contains("*="))
        return false;
    const QRegularExpression extended(
        QStringLiteral("(?:^|[;\\s])%1\\*(?:0\\*)?=\\s*\"?([A-Za-z0-9_.:+-]+)'")
            .arg(QLatin1String(paramName)),
        QRegularExpression::CaseInsensitiveOption);
    const QString value = QString::fromLatin1(params);
    const QRegularExpressionMatch m = extended.match(value);
    if (!m.hasMatch() || !japanesetext::isJapanese(m.captured(1).toLatin1()))
        return false;
    QString masked = value;
    masked.replace(m.capturedStart(1), m.capturedLength(1), QStringLiteral("iso-8859-1"));
    const std::optional<QByteArray> bytes = parameterValue(masked.toLatin1(), paramName);
    return bytes && japanesetext::decode(m.captured(1).toLatin1(),
                                         QString::fromUtf8(*bytes).toLatin1(), text);
}

QStringList fileNameReadings(GMimeObject* object, const char* decodedByGMime)
{
    const QString shown = QString::fromUtf8(decodedByGMime);
    GMimeHeaderList* headers = g_mime_object_get_header_list(object);
    const std::pair<const char*, const char*> places[] = {{"Content-Disposition", "filename"},
                                                          {"Content-Type", "name"}};
    for (const auto& [headerName, paramName] : places) {
        GMimeHeader* header = g_mime_header_list_get_header(headers, headerName);
        const char* raw = header ? g_mime_header_get_raw_value(header) : nullptr;
        const char* params = raw ? std::strchr(raw, ';') : nullptr;
        if (!params)
            continue;
        if (QString japanese; japaneseRfc2231Value(params + 1, paramName, &japanese)) {
            QStringList readings{japanese};
            if (shown != japanese)
                readings << shown;
            return readings;
        }
        // GMime's parameter parser (quoting, RFC 2231) with the encoded words masked, so that
        // it hands them over undecoded.
        QByteArray masked(params + 1);
        if (!masked.contains("=?") || masked.contains('\x1f'))
            continue;
        masked.replace("=?", "\x1f?");
        std::optional<QByteArray> value = parameterValue(masked, paramName);
        if (!value || !value->contains("\x1f?"))
            continue;
        const QByteArray encoded = value->replace("\x1f?", "=?");
        QStringList readings = decodeUnstructured(encoded.constData(), decodedByGMime);
        if (!readings.contains(shown))
            readings << shown;
        return readings;
    }
    return {shown};
}

// `text` in its compatibility form (NFKC). Qt 6.4 takes seconds to normalise a few megabytes at
// once when anything in them changes, so the text goes in pieces of about 1000 characters. A piece
// never ends before a character that composes with the one before it (combining marks, the
// half-width voiced sound marks, Hangul vowels and finals, the second half of a surrogate pair).
QString compatibilityForm(const QString& text)
{
    constexpr qsizetype Piece = 1024;
    if (text.size() <= Piece)
        return text.normalized(QString::NormalizationForm_KC);
    const auto joinsPrevious = [](QChar c) {
        const char16_t u = c.unicode();
        return c.isLowSurrogate() || c.category() == QChar::Mark_NonSpacing ||
               c.category() == QChar::Mark_SpacingCombining ||
               c.category() == QChar::Mark_Enclosing || u == 0xff9e || u == 0xff9f ||
               (u >= 0x1160 && u <= 0x11ff) || (u >= 0xd7b0 && u <= 0xd7ff);
    };
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        qsizetype end = qMin(text.size(), i + Piece);
        while (end < text.size() && joinsPrevious(text.at(end)))
            ++end;
        out += text.mid(i, end - i).normalized(QString::NormalizationForm_KC);
        i = end;
    }
    return out;
}

// `texts` and, where it differs, their compatibility form (NFKC): half-width katakana as
// full-width (ｶﾌﾞｼｷ → カブシキ), full-width letters and digits as ASCII (ＰＡＳＳ → PASS),
// circled and squared forms unfolded (㊙ → 秘, ① → 1), so that one rule finds what Japanese
// text writes in several ways.
QStringList withCompatibilityForms(const QStringList& texts)
{
    QStringList all = texts;
    for (const QString& text : texts) {
        const QString folded = compatibilityForm(text);
        if (folded != text)
            all << folded;
    }
    return all;
}

void applyKeywordRules(Verdict* v, const PolicyConfig& policy, const QStringList& bodies,
                       const QStringList& subjectReadings)
{
    // Made once, on first use, for all rules of a kind.
    std::optional<QStringList> subjects, texts, names;
    const auto foldedOnce = [](std::optional<QStringList>& cache, const auto& make) {
        if (!cache)
            cache = withCompatibilityForms(make());
        return *cache;
    };
    for (const KeywordRule& rule : policy.keywordRules) {
        const QRegularExpression re(rule.pattern,
                                    QRegularExpression::CaseInsensitiveOption |
                                        QRegularExpression::UseUnicodePropertiesOption);
        if (!re.isValid())
            continue;
        QStringList haystacks;
        switch (rule.where) {
        case KeywordRule::Where::Subject:
            haystacks =
                foldedOnce(subjects, [&] { return QStringList{v->subject} + subjectReadings; });
            break;
        case KeywordRule::Where::Body:
            haystacks = foldedOnce(texts, [&] { return bodies; });
            break;
        case KeywordRule::Where::AttachmentName:
            haystacks = foldedOnce(names, [&] {
                QStringList all;
                for (const AttachmentInfo& a : std::as_const(v->attachments))
                    all << a.fileName << a.otherNameReadings;
                return all;
            });
            break;
        }
        for (const QString& text : std::as_const(haystacks)) {
            const QRegularExpressionMatch m = re.match(text);
            if (m.hasMatch()) {
                v->keywordHits.append({rule.pattern, keywordWhereName(rule.where),
                                       keywordActionName(rule.action), m.captured(0).left(80)});
                break;
            }
        }
    }
}

// Where the header field starting at `begin` ends: after its last continuation line (lines that
// start with a space or a tab), never past the end of the header block.
qint64 fieldEnd(const QByteArray& block, qint64 begin)
{
    qint64 pos = begin;
    while (pos < block.size()) {
        const qsizetype nl = block.indexOf('\n', pos);
        if (nl < 0)
            return block.size();
        pos = nl + 1;
        if (pos >= block.size() || (block.at(pos) != ' ' && block.at(pos) != '\t'))
            return pos;
    }
    return block.size();
}

// The lower-cased addresses of every mailbox in `list` (inside groups too).
QSet<QString> mailboxSet(InternetAddressList* list)
{
    QList<HeaderMailbox> found;
    collectMailboxes(list, RecipientInfo::Field::To, &found);
    QSet<QString> set;
    for (const HeaderMailbox& r : found)
        set.insert(lowerAddress(r.address));
    return set;
}

// `raw` (an address field's value) with every run of two or more adjacent encoded words (only
// white space between them, or none; in a quoted display name too), and every run with a word in
// a Japanese charset, decoded word by word (Japanese charsets with the Windows extensions, see
// JapaneseText.h; the rest by GMime) and put back as one UTF-8 encoded word; empty when there is
// no such run, or when a word decoded alone breaks a character (then GMime's joined reading is
// right).
QByteArray withEncodedWordRunsJoined(const char* raw)
{
    const QByteArray value(raw ? raw : "");
    const QList<EncodedWordSpan> words = encodedWordsIn(value);
    QByteArray out;
    qsizetype pos = 0;
    bool joined = false;
    for (qsizetype i = 0; i < words.size();) {
        qsizetype end = i + 1;
        while (end < words.size() && onlySpaceBetween(value, words.at(end - 1), words.at(end)))
            ++end;
        // A single word is left to GMime unless it is Japanese, which GMime reads without the
        // Windows extensions.
        const bool single = end - i == 1;
        if (single && !labelledJapanese(value, words.at(i))) {
            i = end;
            continue;
        }
        QString text;
        bool readAsJapanese = false; // of a single word
        for (qsizetype k = i; k < end; ++k)
            text += decodedWord(value, words.at(k), single ? &readAsJapanese : nullptr);
        if (!single || readAsJapanese) {
            if (text.contains(QChar::ReplacementCharacter))
                return {};
            out += value.mid(pos, words.at(i).start - pos);
            out += "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
            pos = words.at(end - 1).end;
            joined = true;
        }
        i = end;
    }
    if (!joined)
        return {};
    out += value.mid(pos);
    return out;
}

// The mailboxes of the `field` header(s) ("To", "Cc", "From"), owned by the caller. GMime 3.2.13
// cuts display names the way decodeUnstructured() describes: a name folded into two encoded
// words, as Japanese mailers write "山田太郎", reads "山田", and a To/Cc rewritten for the move to
// Bcc would carry the cut name to every recipient. So a field with adjacent encoded words is
// parsed again with them joined (withEncodedWordRunsJoined); that reading is used when it has
// the same mailboxes in the same order as GMime's own (`gmimeList`), which is used otherwise.
InternetAddressList* addressesOf(GMimeMessage* message, const char* field,
                                 InternetAddressList* gmimeList)
{
    const auto gmimeOwn = [gmimeList] {
        return gmimeList ? INTERNET_ADDRESS_LIST(g_object_ref(gmimeList))
                         : internet_address_list_new();
    };
    // The field's values, with the runs joined where there are any.
    GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
    QList<QByteArray> values;
    bool changed = false;
    const int count = g_mime_header_list_get_count(headers);
    for (int i = 0; i < count; ++i) {
        GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
        if (g_ascii_strcasecmp(g_mime_header_get_name(header), field) != 0)
            continue;
        const char* raw = g_mime_header_get_raw_value(header);
        QByteArray value = withEncodedWordRunsJoined(raw);
        changed = changed || !value.isEmpty();
        values << (value.isEmpty() ? QByteArray(raw ? raw : "") : value);
    }
    if (!changed)
        return gmimeOwn(); // nothing GMime could have cut: its own reading stands
    InternetAddressList* repaired = internet_address_list_new();
    for (const QByteArray& value : std::as_const(values)) {
        GPtr<InternetAddressList> parsed(internet_address_list_parse(nullptr, value.constData()));
        if (parsed.p)
            internet_address_list_append(repaired, parsed.p);
    }
    const auto addresses = [](InternetAddressList* list) {
        QStringList all;
        mimeparts::forEachMailbox(list, [&all](InternetAddressMailbox* mailbox) {
            const char* addr = internet_address_mailbox_get_addr(mailbox);
            all << lowerAddress(QString::fromUtf8(addr ? addr : ""));
        });
        return all;
    };
    if (addresses(repaired) != addresses(gmimeList)) {
        g_object_unref(repaired);
        return gmimeOwn();
    }
    return repaired;
}

// What a reader parsing `field` ("To: ...\r\n") sees in it.
QSet<QString> mailboxesShownIn(const QByteArray& field)
{
    const qsizetype colon = field.indexOf(':');
    const QByteArray value = field.mid(colon + 1);
    GPtr<InternetAddressList> parsed(internet_address_list_parse(nullptr, value.constData()));
    return mailboxSet(parsed.p);
}

// The field `name` carrying `kept`, encoded and folded by GMime. GMime does not always quote
// a display name or group name full of specials in a way its own parser reads back the same,
// so the result is parsed again: when it shows other mailboxes than `kept`, the field is written
// with bare addresses instead, and when even that does not read back, it is left out (To then
// says "undisclosed-recipients:;"). A moved address can never stay visible this way.
QByteArray encodeAddressField(const char* name, InternetAddressList* kept,
                              GMimeFormatOptions* format)
{
    const QSet<QString> expected = mailboxSet(kept);
    auto encode = [&](InternetAddressList* list) {
        GString* str = g_string_new(nullptr);
        g_string_append(str, name);
        g_string_append(str, ": ");
        internet_address_list_encode(list, format, str);
        QByteArray field(str->str, int(str->len));
        g_string_free(str, TRUE);
        if (!field.endsWith("\r\n"))
            field += "\r\n";
        return field;
    };
    const QByteArray field = encode(kept);
    if (mailboxesShownIn(field) == expected)
        return field;

    GPtr<InternetAddressList> bare(internet_address_list_new());
    QList<HeaderMailbox> mailboxes;
    collectMailboxes(kept, RecipientInfo::Field::To, &mailboxes);
    for (const HeaderMailbox& m : mailboxes) {
        GPtr<InternetAddress> mailbox(
            internet_address_mailbox_new(nullptr, m.address.toUtf8().constData()));
        internet_address_list_add(bare.p, mailbox.p);
    }
    const QByteArray plain = encode(bare.p);
    if (mailboxesShownIn(plain) == expected)
        return plain;
    return {};
}

// Builds the header edits: every Bcc/Resent-Bcc field is removed, and when addresses move to
// Bcc, To and Cc are written anew from what GMime read in them (all fields of a kind together),
// without the moved mailboxes and encoded and folded by GMime. The first To field carries the
// kept addresses or "undisclosed-recipients:;"; an emptied Cc goes; further To/Cc fields go.
// Fields not concerned keep their bytes.
// True when the header field `name` starts at `begin` in the raw block ("Name:" or "Name :").
bool fieldStartsAt(const QByteArray& block, qint64 begin, const char* name)
{
    const qsizetype length = qsizetype(qstrlen(name));
    if (begin + length > block.size() || qstrnicmp(block.constData() + begin, name, length) != 0)
        return false;
    qsizetype pos = qsizetype(begin) + length;
    while (pos < block.size() && (block.at(pos) == ' ' || block.at(pos) == '\t'))
        ++pos;
    return pos < block.size() && block.at(pos) == ':';
}

// Returns false when a header GMime read cannot be found where it says it is (input GMime reads
// leniently, e.g. a mailbox "From " line before the headers): edits placed there would cut the
// wrong bytes and could leave a Bcc or a moved address in the message.
bool planHeaderEdits(Verdict* v, GMimeMessage* message, const QByteArray& block,
                     const QSet<QString>& moved)
{
    GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message));
    GMimeFormatOptions* format = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(format, GMIME_NEWLINE_FORMAT_DOS);

    struct Rewrite
    {
        bool needed = false;
        bool written = false;
        GPtr<InternetAddressList> kept;
    };
    Rewrite to, cc;
    if (!moved.isEmpty()) {
        // The names as written (addressesOf), not as GMime alone would re-encode them.
        const GPtr<InternetAddressList> toList(addressesOf(
            message, "To", g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_TO)));
        const GPtr<InternetAddressList> ccList(addressesOf(
            message, "Cc", g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_CC)));
        to.kept.p = withoutMailboxes(toList.p, moved, &to.needed);
        cc.kept.p = withoutMailboxes(ccList.p, moved, &cc.needed);
    }

    const int count = g_mime_header_list_get_count(headers);
    for (int i = 0; i < count; ++i) {
        GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
        const char* name = g_mime_header_get_name(header);
        const gint64 begin = g_mime_header_get_offset(header);
        if (begin < 0 || begin >= block.size())
            continue;
        const bool isBcc =
            g_ascii_strcasecmp(name, "Bcc") == 0 || g_ascii_strcasecmp(name, "Resent-Bcc") == 0;
        const bool isToOrCc =
            g_ascii_strcasecmp(name, "To") == 0 || g_ascii_strcasecmp(name, "Cc") == 0;
        if ((isBcc || isToOrCc) && !fieldStartsAt(block, begin, name)) {
            g_mime_format_options_free(format);
            v->edits.clear();
            return false;
        }
        const gint64 end = fieldEnd(block, begin);
        if (isBcc) {
            v->edits.append({begin, end, {}});
            continue;
        }
        const bool isTo = g_ascii_strcasecmp(name, "To") == 0;
        Rewrite* rewrite = isTo ? &to : g_ascii_strcasecmp(name, "Cc") == 0 ? &cc : nullptr;
        if (!rewrite || !rewrite->needed)
            continue;
        QByteArray replacement;
        if (!rewrite->written) {
            rewrite->written = true;
            if (internet_address_list_length(rewrite->kept.p) > 0)
                replacement = encodeAddressField(name, rewrite->kept.p, format);
            if (replacement.isEmpty() && isTo) {
                replacement = "To: undisclosed-recipients:;\r\n";
            }
        }
        v->edits.append({begin, end, replacement});
    }
    g_mime_format_options_free(format);
    std::sort(v->edits.begin(), v->edits.end());
    return true;
}

// A message file read with GMime (streaming from the file) and its raw header block.
struct ParsedFile
{
    GPtr<GMimeStream> stream;
    GPtr<GMimeParser> parser;
    GPtr<GMimeMessage> message;
    QByteArray block;
};

// Empty when `path` (or `content`, its bytes when they are in memory already) was read;
// otherwise why it cannot be.
QString parseFile(const QString& path, const QByteArray& content, ParsedFile* out)
{
    if (!content.isEmpty()) {
        out->stream.p =
            g_mime_stream_mem_new_with_buffer(content.constData(), size_t(content.size()));
    } else {
        const QByteArray native = QFile::encodeName(path);
        const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return QStringLiteral("cannot open the message file");
        out->stream.p = g_mime_stream_fs_new(fd);
    }
    out->parser.p = g_mime_parser_new_with_stream(out->stream.p);
    g_mime_parser_set_persist_stream(out->parser.p, TRUE);
    g_mime_parser_set_format(out->parser.p, GMIME_FORMAT_MESSAGE);
    out->message.p = g_mime_parser_construct_message(out->parser.p, nullptr);
    if (!out->message.p)
        return QStringLiteral("the message cannot be parsed as MIME");
    gint64 headersEnd = g_mime_parser_get_headers_end(out->parser.p);
    if (headersEnd < 0) {
        // Headers only, without the empty line: the whole file is the header block.
        headersEnd = content.isEmpty() ? QFileInfo(path).size() : content.size();
    }
    // The raw header block, to find where each field ends (GMime's list of the message's own
    // headers leaves out the Content-* fields between them).
    if (headersEnd > MessageAnalyzer::MaxHeaderBlock)
        return QStringLiteral("the header block is larger than %1 bytes")
            .arg(MessageAnalyzer::MaxHeaderBlock);
    if (!content.isEmpty()) {
        out->block = content.left(qMax<qint64>(headersEnd, 0));
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the message file");
    out->block = file.read(qMax<qint64>(headersEnd, 0));
    return {};
}

QSet<QString> addressKeys(const QStringList& addresses)
{
    QSet<QString> keys;
    for (const QString& a : addresses)
        keys.insert(lowerAddress(a));
    return keys;
}

} // namespace

bool MessageAnalyzer::editsWithout(const QString& path, const QStringList& movedToBcc,
                                   const QStringList& removed, RecipientEdits* out, QString* error)
{
    ensureMimeLibrary();
    ParsedFile file;
    if (const QString why = parseFile(path, {}, &file); !why.isEmpty()) {
        *error = why;
        return false;
    }
    const QSet<QString> gone = addressKeys(removed);
    const QSet<QString> stillMoved = addressKeys(movedToBcc) - gone;
    Verdict hidden;
    if (!planHeaderEdits(&hidden, file.message.p, file.block, stillMoved + gone)) {
        *error = QStringLiteral("the header block is malformed (a header field is not where the "
                                "MIME parser found it)");
        return false;
    }
    RecipientEdits edits;
    edits.edits = hidden.edits;
    if (!stillMoved.isEmpty()) {
        Verdict visible;
        planHeaderEdits(&visible, file.message.p, file.block, gone);
        edits.editsKeepingVisible = visible.edits;
    }
    *out = edits;
    return true;
}

Verdict MessageAnalyzer::analyze(const AnalysisInput& input)
{
    ensureMimeLibrary();
    Verdict v;
    ParsedFile file;
    if (const QString why = parseFile(input.path, input.content, &file); !why.isEmpty()) {
        v.error = why;
        return v;
    }
    GMimeMessage* const message = file.message.p;
    const QByteArray& block = file.block;

    QStringList subjectReadings;
    if (GMimeHeader* subject = g_mime_header_list_get_header(
            g_mime_object_get_header_list(GMIME_OBJECT(message)), "Subject")) {
        subjectReadings = decodeUnstructured(g_mime_header_get_raw_value(subject),
                                             g_mime_message_get_subject(message));
        if (!subjectReadings.isEmpty())
            v.subject = subjectReadings.first();
    }
    if (const char* id = g_mime_message_get_message_id(message))
        v.messageId = QString::fromUtf8(id);
    QList<HeaderMailbox> fromBoxes;
    const GPtr<InternetAddressList> fromList(
        addressesOf(message, "From", g_mime_message_get_from(message)));
    collectMailboxes(fromList.p, RecipientInfo::Field::To, &fromBoxes);
    if (!fromBoxes.isEmpty()) {
        v.fromAddress = fromBoxes.first().address;
        v.fromDisplay = fromBoxes.first().name;
    }
    if (!v.fromAddress.isEmpty() && !input.envelopeFrom.isEmpty())
        v.senderMismatch = lowerAddress(v.fromAddress) != lowerAddress(input.envelopeFrom);

    // What the headers show.
    QList<HeaderMailbox> visible;
    const GPtr<InternetAddressList> toList(
        addressesOf(message, "To", g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_TO)));
    const GPtr<InternetAddressList> ccList(
        addressesOf(message, "Cc", g_mime_message_get_addresses(message, GMIME_ADDRESS_TYPE_CC)));
    collectMailboxes(toList.p, RecipientInfo::Field::To, &visible);
    collectMailboxes(ccList.p, RecipientInfo::Field::Cc, &visible);
    QHash<QString, HeaderMailbox> shown; // lower-case normal address -> first appearance
    for (const HeaderMailbox& m : std::as_const(visible)) {
        const QString key = lowerAddress(m.address);
        if (!shown.contains(key))
            shown.insert(key, m);
    }

    const PolicyConfig& policy = input.policy;
    QStringList references = policy.internalDomains + policy.trustedDomains;
    if (input.history)
        references += input.history->knownDomains();

    auto classify = [&](RecipientInfo& r) {
        r.domain = normalDomain(AddressSyntax::domainOf(r.address));
        r.domainDisplay = QUrl::fromAce(r.domain.toLatin1());
        r.internal = inDomainList(r.domain, policy.internalDomains);
        r.trusted = !r.internal && inDomainList(r.domain, policy.trustedDomains);
        r.blocked = inDomainList(r.domain, policy.blockedDomains);
        if (!r.internal && !r.trusted) {
            if (const auto match = DomainSimilarity::findLookalike(r.domain, references)) {
                r.lookalikeOf = DomainSimilarity::display(match->resembles);
                r.lookalikeReason = match->reason;
            }
        }
    };

    // The envelope is the truth of who receives the message.
    for (const QString& address : input.recipients) {
        RecipientInfo r;
        r.address = address;
        const auto it = shown.constFind(lowerAddress(address));
        if (it != shown.constEnd()) {
            r.field = it->field;
            r.displayName = it->name;
        }
        classify(r);
        r.firstTime =
            input.history && !r.internal && !r.trusted && !input.history->knowsAddress(address);
        v.recipients.append(r);
    }

    // Exposure: what every recipient sees in To and Cc.
    QSet<QString> externalDomains;
    for (auto it = shown.cbegin(); it != shown.cend(); ++it) {
        RecipientInfo r;
        r.address = it->address;
        classify(r);
        if (r.isExternal() && !externalDomains.contains(r.domainDisplay)) {
            externalDomains.insert(r.domainDisplay);
            v.externalDomains << r.domainDisplay;
        }
    }
    v.externalDomains.sort();
    v.mass = shown.size() >= policy.massThreshold;
    v.manyExternalDomains = externalDomains.size() >= 2;

    // The move to Bcc.
    QSet<QString> moved;
    if (v.mass && policy.bccRewrite != BccRewrite::Off) {
        const QString sender = lowerAddress(v.fromAddress);
        for (auto it = shown.cbegin(); it != shown.cend(); ++it) {
            if (it.key() == sender)
                continue;
            const QString domain = normalDomain(AddressSyntax::domainOf(it->address));
            const bool internal = inDomainList(domain, policy.internalDomains);
            if (policy.bccRewrite == BccRewrite::AllWhenMass || !internal) {
                moved.insert(it.key());
                v.movedToBcc << it->address;
            }
        }
        v.movedToBcc.sort();
        if (!moved.isEmpty())
            v.bccReason =
                policy.bccRewrite == BccRewrite::AllWhenMass
                    ? QStringLiteral(
                          "mass mail: %1 visible recipients (threshold %2), policy all-when-mass")
                          .arg(shown.size())
                          .arg(policy.massThreshold)
                    : QStringLiteral(
                          "mass mail: %1 visible recipients (threshold %2), external ones moved")
                          .arg(shown.size())
                          .arg(policy.massThreshold);
        for (RecipientInfo& r : v.recipients)
            r.movedToBcc = moved.contains(lowerAddress(r.address));
    }
    if (!planHeaderEdits(&v, message, block, moved)) {
        v.error = QStringLiteral("the header block is malformed (a header field is not where "
                                 "the MIME parser found it)");
        return v;
    }
    if (!moved.isEmpty()) {
        Verdict visible;
        planHeaderEdits(&visible, message, block, {});
        v.editsKeepingVisible = visible.edits;
    }

    Walker walker(&v);
    walker.walk(g_mime_message_get_mime_part(message), 0);
    if (v.bodyPreview.isEmpty())
        v.bodyPreview = walker.htmlPreview(); // an HTML-only message (Thunderbird, webmail)
    applyKeywordRules(&v, policy, walker.bodies(), subjectReadings);
    v.parsed = true;
    return v;
}

QString MessageAnalyzer::addressKey(const QString& address)
{
    return lowerAddress(address);
}

} // namespace sendguard
