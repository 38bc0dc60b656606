// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditLog.h"
#include "AuditReader.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace sendguard;

// Reading the audit trail back as values (for a viewer) and as CSV for spreadsheets.
class TestAuditExport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    static QueueEntry entry(const QString& id, const QString& subject, const QStringList& rcpts)
    {
        QueueEntry e;
        e.id = id;
        e.messageId = QStringLiteral("<%1@example.jp>").arg(id);
        e.envelopeFrom = QStringLiteral("taro@example.jp");
        e.headerFrom = QStringLiteral("山田太郎 <taro@example.jp>");
        for (const QString& r : rcpts)
            e.recipients.append({r, Recipient::Status::Pending, {}});
        e.subject = subject;
        e.size = 1234;
        return e;
    }

    static qint64 at(const char* iso)
    {
        return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
    }

    // Splits CSV text into rows of fields (RFC 4180), for checking what was written.
    static QList<QStringList> parseCsv(const QByteArray& bytes)
    {
        const QString text = QString::fromUtf8(bytes);
        QList<QStringList> rows;
        QStringList row;
        QString field;
        bool quoted = false;
        for (int i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (quoted) {
                if (c == QLatin1Char('"')) {
                    if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                        field += c;
                        ++i;
                    } else {
                        quoted = false;
                    }
                } else {
                    field += c;
                }
            } else if (c == QLatin1Char('"')) {
                quoted = true;
            } else if (c == QLatin1Char(',')) {
                row << field;
                field.clear();
            } else if (c == QLatin1Char('\r') && i + 1 < text.size() &&
                       text.at(i + 1) == QLatin1Char('\n')) {
                row << field;
                rows << row;
                row.clear();
                field.clear();
                ++i;
            } else {
                field += c;
            }
        }
        return rows;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        AuditWriter w(m_dir->filePath(QStringLiteral("audit.jsonl")), QStringLiteral("taro"));
        QString error;
        QVERIFY2(w.open(&error), qPrintable(error));
        const QueueEntry a =
            entry(QStringLiteral("A1"), QStringLiteral("【社外秘】見積書の送付について"),
                  {QStringLiteral("bob@example.com"), QStringLiteral("carol@example.org")});
        const QueueEntry b =
            entry(QStringLiteral("B2"), QStringLiteral("Re: \"quotes\", commas\nand a line"),
                  {QStringLiteral("dave@example.net")});
        const QueueEntry c = entry(QStringLiteral("C3"), QStringLiteral("=HYPERLINK(\"http://x\")"),
                                   {QStringLiteral("eve@example.net")});
        w.write({QStringLiteral("started"), {}, false, {}, at("2024-05-01T00:30:00Z")});
        w.write({QStringLiteral("accepted"), a, true, {}, at("2024-05-01T01:00:00Z")});
        w.write(
            {QStringLiteral("relayed"),
             a,
             true,
             {{QStringLiteral("reply"), QStringLiteral("250 2.0.0 OK")},
              {QStringLiteral("delivered_to"),
               QJsonArray{QStringLiteral("bob@example.com"), QStringLiteral("carol@example.org")}}},
             at("2024-05-01T01:01:00Z")});
        w.write({QStringLiteral("refused"),
                 b,
                 true,
                 {{QStringLiteral("by"), QStringLiteral("user")},
                  {QStringLiteral("detail"), QStringLiteral("the user said no")}},
                 at("2024-05-02T03:00:00Z")});
        w.write({QStringLiteral("accepted"), c, true, {}, at("2024-05-03T05:00:00Z")});
        w.sync();
    }

    void readsRecords()
    {
        // Three days: two earlier files and the current one, each new file starting with a
        // "rotated" line.
        const QList<AuditRecord> all = AuditReader::read(m_dir->path());
        QCOMPARE(all.size(), 7);
        QCOMPARE(all.at(3).event, QStringLiteral("rotated"));
        QCOMPARE(all.at(3).file, QStringLiteral("audit-2024-05-02.jsonl"));
        QCOMPARE(all.at(3).detail, QStringLiteral("rotated from: audit-2024-05-01.jsonl"));
        QCOMPARE(all.at(6).file, QStringLiteral("audit.jsonl"));
        const AuditRecord& a = all.at(1);
        QCOMPARE(a.event, QStringLiteral("accepted"));
        QCOMPARE(a.id, QStringLiteral("A1"));
        QCOMPARE(a.subject, QStringLiteral("【社外秘】見積書の送付について"));
        QCOMPARE(a.headerFrom, QStringLiteral("山田太郎 <taro@example.jp>"));
        QCOMPARE(a.recipients.size(), 2);
        QCOMPARE(a.seq, 2);
        QCOMPARE(a.line, 2);
        QCOMPARE(a.file, QStringLiteral("audit-2024-05-01.jsonl"));
        QCOMPARE(a.time, QDateTime::fromMSecsSinceEpoch(at("2024-05-01T01:00:00Z"), Qt::UTC));
        QCOMPARE(all.at(2).detail,
                 QStringLiteral(
                     "delivered to: bob@example.com; carol@example.org / reply: 250 2.0.0 OK"));
        QCOMPARE(all.at(4).detail, QStringLiteral("the user said no / by: user"));
    }

    void filters()
    {
        AuditFilter f;
        f.events = {QStringLiteral("accepted")};
        QCOMPARE(AuditReader::read(m_dir->path(), f).size(), 2);
        f = {};
        f.text = QStringLiteral("社外秘");
        QCOMPARE(AuditReader::read(m_dir->path(), f).size(), 2);
        f = {};
        f.text = QStringLiteral("CAROL@");
        QCOMPARE(AuditReader::read(m_dir->path(), f).size(), 2);
        f = {};
        f.message = QStringLiteral("<B2@example.jp>");
        QCOMPARE(AuditReader::read(m_dir->path(), f).size(), 1);
        f = {};
        f.limit = 2;
        const QList<AuditRecord> newest = AuditReader::read(m_dir->path(), f);
        QCOMPARE(newest.size(), 2);
        QCOMPARE(newest.last().id, QStringLiteral("C3"));
        // Dates are local days.
        const QDate refusedDay = QDateTime::fromMSecsSinceEpoch(at("2024-05-02T03:00:00Z"), Qt::UTC)
                                     .toLocalTime()
                                     .date();
        f = {};
        f.from = refusedDay;
        f.to = refusedDay;
        const QList<AuditRecord> day = AuditReader::read(m_dir->path(), f);
        QVERIFY(!day.isEmpty());
        for (const AuditRecord& r : day)
            QCOMPARE(r.time.toLocalTime().date(), refusedDay);
    }

    void csvForSpreadsheets()
    {
        QByteArray csv = AuditReader::csvHeader();
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        for (const AuditRecord& r : AuditReader::read(m_dir->path()))
            csv += AuditReader::csvRow(r);
        QVERIFY(csv.endsWith("\r\n"));
        // Every line end outside quotes is CRLF.
        const QList<QStringList> rows = parseCsv(csv.mid(3));
        QCOMPARE(rows.size(), 8);
        QCOMPARE(rows.at(0), QStringList({QStringLiteral("Time"), QStringLiteral("User"),
                                          QStringLiteral("Event"), QStringLiteral("Message ID"),
                                          QStringLiteral("From"), QStringLiteral("Recipients"),
                                          QStringLiteral("Subject"), QStringLiteral("Detail")}));
        for (const QStringList& row : rows)
            QCOMPARE(row.size(), 8);
        const QStringList a = rows.at(2);
        QCOMPARE(a.at(0), QDateTime::fromMSecsSinceEpoch(at("2024-05-01T01:00:00Z"), Qt::UTC)
                              .toLocalTime()
                              .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        QCOMPARE(a.at(1), QStringLiteral("taro"));
        QCOMPARE(a.at(2), QStringLiteral("accepted"));
        QCOMPARE(a.at(3), QStringLiteral("<A1@example.jp>"));
        QCOMPARE(a.at(4), QStringLiteral("taro@example.jp"));
        QCOMPARE(a.at(5), QStringLiteral("bob@example.com; carol@example.org"));
        QCOMPARE(a.at(6), QStringLiteral("【社外秘】見積書の送付について"));
        QCOMPARE(rows.at(5).at(6), QStringLiteral("Re: \"quotes\", commas\nand a line"));
        // A formula is not a formula in the spreadsheet.
        QCOMPARE(rows.at(7).at(6), QStringLiteral("'=HYPERLINK(\"http://x\")"));
        // The service event has empty message columns.
        QCOMPARE(rows.at(1).at(2), QStringLiteral("started"));
        QCOMPARE(rows.at(1).at(5), QString());
    }

    void csvQuoting()
    {
        QCOMPARE(AuditReader::csvField(QStringLiteral("plain")), QByteArray("plain"));
        QCOMPARE(AuditReader::csvField(QStringLiteral("a,b")), QByteArray("\"a,b\""));
        QCOMPARE(AuditReader::csvField(QStringLiteral("say \"hi\"")),
                 QByteArray("\"say \"\"hi\"\"\""));
        QCOMPARE(AuditReader::csvField(QStringLiteral("-1")), QByteArray("'-1"));
        QCOMPARE(AuditReader::csvField(QStringLiteral("@x")), QByteArray("'@x"));
        QCOMPARE(AuditReader::csvField(QStringLiteral("日本語")),
                 QStringLiteral("日本語").toUtf8());
    }
};

QTEST_GUILESS_MAIN(TestAuditExport)
#include "TestAuditExport.moc"
