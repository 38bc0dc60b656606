// SPDX-License-Identifier: GPL-3.0-or-later
// Property-style test of the move to Bcc: messages with random To/Cc/Bcc/Resent-Bcc headers
// (Japanese display names in RFC 2047 B and Q encodings, quoted names with commas, comments,
// groups, folded lines, duplicates, internal and external addresses), random bodies and random
// policies, each generated from a fixed seed. For every message the header edits of its verdict
// are applied (OutboundReader, no dot-stuffing) and the invariants are checked. All cases run once
// in initTestCase; each property then has its own test function, which reports how many cases
// break it and the first one (seed, policy, envelope, input and output headers). Generator(seed)
// rebuilds any case; SENDGUARD_PROPERTIES_VERBOSE=1 lists every failing seed.
#include "MessageAnalyzer.h"
#include "MessageTestSupport.h"
#include "OutboundReader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace sendguard;
using namespace sendguard::testsupport;

namespace {

constexpr int kCases = 400;
constexpr quint32 kFirstSeed = 20240514;

struct Mailbox
{
    QString addr;    // as written in the header
    QByteArray text; // the whole entry as written
};

struct Entry
{
    bool group = false;
    QByteArray groupName;
    QList<Mailbox> members; // for a group
    Mailbox box;            // for a mailbox
};

struct Field
{
    QByteArray name; // "To", "CC", "bcc", "Resent-Bcc", ...
    QList<Entry> entries;

    QList<Mailbox> mailboxes() const
    {
        QList<Mailbox> out;
        for (const Entry& e : entries) {
            if (e.group)
                out += e.members;
            else
                out << e.box;
        }
        return out;
    }
    QByteArray kind() const { return name.toLower(); }
};

struct Generated
{
    QByteArray message;
    QByteArray body;
    QList<Field> fields; // the recipient fields, in header order
    QString sender;      // From address
    QStringList envelope;
    PolicyConfig policy;
    QString policyText;
};

// Addresses compare case-insensitively, IDN domains in ACE form (GMime hands out Unicode).
QString key(const QString& address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    const QString domain = address.mid(at + 1).toLower();
    const QByteArray ace = QUrl::toAce(domain);
    return (address.left(at + 1) + (ace.isEmpty() ? domain : QString::fromLatin1(ace))).toLower();
}

bool isInternal(const QString& address)
{
    const QString d = address.mid(address.lastIndexOf(QLatin1Char('@')) + 1).toLower();
    return d == QLatin1String("example.co.jp") || d.endsWith(QLatin1String(".example.co.jp"));
}

class Generator
{
public:
    explicit Generator(quint32 seed) : m_rng(seed) {}

    Generated make()
    {
        Generated g;
        g.sender =
            pick({QStringLiteral("yamada@example.co.jp"), QStringLiteral("yamada@example.co.jp"),
                  QStringLiteral("Yamada@Example.co.jp"), QStringLiteral("t.yamada@gmail.com")});

        // Recipient fields.
        QList<QByteArray> kinds;
        if (chance(90))
            kinds << pick({QByteArray("To"), QByteArray("To"), QByteArray("TO")});
        if (chance(60))
            kinds << pick({QByteArray("Cc"), QByteArray("CC"), QByteArray("cc")});
        if (chance(35))
            kinds << pick({QByteArray("Bcc"), QByteArray("BCC")});
        if (chance(10))
            kinds << QByteArray("Resent-Bcc");
        if (chance(5))
            kinds << QByteArray("Resent-Bcc");
        for (const QByteArray& kind : std::as_const(kinds)) {
            Field f;
            f.name = kind;
            const int n = bounded(0, 100) < 15 ? bounded(9, 22) : bounded(1, 7);
            for (int i = 0; i < n; ++i)
                f.entries << entry(g.sender);
            if (kind.toLower() == "to" && chance(8)) {
                Entry empty;
                empty.group = true;
                empty.groupName = "undisclosed-recipients";
                f.entries.insert(bounded(0, int(f.entries.size()) + 1), empty);
            }
            g.fields << f;
        }

        // Envelope: the header addresses (once each, any case), blind extras, now and then one
        // header address that is not an envelope recipient.
        QSet<QString> seen;
        for (const Field& f : std::as_const(g.fields)) {
            for (const Mailbox& m : f.mailboxes()) {
                if (seen.contains(key(m.addr)))
                    continue;
                seen.insert(key(m.addr));
                if (chance(4))
                    continue;
                g.envelope << (chance(20) ? m.addr.toLower() : m.addr);
            }
        }
        for (int i = bounded(0, 3); i > 0; --i) {
            const QString extra = address();
            if (!seen.contains(key(extra))) {
                seen.insert(key(extra));
                g.envelope << extra;
            }
        }
        if (g.envelope.isEmpty())
            g.envelope << QStringLiteral("blind@customer.com");
        for (int i = int(g.envelope.size()) - 1; i > 0; --i)
            g.envelope.swapItemsAt(i, bounded(0, i + 1));

        // Policy.
        g.policy.internalDomains = {QStringLiteral("example.co.jp")};
        g.policy.massThreshold = bounded(1, 13);
        const int mode = bounded(0, 3);
        g.policy.bccRewrite = mode == 0   ? BccRewrite::ExternalWhenMass
                              : mode == 1 ? BccRewrite::AllWhenMass
                                          : BccRewrite::Off;
        g.policyText = QStringLiteral("threshold %1, %2")
                           .arg(g.policy.massThreshold)
                           .arg(mode == 0   ? QStringLiteral("external-when-mass")
                                : mode == 1 ? QStringLiteral("all-when-mass")
                                            : QStringLiteral("off"));

        // Headers in a random order, the recipient fields among them.
        QList<QByteArray> others;
        others << "From: " + fromText(g.sender) + "\r\n";
        others << "Subject: " + subject() + "\r\n";
        others << "Date: Tue, 14 May 2024 10:" + QByteArray::number(10 + bounded(0, 50)) +
                      ":00 +0900\r\n";
        others << "Message-ID: <" + QByteArray::number(m_rng.generate(), 16) + "." +
                      QByteArray::number(m_rng.generate(), 16) + "@example.co.jp>\r\n";
        others << "MIME-Version: 1.0\r\n";
        others << "Content-Type: text/plain; charset=UTF-8;\r\n format=flowed\r\n";
        others << "Content-Transfer-Encoding: 8bit\r\n";
        if (chance(50))
            others << "X-Mailer: " +
                          pick({QByteArray("Microsoft Outlook 16.0"),
                                QByteArray("Becky! ver. 2.81.05 [ja]"),
                                QByteArray("Apple Mail (2.3774.500.171.1.1)")}) +
                          "\r\n";
        if (chance(40))
            others << "Thread-Topic: =?iso-2022-jp?B?GyRCMnE1RCRON28bKEI=?=\r\nThread-Index: "
                      "AdqluE8sU2w6Gj1xQ0uV7yW3h0K1Zg==\r\n";
        if (chance(25))
            others << "Reply-To: " + g.sender.toUtf8() + "\r\n";
        if (chance(20))
            others << "X-To-Note: To: and Cc: are only words here\r\n";
        if (chance(20))
            others.prepend("Received: from [127.0.0.1] (localhost [127.0.0.1])\r\n\tby "
                           "ws01.example.co.jp with ESMTPSA id 1a2b3c\r\n"
                           "\tfor <list@example.co.jp>; Tue, 14 May 2024 10:00:00 +0900\r\n");
        QList<QByteArray> headers = others;
        for (const Field& f : std::as_const(g.fields))
            headers.insert(bounded(0, int(headers.size()) + 1), render(f));

        g.body = body();
        g.message = headers.join() + "\r\n" + g.body;
        return g;
    }

private:
    QRandomGenerator m_rng;

    int bounded(int lo, int hi) { return int(m_rng.bounded(lo, hi)); }
    bool chance(int percent) { return bounded(0, 100) < percent; }
    template <typename T> T pick(std::initializer_list<T> list)
    {
        return *(list.begin() + bounded(0, int(list.size())));
    }

    QString address()
    {
        static const char* const locals[] = {"sato",      "suzuki",   "takahashi", "tanaka",
                                             "ito",       "watanabe", "yamamoto",  "nakamura",
                                             "kobayashi", "kato",     "info",      "sales",
                                             "t.yamada",  "hanako_s", "k-kimura",  "support+jp"};
        static const char* const domains[] = {
            "example.co.jp",
            "example.co.jp",
            "tokyo.example.co.jp",
            "partner.co.jp",
            "customer.com",
            "torihiki.ne.jp",
            "mail.client.jp",
            "gmail.com",
            "xn--eckwd4c7c5976acvb2w6i.jp",
            "example.jp",
            "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x83\x89\xe3\x83\xa1"
            "\xe3\x82\xa4\xe3\x83\xb3.jp"}; // 日本語ドメイン.jp, RFC 6532
        QString local = QString::fromLatin1(locals[bounded(0, int(std::size(locals)))]);
        if (chance(30))
            local += QString::number(bounded(1, 9));
        QString domain = QString::fromUtf8(domains[bounded(0, int(std::size(domains)))]);
        if (chance(10))
            domain = domain.toUpper();
        if (chance(10))
            local[0] = local[0].toUpper();
        return local + QLatin1Char('@') + domain;
    }

    QByteArray encodedWord(const QString& text)
    {
        switch (bounded(0, 3)) {
        case 0:
            return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
        case 1: {
            QByteArray q;
            for (const char c : text.toUtf8()) {
                const uchar u = uchar(c);
                if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9'))
                    q += c;
                else if (u == ' ')
                    q += '_';
                else
                    q += '=' + QByteArray::number(u, 16).toUpper().rightJustified(2, '0');
            }
            return "=?UTF-8?Q?" + q + "?=";
        }
        default: {
            // ISO-2022-JP, written by hand for the few names used: JIS X 0208 row/cell pairs.
            static const QHash<QString, QByteArray> jis = {
                {QString::fromUtf8("佐藤"), "\x1b$B:4F#\x1b(B"},
                {QString::fromUtf8("鈴木"), "\x1b$BNkLZ\x1b(B"},
                {QString::fromUtf8("山田"), "\x1b$B;3ED\x1b(B"},
                {QString::fromUtf8("会議"), "\x1b$B2q5D\x1b(B"},
            };
            const auto it = jis.constFind(text);
            if (it == jis.constEnd())
                return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
            return "=?ISO-2022-JP?B?" + it->toBase64() + "?=";
        }
        }
    }

    Mailbox mailbox(const QString& sender)
    {
        Mailbox m;
        // Duplicates (same or different case), the sender itself now and then.
        if (!m_used.isEmpty() && chance(12))
            m.addr = m_used.at(bounded(0, int(m_used.size())));
        else if (chance(5))
            m.addr = sender;
        else
            m.addr = address();
        if (chance(5))
            m.addr = m.addr.toUpper();
        m_used << m.addr;
        const QByteArray a = m.addr.toUtf8();
        static const char* const japanese[] = {"佐藤",
                                               "鈴木",
                                               "山田",
                                               "会議",
                                               "高橋 一郎",
                                               "田中, 次郎",
                                               "株式会社パートナー 営業部 木村",
                                               "渡辺（経理）"};
        switch (bounded(0, 10)) {
        case 9: // RFC 6532: a raw UTF-8 display name
            m.text = QString::fromUtf8(japanese[bounded(0, 3)]).toUtf8() + " <" + a + ">";
            break;
        case 0:
            m.text = a;
            break;
        case 1:
            m.text = "<" + a + ">";
            break;
        case 2:
            m.text =
                pick({QByteArray("Hanako Sato"), QByteArray("Kimura"), QByteArray("Info Desk")}) +
                " <" + a + ">";
            break;
        case 3:
            m.text = pick({QByteArray("\"Sato, Hanako\""), QByteArray("\"Kimura, Jiro (Sales)\""),
                           QByteArray("\"Tanaka \\\"Ken\\\" Ichiro\""),
                           QByteArray("\"a, b; c: <d>\"")}) +
                     " <" + a + ">";
            break;
        case 4:
            m.text = a + " (" +
                     pick({QByteArray("Sato Hanako"), QByteArray("Sales, Osaka"),
                           QByteArray("nested (x) y")}) +
                     ")";
            break;
        case 5:
            m.text = "\"'" + a + "'\" <" + a + ">"; // Outlook: the address as the name
            break;
        default:
            m.text =
                encodedWord(QString::fromUtf8(japanese[bounded(0, int(std::size(japanese)))])) +
                " <" + a + ">";
            break;
        }
        return m;
    }

    Entry entry(const QString& sender)
    {
        Entry e;
        if (chance(10)) {
            e.group = true;
            e.groupName = pick({QByteArray("Team"), QByteArray("\"Sales, Tokyo\""),
                                QByteArray("=?UTF-8?B?5Za25qWt6YOo?=")});
            for (int i = bounded(1, 4); i > 0; --i)
                e.members << mailbox(sender);
            return e;
        }
        e.box = mailbox(sender);
        return e;
    }

    QByteArray render(const Field& f)
    {
        QByteArray out = f.name + ":";
        qsizetype lineLength = out.size();
        bool first = true;
        for (const Entry& e : f.entries) {
            QByteArray text;
            if (e.group) {
                QList<QByteArray> members;
                for (const Mailbox& m : e.members)
                    members << m.text;
                text = e.groupName + ":" + members.join(", ") + ";";
            } else {
                text = e.box.text;
            }
            if (!first)
                out += ",";
            const int style = bounded(0, 3);
            if (!first && (style == 0 || lineLength + text.size() > 200)) {
                const QByteArray fold = chance(50) ? "\r\n " : "\r\n\t";
                out += fold;
                lineLength = 1;
            } else {
                out += " ";
                ++lineLength;
            }
            out += text;
            lineLength += text.size();
            first = false;
        }
        return out + "\r\n";
    }

    QByteArray fromText(const QString& sender)
    {
        return pick({QByteArray("=?UTF-8?B?5bGx55SwIOWkqumDjg==?= <") + sender.toUtf8() + ">",
                     QByteArray("\"Yamada, Taro\" <") + sender.toUtf8() + ">", sender.toUtf8()});
    }

    QByteArray subject()
    {
        switch (bounded(0, 4)) {
        case 0:
            return "Re: meeting on Friday";
        case 1:
            return "=?UTF-8?B?44CQ56S+5aSW56eY44CR6KaL56mN?=";
        case 2:
            return "=?ISO-2022-JP?B?GyRCMnE1RCRON28bKEI=?=\r\n "
                   "=?ISO-2022-JP?B?GyRCJCpDTiRpJDsbKEI=?=";
        default:
            return "=?UTF-8?Q?=E6=97=A5=E7=A8=8B_To:_Cc:?= (draft)";
        }
    }

    QByteArray body()
    {
        QByteArray b;
        const int lines = bounded(0, 14);
        for (int i = 0; i < lines; ++i) {
            switch (bounded(0, 10)) {
            case 0:
                b += "To: " + address().toUtf8();
                break;
            case 1:
                b += ".";
                break;
            case 2:
                b += ".leading dot, and Bcc: " + address().toUtf8();
                break;
            case 3:
                b += QByteArray(bounded(100, 990), 'x');
                break;
            case 4:
                b += QString::fromUtf8("長い行").repeated(bounded(10, 50)).toUtf8();
                break;
            case 5:
                b += "";
                break;
            case 6:
                b += "Cc: " + address().toUtf8() + ", " + address().toUtf8();
                break;
            case 7:
                b += "From " + address().toUtf8();
                break;
            default:
                b += QString::fromUtf8("お世話になっております。").toUtf8();
                break;
            }
            if (i + 1 < lines || chance(85))
                b += "\r\n";
        }
        return b;
    }

    QStringList m_used;
};

QString describe(quint32 seed, const Generated& g, const Verdict& v, const QByteArray& out)
{
    return QStringLiteral("seed %1 (%2)\nenvelope: %3\nmoved: %4\n--- input headers ---\n%5--- "
                          "output headers ---\n%6")
        .arg(seed)
        .arg(g.policyText, g.envelope.join(QStringLiteral(", ")),
             v.movedToBcc.join(QStringLiteral(", ")),
             QString::fromUtf8(g.message.left(headerBlockEnd(g.message))),
             QString::fromUtf8(out.left(qMax<qsizetype>(0, headerBlockEnd(out)))))
        .replace(QLatin1String("\r\n"), QLatin1String("\n"));
}

} // namespace

class TestBccRewriteProperties : public QObject
{
    Q_OBJECT

private:
    struct Failure
    {
        int cases = 0;
        QString first; // the broken property and the first message that breaks it
    };

    QTemporaryDir m_dir;
    QHash<QString, Failure> m_failures; // "category|property" -> failing cases
    int m_moves = 0;
    qint64 m_elapsed = 0;

    void verifyProperty(const char* category)
    {
        const QString prefix = QString::fromLatin1(category) + QLatin1Char('|');
        QStringList names, report;
        for (auto it = m_failures.cbegin(); it != m_failures.cend(); ++it) {
            if (!it.key().startsWith(prefix))
                continue;
            names << it.key().mid(prefix.size());
            report << QStringLiteral("== %1: %2 of %3 cases; first:\n%4")
                          .arg(it.key().mid(prefix.size()))
                          .arg(it->cases)
                          .arg(kCases)
                          .arg(it->first);
        }
        if (!report.isEmpty())
            qWarning().noquote() << report.join(QStringLiteral("\n"));
        QVERIFY2(names.isEmpty(), qPrintable(names.join(QStringLiteral("; "))));
    }

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(content);
        return path;
    }

    // Checks one generated message; returns the broken properties (empty: all hold).
    QStringList check(quint32 seed, QString* detail, bool* anyMoved)
    {
        QStringList broken;
        Generator gen(seed);
        const Generated g = gen.make();

        AnalysisInput in;
        in.path = write(QStringLiteral("in.eml"), g.message);
        in.envelopeFrom = g.sender;
        in.recipients = g.envelope;
        in.policy = g.policy;
        const Verdict v = MessageAnalyzer::analyze(in);
        if (!v.parsed) {
            *detail = QStringLiteral("seed %1: not parsed: %2").arg(seed).arg(v.error);
            return {QStringLiteral("reparse|parses")};
        }
        *anyMoved = !v.movedToBcc.isEmpty();
        QString error;
        const QByteArray out = applyEdits(in.path, v.edits, &error);
        *detail = describe(seed, g, v, out);
        if (!error.isEmpty())
            return {QStringLiteral("body|edits apply: ") + error};

        // The envelope is the truth: analysis never changes it.
        if (in.recipients != g.envelope)
            broken << QStringLiteral("envelope|envelope unchanged");
        QStringList verdictAddresses;
        for (const RecipientInfo& r : v.recipients)
            verdictAddresses << r.address;
        if (verdictAddresses != g.envelope)
            broken << QStringLiteral(
                "envelope|one verdict recipient per envelope recipient, in order");

        // The model: who is visible, whether it is mass mail, who moves.
        QStringList visibleOrder;
        QSet<QString> visible;
        for (const Field& f : g.fields) {
            if (f.kind() != "to" && f.kind() != "cc")
                continue;
            for (const Mailbox& m : f.mailboxes()) {
                if (!visible.contains(key(m.addr))) {
                    visible.insert(key(m.addr));
                    visibleOrder << m.addr;
                }
            }
        }
        const bool mass = visible.size() >= g.policy.massThreshold;
        QSet<QString> moved;
        if (mass && g.policy.bccRewrite != BccRewrite::Off) {
            for (const QString& a : std::as_const(visibleOrder)) {
                if (key(a) == key(g.sender))
                    continue;
                if (g.policy.bccRewrite == BccRewrite::AllWhenMass || !isInternal(a))
                    moved.insert(key(a));
            }
        }
        if (v.mass != mass)
            broken << QStringLiteral("plan|mass flag (%1 visible, threshold %2)")
                          .arg(visible.size())
                          .arg(g.policy.massThreshold);
        QSet<QString> movedByVerdict;
        for (const QString& a : v.movedToBcc)
            movedByVerdict.insert(key(a));
        if (movedByVerdict != moved || v.movedToBcc.size() != moved.size())
            broken << QStringLiteral("plan|the planned move matches the policy");

        // Body bytes: identical.
        const qsizetype inEnd = headerBlockEnd(g.message);
        const qsizetype outEnd = headerBlockEnd(out);
        if (outEnd < 0 || out.mid(outEnd) != g.message.mid(inEnd))
            broken << QStringLiteral("body|body bytes identical");
        const QByteArray head = out.left(qMax<qsizetype>(0, outEnd));

        // Headers other than To/Cc/Bcc/Resent-Bcc: byte-identical, same order.
        QList<QByteArray> before, after;
        QList<HeaderField> outHeaders = splitHeaders(out);
        for (const HeaderField& h : splitHeaders(g.message))
            if (!isRecipientHeader(h.name))
                before << h.raw;
        QByteArray toCc; // the To and Cc fields of the output
        QList<QByteArray> outTo, outCc;
        for (const HeaderField& h : outHeaders) {
            const QByteArray n = h.name.toLower();
            if (!isRecipientHeader(h.name))
                after << h.raw;
            if (n == "bcc" || n == "resent-bcc")
                broken << QStringLiteral("bcc|no Bcc or Resent-Bcc remains");
            if (n == "to") {
                toCc += h.raw;
                outTo << h.raw;
            }
            if (n == "cc") {
                toCc += h.raw;
                outCc << h.raw;
            }
            if (!h.raw.endsWith("\r\n"))
                broken << QStringLiteral("headers|every header field ends with CRLF");
        }
        if (before != after)
            broken << QStringLiteral("headers|other headers byte-identical and in order");

        // Moved addresses appear in no header (header and envelope form); kept ones still do.
        for (const QString& a : v.movedToBcc)
            if (containsAddress(head, a))
                broken << QStringLiteral("moved|moved address %1 in no header").arg(a);
        for (const RecipientInfo& r : v.recipients)
            if (r.movedToBcc && containsAddress(head, r.address))
                broken << QStringLiteral("moved|moved address %1 in no header").arg(r.address);
        for (const QString& a : std::as_const(visibleOrder))
            if (!moved.contains(key(a)) && !containsAddress(toCc, a))
                broken << QStringLiteral("kept|kept address %1 still in To/Cc").arg(a);

        // An emptied To is exactly "To: undisclosed-recipients:;"; an emptied Cc disappears.
        for (const Field& f : g.fields) {
            if (f.kind() != "to" && f.kind() != "cc")
                continue;
            bool fieldMoved = false, anyLeft = false;
            for (const Entry& e : f.entries) {
                if (e.group && e.members.isEmpty())
                    anyLeft = true; // "undisclosed-recipients:;" stays
                const QList<Mailbox> boxes = e.group ? e.members : QList<Mailbox>{e.box};
                for (const Mailbox& m : boxes) {
                    if (moved.contains(key(m.addr)))
                        fieldMoved = true;
                    else
                        anyLeft = true;
                }
            }
            if (!fieldMoved || anyLeft)
                continue;
            if (f.kind() == "to" && outTo != QList<QByteArray>{"To: undisclosed-recipients:;\r\n"})
                broken << QStringLiteral(
                    "emptied|an emptied To is exactly \"To: undisclosed-recipients:;\"");
            if (f.kind() == "cc" && !outCc.isEmpty())
                broken << QStringLiteral("emptied|an emptied Cc disappears");
        }

        // Every output header line at most 998 octets.
        for (const QByteArray& line : head.split('\n'))
            if (line.size() > 999) // 998 + the CR
                broken << QStringLiteral("length|header lines at most 998 octets (got %1)")
                              .arg(line.size() - 1);

        // The result parses again, with the same subject; the moved are blind now.
        AnalysisInput again = in;
        again.path = write(QStringLiteral("out.eml"), out);
        const Verdict w = MessageAnalyzer::analyze(again);
        if (!w.parsed)
            broken << QStringLiteral("reparse|the result parses");
        else {
            if (w.subject != v.subject)
                broken << QStringLiteral("reparse|same subject after the edits");
            for (int i = 0; i < qMin(w.recipients.size(), v.recipients.size()); ++i) {
                const RecipientInfo& r = v.recipients.at(i);
                const RecipientInfo& s = w.recipients.at(i);
                if (r.movedToBcc && s.field != RecipientInfo::Field::Bcc)
                    broken
                        << QStringLiteral("reparse|moved %1 is Bcc after the edits").arg(r.address);
                if (!r.movedToBcc && s.field != r.field)
                    broken << QStringLiteral("kept|kept %1 keeps its field after the edits")
                                  .arg(r.address);
                if (s.displayName != r.displayName && !r.movedToBcc &&
                    r.field != RecipientInfo::Field::Bcc)
                    broken << QStringLiteral("names|kept %1 keeps its display name (%2 -> %3)")
                                  .arg(r.address, r.displayName, s.displayName);
            }
        }
        broken.removeDuplicates();
        return broken;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ensureMimeLibrary();
        // SENDGUARD_PROPERTIES_VERBOSE=1 lists every failing seed, not only the first per property.
        const bool verbose = qEnvironmentVariableIsSet("SENDGUARD_PROPERTIES_VERBOSE");
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < kCases; ++i) {
            const quint32 seed = kFirstSeed + quint32(i);
            QString detail;
            bool anyMoved = false;
            const QStringList broken = check(seed, &detail, &anyMoved);
            if (anyMoved)
                ++m_moves;
            if (verbose && !broken.isEmpty())
                qInfo().noquote() << "seed" << seed << ":" << broken.join(QStringLiteral("; "));
            for (const QString& p : broken) {
                // One entry per property, addresses and numbers taken out of its name.
                QString property = p;
                property.replace(
                    QRegularExpression(QStringLiteral("(address|kept|moved) \\S+@\\S+")),
                    QStringLiteral("\\1 <addr>"));
                property.replace(QRegularExpression(QStringLiteral("\\(got \\d+\\)")),
                                 QStringLiteral("(got n)"));
                property.replace(QRegularExpression(QStringLiteral("\\(.* -> .*\\)")),
                                 QStringLiteral("(a -> b)"));
                property.replace(
                    QRegularExpression(QStringLiteral("\\(\\d+ visible, threshold \\d+\\)")),
                    QStringLiteral("(n visible, threshold t)"));
                Failure& f = m_failures[property];
                if (f.cases++ == 0)
                    f.first = p.section(QLatin1Char('|'), 1) + QStringLiteral("\n") + detail;
            }
        }
        m_elapsed = timer.elapsed();
        qInfo("%d random messages in %lld ms, %d with a move to Bcc", kCases, m_elapsed, m_moves);
    }

    void generatorIsDeterministic()
    {
        Generator a(7), b(7), c(8);
        const QByteArray first = a.make().message;
        QCOMPARE(b.make().message, first);
        QVERIFY(c.make().message != first);
    }

    void generatorCoversTheCases()
    {
        QVERIFY2(m_moves >= kCases / 5, "the generator should produce enough moves to Bcc");
        QVERIFY2(m_moves < kCases, "the generator should produce messages without a move too");
    }

    void runsInUnderFiveSeconds()
    {
        QVERIFY2(m_elapsed < 5000, qPrintable(QString::number(m_elapsed)));
    }

    void envelopeIsNeverChanged() { verifyProperty("envelope"); }
    void plannedMoveFollowsThePolicy() { verifyProperty("plan"); }
    void bodyBytesAreIdentical() { verifyProperty("body"); }
    void otherHeadersAreByteIdenticalAndInOrder() { verifyProperty("headers"); }
    void noBccOrResentBccRemains() { verifyProperty("bcc"); }
    void movedAddressesAppearInNoHeader() { verifyProperty("moved"); }
    void keptAddressesStillAppear() { verifyProperty("kept"); }
    void emptiedToIsUndisclosedRecipientsAndEmptiedCcGoes() { verifyProperty("emptied"); }
    void headerLinesAreAtMost998Octets() { verifyProperty("length"); }
    void resultReparsesWithTheSameSubject() { verifyProperty("reparse"); }
    // Kept mailboxes are re-encoded by GMime; a reader must still decode the same display name.
    // (GMime 3.2.13 alone does not read back some UTF-8 encoded words it writes itself, e.g. a
    // name split into "...営業部" and " 木村"; the analysis joins adjacent encoded words before
    // GMime reads an address field, as other decoders such as Python's email package do.)
    void keptDisplayNamesSurviveTheRewrite() { verifyProperty("names"); }
};

QTEST_GUILESS_MAIN(TestBccRewriteProperties)
#include "TestBccRewriteProperties.moc"
