// SPDX-License-Identifier: GPL-3.0-or-later
// MessageAnalyzer::editsWithout: the header edits made anew when the user removed recipients in
// the confirm dialog. The edits are applied as the relay applies them (OutboundReader) and the
// result is read back field by field.
#include "MessageAnalyzer.h"
#include "MessageTestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sendguard;
using namespace sendguard::testsupport;

class TestRecipientEdits : public QObject
{
    Q_OBJECT

private:
    testsupport::MessageFiles m_files;

    QString write(const QByteArray& content) { return m_files.write(content); }

    static PolicyConfig policy(int massThreshold = 10)
    {
        PolicyConfig p;
        p.internalDomains = {QStringLiteral("example.co.jp")};
        p.massThreshold = massThreshold;
        return p;
    }

    static Verdict analyze(const QString& path, const QStringList& rcpts,
                           const PolicyConfig& p = policy())
    {
        AnalysisInput in;
        in.path = path;
        in.envelopeFrom = QStringLiteral("taro@example.co.jp");
        in.recipients = rcpts;
        in.policy = p;
        return MessageAnalyzer::analyze(in);
    }

    static QByteArray relayed(const QString& path, const QList<HeaderEdit>& edits)
    {
        QString error;
        const QByteArray out = applyEdits(path, edits, &error);
        if (!error.isEmpty())
            qWarning() << error;
        return out;
    }

    // The unfolded value of the fields called `name` in the relayed header block.
    static QByteArrayList fields(const QByteArray& message, const QByteArray& name)
    {
        QByteArrayList values;
        for (const HeaderField& f : splitHeaders(message)) {
            if (f.name.compare(name, Qt::CaseInsensitive) == 0)
                values << f.value;
        }
        return values;
    }

    static bool anyBcc(const QByteArray& message)
    {
        for (const HeaderField& f : splitHeaders(message)) {
            const QByteArray n = f.name.toLower();
            if (n == "bcc" || n == "resent-bcc")
                return true;
        }
        return false;
    }

    static QByteArray body(const QByteArray& message)
    {
        return message.mid(headerBlockEnd(message));
    }

private Q_SLOTS:
    void removedAddressLeavesToAndCcBccStillGoes()
    {
        const QByteArray mail = "From: Taro <taro@example.co.jp>\r\n"
                                "To: =?UTF-8?B?5L2Q6Jek?= <sato@partner.example>,\r\n"
                                " \"Kimura, Jiro\" <kimura@nokey.example>\r\n"
                                "Cc: hanako@example.co.jp, Nokey Two <two@nokey.example>\r\n"
                                "Bcc: boss@example.co.jp\r\n"
                                "Subject: quotation\r\n"
                                "\r\n"
                                "To: this line is body text, never touched\r\n";
        const QString path = write(mail);
        const QStringList rcpts{
            QStringLiteral("sato@partner.example"), QStringLiteral("kimura@nokey.example"),
            QStringLiteral("hanako@example.co.jp"), QStringLiteral("two@nokey.example"),
            QStringLiteral("boss@example.co.jp")};
        const Verdict v = analyze(path, rcpts);
        QVERIFY(v.parsed);
        RecipientEdits out;
        QString error;
        QVERIFY2(MessageAnalyzer::editsWithout(
                     path, v.movedToBcc,
                     {QStringLiteral("kimura@nokey.example"), QStringLiteral("two@nokey.example")},
                     &out, &error),
                 qPrintable(error));
        QVERIFY(out.editsKeepingVisible.isEmpty()); // nothing moves to Bcc

        const QByteArray sent = relayed(path, out.edits);
        QVERIFY(!anyBcc(sent));
        QVERIFY(!containsAddress(sent, QStringLiteral("kimura@nokey.example")));
        QVERIFY(!containsAddress(sent, QStringLiteral("two@nokey.example")));
        QVERIFY(!sent.contains("Kimura"));
        const QByteArrayList to = fields(sent, "To");
        QCOMPARE(to.size(), 1);
        QVERIFY(containsAddress(to.first(), QStringLiteral("sato@partner.example")));
        QVERIFY(to.first().contains("=?")); // the Japanese name still encoded, by GMime
        const QByteArrayList cc = fields(sent, "Cc");
        QCOMPARE(cc.size(), 1);
        QVERIFY(containsAddress(cc.first(), QStringLiteral("hanako@example.co.jp")));
        QCOMPARE(fields(sent, "Subject"), QByteArrayList{"quotation"});
        QCOMPARE(body(sent), body(mail));
    }

    void addressOnlyInBccChangesNoVisibleHeader()
    {
        const QByteArray mail = "From: taro@example.co.jp\r\n"
                                "To: Sato <sato@partner.example>\r\n"
                                "Bcc: hidden@nokey.example\r\n"
                                "Subject: x\r\n"
                                "\r\n"
                                "text\r\n";
        const QString path = write(mail);
        const Verdict v = analyze(
            path, {QStringLiteral("sato@partner.example"), QStringLiteral("hidden@nokey.example")});
        RecipientEdits out;
        QString error;
        QVERIFY(MessageAnalyzer::editsWithout(
            path, v.movedToBcc, {QStringLiteral("hidden@nokey.example")}, &out, &error));
        // The same edits as before: only the Bcc field goes.
        QCOMPARE(out.edits, v.edits);
        const QByteArray sent = relayed(path, out.edits);
        QVERIFY(!anyBcc(sent));
        QCOMPARE(fields(sent, "To"), QByteArrayList{"Sato <sato@partner.example>"});
    }

    void moveToBccStaysForThoseLeft()
    {
        // Four visible recipients, threshold 3: the external ones move to Bcc.
        const QByteArray mail = "From: taro@example.co.jp\r\n"
                                "To: a@partner.example, b@other.example, c@nokey.example\r\n"
                                "Cc: hanako@example.co.jp\r\n"
                                "Bcc: boss@example.co.jp\r\n"
                                "Subject: x\r\n"
                                "\r\n"
                                "text\r\n";
        const QString path = write(mail);
        const QStringList rcpts{
            QStringLiteral("a@partner.example"), QStringLiteral("b@other.example"),
            QStringLiteral("c@nokey.example"), QStringLiteral("hanako@example.co.jp"),
            QStringLiteral("boss@example.co.jp")};
        const Verdict v = analyze(path, rcpts, policy(3));
        QCOMPARE(v.movedToBcc.size(), 3);
        RecipientEdits out;
        QString error;
        QVERIFY(MessageAnalyzer::editsWithout(path, v.movedToBcc,
                                              {QStringLiteral("c@nokey.example")}, &out, &error));
        // Moved: nobody external in To/Cc.
        const QByteArray moved = relayed(path, out.edits);
        QVERIFY(!anyBcc(moved));
        for (const QString& a :
             {QStringLiteral("a@partner.example"), QStringLiteral("b@other.example"),
              QStringLiteral("c@nokey.example")})
            QVERIFY2(!containsAddress(moved, a), qPrintable(a));
        QVERIFY(containsAddress(moved, QStringLiteral("hanako@example.co.jp")));
        // Kept visible (where policy allows): the others shown, the removed one not, Bcc gone.
        QVERIFY(!out.editsKeepingVisible.isEmpty());
        const QByteArray visible = relayed(path, out.editsKeepingVisible);
        QVERIFY(!anyBcc(visible));
        QVERIFY(containsAddress(visible, QStringLiteral("a@partner.example")));
        QVERIFY(containsAddress(visible, QStringLiteral("b@other.example")));
        QVERIFY(!containsAddress(visible, QStringLiteral("c@nokey.example")));
        QVERIFY(!containsAddress(visible, QStringLiteral("boss@example.co.jp")));

        // Every moved address removed: nothing moves any more.
        QVERIFY(MessageAnalyzer::editsWithout(path, v.movedToBcc, v.movedToBcc, &out, &error));
        QVERIFY(out.editsKeepingVisible.isEmpty());
        QCOMPARE(fields(relayed(path, out.edits), "To"),
                 QByteArrayList{"undisclosed-recipients:;"});
    }

    void onlyToAddressRemovedLeavesUndisclosedRecipients()
    {
        const QByteArray mail = "From: taro@example.co.jp\r\n"
                                "To: \"No Key\" <NoKey@NoKey.Example>\r\n"
                                "Cc: Team: a@partner.example, b@nokey.example;\r\n"
                                "Subject: x\r\n"
                                "\r\n"
                                "text\r\n";
        const QString path = write(mail);
        const Verdict v =
            analyze(path, {QStringLiteral("nokey@nokey.example"),
                           QStringLiteral("a@partner.example"), QStringLiteral("b@nokey.example")});
        RecipientEdits out;
        QString error;
        // The envelope's spelling differs from the header's only in case.
        QVERIFY(MessageAnalyzer::editsWithout(
            path, v.movedToBcc,
            {QStringLiteral("nokey@nokey.example"), QStringLiteral("b@nokey.example")}, &out,
            &error));
        const QByteArray sent = relayed(path, out.edits);
        QCOMPARE(fields(sent, "To"), QByteArrayList{"undisclosed-recipients:;"});
        const QByteArrayList cc = fields(sent, "Cc");
        QCOMPARE(cc.size(), 1);
        QVERIFY(cc.first().startsWith("Team:"));
        QVERIFY(containsAddress(cc.first(), QStringLiteral("a@partner.example")));
        QVERIFY(!containsAddress(sent, QStringLiteral("b@nokey.example")));
        QVERIFY(!containsAddress(sent, QStringLiteral("nokey@nokey.example")));
    }

    void unreadableFileIsAnError()
    {
        RecipientEdits out;
        QString error;
        QVERIFY(!MessageAnalyzer::editsWithout(m_files.filePath(QStringLiteral("missing.eml")), {},
                                               {QStringLiteral("a@partner.example")}, &out,
                                               &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecipientEdits)
#include "TestRecipientEdits.moc"
