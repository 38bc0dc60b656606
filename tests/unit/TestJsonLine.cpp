// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditChain.h"
#include "JsonLine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace sendguard;

class TestJsonLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Whatever is written reads back, through Qt's own parser, as the same values.
    void readsBackAsWritten()
    {
        const QString awkward =
            QString::fromUtf8("件名: \"見積\\書\" \t改行\r\n制御\x01\x1f終わり 😀 ");
        const QJsonObject nested{{QStringLiteral("method"), QStringLiteral("smime")},
                                 {QStringLiteral("to"), QJsonArray{QStringLiteral("a@b.jp")}}};
        JsonLine line;
        line.add(QLatin1StringView("subject"), awkward);
        line.add(QLatin1StringView("size"), qint64(1234567890123));
        line.add(QLatin1StringView("recipients"),
                 QStringList{QStringLiteral("a@example.jp"), QString::fromUtf8("山田@例え.jp")});
        line.add(QLatin1StringView("empty"), QStringList{});
        line.add(QStringLiteral("quoted \"key\""), QJsonValue(true));
        line.add(QStringLiteral("ratio"), QJsonValue(0.25));
        line.add(QStringLiteral("count"), QJsonValue(42.0));
        line.add(QStringLiteral("nothing"), QJsonValue());
        line.add(QStringLiteral("plan"), QJsonValue(nested));
        line.add(QStringLiteral("list"), QJsonValue(QJsonArray{1, QStringLiteral("two")}));

        const QByteArray text = line.close();
        QVERIFY2(!text.contains('\n') && !text.contains('\r'), text.constData());
        QJsonParseError error{};
        const QJsonObject o = QJsonDocument::fromJson(text, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(o.value(QStringLiteral("subject")).toString(), awkward);
        QCOMPARE(o.value(QStringLiteral("size")).toDouble(), 1234567890123.0);
        QCOMPARE(o.value(QStringLiteral("recipients")).toArray(),
                 (QJsonArray{QStringLiteral("a@example.jp"), QString::fromUtf8("山田@例え.jp")}));
        QCOMPARE(o.value(QStringLiteral("empty")).toArray(), QJsonArray());
        QCOMPARE(o.value(QStringLiteral("quoted \"key\"")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("ratio")).toDouble(), 0.25);
        QCOMPARE(o.value(QStringLiteral("count")).toDouble(), 42.0);
        QVERIFY(o.value(QStringLiteral("nothing")).isNull());
        QCOMPARE(o.value(QStringLiteral("plan")).toObject(), nested);
        QCOMPARE(o.value(QStringLiteral("list")).toArray(), (QJsonArray{1, QStringLiteral("two")}));
        QCOMPARE(o.size(), 10);
    }

    void emptyObject() { QCOMPARE(JsonLine().close(), QByteArray("{}")); }

    // A line sealed from a JsonLine carries the chain fields the verifier expects, with and
    // without a MAC.
    void sealedLinesCarryTheChain()
    {
        JsonLine fields;
        fields.add(QLatin1StringView("event"), QStringLiteral("accepted"));
        const QByteArray prev = AuditChain::genesis();
        const QByteArray plain = AuditChain::seal(fields, 7, prev, {});
        const QJsonObject o = QJsonDocument::fromJson(plain).object();
        QCOMPARE(o.value(QStringLiteral("event")).toString(), QStringLiteral("accepted"));
        QCOMPARE(o.value(QStringLiteral("seq")).toInt(), 7);
        QCOMPARE(o.value(QStringLiteral("prev")).toString().toLatin1(), prev);

        const QByteArray key(32, 'k');
        const QByteArray sealed = AuditChain::seal(JsonLine(), 1, prev, key);
        QVERIFY(QJsonDocument::fromJson(sealed).isObject());
        QVERIFY(AuditChain::checkMac(sealed, key));
        QVERIFY(!AuditChain::checkMac(sealed, QByteArray(32, 'x')));
    }
};

QTEST_GUILESS_MAIN(TestJsonLine)
#include "TestJsonLine.moc"
