// SPDX-License-Identifier: GPL-3.0-or-later
// Which encrypted copies a message gets: one for the recipients the To/Cc headers show as
// relayed (after the header edits: Bcc removed, a move to Bcc, or "keep visible"), one per
// other recipient.
#include "CopyPlanner.h"
#include "MessageAnalyzer.h"
#include "MessageTestSupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sendguard;

namespace {

// (recipients, bcc) of each copy, for QCOMPARE; a new copy is not made yet.
QList<QPair<QStringList, bool>> shape(const QList<EncryptedCopy>& copies)
{
    QList<QPair<QStringList, bool>> out;
    for (const EncryptedCopy& c : copies)
        out.append({c.recipients, c.bcc && !c.done && c.size == 0});
    return out;
}

} // namespace

class TestCopyPlanner : public QObject
{
    Q_OBJECT

private:
    testsupport::MessageFiles m_files;

    QString write(const QByteArray& content) { return m_files.write(content); }

    const QString a = QStringLiteral("a@one.example");
    const QString b = QStringLiteral("b@two.example");
    const QString c = QStringLiteral("c@three.example");
    const QString d = QStringLiteral("d@four.example");

private Q_SLOTS:
    void withoutBccOneCopyForEveryone()
    {
        const auto copies =
            CopyPlanner::split({a, b}, {b, a, QStringLiteral("x@elsewhere.example")});
        QCOMPARE(shape(copies), (QList<QPair<QStringList, bool>>{{{a, b}, false}}));
    }

    void bccRecipientsAloneInEnvelopeOrder()
    {
        const auto copies = CopyPlanner::split({c, a, d, b}, {a, b});
        QCOMPARE(shape(copies),
                 (QList<QPair<QStringList, bool>>{{{a, b}, false}, {{c}, true}, {{d}, true}}));
    }

    void nobodyShownEveryoneAlone()
    {
        const auto copies = CopyPlanner::split({a, b}, {});
        QCOMPARE(shape(copies), (QList<QPair<QStringList, bool>>{{{a}, true}, {{b}, true}}));
    }

    void addressesComparedAsTheAnalysisDoes()
    {
        // Case, and RFC 5322 quoting of the local part, do not make a different mailbox.
        const QString quoted = QStringLiteral("\"sato.ichiro\"@Partner.Example");
        const auto copies = CopyPlanner::split({QStringLiteral("Sato.Ichiro@partner.example"), a},
                                               {quoted, a.toUpper()});
        QCOMPARE(copies.size(), 1);
        QVERIFY(!copies.first().bcc);
    }

    void headerAsRelayedDecides()
    {
        // To, a group in Cc, and a Bcc field: the Bcc field is removed on the way out.
        const QByteArray mail = "From: taro@example.co.jp\r\n"
                                "To: Alice <alice@partner.example>\r\n"
                                "Cc: team: bob@other.example;\r\n"
                                "Bcc: carol@third.example\r\n"
                                "Subject: copies\r\n"
                                "\r\n"
                                "Hello\r\n";
        AnalysisInput in;
        in.path = write(mail);
        in.envelopeFrom = QStringLiteral("taro@example.co.jp");
        in.recipients = {
            QStringLiteral("carol@third.example"), QStringLiteral("alice@partner.example"),
            QStringLiteral("bob@other.example"), QStringLiteral("dave@fourth.example")};
        in.policy.massThreshold = 100;
        const Verdict v = MessageAnalyzer::analyze(in);
        QVERIFY2(v.parsed, qPrintable(v.error));
        QVERIFY(!v.edits.isEmpty());

        QStringList shown;
        QString error;
        QVERIFY2(CopyPlanner::shownAddresses(in.path, v.edits, &shown, &error), qPrintable(error));
        QCOMPARE(shown, (QStringList{QStringLiteral("alice@partner.example"),
                                     QStringLiteral("bob@other.example")}));
        QList<EncryptedCopy> copies;
        QVERIFY2(CopyPlanner::plan(in.path, v.edits, in.recipients, &copies, &error),
                 qPrintable(error));
        QCOMPARE(
            shape(copies),
            (QList<QPair<QStringList, bool>>{
                {{QStringLiteral("alice@partner.example"), QStringLiteral("bob@other.example")},
                 false},
                {{QStringLiteral("carol@third.example")}, true},
                {{QStringLiteral("dave@fourth.example")}, true}}));
    }

    void movedToBccUnlessKeptVisible()
    {
        // A mass mailing: the external addresses move to Bcc, and so each gets a copy of their
        // own; kept visible by the user, they share one.
        const QByteArray mail = "From: taro@example.co.jp\r\n"
                                "To: a@one.example, b@two.example, hanako@example.co.jp\r\n"
                                "Subject: mass\r\n"
                                "\r\n"
                                "Hello\r\n";
        AnalysisInput in;
        in.path = write(mail);
        in.envelopeFrom = QStringLiteral("taro@example.co.jp");
        in.recipients = {QStringLiteral("a@one.example"), QStringLiteral("b@two.example"),
                         QStringLiteral("hanako@example.co.jp")};
        in.policy.internalDomains = {QStringLiteral("example.co.jp")};
        in.policy.massThreshold = 3;
        const Verdict v = MessageAnalyzer::analyze(in);
        QVERIFY2(v.parsed, qPrintable(v.error));
        QCOMPARE(v.movedToBcc.size(), 2);

        QList<EncryptedCopy> copies;
        QString error;
        QVERIFY2(CopyPlanner::plan(in.path, v.edits, in.recipients, &copies, &error),
                 qPrintable(error));
        QCOMPARE(shape(copies),
                 (QList<QPair<QStringList, bool>>{{{QStringLiteral("hanako@example.co.jp")}, false},
                                                  {{QStringLiteral("a@one.example")}, true},
                                                  {{QStringLiteral("b@two.example")}, true}}));
        QVERIFY2(CopyPlanner::plan(in.path, v.editsKeepingVisible, in.recipients, &copies, &error),
                 qPrintable(error));
        QCOMPARE(shape(copies), (QList<QPair<QStringList, bool>>{{in.recipients, false}}));
    }

    void unreadableFileIsAnError()
    {
        QList<EncryptedCopy> copies;
        QString error;
        QVERIFY(!CopyPlanner::plan(m_files.filePath(QStringLiteral("missing.eml")), {}, {a},
                                   &copies, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCopyPlanner)
#include "TestCopyPlanner.moc"
