// SPDX-License-Identifier: GPL-3.0-or-later
#include "DomainSimilarity.h"

#include <QUrl>
#include <algorithm>
#include <iterator>
#include <vector>

namespace sendguard {

namespace {

// Common public suffixes: those that matter when the first users are in Japan, plus the usual
// generic and country domains. Single-label entries are not strictly needed (an unknown suffix is
// the last label) but document intent. Not the full Public Suffix List (no wildcards, no private
// registries such as github.io).
// clang-format off
const char* const kPublicSuffixes[] = {
    // generic
    "com", "net", "org", "info", "biz", "edu", "gov", "mil", "int", "name", "pro", "mobi", "asia",
    "app", "dev", "xyz", "online", "site", "top", "shop", "club", "tokyo", "nagoya", "yokohama",
    // Japan: organisational and geographic second-level names
    "jp", "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "ad.jp", "ed.jp", "gr.jp", "lg.jp",
    "hokkaido.jp", "aomori.jp", "iwate.jp", "miyagi.jp", "akita.jp", "yamagata.jp", "fukushima.jp",
    "ibaraki.jp", "tochigi.jp", "gunma.jp", "saitama.jp", "chiba.jp", "tokyo.jp", "kanagawa.jp",
    "niigata.jp", "toyama.jp", "ishikawa.jp", "fukui.jp", "yamanashi.jp", "nagano.jp", "gifu.jp",
    "shizuoka.jp", "aichi.jp", "mie.jp", "shiga.jp", "kyoto.jp", "osaka.jp", "hyogo.jp",
    "nara.jp", "wakayama.jp", "tottori.jp", "shimane.jp", "okayama.jp", "hiroshima.jp",
    "yamaguchi.jp", "tokushima.jp", "kagawa.jp", "ehime.jp", "kochi.jp", "fukuoka.jp", "saga.jp",
    "nagasaki.jp", "kumamoto.jp", "oita.jp", "miyazaki.jp", "kagoshima.jp", "okinawa.jp",
    // United Kingdom, Europe
    "uk", "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "sch.uk",
    "nhs.uk", "eu", "de", "fr", "it", "es", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl",
    "ru", "ie", "pt",
    // Americas
    "us", "ca", "mx", "com.mx", "br", "com.br", "net.br", "org.br", "gov.br",
    // Asia-Pacific
    "au", "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au", "nz", "co.nz",
    "org.nz", "net.nz", "ac.nz", "govt.nz", "cn", "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn",
    "ac.cn", "tw", "com.tw", "net.tw", "org.tw", "edu.tw", "gov.tw", "idv.tw", "kr", "co.kr",
    "or.kr", "ne.kr", "ac.kr", "go.kr", "re.kr", "hk", "com.hk", "org.hk", "net.hk", "edu.hk",
    "gov.hk", "sg", "com.sg", "net.sg", "org.sg", "edu.sg", "gov.sg", "in", "co.in", "net.in",
    "org.in", "ac.in", "gov.in", "firm.in", "th", "co.th", "ac.th", "go.th", "or.th", "in.th",
    "id", "co.id", "ac.id", "go.id", "or.id", "my", "com.my", "ph", "com.ph", "vn", "com.vn",
    // Africa and others
    "za", "co.za", "io", "co", "me", "tv", "cc", "ai",
};
// clang-format on

// The longest entry in kPublicSuffixes, in labels.
constexpr int kMaxSuffixLabels = 2;
// one-edit and swapped-characters ignore registrable labels shorter than this ("abc" vs "abd").
constexpr qsizetype kMinEditLabelLength = 4;
// Longer input is not a domain name; refused before any IDNA work.
constexpr qsizetype kMaxInputLength = 1024;
constexpr qsizetype kMaxDomainLength = 253;
constexpr qsizetype kMaxLabelLength = 63;

enum Rank
{
    None,
    PublicSuffix,
    OneEdit,
    Swapped,
    Homoglyph
};

QString reasonName(int rank)
{
    switch (rank) {
    case Homoglyph:
        return QStringLiteral("homoglyph");
    case Swapped:
        return QStringLiteral("swapped-characters");
    case OneEdit:
        return QStringLiteral("one-edit");
    case PublicSuffix:
        return QStringLiteral("public-suffix");
    default:
        return QString();
    }
}

struct SuffixEntry
{
    size_t hash;
    QString suffix;
};

// Sorted by hash: a look-up hashes the view once and compares strings only on equal hashes.
const std::vector<SuffixEntry>& publicSuffixes()
{
    static const std::vector<SuffixEntry> table = [] {
        std::vector<SuffixEntry> v;
        v.reserve(std::size(kPublicSuffixes));
        for (const char* s : kPublicSuffixes) {
            const QString suffix = QString::fromLatin1(s);
            v.push_back({qHash(QStringView(suffix)), suffix});
        }
        std::sort(v.begin(), v.end(),
                  [](const SuffixEntry& a, const SuffixEntry& b) { return a.hash < b.hash; });
        return v;
    }();
    return table;
}

bool isKnownSuffix(QStringView s)
{
    const std::vector<SuffixEntry>& table = publicSuffixes();
    const size_t hash = qHash(s);
    auto it = std::lower_bound(table.begin(), table.end(), hash,
                               [](const SuffixEntry& e, size_t h) { return e.hash < h; });
    for (; it != table.end() && it->hash == hash; ++it) {
        if (it->suffix == s)
            return true;
    }
    return false;
}

bool isLdh(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
}

// Only letters, digits, hyphens and dots, in either case: no IDNA processing needed.
bool isPlainAscii(QStringView s)
{
    for (const QChar ch : s) {
        const char16_t c = ch.unicode();
        if (!isLdh(c) && !(c >= u'A' && c <= u'Z') && c != u'.')
            return false;
    }
    return true;
}

// Already in normal form without any "xn--" label: the common case for stored references, checked
// in one pass without allocating.
bool isNormalPlainAscii(QStringView s)
{
    if (s.isEmpty() || s.size() > kMaxDomainLength)
        return false;
    qsizetype labelStart = 0;
    bool numericLabel = true;
    for (qsizetype i = 0; i <= s.size(); ++i) {
        const char16_t c = i < s.size() ? s[i].unicode() : u'.';
        if (c == u'.') {
            const qsizetype size = i - labelStart;
            if (size == 0 || size > kMaxLabelLength || s[labelStart] == u'-' || s[i - 1] == u'-')
                return false;
            if (size >= 4 && s[labelStart] == u'x' && s[labelStart + 1] == u'n' &&
                s[labelStart + 2] == u'-' && s[labelStart + 3] == u'-')
                return false; // needs the Punycode check
            if (i == s.size())
                return !numericLabel;
            labelStart = i + 1;
            numericLabel = true;
        } else if (isLdh(c)) {
            numericLabel = numericLabel && c >= u'0' && c <= u'9';
        } else {
            return false;
        }
    }
    return false; // not reached
}

bool isValidAceLabel(QStringView label)
{
    if (label.isEmpty() || label.size() > kMaxLabelLength)
        return false;
    if (label.front() == u'-' || label.back() == u'-')
        return false;
    for (const QChar ch : label) {
        if (!isLdh(ch.unicode()))
            return false;
    }
    if (label.startsWith(QLatin1String("xn--"))) {
        // Must be well-formed Punycode that IDNA itself would produce.
        const QString decoded = QUrl::fromAce(label.toLatin1(), QUrl::IgnoreIDNWhitelist);
        if (decoded.isEmpty() || decoded.startsWith(QLatin1String("xn--")))
            return false;
        if (QUrl::toAce(decoded) != label.toLatin1())
            return false;
    }
    return true;
}

// `ace` is lower case, without a trailing dot.
bool isValidAceDomain(QStringView ace)
{
    if (ace.isEmpty() || ace.size() > kMaxDomainLength)
        return false;
    qsizetype start = 0;
    QStringView last;
    while (true) {
        const qsizetype dot = ace.indexOf(u'.', start);
        last = ace.mid(start, dot < 0 ? -1 : dot - start);
        if (!isValidAceLabel(last))
            return false;
        if (dot < 0)
            break;
        start = dot + 1;
    }
    // A numeric last label is an IPv4 address (or garbage), never a top-level domain.
    return !std::all_of(last.begin(), last.end(),
                        [](QChar ch) { return ch >= u'0' && ch <= u'9'; });
}

// Index of the first character of the public suffix within a normalised domain; 0 when the whole
// domain is a public suffix.
qsizetype suffixStart(QStringView d)
{
    qsizetype starts[kMaxSuffixLabels]; // starts[i]: start of the last i + 1 labels
    int count = 0;
    qsizetype end = d.size();
    while (count < kMaxSuffixLabels) {
        const qsizetype dot = end > 0 ? d.lastIndexOf(u'.', end - 1) : -1;
        starts[count++] = dot + 1;
        if (dot < 0)
            break;
        end = dot;
    }
    for (int i = count - 1; i >= 1; --i) {
        if (isKnownSuffix(d.mid(starts[i])))
            return starts[i];
    }
    return starts[0];
}

// Start of the registrable label, given the suffix start (> 0).
qsizetype registrableStart(QStringView d, qsizetype suffixAt)
{
    return d.lastIndexOf(u'.', suffixAt - 2) + 1;
}

bool isIdn(QStringView ace)
{
    return ace.contains(QLatin1String("xn--"));
}

QString unicodeOf(QStringView ace)
{
    if (!isIdn(ace))
        return ace.toString();
    return QUrl::fromAce(ace.toLatin1(), QUrl::IgnoreIDNWhitelist);
}

// Levenshtein distance exactly 1, without the full matrix.
bool isOneEdit(QStringView a, QStringView b)
{
    if (a.size() < b.size())
        std::swap(a, b);
    const qsizetype diff = a.size() - b.size();
    if (diff > 1)
        return false;
    qsizetype i = 0;
    while (i < b.size() && a[i] == b[i])
        ++i;
    if (diff == 0) { // one substitution
        if (i == a.size())
            return false; // equal
        return a.mid(i + 1) == b.mid(i + 1);
    }
    return a.mid(i + 1) == b.mid(i); // one deletion from the longer
}

// Exactly one transposition of two different adjacent characters.
bool isSwap(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return false;
    qsizetype i = 0;
    while (i < a.size() && a[i] == b[i])
        ++i;
    if (i + 1 >= a.size())
        return false;
    return a[i] == b[i + 1] && a[i + 1] == b[i] && a.mid(i + 2) == b.mid(i + 2);
}

char16_t foldConfusable(char16_t c)
{
    if (c < 0x80) {
        if (c >= u'A' && c <= u'Z')
            c = c - u'A' + u'a';
        switch (c) {
        case u'0':
            return u'o';
        case u'1':
        case u'i':
            return u'l';
        case u'5':
            return u's';
        default:
            return c;
        }
    }
    // Full-width forms (IDNA maps them to ASCII already; kept for other callers' input).
    if (c >= 0xFF21 && c <= 0xFF3A)
        return foldConfusable(static_cast<char16_t>(c - 0xFF21 + u'a'));
    if (c >= 0xFF41 && c <= 0xFF5A)
        return foldConfusable(static_cast<char16_t>(c - 0xFF41 + u'a'));
    if (c >= 0xFF10 && c <= 0xFF19)
        return foldConfusable(static_cast<char16_t>(c - 0xFF10 + u'0'));
    switch (c) {
    // Cyrillic
    case 0x0430: // а
    case 0x0251: // Latin alpha ɑ
    case 0x03B1: // Greek alpha α
        return u'a';
    case 0x0435: // е
        return u'e';
    case 0x043E: // о
    case 0x03BF: // Greek omicron ο
    case 0x0585: // Armenian օ
    case 0x3007: // 〇
        return u'o';
    case 0x0440: // р
    case 0x03C1: // Greek rho ρ
        return u'p';
    case 0x0441: // с
        return u'c';
    case 0x0445: // х
        return u'x';
    case 0x0443: // у
        return u'y';
    case 0x0456: // і
    case 0x0131: // dotless ı
    case 0x03B9: // Greek iota ι
    case 0x04CF: // palochka ӏ
        return u'l';
    case 0x0458: // ј
        return u'j';
    case 0x0455: // ѕ
        return u's';
    case 0x0501: // ԁ
        return u'd';
    case 0x051B: // ԛ
        return u'q';
    case 0x051D: // ԝ
        return u'w';
    case 0x04BB: // һ
    case 0x0570: // Armenian հ
        return u'h';
    case 0x03BD: // Greek nu ν
        return u'v';
    case 0x0261: // script ɡ
        return u'g';
    case 0x057D: // Armenian ս
        return u'u';
    case 0x0578: // Armenian ո
        return u'n';
    // Japanese: kanji and hiragana that look like katakana
    case 0x529B:       // 力
        return 0x30AB; // カ
    case 0x53E3:       // 口
        return 0x30ED; // ロ
    case 0x5DE5:       // 工
        return 0x30A8; // エ
    case 0x4E8C:       // 二
        return 0x30CB; // ニ
    case 0x516B:       // 八
        return 0x30CF; // ハ
    case 0x535C:       // 卜
        return 0x30C8; // ト
    case 0x5915:       // 夕
        return 0x30BF; // タ
    case 0x4E00:       // 一
        return 0x30FC; // ー
    case 0x3078:       // へ
        return 0x30D8; // ヘ
    case 0x3079:       // べ
        return 0x30D9; // ベ
    case 0x307A:       // ぺ
        return 0x30DA; // ペ
    default:
        return c;
    }
}

// The skeleton of a Unicode domain, one character at a time: confusable characters folded, then
// "rn" -> "m", "vv" -> "w", "cl" -> "d". next() returns 0 at the end.
class SkeletonStream
{
public:
    explicit SkeletonStream(QStringView unicodeDomain) : m_s(unicodeDomain) {}

    char16_t next()
    {
        if (m_i >= m_s.size())
            return 0;
        const char16_t c = foldConfusable(m_s[m_i++].unicode());
        if (m_i >= m_s.size() || (c != u'r' && c != u'v' && c != u'c'))
            return c;
        const char16_t n = foldConfusable(m_s[m_i].unicode());
        const char16_t pair = c == u'r' && n == u'n'   ? u'm'
                              : c == u'v' && n == u'v' ? u'w'
                              : c == u'c' && n == u'l' ? u'd'
                                                       : char16_t(0);
        if (!pair)
            return c;
        ++m_i;
        return pair;
    }

private:
    QStringView m_s;
    qsizetype m_i = 0;
};

// Whether `unicodeDomain` has the skeleton `skeleton`, stopping at the first difference.
bool hasSkeleton(QStringView unicodeDomain, QStringView skeleton)
{
    SkeletonStream stream(unicodeDomain);
    for (const QChar expected : skeleton) {
        if (stream.next() != expected.unicode())
            return false;
    }
    return stream.next() == 0;
}

struct Parsed
{
    QString norm;            // whole domain, normal form
    qsizetype regStart = 0;  // norm.mid(regStart): the registrable domain
    qsizetype labelSize = 0; // the registrable label's size
    QStringView reg() const { return QStringView(norm).mid(regStart); }
    QStringView label() const { return QStringView(norm).mid(regStart, labelSize); }
};

// False for something that is not a domain name or has no registrable domain.
bool parse(const QString& normalized, Parsed* out)
{
    out->norm = normalized;
    if (normalized.isEmpty())
        return false;
    const qsizetype suffixAt = suffixStart(normalized);
    if (suffixAt == 0)
        return false;
    out->regStart = registrableStart(normalized, suffixAt);
    out->labelSize = suffixAt - out->regStart - 1;
    return true;
}

// `inner` equals `outer` or is a subdomain of it.
bool isWithin(QStringView inner, QStringView outer)
{
    return inner.size() >= outer.size() && inner.endsWith(outer) &&
           (inner.size() == outer.size() || inner.at(inner.size() - outer.size() - 1) == u'.');
}

} // namespace

QString DomainSimilarity::normalize(const QString& domain)
{
    if (isNormalPlainAscii(domain))
        return domain;
    if (domain.size() > kMaxInputLength)
        return QString();
    const QString trimmed = domain.trimmed();
    if (trimmed.isEmpty() || trimmed.startsWith(u'['))
        return QString();
    QString ace =
        isPlainAscii(trimmed) ? trimmed.toLower() : QString::fromLatin1(QUrl::toAce(trimmed));
    if (ace.endsWith(u'.'))
        ace.chop(1);
    if (!isValidAceDomain(ace))
        return QString();
    return ace;
}

QString DomainSimilarity::display(const QString& domain)
{
    return unicodeOf(normalize(domain));
}

QPair<QString, QString> DomainSimilarity::splitPublicSuffix(const QString& domain)
{
    const QString d = normalize(domain);
    if (d.isEmpty())
        return {};
    const qsizetype at = suffixStart(d);
    if (at == 0)
        return {QString(), d};
    return {d.left(at - 1), d.mid(at)};
}

QString DomainSimilarity::registrableDomain(const QString& domain)
{
    Parsed p;
    if (!parse(normalize(domain), &p))
        return QString();
    return p.reg().toString();
}

QString DomainSimilarity::skeleton(const QString& unicodeDomain)
{
    QString out;
    out.reserve(unicodeDomain.size());
    SkeletonStream stream(unicodeDomain);
    while (const char16_t c = stream.next())
        out += QChar(c);
    return out;
}

std::optional<LookalikeMatch> DomainSimilarity::findLookalike(const QString& candidate,
                                                              const QStringList& references)
{
    Parsed c;
    if (!parse(normalize(candidate), &c))
        return std::nullopt;
    // one-edit, swapped-characters and homoglyph compare Unicode forms: one changed character of
    // an IDN changes much of its ACE form. For ASCII both forms are the same.
    const QString uC = unicodeOf(c.reg());
    const qsizetype uLabelSizeC = unicodeOf(c.label()).size();
    const QString skelC = skeleton(uC);

    int bestRank = None;
    QString bestReference;
    Parsed r;
    for (const QString& reference : references) {
        if (!parse(normalize(reference), &r))
            continue; // not a domain, or a bare public suffix: trusts nothing
        // Trusted: the candidate is (under) a reference, or a reference is under the
        // candidate's registrable domain (same organisation).
        if (isWithin(c.norm, r.norm) || isWithin(r.norm, c.reg()))
            return std::nullopt;
        if (bestRank == Homoglyph)
            continue; // nothing better to find: only the trust check still matters
        const bool rIsIdn = isIdn(r.reg());
        const QString uRStorage = rIsIdn ? unicodeOf(r.reg()) : QString();
        const QStringView uR = rIsIdn ? QStringView(uRStorage) : r.reg();

        if (hasSkeleton(uR, skelC)) {
            bestRank = Homoglyph;
            bestReference = r.norm;
            continue;
        }
        if (bestRank >= Swapped)
            continue;
        const qsizetype sizeDiff = uC.size() - uR.size();
        if (sizeDiff >= -1 && sizeDiff <= 1) { // pre-filter: both rules need this
            const qsizetype uLabelSizeR = rIsIdn ? unicodeOf(r.label()).size() : r.labelSize;
            if (std::min(uLabelSizeC, uLabelSizeR) >= kMinEditLabelLength) {
                if (isSwap(uC, uR)) {
                    bestRank = Swapped;
                    bestReference = r.norm;
                    continue;
                }
                if (bestRank < OneEdit && isOneEdit(uC, uR)) {
                    bestRank = OneEdit;
                    bestReference = r.norm;
                    continue;
                }
            }
        }
        // Registrable domains differ (else trusted above): same label means another suffix.
        if (bestRank < PublicSuffix && r.label() == c.label()) {
            bestRank = PublicSuffix;
            bestReference = r.norm;
        }
    }
    if (bestRank == None)
        return std::nullopt;
    return LookalikeMatch{c.norm, bestReference, reasonName(bestRank)};
}

} // namespace sendguard
