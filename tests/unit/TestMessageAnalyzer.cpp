// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageAnalyzer.h"
#include "MessageTestSupport.h"
#include "OutboundReader.h"
#include "RecipientHistory.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sendguard;

class TestMessageAnalyzer : public QObject
{
    Q_OBJECT

private:
    testsupport::MessageFiles m_files;

    QString write(const QByteArray& content) { return m_files.write(content); }

    static PolicyConfig policy()
    {
        PolicyConfig p;
        p.internalDomains = {QStringLiteral("example.co.jp")};
        p.massThreshold = 3;
        return p;
    }

    Verdict analyze(const QByteArray& mail, const QStringList& rcpts,
                    const PolicyConfig& p = policy(),
                    const QString& from = QStringLiteral("taro@example.co.jp"),
                    QString* path = nullptr)
    {
        AnalysisInput in;
        in.path = write(mail);
        in.envelopeFrom = from;
        in.recipients = rcpts;
        in.policy = p;
        if (path)
            *path = in.path;
        return MessageAnalyzer::analyze(in);
    }

    static QByteArray applyEdits(const QString& path, const QList<HeaderEdit>& edits)
    {
        OutboundReader reader(path, edits, /*dotStuff=*/false);
        QString error;
        if (!reader.open(&error))
            return {};
        QByteArray out;
        while (!reader.atEnd())
            out += reader.read(4096);
        return out;
    }

    static const RecipientInfo* find(const Verdict& v, const QString& address)
    {
        for (const RecipientInfo& r : v.recipients) {
            if (r.address == address)
                return &r;
        }
        return nullptr;
    }

private Q_SLOTS:
    // Japanese mailers fold a display name into encoded words that GMime alone reads cut short
    // ("山田太郎" as "山田"), and write Windows characters GMime reads as "?" ("㈱"): the dialog
    // shows the whole name, and a To rewritten for the move to Bcc carries it whole.
    void foldedDisplayNamesStayWhole_data()
    {
        QTest::addColumn<QByteArray>("yamada");
        QTest::addColumn<QString>("whole");
        const QString yamadaTaro = QString::fromUtf8("山田太郎");
        const QByteArray yama = "=?ISO-2022-JP?B?GyRCOzNFRBsoQg==?=";
        const QByteArray da = "=?ISO-2022-JP?B?GyRCQkBPOhsoQg==?=";
        QTest::newRow("two words") << yama + " " + da << yamadaTaro;
        QTest::newRow("folded") << yama + "\r\n " + da << yamadaTaro;
        QTest::newRow("quoted") << "\"" + yama + " " + da + "\"" << yamadaTaro;
        QTest::newRow("glued") << yama + da << yamadaTaro;
        QTest::newRow("lower-case charset")
            << QByteArray("=?iso-2022-jp?b?GyRCOzNFRBsoQg==?= =?iso-2022-jp?b?GyRCQkBPOhsoQg==?=")
            << yamadaTaro;
        QTest::newRow("NEC characters") << QByteArray("=?ISO-2022-JP?B?GyRCLWo7M0VEPiY7dhsoQg==?=")
                                        << QString::fromUtf8("㈱山田商事");
        QTest::newRow("Shift_JIS")
            << QByteArray("=?Shift_JIS?B?jlKTYw==?= =?Shift_JIS?B?kb6YWQ==?=") << yamadaTaro;
    }

    void foldedDisplayNamesStayWhole()
    {
        QFETCH(QByteArray, yamada);
        QFETCH(QString, whole);
        const QByteArray mail = "From: " + yamada +
                                " <taro@example.co.jp>\r\n"
                                "To: " +
                                yamada +
                                "<yamada@example.co.jp>,\r\n"
                                " a@one.example, b@two.example, c@three.example\r\n"
                                "Subject: names\r\n\r\nbody\r\n";
        QString path;
        const Verdict v =
            analyze(mail,
                    {QStringLiteral("yamada@example.co.jp"), QStringLiteral("a@one.example"),
                     QStringLiteral("b@two.example"), QStringLiteral("c@three.example")},
                    policy(), QStringLiteral("taro@example.co.jp"), &path);
        QVERIFY2(v.parsed, qPrintable(v.error));
        QCOMPARE(v.fromDisplay, whole);
        const RecipientInfo* r = find(v, QStringLiteral("yamada@example.co.jp"));
        QVERIFY(r);
        QCOMPARE(r->displayName, whole);
        QVERIFY(!r->movedToBcc);

        // The rewritten To: the external addresses gone, the name whole (read back by the
        // analysis of the message as relayed).
        const QByteArray out = applyEdits(path, v.edits);
        QVERIFY2(!out.contains("one.example"), out.constData());
        const Verdict relayed = analyze(out, {QStringLiteral("yamada@example.co.jp")});
        const RecipientInfo* shown = find(relayed, QStringLiteral("yamada@example.co.jp"));
        QVERIFY(shown);
        QCOMPARE(shown->field, RecipientInfo::Field::To);
        QCOMPARE(shown->displayName, whole);
    }

    void classifiesEnvelopeRecipients()
    {
        const QByteArray mail =
            "From: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <taro@example.co.jp>\r\n"
            "To: \"Sato, Ichiro\" <sato@partner.com>, team:hana@mail.example.co.jp;\r\n"
            "Cc: =?UTF-8?B?6Yi05pyo?= <suzuki@EXAMPLE.CO.JP>\r\n"
            "Subject: =?ISO-2022-JP?B?GyRCMnE1RCRON28bKEI=?=\r\n"
            "\r\n"
            "body\r\n";
        const Verdict v = analyze(
            mail, {QStringLiteral("sato@partner.com"), QStringLiteral("hana@mail.example.co.jp"),
                   QStringLiteral("suzuki@example.co.jp"), QStringLiteral("hidden@other.org")});
        QVERIFY2(v.parsed, qPrintable(v.error));
        QCOMPARE(v.subject, QString::fromUtf8("会議の件"));
        QCOMPARE(v.fromDisplay, QString::fromUtf8("山田"));
        QCOMPARE(v.recipients.size(), 4);
        const RecipientInfo* sato = find(v, QStringLiteral("sato@partner.com"));
        QCOMPARE(sato->field, RecipientInfo::Field::To);
        QCOMPARE(sato->displayName, QStringLiteral("Sato, Ichiro"));
        QVERIFY(sato->isExternal());
        QCOMPARE(find(v, QStringLiteral("hana@mail.example.co.jp"))->field,
                 RecipientInfo::Field::To);
        QVERIFY(find(v, QStringLiteral("hana@mail.example.co.jp"))->internal); // subdomain
        QCOMPARE(find(v, QStringLiteral("suzuki@example.co.jp"))->field, RecipientInfo::Field::Cc);
        QCOMPARE(find(v, QStringLiteral("suzuki@example.co.jp"))->displayName,
                 QString::fromUtf8("鈴木"));
        QCOMPARE(find(v, QStringLiteral("hidden@other.org"))->field, RecipientInfo::Field::Bcc);
        QCOMPARE(v.externalDomains, QStringList{QStringLiteral("partner.com")});
        QVERIFY(v.mass); // 3 visible >= threshold 3
        QVERIFY(!v.manyExternalDomains);
        QVERIFY(!v.senderMismatch);
    }

    void idnDomainsCompareInOneForm()
    {
        PolicyConfig p = policy();
        p.internalDomains = {QStringLiteral("xn--wgv71a.jp")}; // 日本.jp
        const QByteArray mail =
            "From: a@xn--wgv71a.jp\r\nTo: b@xn--wgv71a.jp, c@other.jp\r\nSubject: s\r\n\r\nx\r\n";
        const Verdict v =
            analyze(mail, {QString::fromUtf8("b@日本.jp"), QStringLiteral("c@other.jp")}, p,
                    QStringLiteral("a@xn--wgv71a.jp"));
        QVERIFY(v.recipients.at(0).internal);
        QCOMPARE(v.recipients.at(0).domainDisplay, QString::fromUtf8("日本.jp"));
        QVERIFY(!v.recipients.at(1).internal);
    }

    void flagsManyExternalDomainsAndSenderMismatch()
    {
        const QByteArray mail =
            "From: boss@example.co.jp\r\nTo: a@one.com, b@two.net\r\nSubject: s\r\n\r\nx\r\n";
        const Verdict v = analyze(mail, {QStringLiteral("a@one.com"), QStringLiteral("b@two.net")},
                                  policy(), QStringLiteral("taro@example.co.jp"));
        QVERIFY(v.manyExternalDomains);
        QVERIFY(v.senderMismatch);
        QVERIFY(v.flags().contains(QStringLiteral("many-external-domains")));
        QVERIFY(v.flags().contains(QStringLiteral("sender-mismatch")));
        QVERIFY(v.needsConfirmation(ConfirmWhen::External));
        QVERIFY(!v.needsConfirmation(ConfirmWhen::Never));
    }

    void internalOnlyNeedsNoConfirmationByDefault()
    {
        const QByteArray mail =
            "From: taro@example.co.jp\r\nTo: hana@example.co.jp\r\nSubject: s\r\n\r\nx\r\n";
        const Verdict v = analyze(mail, {QStringLiteral("hana@example.co.jp")});
        QVERIFY(v.flags().isEmpty());
        QVERIFY(!v.needsConfirmation(ConfirmWhen::External));
        QVERIFY(v.needsConfirmation(ConfirmWhen::Always));
    }

    void movesExternalMassRecipientsToBccOnlyInHeaders()
    {
        const QByteArray body = "Dear all,\r\n.leading dot\r\nTo: not a header\r\n";
        const QByteArray mail = "Received: from x\r\n"
                                "From: taro@example.co.jp\r\n"
                                "To: a@one.com, \"Hana\" <hana@example.co.jp>,\r\n"
                                " b@two.net\r\n"
                                "Cc: c@three.org\r\n"
                                "Bcc: secret@four.com\r\n"
                                "Subject: =?UTF-8?B?5pel5pys6Kqe?=\r\n"
                                "\r\n" +
                                body;
        const QStringList rcpts{QStringLiteral("a@one.com"), QStringLiteral("hana@example.co.jp"),
                                QStringLiteral("b@two.net"), QStringLiteral("c@three.org"),
                                QStringLiteral("secret@four.com")};
        QString path;
        const Verdict v =
            analyze(mail, rcpts, policy(), QStringLiteral("taro@example.co.jp"), &path);
        QVERIFY(v.mass);
        QCOMPARE(v.movedToBcc,
                 (QStringList{QStringLiteral("a@one.com"), QStringLiteral("b@two.net"),
                              QStringLiteral("c@three.org")}));
        QVERIFY(!v.bccReason.isEmpty());
        QCOMPARE(v.recipients.size(), rcpts.size()); // the envelope is untouched
        const QByteArray out = applyEdits(path, v.edits);
        const int split = out.indexOf("\r\n\r\n");
        QCOMPARE(out.mid(split + 4), body); // every body byte identical
        const QByteArray head = out.left(split + 2);
        QVERIFY2(!head.contains("one.com") && !head.contains("two.net") &&
                     !head.contains("three.org") && !head.contains("four.com"),
                 head.constData());
        QVERIFY2(head.contains("hana@example.co.jp"), head.constData());
        QVERIFY(!head.contains("\nCc:")); // emptied Cc disappears
        QVERIFY(!head.contains("Bcc"));
        QVERIFY(head.startsWith("Received: from x\r\nFrom: taro@example.co.jp\r\n"));
        QVERIFY(head.contains(
            "Subject: =?UTF-8?B?5pel5pys6Kqe?=\r\n")); // untouched headers stay byte-identical

        // The result parses again, with the same subject and only the internal recipient shown.
        const Verdict again = analyze(out, rcpts);
        QVERIFY(again.parsed);
        QCOMPARE(again.subject, v.subject);
        QCOMPARE(find(again, QStringLiteral("hana@example.co.jp"))->field,
                 RecipientInfo::Field::To);
        QCOMPARE(find(again, QStringLiteral("a@one.com"))->field, RecipientInfo::Field::Bcc);
    }

    void emptiedToBecomesUndisclosedRecipients()
    {
        PolicyConfig p = policy();
        p.bccRewrite = BccRewrite::AllWhenMass;
        const QByteArray mail = "From: taro@example.co.jp\r\nTo: a@one.com, b@example.co.jp, "
                                "taro@example.co.jp,\r\n\tc@two.com\r\nSubject: s\r\n\r\nx\r\n";
        QString path;
        const Verdict v = analyze(mail,
                                  {QStringLiteral("a@one.com"), QStringLiteral("b@example.co.jp"),
                                   QStringLiteral("c@two.com")},
                                  p, QStringLiteral("taro@example.co.jp"), &path);
        // all-when-mass: everyone but the sender moves; the sender stays visible.
        QCOMPARE(v.movedToBcc.size(), 3);
        const QByteArray out = applyEdits(path, v.edits);
        QVERIFY2(
            out.startsWith("From: taro@example.co.jp\r\nTo: taro@example.co.jp\r\nSubject: s\r\n"),
            out.constData());

        PolicyConfig q = policy();
        const QByteArray onlyExternal = "From: taro@example.co.jp\r\nTo: a@one.com, b@two.com, "
                                        "c@three.com\r\nSubject: s\r\n\r\nx\r\n";
        const Verdict w = analyze(onlyExternal,
                                  {QStringLiteral("a@one.com"), QStringLiteral("b@two.com"),
                                   QStringLiteral("c@three.com")},
                                  q, QStringLiteral("taro@example.co.jp"), &path);
        QCOMPARE(applyEdits(path, w.edits),
                 QByteArray("From: taro@example.co.jp\r\nTo: undisclosed-recipients:;\r\nSubject: "
                            "s\r\n\r\nx\r\n"));
    }

    void noMoveBelowThresholdOrWhenOff()
    {
        PolicyConfig p = policy();
        p.bccRewrite = BccRewrite::Off;
        const QByteArray mail = "From: t@example.co.jp\r\nTo: a@one.com, b@two.com, "
                                "c@three.com\r\nBcc: d@x.com\r\n\r\nx\r\n";
        QString path;
        const Verdict v = analyze(mail, {QStringLiteral("a@one.com")}, p,
                                  QStringLiteral("t@example.co.jp"), &path);
        QVERIFY(v.mass);
        QVERIFY(v.movedToBcc.isEmpty());
        QCOMPARE(v.edits.size(), 1); // the Bcc header still goes
        QCOMPARE(
            applyEdits(path, v.edits),
            QByteArray(
                "From: t@example.co.jp\r\nTo: a@one.com, b@two.com, c@three.com\r\n\r\nx\r\n"));
    }

    void findsAttachmentsLikeAMailClient()
    {
        const QByteArray mail =
            "From: t@example.co.jp\r\nTo: a@one.com\r\nSubject: files\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            "--b1\r\nContent-Type: multipart/related; boundary=\"b2\"\r\n\r\n"
            "--b2\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: "
            "7bit\r\n\r\n"
            "\x1b$B$*@$OC$K$J$C$F$*$j$^$9\x1b(B\r\n"
            "--b2\r\nContent-Type: image/png\r\nContent-Disposition: "
            "inline\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            "iVBORw0KGgo=\r\n"
            "--b2--\r\n"
            "--b1\r\nContent-Type: application/pdf\r\n"
            "Content-Disposition: attachment; filename*=UTF-8''%E8%A6%8B%E7%A9%8D%E6%9B%B8.pdf\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n"
            "JVBERi0xLjQK\r\nJVBERi0xLjQK\r\n"
            "--b1\r\nContent-Type: application/octet-stream; "
            "name=\"=?ISO-2022-JP?B?GyRCOzNFRBsoQg==?=.zip\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n"
            "UEsDBBQAAQAIAAAAIQA=\r\n"
            "--b1\r\nContent-Type: application/pkcs7-mime; name=smime.p7m\r\n"
            "Content-Disposition: attachment; filename=smime.p7m\r\n\r\n"
            "raw\r\n"
            "--b1--\r\n";
        const Verdict v = analyze(mail, {QStringLiteral("a@one.com")});
        QVERIFY2(v.parsed, qPrintable(v.error));
        QCOMPARE(v.attachments.size(), 3);
        QCOMPARE(v.attachments.at(0).fileName, QString::fromUtf8("見積書.pdf"));
        QCOMPARE(v.attachments.at(0).mimeType, QStringLiteral("application/pdf"));
        QCOMPARE(v.attachments.at(0).size, qint64(18));
        QVERIFY(!v.attachments.at(0).encrypted);
        QCOMPARE(v.attachments.at(1).fileName, QString::fromUtf8("山田.zip"));
        QVERIFY(v.attachments.at(1).encrypted);
        QCOMPARE(v.attachments.at(1).encryption, QStringLiteral("zip"));
        QCOMPARE(v.attachments.at(1).size, qint64(14));
        QVERIFY(v.attachments.at(2).encrypted);
        QCOMPARE(v.attachments.at(2).encryption, QStringLiteral("s/mime"));
        QCOMPARE(v.bodyPreview, QString::fromUtf8("お世話になっております"));
    }

    void keywordRulesAndBlockedDomains()
    {
        PolicyConfig p = policy();
        p.keywordRules = {
            {QString::fromUtf8("社外秘"), KeywordRule::Where::Subject, KeywordRule::Action::Warn},
            {QStringLiteral("\\b(?:\\d{4}[- ]?){3}\\d{4}\\b"), KeywordRule::Where::Body,
             KeywordRule::Action::Block},
            {QStringLiteral("\\.exe$"), KeywordRule::Where::AttachmentName,
             KeywordRule::Action::Block}};
        p.blockedDomains = {QStringLiteral("evil.example")};
        p.trustedDomains = {QStringLiteral("partner.com")};
        const QByteArray mail = "From: t@example.co.jp\r\nTo: a@partner.com\r\n"
                                "Subject: =?UTF-8?B?44CQ56S+5aSW56eY44CR6KaL56mN?=\r\n"
                                "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                                "card 4111 1111 1111 1111 please\r\n";
        Verdict v = analyze(mail, {QStringLiteral("a@partner.com")}, p);
        QCOMPARE(v.keywordHits.size(), 2);
        QCOMPARE(v.keywordHits.at(0).where, QStringLiteral("subject"));
        QCOMPARE(v.keywordHits.at(0).action, QStringLiteral("warn"));
        QCOMPARE(v.keywordHits.at(1).match, QStringLiteral("4111 1111 1111 1111"));
        QVERIFY(v.blockReason().contains(QStringLiteral("body")));
        QVERIFY(v.recipients.at(0).trusted);
        QVERIFY(v.recipients.at(0).isExternal());

        const QByteArray plain =
            "From: t@example.co.jp\r\nTo: x@mail.evil.example\r\nSubject: s\r\n\r\nhello\r\n";
        v = analyze(plain, {QStringLiteral("x@mail.evil.example")}, p);
        QVERIFY(v.recipients.at(0).blocked);
        QVERIFY(v.blockReason().contains(QStringLiteral("x@mail.evil.example")));
        QVERIFY(v.flags().contains(QStringLiteral("blocked-domain")));
    }

    // GMime 3.2.13 drops what follows a padded base64 word when the next word has the same
    // charset; the subject shown, and the keyword rules, must still see all of it.
    void adjacentEncodedWordsAreAllDecoded()
    {
        PolicyConfig p = policy();
        p.keywordRules = {
            {QString::fromUtf8("社外秘"), KeywordRule::Where::Subject, KeywordRule::Action::Block}};
        // "ab" + "社外秘" in two UTF-8 words, the first padded.
        const QByteArray utf8 =
            "From: t@example.co.jp\r\nTo: a@partner.com\r\n"
            "Subject: =?utf-8?b?YWI=?=\r\n =?utf-8?b?56S+5aSW56eY?=\r\n\r\nx\r\n";
        Verdict v = analyze(utf8, {QStringLiteral("a@partner.com")}, p);
        QCOMPARE(v.subject, QString::fromUtf8("ab社外秘"));
        QVERIFY(!v.blockReason().isEmpty());

        // What ordinary mailers write for a long ISO-2022-JP subject.
        const QByteArray jis =
            "From: t@example.co.jp\r\nTo: a@partner.com\r\nSubject: "
            "=?iso-2022-jp?b?GyRCIVpAQTVhPXEhWxsoQjIwMjYbJEJHLxsoQjEx?=\r\n"
            " =?iso-2022-jp?b?GyRCN25KLCROJDRAQTVhJEskRCQkJEYbKEI=?=\r\n\r\nx\r\n";
        v = analyze(jis, {QStringLiteral("a@partner.com")}, policy());
        QCOMPARE(v.subject, QString::fromUtf8("【請求書】2026年11月分のご請求について"));

        // Words glued to each other, and plain text around them, keep its spaces.
        const QByteArray glued =
            "From: t@example.co.jp\r\nTo: a@partner.com\r\nSubject: Re:  "
            "=?iso-2022-jp?b?GyRCIVpAQTVhPXEhWxsoQg==?==?iso-2022-jp?b?GyRCJE4kNEBBNWEbKEI=?= "
            "(No. 42)\r\n\r\nx\r\n";
        v = analyze(glued, {QStringLiteral("a@partner.com")}, policy());
        QCOMPARE(v.subject, QString::fromUtf8("Re: 【請求書】のご請求 (No. 42)"));

        // A character split across two words is only readable joined: GMime's reading stays.
        const QByteArray split = "From: t@example.co.jp\r\nTo: a@partner.com\r\n"
                                 "Subject: =?utf-8?b?44GC44E=?= =?utf-8?b?hA==?=\r\n\r\nx\r\n";
        v = analyze(split, {QStringLiteral("a@partner.com")}, policy());
        QVERIFY(!v.subject.contains(QChar::ReplacementCharacter));
    }

    // ISO-2022-JP as Outlook writes it carries NEC and IBM characters (①, ㈱, 﨑) that GMime's
    // converter turns into "?": subject, names, file names and body keep them.
    void windowsJapaneseCharactersAreRead()
    {
        PolicyConfig p = policy();
        p.keywordRules = {
            {QString::fromUtf8("①"), KeywordRule::Where::Body, KeywordRule::Action::Warn}};
        const QByteArray mail =
            "From: =?ISO-2022-JP?B?GyRCLWo7M0VEPiY7dhsoQg==?= <taro@example.co.jp>\r\n"
            "To: \"=?iso-2022-jp?q?=1B$B;3yu=1B(B?=\" <yamasaki@partner.com>\r\n"
            "Subject: =?ISO-2022-JP?B?GyRCLSE4K0BRPXEbKEI=?=\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
            "--b\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n"
            "Content-Transfer-Encoding: 7bit\r\n\r\n"
            "\x1b$B-!8+@Q=q\x1b(B\r\n"
            "--b\r\nContent-Type: application/pdf; "
            "name=\"=?ISO-2022-JP?B?GyRCLSE4K0BRPXEbKEI=?=.pdf\"\r\n"
            "Content-Disposition: attachment; "
            "filename=\"=?ISO-2022-JP?B?GyRCLSE4K0BRPXEbKEI=?=.pdf\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\nAAAA\r\n--b--\r\n";
        const Verdict v = analyze(mail, {QStringLiteral("yamasaki@partner.com")}, p);
        QVERIFY2(v.parsed, qPrintable(v.error));
        QCOMPARE(v.subject, QString::fromUtf8("①見積書"));
        QCOMPARE(v.fromDisplay, QString::fromUtf8("㈱山田商事"));
        const RecipientInfo* r = find(v, QStringLiteral("yamasaki@partner.com"));
        QVERIFY(r);
        QCOMPARE(r->displayName, QString::fromUtf8("山﨑"));
        QCOMPARE(v.attachments.size(), 1);
        QCOMPARE(v.attachments.first().fileName, QString::fromUtf8("①見積書.pdf"));
        QCOMPARE(v.bodyPreview, QString::fromUtf8("①見積書"));
        QVERIFY(v.flags().contains(QStringLiteral("keyword")));

        // The same characters labelled Shift_JIS, as Windows mailers label code page 932.
        const QByteArray sjis = "From: t@example.co.jp\r\nTo: a@partner.com\r\n"
                                "Subject: =?Shift_JIS?B?h0CMqZDPj5E=?=\r\n"
                                "Content-Type: text/plain; charset=Shift_JIS\r\n"
                                "Content-Transfer-Encoding: 8bit\r\n\r\n"
                                "\x87\x8a\x8eR\x93"
                                "c\r\n";
        const Verdict s = analyze(sjis, {QStringLiteral("a@partner.com")}, policy());
        QVERIFY2(s.parsed, qPrintable(s.error));
        QCOMPARE(s.subject, QString::fromUtf8("①見積書"));
        QCOMPARE(s.bodyPreview, QString::fromUtf8("㈱山田"));
    }

    // One rule finds what Japanese text writes in several widths and forms.
    void keywordRulesSeeFullAndHalfWidthAlike()
    {
        PolicyConfig p = policy();
        p.keywordRules = {
            {QStringLiteral("password"), KeywordRule::Where::Subject, KeywordRule::Action::Warn},
            {QString::fromUtf8("カブシキガイシャ"), KeywordRule::Where::Body,
             KeywordRule::Action::Warn},
            {QString::fromUtf8("秘"), KeywordRule::Where::Body, KeywordRule::Action::Warn},
            {QStringLiteral("\\.exe$"), KeywordRule::Where::AttachmentName,
             KeywordRule::Action::Block}};
        const QByteArray mail =
            "From: t@example.co.jp\r\nTo: a@partner.com\r\nSubject: =?UTF-8?B?" +
            QString::fromUtf8("ＰＡＳＳＷＯＲＤのお知らせ").toUtf8().toBase64() +
            "?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n" +
            QString::fromUtf8("ｶﾌﾞｼｷｶﾞｲｼｬ サンプル ㊙\r\n").toUtf8() +
            "--b\r\nContent-Type: application/octet-stream\r\n"
            "Content-Disposition: attachment; filename=\"=?UTF-8?B?" +
            QString::fromUtf8("請求書．ｅｘｅ").toUtf8().toBase64() +
            "?=\"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n--b--\r\n";
        const Verdict v = analyze(mail, {QStringLiteral("a@partner.com")}, p);
        QVERIFY2(v.parsed, qPrintable(v.error));
        QCOMPARE(v.keywordHits.size(), 4);
        QCOMPARE(v.keywordHits.at(0).match, QStringLiteral("PASSWORD"));
        QCOMPARE(v.keywordHits.at(1).match, QString::fromUtf8("カブシキガイシャ"));
        QCOMPARE(v.keywordHits.at(2).match, QString::fromUtf8("秘"));
        QCOMPARE(v.keywordHits.at(3).match, QStringLiteral(".exe"));
        QVERIFY(!v.blockReason().isEmpty());

        // A body of megabytes with half-width kana throughout: found at its end, in moments
        // (normalising it at once takes Qt 6.4 seconds).
        QByteArray big = "From: t@example.co.jp\r\nTo: a@partner.com\r\nSubject: x\r\n"
                         "Content-Type: text/plain; charset=utf-8\r\n\r\n";
        const QByteArray line = QString::fromUtf8("ｺﾝﾆﾁﾊ、お世話になります。\r\n").toUtf8();
        while (big.size() < 3 * 1024 * 1024)
            big += line;
        big += QString::fromUtf8("ｶﾌﾞｼｷｶﾞｲｼｬ\r\n").toUtf8();
        QElapsedTimer timer;
        timer.start();
        const Verdict large = analyze(big, {QStringLiteral("a@partner.com")}, p);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(std::any_of(
            large.keywordHits.cbegin(), large.keywordHits.cend(),
            [](const KeywordHit& h) { return h.match == QString::fromUtf8("カブシキガイシャ"); }));
    }

    // A message with only an HTML body (Thunderbird, webmail) still has a preview to check.
    void htmlOnlyBodyHasAPreview()
    {
        const QByteArray html =
            "<html><head><title>t</title><style>p { color: red; }</style></head><body>\r\n"
            "<!-- a comment --><p>\xe5\xb1\xb1\xe7\x94\xb0\xe6\xa7\x98</p>\r\n<p>Price &lt; "
            "5&nbsp;000 &amp; "
            "&#x2460; &#12354;<br>next   line</p><script>alert(1)</script>\r\n"
            "<table><tr><td>a</td><td>b</td></tr></table></body></html>\r\n";
        const QByteArray mail = "From: t@example.co.jp\r\nTo: a@partner.com\r\nSubject: x\r\n"
                                "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n"
                                "\r\n" +
                                html;
        const Verdict v = analyze(mail, {QStringLiteral("a@partner.com")}, policy());
        QVERIFY2(v.parsed, qPrintable(v.error));
        QCOMPARE(v.bodyPreview, QString::fromUtf8("山田様\nPrice < 5 000 & ① あ\nnext line\na b"));

        // With a plain alternative, the plain text is the preview.
        const QByteArray both =
            "From: t@example.co.jp\r\nTo: a@partner.com\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/alternative; boundary=a\r\n\r\n--a\r\n"
            "Content-Type: text/html\r\n\r\n<p>html</p>\r\n--a\r\nContent-Type: text/plain\r\n\r\n"
            "plain\r\n--a--\r\n";
        QCOMPARE(analyze(both, {QStringLiteral("a@partner.com")}, policy()).bodyPreview,
                 QStringLiteral("plain"));
    }

    // RFC 2231 file names in a Japanese charset (Sylpheed, Becky!): GMime's converter garbles
    // the Windows characters there too.
    void rfc2231JapaneseFileNames_data()
    {
        QTest::addColumn<QByteArray>("disposition");
        QTest::newRow("ISO-2022-JP")
            << QByteArray("attachment; filename*=ISO-2022-JP''%1B%24B-%218%2B%40Q%3Dq%1B%28B.pdf");
        QTest::newRow("Shift_JIS")
            << QByteArray("attachment; filename*=shift_jis''%87%40%8C%A9%90%CF%8F%91.pdf");
        QTest::newRow("Shift_JIS, continued, with a language")
            << QByteArray("attachment;\r\n filename*0*=Shift_JIS'ja'%87%40%8C%A9;\r\n "
                          "filename*1*=%90%CF%8F%91.pdf");
        QTest::newRow("EUC-JP, quoted")
            << QByteArray("attachment; filename*=\"euc-jp''%AD%A1%B8%AB%C0%D1%BD%F1.pdf\"");
    }

    void rfc2231JapaneseFileNames()
    {
        QFETCH(QByteArray, disposition);
        const QByteArray mail =
            "From: t@example.co.jp\r\nTo: a@partner.com\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: "
            "text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: application/pdf\r\n"
            "Content-Disposition: " +
            disposition + "\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n--b--\r\n";
        const Verdict v = analyze(mail, {QStringLiteral("a@partner.com")}, policy());
        QVERIFY2(v.parsed, qPrintable(v.error));
        QCOMPARE(v.attachments.size(), 1);
        QCOMPARE(v.attachments.first().fileName, QString::fromUtf8("①見積書.pdf"));
    }

    // An attached message (message/rfc822) is listed under its name, read the same way.
    void attachedMessageNamesAreReadWhole()
    {
        const QByteArray mail =
            "From: t@example.co.jp\r\nTo: a@partner.com\r\nSubject: fwd\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\nContent-Type: text/plain\r\n"
            "\r\nsee below\r\n--o\r\nContent-Type: message/rfc822\r\n"
            "Content-Disposition: attachment; filename=\"=?ISO-2022-JP?B?GyRCLSE4K0BRPXEbKEI=?= "
            "=?ISO-2022-JP?B?GyRCMnNFehsoQg==?=.eml\"\r\n\r\n"
            "Subject: old\r\n\r\nold body\r\n--o--\r\n";
        const Verdict v = analyze(mail, {QStringLiteral("a@partner.com")}, policy());
        QVERIFY2(v.parsed, qPrintable(v.error));
        QCOMPARE(v.attachments.size(), 1);
        QCOMPARE(v.attachments.first().mimeType, QStringLiteral("message/rfc822"));
        QCOMPARE(v.attachments.first().fileName, QString::fromUtf8("①見積書回答.eml"));
    }

    // The same GMime loss in an RFC 2047-encoded file name must not hide ".exe" from a rule.
    void adjacentEncodedWordsInAFileName()
    {
        PolicyConfig p = policy();
        p.keywordRules = {{QStringLiteral("\\.exe$"), KeywordRule::Where::AttachmentName,
                           KeywordRule::Action::Block}};
        const QByteArray mail =
            "From: t@example.co.jp\r\nTo: a@partner.com\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: "
            "text/plain\r\n\r\n"
            "hi\r\n--b\r\nContent-Type: application/octet-stream; "
            "name=\"=?utf-8?b?dmlydXM=?= =?utf-8?b?LmV4ZQ==?=\"\r\n"
            "Content-Disposition: attachment;\r\n filename=\"=?utf-8?b?dmlydXM=?= "
            "=?utf-8?b?LmV4ZQ==?=\"\r\nContent-Transfer-Encoding: base64\r\n\r\nAAAA\r\n--b--\r\n";
        const Verdict v = analyze(mail, {QStringLiteral("a@partner.com")}, p);
        QCOMPARE(v.attachments.size(), 1);
        QCOMPARE(v.attachments.first().fileName, QStringLiteral("virus.exe"));
        QVERIFY(!v.blockReason().isEmpty());
    }

    void firstTimeRecipientsFromHistory()
    {
        RecipientHistory history(m_files.filePath(QStringLiteral("h.sqlite")));
        QString error;
        QVERIFY(history.open(&error));
        history.recordDelivered({QStringLiteral("known@partner.com")});
        AnalysisInput in;
        in.path = write("From: t@example.co.jp\r\nTo: known@partner.com, new@partner.com, "
                        "hana@example.co.jp\r\n\r\nx\r\n");
        in.envelopeFrom = QStringLiteral("t@example.co.jp");
        in.recipients = {QStringLiteral("known@partner.com"), QStringLiteral("new@partner.com"),
                         QStringLiteral("hana@example.co.jp"), QStringLiteral("x@partmer.com")};
        in.policy = policy();
        in.history = &history;
        const Verdict v = MessageAnalyzer::analyze(in);
        QVERIFY(!v.recipients.at(0).firstTime);
        QVERIFY(v.recipients.at(1).firstTime);
        QVERIFY(!v.recipients.at(2).firstTime); // internal
        QCOMPARE(v.recipients.at(3).lookalikeOf, QStringLiteral("partner.com"));
        QVERIFY(v.flags().contains(QStringLiteral("lookalike-domain")));
    }

    void verdictJsonRoundTrip()
    {
        const QByteArray mail =
            "From: t@example.co.jp\r\nTo: a@one.com, b@two.com, c@three.com\r\n\r\nx\r\n";
        const Verdict v = analyze(mail, {QStringLiteral("a@one.com"), QStringLiteral("b@two.com"),
                                         QStringLiteral("c@three.com")});
        const Verdict back = Verdict::fromJson(v.toJson());
        QCOMPARE(back.flags(), v.flags());
        QCOMPARE(back.movedToBcc, v.movedToBcc);
        QCOMPARE(back.recipients.size(), v.recipients.size());
        QCOMPARE(back.recipients.at(0).movedToBcc, true);
    }

    void hostileInputNeverCrashes_data()
    {
        QTest::addColumn<QByteArray>("mail");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("no headers") << QByteArray("just text\r\n");
        QTest::newRow("missing boundary")
            << QByteArray("Content-Type: multipart/mixed\r\n\r\n--x\r\nfoo\r\n");
        QTest::newRow("unterminated multipart")
            << QByteArray("Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: "
                          "text/plain\r\n\r\nx");
        QTest::newRow("bad base64")
            << QByteArray("Content-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: "
                          "base64\r\n\r\n!!!***===\r\n");
        QTest::newRow("bad charset")
            << QByteArray("Subject: =?X-NOPE?B?////?=\r\nContent-Type: text/plain; "
                          "charset=x-nope\r\n\r\n\xff\xfe\r\n");
        QTest::newRow("bad encoded word") << QByteArray(
            "Subject: =?UTF-8?Q?=ZZ?=\r\nTo: =?ISO-2022-JP?B?GyRC?= <a@b.c>\r\n\r\nx\r\n");
        QByteArray longHeader = "Subject: " + QByteArray(1024 * 1024, 'a') + "\r\n\r\nbody\r\n";
        QTest::newRow("1 MB header line") << longHeader;
        QByteArray many = "Content-Type: multipart/mixed; boundary=z\r\n\r\n";
        for (int i = 0; i < 10000; ++i)
            many += "--z\r\nContent-Type: application/octet-stream; name=f" +
                    QByteArray::number(i) + ".bin\r\n\r\nx\r\n";
        many += "--z--\r\n";
        QTest::newRow("10000 parts") << many;
        QByteArray deep;
        for (int i = 0; i < 2000; ++i)
            deep += "Content-Type: multipart/mixed; boundary=d" + QByteArray::number(i) +
                    "\r\n\r\n--d" + QByteArray::number(i) + "\r\n";
        QTest::newRow("deep nesting") << deep;
    }

    void hostileInputNeverCrashes()
    {
        QFETCH(QByteArray, mail);
        QElapsedTimer timer;
        timer.start();
        const Verdict v = analyze(mail, {QStringLiteral("a@one.com")});
        QVERIFY(v.parsed || !v.error.isEmpty());
        QVERIFY(v.attachments.size() <= MessageAnalyzer::MaxParts);
        QVERIFY2(timer.elapsed() < 10000, "analysis must not hang");
    }

    void signedMessagesAreRecognised()
    {
        const QByteArray head = "From: taro@example.co.jp\r\nTo: a@one.com\r\nSubject: s\r\n";
        const Verdict multipartSigned = analyze(
            head + "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; "
                   "boundary=s\r\n\r\n--s\r\nContent-Type: text/plain\r\n\r\nhi\r\n--s\r\n"
                   "Content-Type: application/pkcs7-signature; name=smime.p7s\r\n\r\nMIAG\r\n"
                   "--s--\r\n",
            {QStringLiteral("a@one.com")});
        QVERIFY(multipartSigned.hasSignature);
        QVERIFY(Verdict::fromJson(multipartSigned.toJson()).hasSignature);
        const Verdict opaque = analyze(head + "Content-Type: application/pkcs7-mime; "
                                              "smime-type=signed-data; name=smime.p7m\r\n"
                                              "Content-Transfer-Encoding: base64\r\n\r\nMIAG\r\n",
                                       {QStringLiteral("a@one.com")});
        QVERIFY(opaque.hasSignature);
        // Encrypted S/MIME is no signature, nor is a signed message attached to this one.
        const Verdict enveloped = analyze(head + "Content-Type: application/pkcs7-mime; "
                                                 "smime-type=enveloped-data; name=smime.p7m\r\n"
                                                 "\r\nMIAG\r\n",
                                          {QStringLiteral("a@one.com")});
        QVERIFY(!enveloped.hasSignature);
        const Verdict attached = analyze(
            head + "Content-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\n"
                   "Content-Type: message/rfc822\r\n\r\nSubject: old\r\n"
                   "Content-Type: multipart/signed; boundary=s\r\n\r\n--s\r\n\r\nx\r\n--s--\r\n"
                   "--o--\r\n",
            {QStringLiteral("a@one.com")});
        QVERIFY(attached.parsed);
        QVERIFY(!attached.hasSignature);
        QVERIFY(!Verdict::fromJson(attached.toJson()).hasSignature);
    }
};

QTEST_GUILESS_MAIN(TestMessageAnalyzer)
#include "TestMessageAnalyzer.moc"
