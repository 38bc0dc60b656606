// SPDX-License-Identifier: GPL-3.0-or-later
// Data-driven test over tests/data/corpus: each NAME.eml is a message as a real mail client writes
// it, NAME.json beside it holds the analysis input (envelope, policy, recipient history) and the
// facts a person would read off the message in that client. Every fact is compared; a mismatch
// lists all differences at once together with the verdict the analyzer produced.
#include "MessageAnalyzer.h"
#include "MessageTestSupport.h"
#include "OutboundReader.h"
#include "RecipientHistory.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace sendguard;
using namespace sendguard::testsupport;

namespace {

QStringList toStringList(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& v : value.toArray())
        out << v.toString();
    return out;
}

QString fieldName(RecipientInfo::Field field)
{
    return recipientFieldName(field);
}

QString quoted(const QString& s)
{
    return QLatin1Char('"') + s + QLatin1Char('"');
}

QString boolText(bool b)
{
    return b ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace

class TestCorpus : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;
    testsupport::MessageFiles m_files;

    static QString corpusDir()
    {
        return QDir(qEnvironmentVariable("SENDGUARD_TEST_DATA")).filePath(QStringLiteral("corpus"));
    }

    static QByteArray readAll(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return f.readAll();
    }

    QString writeTemp(const QByteArray& content) { return m_files.write(content); }

    static bool parsePolicy(const QJsonObject& o, PolicyConfig* p, QString* error)
    {
        p->internalDomains = toStringList(o.value(QStringLiteral("internal_domains")));
        p->trustedDomains = toStringList(o.value(QStringLiteral("trusted_domains")));
        p->blockedDomains = toStringList(o.value(QStringLiteral("blocked_domains")));
        if (o.contains(QStringLiteral("mass_threshold")))
            p->massThreshold = o.value(QStringLiteral("mass_threshold")).toInt();
        const QString rewrite =
            o.value(QStringLiteral("bcc_rewrite")).toString(QStringLiteral("external-when-mass"));
        if (rewrite == QLatin1String("external-when-mass"))
            p->bccRewrite = BccRewrite::ExternalWhenMass;
        else if (rewrite == QLatin1String("all-when-mass"))
            p->bccRewrite = BccRewrite::AllWhenMass;
        else if (rewrite == QLatin1String("off"))
            p->bccRewrite = BccRewrite::Off;
        else {
            *error = QStringLiteral("unknown bcc_rewrite ") + rewrite;
            return false;
        }
        for (const QJsonValue& value : o.value(QStringLiteral("keyword_rules")).toArray()) {
            const QJsonObject r = value.toObject();
            KeywordRule rule;
            rule.pattern = r.value(QStringLiteral("pattern")).toString();
            const QString where = r.value(QStringLiteral("where")).toString();
            if (where == QLatin1String("subject"))
                rule.where = KeywordRule::Where::Subject;
            else if (where == QLatin1String("body"))
                rule.where = KeywordRule::Where::Body;
            else if (where == QLatin1String("attachment-name"))
                rule.where = KeywordRule::Where::AttachmentName;
            else {
                *error = QStringLiteral("unknown keyword rule place ") + where;
                return false;
            }
            const QString action = r.value(QStringLiteral("action")).toString();
            if (action == QLatin1String("warn"))
                rule.action = KeywordRule::Action::Warn;
            else if (action == QLatin1String("block"))
                rule.action = KeywordRule::Action::Block;
            else {
                *error = QStringLiteral("unknown keyword rule action ") + action;
                return false;
            }
            p->keywordRules << rule;
        }
        return true;
    }

    // Everything needed to analyse one corpus message; owns the recipient history.
    struct Case
    {
        QJsonObject spec;
        QJsonObject expect;
        AnalysisInput input;
        std::unique_ptr<RecipientHistory> history;
        QByteArray original;
    };

    bool loadCase(const QString& jsonPath, Case* c, QString* error)
    {
        QFile f(jsonPath);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read ") + jsonPath;
            return false;
        }
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
        if (!doc.isObject()) {
            *error = jsonPath + QStringLiteral(": ") + pe.errorString();
            return false;
        }
        c->spec = doc.object();
        c->expect = c->spec.value(QStringLiteral("expect")).toObject();
        const QJsonObject in = c->spec.value(QStringLiteral("input")).toObject();
        QString emlPath = jsonPath;
        emlPath.replace(QRegularExpression(QStringLiteral("\\.json$")), QStringLiteral(".eml"));
        c->input.path = emlPath;
        c->original = readAll(emlPath);
        if (c->original.isEmpty()) {
            *error = QStringLiteral("missing or empty ") + emlPath;
            return false;
        }
        c->input.envelopeFrom = in.value(QStringLiteral("envelope_from")).toString();
        c->input.recipients = toStringList(in.value(QStringLiteral("recipients")));
        if (!parsePolicy(in.value(QStringLiteral("policy")).toObject(), &c->input.policy, error))
            return false;
        if (in.contains(QStringLiteral("history"))) {
            c->history = std::make_unique<RecipientHistory>(
                m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(++m_serial)));
            if (!c->history->open(error))
                return false;
            const QStringList known = toStringList(in.value(QStringLiteral("history")));
            if (!known.isEmpty())
                c->history->recordDelivered(known);
            c->input.history = c->history.get();
        }
        return true;
    }

    static QString verdictText(const Verdict& v)
    {
        return QString::fromUtf8(QJsonDocument(v.toJson()).toJson(QJsonDocument::Indented));
    }

    static void compareFacts(const QJsonObject& expect, const Verdict& v, QStringList* problems)
    {
        auto check = [&](const QString& what, const QString& expected, const QString& actual) {
            if (expected != actual)
                problems->append(QStringLiteral("%1: expected %2, got %3")
                                     .arg(what, quoted(expected), quoted(actual)));
        };
        auto checkBool = [&](const QString& what, bool expected, bool actual) {
            if (expected != actual)
                problems->append(QStringLiteral("%1: expected %2, got %3")
                                     .arg(what, boolText(expected), boolText(actual)));
        };
        auto checkList = [&](const QString& what, QStringList expected, QStringList actual,
                             bool sorted) {
            if (sorted) {
                expected.sort();
                actual.sort();
            }
            if (expected != actual)
                problems->append(QStringLiteral("%1: expected [%2], got [%3]")
                                     .arg(what, expected.join(QStringLiteral(", ")),
                                          actual.join(QStringLiteral(", "))));
        };

        if (expect.contains(QStringLiteral("subject")))
            check(QStringLiteral("subject"), expect.value(QStringLiteral("subject")).toString(),
                  v.subject);
        if (expect.contains(QStringLiteral("from")))
            check(QStringLiteral("from"), expect.value(QStringLiteral("from")).toString(),
                  v.fromAddress);
        if (expect.contains(QStringLiteral("from_name")))
            check(QStringLiteral("from name"), expect.value(QStringLiteral("from_name")).toString(),
                  v.fromDisplay);
        if (expect.contains(QStringLiteral("sender_mismatch")))
            checkBool(QStringLiteral("sender mismatch"),
                      expect.value(QStringLiteral("sender_mismatch")).toBool(), v.senderMismatch);

        // Recipients: one per envelope recipient, in envelope order.
        const QJsonArray rcpts = expect.value(QStringLiteral("recipients")).toArray();
        if (rcpts.size() != v.recipients.size())
            problems->append(QStringLiteral("recipients: expected %1, got %2")
                                 .arg(rcpts.size())
                                 .arg(v.recipients.size()));
        for (int i = 0; i < qMin(int(rcpts.size()), int(v.recipients.size())); ++i) {
            const QJsonObject e = rcpts.at(i).toObject();
            const RecipientInfo& r = v.recipients.at(i);
            const QString who = QStringLiteral("recipient %1 <%2>")
                                    .arg(i)
                                    .arg(e.value(QStringLiteral("address")).toString());
            check(who + QStringLiteral(" address"), e.value(QStringLiteral("address")).toString(),
                  r.address);
            check(who + QStringLiteral(" field"), e.value(QStringLiteral("field")).toString(),
                  fieldName(r.field));
            if (e.contains(QStringLiteral("name")))
                check(who + QStringLiteral(" display name"),
                      e.value(QStringLiteral("name")).toString(), r.displayName);
            if (e.contains(QStringLiteral("domain")))
                check(who + QStringLiteral(" domain"), e.value(QStringLiteral("domain")).toString(),
                      r.domainDisplay);
            checkBool(who + QStringLiteral(" internal"),
                      e.value(QStringLiteral("internal")).toBool(), r.internal);
            checkBool(who + QStringLiteral(" trusted"), e.value(QStringLiteral("trusted")).toBool(),
                      r.trusted);
            checkBool(who + QStringLiteral(" blocked"), e.value(QStringLiteral("blocked")).toBool(),
                      r.blocked);
            checkBool(who + QStringLiteral(" first_time"),
                      e.value(QStringLiteral("first_time")).toBool(), r.firstTime);
            check(who + QStringLiteral(" lookalike_of"),
                  e.value(QStringLiteral("lookalike_of")).toString(), r.lookalikeOf);
            if (e.contains(QStringLiteral("lookalike_reason")))
                check(who + QStringLiteral(" lookalike_reason"),
                      e.value(QStringLiteral("lookalike_reason")).toString(), r.lookalikeReason);
            checkBool(who + QStringLiteral(" moved_to_bcc"),
                      e.value(QStringLiteral("moved_to_bcc")).toBool(), r.movedToBcc);
        }

        if (expect.contains(QStringLiteral("external_domains")))
            checkList(QStringLiteral("external domains"),
                      toStringList(expect.value(QStringLiteral("external_domains"))),
                      v.externalDomains, false);
        if (expect.contains(QStringLiteral("flags")))
            checkList(QStringLiteral("flags"), toStringList(expect.value(QStringLiteral("flags"))),
                      v.flags(), true);

        const QJsonArray atts = expect.value(QStringLiteral("attachments")).toArray();
        if (expect.contains(QStringLiteral("attachments"))) {
            QStringList names;
            for (const AttachmentInfo& a : v.attachments)
                names << QStringLiteral("%1 (%2, %3 bytes)")
                             .arg(quoted(a.fileName), a.mimeType)
                             .arg(a.size);
            if (atts.size() != v.attachments.size())
                problems->append(QStringLiteral("attachments: expected %1, got %2: %3")
                                     .arg(atts.size())
                                     .arg(v.attachments.size())
                                     .arg(names.join(QStringLiteral(", "))));
            for (int i = 0; i < qMin(int(atts.size()), int(v.attachments.size())); ++i) {
                const QJsonObject e = atts.at(i).toObject();
                const AttachmentInfo& a = v.attachments.at(i);
                const QString which = QStringLiteral("attachment %1 %2")
                                          .arg(i)
                                          .arg(quoted(e.value(QStringLiteral("name")).toString()));
                check(which + QStringLiteral(" name"), e.value(QStringLiteral("name")).toString(),
                      a.fileName);
                check(which + QStringLiteral(" type"), e.value(QStringLiteral("type")).toString(),
                      a.mimeType);
                if (e.value(QStringLiteral("size")).toInteger() != a.size)
                    problems->append(QStringLiteral("%1 size: expected %2, got %3")
                                         .arg(which)
                                         .arg(e.value(QStringLiteral("size")).toInteger())
                                         .arg(a.size));
                checkBool(which + QStringLiteral(" encrypted"),
                          e.value(QStringLiteral("encrypted")).toBool(), a.encrypted);
                check(which + QStringLiteral(" encryption"),
                      e.value(QStringLiteral("encryption")).toString(), a.encryption);
            }
        }

        if (expect.contains(QStringLiteral("keyword_hits"))) {
            const QJsonArray hits = expect.value(QStringLiteral("keyword_hits")).toArray();
            QStringList got;
            for (const KeywordHit& h : v.keywordHits)
                got << QStringLiteral("%1/%2/%3").arg(h.where, h.action, quoted(h.match));
            if (hits.size() != v.keywordHits.size())
                problems->append(QStringLiteral("keyword hits: expected %1, got %2: %3")
                                     .arg(hits.size())
                                     .arg(v.keywordHits.size())
                                     .arg(got.join(QStringLiteral(", "))));
            for (int i = 0; i < qMin(int(hits.size()), int(v.keywordHits.size())); ++i) {
                const QJsonObject e = hits.at(i).toObject();
                const KeywordHit& h = v.keywordHits.at(i);
                const QString which = QStringLiteral("keyword hit %1").arg(i);
                check(which + QStringLiteral(" where"), e.value(QStringLiteral("where")).toString(),
                      h.where);
                check(which + QStringLiteral(" action"),
                      e.value(QStringLiteral("action")).toString(), h.action);
                check(which + QStringLiteral(" match"), e.value(QStringLiteral("match")).toString(),
                      h.match);
                if (e.contains(QStringLiteral("pattern")))
                    check(which + QStringLiteral(" pattern"),
                          e.value(QStringLiteral("pattern")).toString(), h.pattern);
            }
        }

        if (expect.contains(QStringLiteral("moved_to_bcc")))
            checkList(QStringLiteral("moved to Bcc"),
                      toStringList(expect.value(QStringLiteral("moved_to_bcc"))), v.movedToBcc,
                      true);
        if (expect.contains(QStringLiteral("edits")) &&
            expect.value(QStringLiteral("edits")).toInt() != v.edits.size())
            problems->append(QStringLiteral("header edits: expected %1, got %2")
                                 .arg(expect.value(QStringLiteral("edits")).toInt())
                                 .arg(v.edits.size()));
        if (!v.movedToBcc.isEmpty() && v.bccReason.isEmpty())
            problems->append(QStringLiteral("addresses moved to Bcc without a reason"));
        if (v.movedToBcc.isEmpty() && !v.bccReason.isEmpty())
            problems->append(QStringLiteral("a Bcc reason but nothing moved: ") + v.bccReason);
    }

    void addRows()
    {
        QTest::addColumn<QString>("json");
        const QDir dir(corpusDir());
        const QStringList files =
            dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString& file : files)
            QTest::newRow(qPrintable(file.chopped(5))) << dir.filePath(file);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("SENDGUARD_TEST_DATA").isEmpty(),
                 "SENDGUARD_TEST_DATA is not set");
        QVERIFY(m_dir.isValid());
        const QDir dir(corpusDir());
        QVERIFY2(
            dir.exists(),
            qPrintable(dir.path() + QStringLiteral(" does not exist: SENDGUARD_TEST_DATA must name "
                                                   "<source>/tests/data")));
        const QStringList emls = dir.entryList({QStringLiteral("*.eml")}, QDir::Files);
        const QStringList jsons = dir.entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY2(jsons.size() >= 12, "the corpus has fewer than 12 messages");
        // Every message has its expectations and the other way round.
        for (const QString& e : emls)
            QVERIFY2(jsons.contains(e.chopped(4) + QStringLiteral(".json")),
                     qPrintable(e + QStringLiteral(" has no .json")));
        for (const QString& j : jsons)
            QVERIFY2(emls.contains(j.chopped(5) + QStringLiteral(".eml")),
                     qPrintable(j + QStringLiteral(" has no .eml")));
    }

    // Corpus files are as the clients write them: CRLF line ends only, no line over 998 octets.
    void messagesAreWireFormat_data() { addRows(); }
    void messagesAreWireFormat()
    {
        QFETCH(QString, json);
        Case c;
        QString error;
        QVERIFY2(loadCase(json, &c, &error), qPrintable(error));
        const QByteArray& m = c.original;
        for (qsizetype i = 0; i < m.size(); ++i) {
            if (m.at(i) == '\n')
                QVERIFY2(i > 0 && m.at(i - 1) == '\r',
                         qPrintable(QStringLiteral("bare LF at offset %1").arg(i)));
            else if (m.at(i) == '\r')
                QVERIFY2(i + 1 < m.size() && m.at(i + 1) == '\n',
                         qPrintable(QStringLiteral("bare CR at offset %1").arg(i)));
        }
        for (const QByteArray& line : m.split('\n'))
            QVERIFY2(line.size() <= 999, line.left(80).constData());
        QVERIFY(headerBlockEnd(m) > 0);
    }

    void factsMatchWhatTheClientShows_data() { addRows(); }
    void factsMatchWhatTheClientShows()
    {
        QFETCH(QString, json);
        Case c;
        QString error;
        QVERIFY2(loadCase(json, &c, &error), qPrintable(error));
        const QStringList envelope = c.input.recipients;
        const Verdict v = MessageAnalyzer::analyze(c.input);
        QVERIFY2(v.parsed, qPrintable(v.error));
        QCOMPARE(c.input.recipients, envelope);
        QStringList problems;
        compareFacts(c.expect, v, &problems);
        if (!problems.isEmpty())
            qWarning().noquote() << "verdict of" << json << ":\n" << verdictText(v);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("\n  ") + problems.join(QStringLiteral("\n  "))));
    }

    // Applying the verdict's header edits: the result parses again, shows no moved address and no
    // Bcc, keeps every other header byte for byte and every body byte.
    void editsKeepBodyAndHideMovedAddresses_data() { addRows(); }
    void editsKeepBodyAndHideMovedAddresses()
    {
        QFETCH(QString, json);
        Case c;
        QString error;
        QVERIFY2(loadCase(json, &c, &error), qPrintable(error));
        const Verdict v = MessageAnalyzer::analyze(c.input);
        QVERIFY2(v.parsed, qPrintable(v.error));

        const QByteArray out = applyEdits(c.input.path, v.edits, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const qsizetype inEnd = headerBlockEnd(c.original);
        const qsizetype outEnd = headerBlockEnd(out);
        QVERIFY2(outEnd > 0, "the output has no header block");
        QVERIFY2(out.mid(outEnd + 2) == c.original.mid(inEnd + 2), "body bytes changed");
        const QByteArray head = out.left(outEnd);

        const QList<HeaderField> before = splitHeaders(c.original);
        const QList<HeaderField> after = splitHeaders(out);
        QList<QByteArray> keptBefore, keptAfter;
        for (const HeaderField& f : before)
            if (!isRecipientHeader(f.name))
                keptBefore << f.raw;
        for (const HeaderField& f : after) {
            const QByteArray n = f.name.toLower();
            QVERIFY2(n != "bcc" && n != "resent-bcc", f.raw.constData());
            QVERIFY2(f.raw.endsWith("\r\n"), f.raw.constData());
            if (!isRecipientHeader(f.name))
                keptAfter << f.raw;
        }
        if (keptAfter != keptBefore) {
            QStringList lost;
            for (const QByteArray& h : std::as_const(keptBefore))
                if (!keptAfter.contains(h))
                    lost << QString::fromUtf8(h).trimmed();
            QFAIL(qPrintable(
                QStringLiteral("headers other than To/Cc/Bcc changed, lost or reordered: [%1]\n"
                               "output header block:\n%2")
                    .arg(lost.join(QStringLiteral(" | ")),
                         QString::fromUtf8(head).replace(QLatin1String("\r\n"),
                                                         QLatin1String("\n")))));
        }

        // Moved addresses: in no header, in their header form and in their envelope form.
        QStringList moved = v.movedToBcc;
        for (const RecipientInfo& r : v.recipients)
            if (r.movedToBcc)
                moved << r.address;
        for (const QString& a : std::as_const(moved))
            QVERIFY2(!containsAddress(head, a),
                     qPrintable(a + QStringLiteral(" still in\n") + QString::fromUtf8(head)));
        // Nothing moved: To and Cc stay exactly as they were.
        if (v.movedToBcc.isEmpty()) {
            QList<QByteArray> toCcBefore, toCcAfter;
            for (const HeaderField& f : before)
                if (f.name.toLower() == "to" || f.name.toLower() == "cc")
                    toCcBefore << f.raw;
            for (const HeaderField& f : after)
                if (f.name.toLower() == "to" || f.name.toLower() == "cc")
                    toCcAfter << f.raw;
            QCOMPARE(toCcAfter, toCcBefore);
        }

        const QJsonObject expectedHeaders =
            c.expect.value(QStringLiteral("headers_after_edits")).toObject();
        for (auto it = expectedHeaders.begin(); it != expectedHeaders.end(); ++it) {
            QStringList values;
            for (const HeaderField& f : after)
                if (QString::fromLatin1(f.name).compare(it.key(), Qt::CaseInsensitive) == 0)
                    values << QString::fromUtf8(f.value);
            QCOMPARE(values, QStringList{it.value().toString()});
        }

        // The result parses again: same subject, moved addresses now blind, the others where they
        // were.
        AnalysisInput again = c.input;
        again.path = writeTemp(out);
        const Verdict w = MessageAnalyzer::analyze(again);
        QVERIFY2(w.parsed, qPrintable(w.error));
        QCOMPARE(w.subject, v.subject);
        QCOMPARE(w.fromAddress, v.fromAddress);
        QCOMPARE(w.attachments.size(), v.attachments.size());
        QCOMPARE(w.recipients.size(), v.recipients.size());
        for (int i = 0; i < v.recipients.size(); ++i) {
            const RecipientInfo& r = v.recipients.at(i);
            const RecipientInfo& s = w.recipients.at(i);
            QCOMPARE(s.address, r.address);
            if (r.movedToBcc)
                QVERIFY2(s.field == RecipientInfo::Field::Bcc,
                         qPrintable(r.address + QStringLiteral(" still visible")));
            else
                QVERIFY2(s.field == r.field,
                         qPrintable(r.address + QStringLiteral(": ") + fieldName(r.field) +
                                    QStringLiteral(" became ") + fieldName(s.field)));
        }
        QVERIFY2(w.movedToBcc.isEmpty() || !w.mass,
                 "the rewritten message would move addresses again");
        QVERIFY(w.edits.isEmpty() || !w.movedToBcc.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCorpus)
#include "TestCorpus.moc"
