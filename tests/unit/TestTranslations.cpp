// SPDX-License-Identifier: GPL-3.0-or-later
// The translation catalogues are complete: every message has a finished translation that keeps
// the placeholders of its source text.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>
#include <QXmlStreamReader>
#include <algorithm>

namespace {

// The folder holding the .ts files: $SENDGUARD_SOURCE_DIR/translations/ (set by ctest), or else
// found from this source file's location (tests/unit/ -> ../../translations/).
QString translationsDir()
{
    const QString sourceDir = qEnvironmentVariable("SENDGUARD_SOURCE_DIR");
    if (!sourceDir.isEmpty())
        return sourceDir + QStringLiteral("/translations/");
#ifdef SENDGUARD_SOURCE_DIR
    return QStringLiteral(SENDGUARD_SOURCE_DIR "/translations/");
#else
    return QFileInfo(QStringLiteral(__FILE__))
        .absoluteDir()
        .absoluteFilePath(QStringLiteral("../../translations/"));
#endif
}

// %1..%9 (also in their %L1 form) and %n, sorted, each listed once.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%L?(?:[1-9]|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    std::sort(found.begin(), found.end());
    found.removeDuplicates();
    return found;
}

struct Message
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;        // the translation's type attribute: "", unfinished, obsolete, vanished
    QString translation; // plain messages
    QStringList numerusForms; // numerus messages
    qint64 line = 0;
};

struct Catalogue
{
    QString language;
    QList<Message> messages;
    QString error;
};

// Text of the current element, including nested <byte value=".."/> characters as lupdate
// writes them for control characters.
QString readText(QXmlStreamReader& xml)
{
    QString text;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::Characters || token == QXmlStreamReader::EntityReference) {
            text += xml.text();
        } else if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == QLatin1String("byte")) {
                bool ok = false;
                const QString value = xml.attributes().value(QLatin1String("value")).toString();
                const uint code = value.startsWith(QLatin1Char('x')) ? value.mid(1).toUInt(&ok, 16)
                                                                     : value.toUInt(&ok, 10);
                if (ok)
                    text += QChar(char16_t(code));
            }
            xml.skipCurrentElement();
        } else if (token == QXmlStreamReader::EndElement) {
            break;
        }
    }
    return text;
}

void readTranslation(QXmlStreamReader& xml, Message& m)
{
    m.type = xml.attributes().value(QLatin1String("type")).toString();
    if (!m.numerus) {
        m.translation = readText(xml);
        return;
    }
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("numerusform"))
            m.numerusForms << readText(xml);
        else
            xml.skipCurrentElement();
    }
}

Catalogue readCatalogue(const QString& path)
{
    Catalogue c;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        c.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return c;
    }
    QXmlStreamReader xml(&file);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("TS")) {
        c.error = QStringLiteral("%1 is not a Qt Linguist file").arg(path);
        return c;
    }
    c.language = xml.attributes().value(QLatin1String("language")).toString();
    while (xml.readNextStartElement()) {
        if (xml.name() != QLatin1String("context")) {
            xml.skipCurrentElement();
            continue;
        }
        QString context;
        while (xml.readNextStartElement()) {
            if (xml.name() == QLatin1String("name")) {
                context = readText(xml);
            } else if (xml.name() == QLatin1String("message")) {
                Message m;
                m.context = context;
                m.line = xml.lineNumber();
                m.numerus =
                    xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                bool hasTranslation = false;
                while (xml.readNextStartElement()) {
                    if (xml.name() == QLatin1String("source")) {
                        m.source = readText(xml);
                    } else if (xml.name() == QLatin1String("translation")) {
                        hasTranslation = true;
                        readTranslation(xml, m);
                    } else {
                        xml.skipCurrentElement();
                    }
                }
                if (!hasTranslation)
                    m.type = QStringLiteral("missing");
                c.messages.append(m);
            } else {
                xml.skipCurrentElement();
            }
        }
    }
    if (xml.hasError())
        c.error =
            QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return c;
}

QString describe(const Message& m)
{
    QString source = m.source;
    source.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return QStringLiteral("line %1, context \"%2\", source \"%3\"")
        .arg(m.line)
        .arg(m.context, source);
}

// Everything wrong with one message, empty if it is fine.
QStringList problemsOf(const Message& m, int expectedNumerusForms)
{
    QStringList problems;
    if (!m.type.isEmpty())
        problems << QStringLiteral("translation is %1").arg(m.type);
    const QStringList wanted = placeholders(m.source);
    const QStringList texts = m.numerus ? m.numerusForms : QStringList{m.translation};
    if (m.numerus && expectedNumerusForms > 0 && texts.size() != expectedNumerusForms)
        problems << QStringLiteral("%1 plural forms instead of %2")
                        .arg(texts.size())
                        .arg(expectedNumerusForms);
    if (texts.isEmpty())
        problems << QStringLiteral("translation is empty");
    for (const QString& text : texts) {
        if (text.trimmed().isEmpty()) {
            problems << QStringLiteral("translation is empty");
            continue;
        }
        const QStringList got = placeholders(text);
        if (got != wanted)
            problems << QStringLiteral("placeholders %1 in the translation \"%2\", expected %3")
                            .arg(got.join(QLatin1Char(' ')), text, wanted.join(QLatin1Char(' ')));
    }
    problems.removeDuplicates();
    return problems;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placeholderScanner()
    {
        QCOMPARE(placeholders(QStringLiteral("cannot rename %1 to %2: %3")),
                 (QStringList{QStringLiteral("%1"), QStringLiteral("%2"), QStringLiteral("%3")}));
        QCOMPARE(placeholders(QString::fromUtf8("%2 と %1、%1")),
                 (QStringList{QStringLiteral("%1"), QStringLiteral("%2")}));
        QCOMPARE(placeholders(QStringLiteral("SendGuard: %n message(s) held")),
                 QStringList{QStringLiteral("%n")});
        QCOMPARE(placeholders(QStringLiteral("100% sure, %% and %L1")),
                 QStringList{QStringLiteral("%L1")});
        QVERIFY(placeholders(QStringLiteral("no placeholders")).isEmpty());
    }

    void problemDetection()
    {
        Message m;
        m.context = QStringLiteral("Ctx");
        m.source = QStringLiteral("cannot open %1: %2");
        m.translation = QString::fromUtf8("%1 を開けません: %2");
        QVERIFY(problemsOf(m, 1).isEmpty());
        m.translation = QString::fromUtf8("%1 を開けません");
        QCOMPARE(problemsOf(m, 1).size(), 1);
        m.translation.clear();
        QVERIFY(!problemsOf(m, 1).isEmpty());
        m.translation = QString::fromUtf8("%1 を開けません: %2");
        m.type = QStringLiteral("unfinished");
        QVERIFY(!problemsOf(m, 1).isEmpty());

        Message n;
        n.context = QStringLiteral("Ctx");
        n.source = QStringLiteral("%n message(s)");
        n.numerus = true;
        n.numerusForms = {QStringLiteral("%n message"), QStringLiteral("%n messages")};
        QVERIFY(problemsOf(n, 2).isEmpty());
        QVERIFY(!problemsOf(n, 1).isEmpty());
        n.numerusForms[1] = QStringLiteral("messages");
        QVERIFY(!problemsOf(n, 2).isEmpty());
    }

    void catalogueIsComplete_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("numerusForms"); // plural forms per numerus message
        QTest::newRow("ja") << QStringLiteral("sendguard_ja.ts") << QStringLiteral("ja_JP") << 1;
        QTest::newRow("en") << QStringLiteral("sendguard_en.ts") << QStringLiteral("en_US") << 2;
    }

    void catalogueIsComplete()
    {
        QFETCH(QString, fileName);
        QFETCH(QString, language);
        QFETCH(int, numerusForms);
        const QString path = translationsDir() + fileName;
        QVERIFY2(QFile::exists(path),
                 qPrintable(QStringLiteral("%1 not found; set SENDGUARD_SOURCE_DIR").arg(path)));

        const Catalogue c = readCatalogue(path);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(c.language, language);
        QVERIFY2(!c.messages.isEmpty(), qPrintable(path + QStringLiteral(" holds no messages")));

        QStringList failures;
        for (const Message& m : c.messages) {
            const QStringList problems = problemsOf(m, numerusForms);
            if (!problems.isEmpty())
                failures << QStringLiteral("%1: %2").arg(describe(m),
                                                         problems.join(QStringLiteral("; ")));
        }
        if (!failures.isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1: %2 of %3 messages are not finished:\n  ")
                                 .arg(path)
                                 .arg(failures.size())
                                 .arg(c.messages.size()) +
                             failures.join(QStringLiteral("\n  "))));
        qInfo("%s: %d messages, all finished", qPrintable(fileName), int(c.messages.size()));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
