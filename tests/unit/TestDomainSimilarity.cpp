// SPDX-License-Identifier: GPL-3.0-or-later
#include "DomainSimilarity.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace sendguard;

namespace {

QString u8(const char* s)
{
    return QString::fromUtf8(s);
}

QStringList u8List(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* s : items)
        list << QString::fromUtf8(s);
    return list;
}

// What the company and this user trust in most of the look-alike rows.
QStringList trusted()
{
    return u8List({"example.co.jp", "sendguard.jp", "microsoft.com", "partner-corp.com",
                   "mail.client.ne.jp", "winwin.co.jp", "エクセル.jp", "日本語サービス.jp"});
}

QString randomLabel(QRandomGenerator& rng, int minSize, int maxSize)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
    const int size = rng.bounded(minSize, maxSize + 1);
    QString label;
    for (int i = 0; i < size; ++i)
        label += QLatin1Char(letters[rng.bounded(26)]);
    return label;
}

} // namespace

class TestDomainSimilarity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const QString none;
        QTest::newRow("already normal") << u8("example.co.jp") << u8("example.co.jp");
        QTest::newRow("upper case") << u8("Example.CO.JP") << u8("example.co.jp");
        QTest::newRow("trailing dot") << u8("example.co.jp.") << u8("example.co.jp");
        QTest::newRow("surrounding space") << u8("  example.com\t") << u8("example.com");
        QTest::newRow("digits and hyphens") << u8("a-1.b2.jp") << u8("a-1.b2.jp");
        QTest::newRow("single label") << u8("localhost") << u8("localhost");
        QTest::newRow("IDN") << u8("日本語.jp") << u8("xn--wgv71a119e.jp");
        QTest::newRow("IDN trailing dot") << u8("日本語.jp.") << u8("xn--wgv71a119e.jp");
        QTest::newRow("ACE kept") << u8("xn--wgv71a119e.jp") << u8("xn--wgv71a119e.jp");
        QTest::newRow("ACE upper case") << u8("XN--WGV71A119E.JP") << u8("xn--wgv71a119e.jp");
        QTest::newRow("full-width letters")
            << u8("ｅｘａｍｐｌｅ．ｃｏ．ｊｐ") << u8("example.co.jp");
        QTest::newRow("ideographic full stop") << u8("例え。jp") << u8("xn--r8jz45g.jp");
        QTest::newRow("Cyrillic a") << u8("exаmple.com") << u8("xn--exmple-4nf.com");
        QTest::newRow("empty") << QString() << none;
        QTest::newRow("blank") << u8("   ") << none;
        QTest::newRow("dot only") << u8(".") << none;
        QTest::newRow("empty label") << u8("example..jp") << none;
        QTest::newRow("two trailing dots") << u8("example.com..") << none;
        QTest::newRow("leading dot") << u8(".example.com") << none;
        QTest::newRow("address literal") << u8("[192.0.2.1]") << none;
        QTest::newRow("IPv4") << u8("192.0.2.1") << none;
        QTest::newRow("space inside") << u8("exa mple.com") << none;
        QTest::newRow("address") << u8("taro@example.com") << none;
        QTest::newRow("URL") << u8("https://example.com/") << none;
        QTest::newRow("underscore") << u8("a_b.example.com") << none;
        QTest::newRow("leading hyphen") << u8("-ab.com") << none;
        QTest::newRow("trailing hyphen") << u8("ab-.com") << none;
        QTest::newRow("bad punycode") << u8("xn--zz.jp") << none;
        QTest::newRow("label of 64") << QString(64, u'a') + u8(".jp") << none;
        QTest::newRow("label of 63")
            << QString(63, u'a') + u8(".jp") << QString(63, u'a') + u8(".jp");
        QTest::newRow("name over 253")
            << (QString(60, u'a') + u8(".")).repeated(5) + u8("jp") << none;
    }

    void normalize()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(DomainSimilarity::normalize(input), expected);
        // Idempotent.
        QCOMPARE(DomainSimilarity::normalize(expected), expected);
    }

    void display_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("ACE") << u8("xn--wgv71a119e.jp") << u8("日本語.jp");
        QTest::newRow("Unicode") << u8("日本語.JP.") << u8("日本語.jp");
        QTest::newRow("ASCII") << u8("Example.CO.JP.") << u8("example.co.jp");
        QTest::newRow("Cyrillic a") << u8("xn--exmple-4nf.com") << u8("exаmple.com");
        QTest::newRow("invalid") << u8("a b") << QString();
    }

    void display()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(DomainSimilarity::display(input), expected);
    }

    void splitPublicSuffix_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QString>("registrable");
        const QString none;
        QTest::newRow("co.jp with host")
            << u8("mail.example.co.jp") << u8("mail.example") << u8("co.jp") << u8("example.co.jp");
        QTest::newRow("co.jp") << u8("example.co.jp") << u8("example") << u8("co.jp")
                               << u8("example.co.jp");
        QTest::newRow("ne.jp deep")
            << u8("a.b.example.ne.jp") << u8("a.b.example") << u8("ne.jp") << u8("example.ne.jp");
        QTest::newRow("jp") << u8("example.jp") << u8("example") << u8("jp") << u8("example.jp");
        QTest::newRow("lg.jp") << u8("city.yokohama.lg.jp") << u8("city.yokohama") << u8("lg.jp")
                               << u8("yokohama.lg.jp");
        QTest::newRow("prefecture") << u8("city.shibuya.tokyo.jp") << u8("city.shibuya")
                                    << u8("tokyo.jp") << u8("shibuya.tokyo.jp");
        QTest::newRow("com") << u8("example.com") << u8("example") << u8("com")
                             << u8("example.com");
        QTest::newRow("com with host")
            << u8("www.example.com") << u8("www.example") << u8("com") << u8("example.com");
        QTest::newRow("co.uk") << u8("example.co.uk") << u8("example") << u8("co.uk")
                               << u8("example.co.uk");
        QTest::newRow("com.au") << u8("www.example.com.au") << u8("www.example") << u8("com.au")
                                << u8("example.com.au");
        QTest::newRow("com.cn") << u8("example.com.cn") << u8("example") << u8("com.cn")
                                << u8("example.com.cn");
        QTest::newRow("co.kr") << u8("example.co.kr") << u8("example") << u8("co.kr")
                               << u8("example.co.kr");
        QTest::newRow("suffix-like labels inside")
            << u8("co.jp.example.com") << u8("co.jp.example") << u8("com") << u8("example.com");
        QTest::newRow("unknown suffix")
            << u8("mail.example.zz") << u8("mail.example") << u8("zz") << u8("example.zz");
        QTest::newRow("normalised first") << u8("MAIL.Example.CO.JP.") << u8("mail.example")
                                          << u8("co.jp") << u8("example.co.jp");
        QTest::newRow("IDN") << u8("日本語.jp") << u8("xn--wgv71a119e") << u8("jp")
                             << u8("xn--wgv71a119e.jp");
        QTest::newRow("bare co.jp") << u8("co.jp") << none << u8("co.jp") << none;
        QTest::newRow("bare com") << u8("com") << none << u8("com") << none;
        QTest::newRow("single label") << u8("localhost") << none << u8("localhost") << none;
        QTest::newRow("invalid") << u8("not a domain") << none << none << none;
    }

    void splitPublicSuffix()
    {
        QFETCH(QString, domain);
        QFETCH(QString, prefix);
        QFETCH(QString, suffix);
        QFETCH(QString, registrable);
        const QPair<QString, QString> split = DomainSimilarity::splitPublicSuffix(domain);
        QCOMPARE(split.first, prefix);
        QCOMPARE(split.second, suffix);
        QCOMPARE(DomainSimilarity::registrableDomain(domain), registrable);
    }

    void findLookalike_data()
    {
        QTest::addColumn<QString>("candidate");
        QTest::addColumn<QStringList>("references");
        QTest::addColumn<QString>("reason");    // empty: not a look-alike
        QTest::addColumn<QString>("resembles"); // any form
        const QStringList refs = trusted();
        const QString none;

        // one-edit
        QTest::newRow("one-edit substitution")
            << u8("exbmple.co.jp") << refs << u8("one-edit") << u8("example.co.jp");
        QTest::newRow("one-edit insertion")
            << u8("exammple.co.jp") << refs << u8("one-edit") << u8("example.co.jp");
        QTest::newRow("one-edit deletion")
            << u8("exmple.co.jp") << refs << u8("one-edit") << u8("example.co.jp");
        QTest::newRow("one-edit dropped dot")
            << u8("exampleco.jp") << refs << u8("one-edit") << u8("example.co.jp");
        QTest::newRow("one-edit hyphen for dot")
            << u8("example-co.jp") << refs << u8("one-edit") << u8("example.co.jp");
        QTest::newRow("one-edit top-level domain")
            << u8("microsoft.cm") << refs << u8("one-edit") << u8("microsoft.com");
        QTest::newRow("one-edit in host's domain")
            << u8("smtp.sendgurd.jp") << refs << u8("one-edit") << u8("sendguard.jp");
        QTest::newRow("one-edit Japanese IDN")
            << u8("日本語サーピス.jp") << refs << u8("one-edit") << u8("日本語サービス.jp");
        QTest::newRow("one-edit against a reference host")
            << u8("clent.ne.jp") << refs << u8("one-edit") << u8("mail.client.ne.jp");
        QTest::newRow("distance 2") << u8("eksample.co.jp") << refs << none << none;
        QTest::newRow("sample is not example") << u8("sample.co.jp") << refs << none << none;
        QTest::newRow("short label substitution")
            << u8("abd.com") << u8List({"abc.com"}) << none << none;
        QTest::newRow("short label deletion")
            << u8("abc.com") << u8List({"abcd.com"}) << none << none;
        QTest::newRow("four-letter label")
            << u8("abce.com") << u8List({"abcd.com"}) << u8("one-edit") << u8("abcd.com");

        // swapped-characters
        QTest::newRow("swapped middle")
            << u8("exmaple.co.jp") << refs << u8("swapped-characters") << u8("example.co.jp");
        QTest::newRow("swapped end of label")
            << u8("examlpe.co.jp") << refs << u8("swapped-characters") << u8("example.co.jp");
        QTest::newRow("swapped start")
            << u8("xeample.co.jp") << refs << u8("swapped-characters") << u8("example.co.jp");
        QTest::newRow("swapped other reference")
            << u8("sendgaurd.jp") << refs << u8("swapped-characters") << u8("sendguard.jp");
        QTest::newRow("swapped with host")
            << u8("MAIL.Exmaple.CO.JP.") << refs << u8("swapped-characters") << u8("example.co.jp");
        QTest::newRow("swapped short label")
            << u8("acb.com") << u8List({"abc.com"}) << none << none;
        QTest::newRow("two swaps") << u8("xemalpe.co.jp") << refs << none << none;

        // homoglyph
        QTest::newRow("digit one for l")
            << u8("examp1e.co.jp") << refs << u8("homoglyph") << u8("example.co.jp");
        QTest::newRow("digit zero for o, twice")
            << u8("micr0s0ft.com") << refs << u8("homoglyph") << u8("microsoft.com");
        QTest::newRow("rn for m") << u8("rnicrosoft.com") << refs << u8("homoglyph")
                                  << u8("microsoft.com");
        QTest::newRow("rn for m in top-level domain")
            << u8("partner-corp.corn") << refs << u8("homoglyph") << u8("partner-corp.com");
        QTest::newRow("vv for w") << u8("vvinvvin.co.jp") << refs << u8("homoglyph")
                                  << u8("winwin.co.jp");
        QTest::newRow("cl for d") << u8("sendguarcl.jp") << refs << u8("homoglyph")
                                  << u8("sendguard.jp");
        QTest::newRow("capital I for l")
            << u8("exampIe.co.jp") << refs << u8("homoglyph") << u8("example.co.jp");
        QTest::newRow("Cyrillic a")
            << u8("exаmple.co.jp") << refs << u8("homoglyph") << u8("example.co.jp");
        QTest::newRow("Cyrillic a, ACE form")
            << u8("xn--exmple-4nf.co.jp") << refs << u8("homoglyph") << u8("example.co.jp");
        QTest::newRow("all Cyrillic look-alikes")
            << u8("ехаmрlе.co.jp") << refs << u8("homoglyph") << u8("example.co.jp");
        QTest::newRow("Greek omicron")
            << u8("micrοsοft.com") << refs << u8("homoglyph") << u8("microsoft.com");
        QTest::newRow("Cyrillic reference, Latin candidate")
            << u8("apple.com") << u8List({"аррlе.com"}) << u8("homoglyph") << u8("аррlе.com");
        QTest::newRow("kanji for katakana")
            << u8("工クセル.jp") << refs << u8("homoglyph") << u8("エクセル.jp");
        QTest::newRow("homoglyph on short label")
            << u8("ibrn.com") << u8List({"ibm.com"}) << u8("homoglyph") << u8("ibm.com");
        QTest::newRow("full-width is the same domain")
            << u8("ｅｘａｍｐｌｅ．ｃｏ．ｊｐ") << refs << none << none;
        QTest::newRow("Cyrillic unrelated") << u8("пример.рф") << refs << none << none;

        // public-suffix
        QTest::newRow("co.jp vs jp")
            << u8("example.jp") << refs << u8("public-suffix") << u8("example.co.jp");
        QTest::newRow("co.jp vs com")
            << u8("example.com") << refs << u8("public-suffix") << u8("example.co.jp");
        QTest::newRow("co.jp vs ne.jp")
            << u8("example.ne.jp") << refs << u8("public-suffix") << u8("example.co.jp");
        QTest::newRow("jp vs co.jp")
            << u8("www.sendguard.co.jp") << refs << u8("public-suffix") << u8("sendguard.jp");
        QTest::newRow("against a reference host")
            << u8("client.co.jp") << refs << u8("public-suffix") << u8("mail.client.ne.jp");
        QTest::newRow("short label")
            << u8("abc.jp") << u8List({"abc.com"}) << u8("public-suffix") << u8("abc.com");
        QTest::newRow("IDN label")
            << u8("日本語サービス.com") << refs << u8("public-suffix") << u8("日本語サービス.jp");

        // priorities: homoglyph > swapped-characters > one-edit > public-suffix
        const QStringList all =
            u8List({"examp1e.com", "examp1.co.jp", "exampe1.co.jp", "example.co.jp"});
        QTest::newRow("best is homoglyph")
            << u8("examp1e.co.jp") << all << u8("homoglyph") << u8("example.co.jp");
        QTest::newRow("best is swapped") << u8("examp1e.co.jp") << all.mid(0, 3)
                                         << u8("swapped-characters") << u8("exampe1.co.jp");
        QTest::newRow("best is one-edit")
            << u8("examp1e.co.jp") << all.mid(0, 2) << u8("one-edit") << u8("examp1.co.jp");
        QTest::newRow("only public-suffix")
            << u8("examp1e.co.jp") << all.mid(0, 1) << u8("public-suffix") << u8("examp1e.com");
        QTest::newRow("first of equals")
            << u8("example.org") << u8List({"example.com", "example.net"}) << u8("public-suffix")
            << u8("example.com");

        // trusted: never a look-alike
        QTest::newRow("identical") << u8("example.co.jp") << refs << none << none;
        QTest::newRow("identical, other form") << u8("EXAMPLE.co.jp.") << refs << none << none;
        QTest::newRow("identical IDN, ACE form")
            << u8("xn--wgv71a119e.jp") << u8List({"日本語.jp"}) << none << none;
        QTest::newRow("subdomain") << u8("mail.example.co.jp") << refs << none << none;
        QTest::newRow("deep subdomain") << u8("a.b.example.co.jp") << refs << none << none;
        QTest::newRow("reference is a subdomain") << u8("client.ne.jp") << refs << none << none;
        QTest::newRow("sibling of a reference host")
            << u8("www.client.ne.jp") << refs << none << none;
        QTest::newRow("trusted beats similar")
            << u8("example.jp") << u8List({"example.co.jp", "example.jp"}) << none << none;
        QTest::newRow("trusted later in the list")
            << u8("exampie.co.jp") << u8List({"example.co.jp", "exampie.co.jp"}) << none << none;

        // unrelated and odd input
        QTest::newRow("unrelated") << u8("totally-different.org") << refs << none << none;
        QTest::newRow("no references") << u8("exmaple.co.jp") << QStringList() << none << none;
        QTest::newRow("invalid candidate") << u8("not a domain") << refs << none << none;
        QTest::newRow("empty candidate") << QString() << refs << none << none;
        QTest::newRow("bare public suffix candidate") << u8("co.jp") << refs << none << none;
        QTest::newRow("invalid references skipped")
            << u8("exmaple.co.jp") << u8List({"", "not a domain", "[192.0.2.1]", "example.co.jp"})
            << u8("swapped-characters") << u8("example.co.jp");
        QTest::newRow("bare public suffix reference trusts nothing")
            << u8("exmaple.co.jp") << u8List({"jp", "co.jp", "example.co.jp"})
            << u8("swapped-characters") << u8("example.co.jp");
    }

    void findLookalike()
    {
        QFETCH(QString, candidate);
        QFETCH(QStringList, references);
        QFETCH(QString, reason);
        QFETCH(QString, resembles);
        const std::optional<LookalikeMatch> match =
            DomainSimilarity::findLookalike(candidate, references);
        if (reason.isEmpty()) {
            QVERIFY2(!match, match ? qPrintable(match->reason + u8(" ") + match->resembles) : "");
            return;
        }
        QVERIFY(match.has_value());
        QCOMPARE(match->reason, reason);
        QCOMPARE(match->domain, DomainSimilarity::normalize(candidate));
        QCOMPARE(match->resembles, DomainSimilarity::normalize(resembles));
        QVERIFY(!match->resembles.isEmpty());
    }

    void timing()
    {
        QRandomGenerator rng(20240601);
        const QStringList suffixes = u8List({"co.jp", "jp", "ne.jp", "com", "net", "or.jp"});
        QStringList references;
        QStringList labels;
        while (references.size() < 1000) {
            const QString label = randomLabel(rng, 5, 14);
            labels << label;
            references << u8("mail.") + label + u8(".") + suffixes.at(rng.bounded(6));
        }
        references << u8("日本語サービス.jp") << u8("エクセル.jp");
        QStringList candidates;
        for (int i = 0; i < 50; ++i) { // swap two different adjacent characters of a reference
            const QString& reference = references.at(i * 20);
            QString label = labels.at(i * 20);
            qsizetype at = 0;
            while (at + 1 < label.size() && label.at(at) == label.at(at + 1))
                ++at;
            if (at + 1 == label.size())
                continue;
            std::swap(label[at], label[at + 1]);
            candidates << label + reference.mid(reference.indexOf(u'.', 5));
        }
        const int lookalikes = int(candidates.size());
        while (candidates.size() < 100)
            candidates << randomLabel(rng, 5, 14) + u8(".example");
        QVERIFY(lookalikes > 40);

        QElapsedTimer timer;
        timer.start();
        int found = 0;
        for (const QString& candidate : std::as_const(candidates)) {
            if (DomainSimilarity::findLookalike(candidate, references))
                ++found;
        }
        const qint64 elapsed = timer.elapsed();
        qInfo("100 candidates against %d references: %lld ms", int(references.size()), elapsed);
        QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
        QVERIFY(found >= lookalikes);
    }
};

QTEST_GUILESS_MAIN(TestDomainSimilarity)
#include "TestDomainSimilarity.moc"
