// SPDX-License-Identifier: GPL-3.0-or-later
#include "JapaneseText.h"

#include <glib.h>
#include <initializer_list>

namespace sendguard::japanesetext {

namespace {

bool isOneOf(const QByteArray& charset, std::initializer_list<const char*> names)
{
    const QByteArray name = charset.trimmed().toLower();
    for (const char* n : names) {
        if (name == n)
            return true;
    }
    return false;
}

bool isShiftJis(const QByteArray& charset)
{
    return isOneOf(charset, {"shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis",
                             "windows-31j", "cp932", "ms932"});
}

bool isEucJp(const QByteArray& charset)
{
    return isOneOf(charset, {"euc-jp", "eucjp", "x-euc-jp", "cseucpkdfmtjapanese", "euc-jp-ms"});
}

bool convert(const QByteArray& bytes, const char* from, QString* text)
{
    gsize written = 0;
    GError* error = nullptr;
    gchar* utf8 = g_convert(bytes.constData(), gssize(bytes.size()), "UTF-8", from, nullptr,
                            &written, &error);
    if (!utf8) {
        g_clear_error(&error);
        return false;
    }
    *text = QString::fromUtf8(utf8, qsizetype(written));
    g_free(utf8);
    return true;
}

} // namespace

bool isIso2022Jp(const QByteArray& charset)
{
    return isOneOf(
        charset, {"iso-2022-jp", "csiso2022jp", "iso-2022-jp-ms", "cp50220", "cp50221", "cp50222"});
}

bool isJapanese(const QByteArray& charset)
{
    return isIso2022Jp(charset) || isShiftJis(charset) || isEucJp(charset);
}

QByteArray readingCharset(const QByteArray& charset)
{
    if (isShiftJis(charset))
        return QByteArrayLiteral("CP932");
    if (isEucJp(charset))
        return QByteArrayLiteral("EUC-JP-MS");
    return charset;
}

bool decode(const QByteArray& charset, const QByteArray& bytes, QString* text)
{
    if (isIso2022Jp(charset))
        return fromIso2022Jp(bytes, text);
    if (!isJapanese(charset))
        return false;
    return convert(bytes, readingCharset(charset).constData(), text);
}

bool fromIso2022Jp(const QByteArray& bytes, QString* text)
{
    // The JIS codes are turned into their Shift_JIS form (a fixed arithmetic mapping), which
    // the Windows-31J converter (CP932: NEC and IBM extensions included) then decodes.
    enum class Set
    {
        Ascii,
        Jis0208,
        Kana
    };
    Set set = Set::Ascii;
    Set beforeShiftOut = Set::Ascii;
    QByteArray sjis;
    sjis.reserve(bytes.size());
    const qsizetype n = bytes.size();
    for (qsizetype i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes.at(i));
        if (c == 0x1b) {
            const QByteArray esc = bytes.mid(i + 1, 2);
            if (esc == "(B" || esc == "(J")
                set = Set::Ascii;
            else if (esc == "$B" || esc == "$@")
                set = Set::Jis0208;
            else if (esc == "(I")
                set = Set::Kana;
            else
                return false; // JIS X 0212 and the like: not in any Windows code page
            i += 2;
            continue;
        }
        if (c == 0x0e) { // SO: half-width katakana until SI (code page 50222)
            beforeShiftOut = set;
            set = Set::Kana;
            continue;
        }
        if (c == 0x0f) {
            set = beforeShiftOut;
            continue;
        }
        if (c >= 0x80)
            return false;
        if (c == '\r' || c == '\n') {
            sjis += char(c);
            set = Set::Ascii; // a line ends in ASCII (RFC 1468); a mailer that forgot is read so
            continue;
        }
        if (c == ' ' || c == '\t') { // white space is taken as it is in any set
            sjis += char(c);
            continue;
        }
        switch (set) {
        case Set::Ascii:
            sjis += char(c);
            break;
        case Set::Kana:
            if (c < 0x21 || c > 0x5f)
                return false;
            sjis += char(c + 0x80);
            break;
        case Set::Jis0208: {
            if (i + 1 >= n)
                return false;
            const auto c2 = static_cast<unsigned char>(bytes.at(i + 1));
            if (c < 0x21 || c > 0x7e || c2 < 0x21 || c2 > 0x7e)
                return false;
            ++i;
            const int s1 = ((c + 1) >> 1) + (c <= 0x5e ? 0x70 : 0xb0);
            const int s2 = c2 + ((c & 1) ? (c2 < 0x60 ? 0x1f : 0x20) : 0x7e);
            sjis += char(s1);
            sjis += char(s2);
            break;
        }
        }
    }
    return convert(sjis, "CP932", text);
}

} // namespace sendguard::japanesetext
