// SPDX-License-Identifier: GPL-3.0-or-later
// The MIME building of MessageEncryptor, without cryptography: a stand-in back end "encrypts"
// by writing a marker, the recipients and the bytes it was given, so that the test can check
// exactly what went into each encrypted part and how the message around it was built. The real
// back ends are tested on their own (TestSmimeBackend, TestOpenPgpBackend) and end to end
// (tests/e2e/test_encryption.py).
#include "MessageEncryptor.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <gmime/gmime.h>

using namespace sendguard;

namespace {

class FakeBackend : public EncryptionBackend
{
public:
    QString failWith;
    mutable int calls = 0;

    QString name() const override { return QStringLiteral("fake"); }
    bool configure(const EncryptionSettings&, QString*) override { return true; }
    QStringList problems() const override { return {}; }
    KeyLookup findKey(const QString&) const override { return {true, {}, {}, {}}; }
    bool encrypt(QIODevice* in, QIODevice* out, const QStringList& recipients,
                 QString* error) const override
    {
        ++calls;
        if (!failWith.isEmpty()) {
            *error = failWith;
            return false;
        }
        out->write("FAKE[" + recipients.join(QLatin1Char(',')).toUtf8() + "]");
        char buffer[4096];
        for (;;) {
            const qint64 n = in->read(buffer, sizeof buffer);
            if (n < 0) {
                *error = in->errorString();
                return false;
            }
            if (n == 0)
                break;
            out->write(buffer, n);
        }
        return true;
    }
};

QByteArray crlf(const char* text)
{
    QByteArray b(text);
    b.replace("\n", "\r\n");
    return b;
}

// Reads a message file with GMime; the caller unrefs.
GMimeMessage* parseFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return nullptr;
    const QByteArray data = f.readAll();
    GMimeStream* stream = g_mime_stream_mem_new_with_buffer(data.constData(), size_t(data.size()));
    GMimeParser* parser = g_mime_parser_new_with_stream(stream);
    GMimeMessage* message = g_mime_parser_construct_message(parser, nullptr);
    g_object_unref(parser);
    g_object_unref(stream);
    return message;
}

QByteArray decoded(GMimeObject* object)
{
    GMimeStream* mem = g_mime_stream_mem_new();
    g_mime_data_wrapper_write_to_stream(g_mime_part_get_content(GMIME_PART(object)), mem);
    GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
    const QByteArray out(reinterpret_cast<const char*>(bytes->data), int(bytes->len));
    g_object_unref(mem);
    return out;
}

QString contentType(GMimeObject* object)
{
    char* type = g_mime_content_type_get_mime_type(g_mime_object_get_content_type(object));
    const QString out = QString::fromUtf8(type);
    g_free(type);
    return out;
}

quint32 crc24(const QByteArray& data)
{
    quint32 crc = 0xB704CE;
    for (const char c : data) {
        crc ^= quint32(static_cast<unsigned char>(c)) << 16;
        for (int i = 0; i < 8; ++i) {
            crc <<= 1;
            if (crc & 0x1000000)
                crc ^= 0x1864CFB;
        }
    }
    return crc & 0xFFFFFF;
}

const QByteArray Headers = crlf("From: =?utf-8?b?6YCB5L+h6ICF?= <sender@example.co.jp>\n"
                                "To: alice@partner.example,\n  bob@partner.example\n"
                                "Bcc: hidden@partner.example\n"
                                "Subject: =?utf-8?b?6KaL56mN5pu4?=\n"
                                "Date: Mon, 1 Jan 2024 09:00:00 +0900\n"
                                "Message-ID: <m1@example.co.jp>\n"
                                "MIME-Version: 1.0\n"
                                "X-Mailer:   Test  \n");

// Text in 8 bit, a PDF (base64, Japanese name in RFC 2231), a CSV sent as quoted-printable,
// an HTML alternative with an embedded picture (not an attachment), an attached message.
QByteArray sample()
{
    return Headers + crlf("Content-Type: multipart/mixed; boundary=\"outer\"\n"
                          "\n"
                          "--outer\n"
                          "Content-Type: multipart/alternative; boundary=\"alt\"\n"
                          "\n"
                          "--alt\n"
                          "Content-Type: text/plain; charset=utf-8\n"
                          "Content-Transfer-Encoding: 8bit\n"
                          "\n"
                          "\xe6\x9c\xac\xe6\x96\x87\xe3\x81\xa7\xe3\x81\x99\n"
                          ".a line with a dot\n"
                          "--alt\n"
                          "Content-Type: multipart/related; boundary=\"rel\"\n"
                          "\n"
                          "--rel\n"
                          "Content-Type: text/html; charset=utf-8\n"
                          "\n"
                          "<img src=\"cid:logo\">\n"
                          "--rel\n"
                          "Content-Type: image/png; name=\"logo.png\"\n"
                          "Content-ID: <logo>\n"
                          "Content-Transfer-Encoding: base64\n"
                          "\n"
                          "iVBORw0KGgo=\n"
                          "--rel--\n"
                          "--alt--\n"
                          "--outer\n"
                          "Content-Type: application/pdf\n"
                          "Content-Disposition: attachment;\n"
                          " filename*=UTF-8''%E8%A6%8B%E7%A9%8D%E6%9B%B8.pdf\n"
                          "Content-Transfer-Encoding: base64\n"
                          "\n"
                          "JVBERi0xLjQKAAECAw0KLg0K\n"
                          "--outer\n"
                          "Content-Type: text/csv; name=\"data.csv\"\n"
                          "Content-Disposition: attachment; filename=\"data.csv\"\n"
                          "Content-Transfer-Encoding: quoted-printable\n"
                          "\n"
                          "a,b=3Dc\n"
                          "--outer\n"
                          "Content-Type: message/rfc822\n"
                          "Content-Disposition: attachment; filename=\"earlier.eml\"\n"
                          "\n"
                          "Subject: earlier\n"
                          "\n"
                          "old text\n"
                          "--outer--\n");
}

} // namespace

class TestMessageEncryptor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    FakeBackend m_backend;
    int m_serial = 0;

    QString write(const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("in-%1.eml").arg(++m_serial));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return path;
    }

    EncryptionJob job(const QString& source, const QString& mode, const QString& method)
    {
        EncryptionJob j;
        j.id = QStringLiteral("20240101T000000-0000000%1").arg(m_serial % 10);
        j.source = source;
        j.mode = mode;
        j.method = method;
        j.to = {QStringLiteral("alice@partner.example"), QStringLiteral("sender@example.co.jp")};
        j.workDir = m_dir.filePath(QStringLiteral("tmp"));
        j.target = m_dir.filePath(QStringLiteral("queue/out-%1.eml").arg(m_serial));
        QDir().mkpath(j.workDir);
        QDir().mkpath(m_dir.filePath(QStringLiteral("queue")));
        return j;
    }

    static QByteArray readAll(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QByteArray headerBlock(const QByteArray& message)
    {
        return message.left(message.indexOf("\r\n\r\n") + 2);
    }

    void checkCrlfOnly(const QByteArray& out)
    {
        for (qsizetype i = 0; i < out.size(); ++i) {
            if (out.at(i) == '\n')
                QVERIFY2(i > 0 && out.at(i - 1) == '\r',
                         qPrintable(QStringLiteral("bare LF at %1").arg(i)));
        }
        QVERIFY(out.endsWith("\r\n"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        g_mime_init();
    }

    void attachmentsReplacedTextKept()
    {
        const QByteArray input = sample();
        EncryptionJob j = job(write(input), QStringLiteral("attachments"), QStringLiteral("smime"));
        const EncryptionResult r = MessageEncryptor(&m_backend).run(j);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.parts, 3);
        const QByteArray out = readAll(j.target);
        QCOMPARE(r.size, out.size());
        checkCrlfOnly(out);
        // The header block is kept byte for byte; the text, the HTML and the picture too.
        QCOMPARE(headerBlock(out), headerBlock(input));
        QVERIFY(out.contains(crlf("Content-Transfer-Encoding: 8bit\n\n"
                                  "\xe6\x9c\xac\xe6\x96\x87\xe3\x81\xa7\xe3\x81\x99\n"
                                  ".a line with a dot\n")));
        QVERIFY(out.contains(crlf("Content-ID: <logo>\nContent-Transfer-Encoding: base64\n\n"
                                  "iVBORw0KGgo=\n")));

        GMimeMessage* message = parseFile(j.target);
        QVERIFY(message);
        GMimeMultipart* mixed = GMIME_MULTIPART(g_mime_message_get_mime_part(message));
        QCOMPARE(g_mime_multipart_get_count(mixed), 5);
        // The alternative, then the note, then the encrypted attachments in their order.
        QCOMPARE(contentType(g_mime_multipart_get_part(mixed, 0)),
                 QStringLiteral("multipart/alternative"));
        GMimeObject* note = g_mime_multipart_get_part(mixed, 1);
        QCOMPARE(contentType(note), QStringLiteral("text/plain"));
        const QString noteText = QString::fromUtf8(decoded(note).replace("\r\n", "\n"));
        QCOMPARE(noteText, MessageEncryptor::attachmentNote(QStringLiteral("smime")));
        QVERIFY(noteText.contains(QString::fromUtf8("暗号化")));
        QVERIFY(noteText.contains(QStringLiteral("openssl cms -decrypt")));

        const QByteArray fake = "FAKE[alice@partner.example,sender@example.co.jp]";
        struct Expect
        {
            QString name;
            QByteArray content;
        };
        const QList<Expect> expected = {
            {QString::fromUtf8("見積書.pdf.p7m"),
             fake + QByteArray::fromBase64("JVBERi0xLjQKAAECAw0KLg0K")},
            {QStringLiteral("data.csv.p7m"), fake + "a,b=c"},
            {QStringLiteral("earlier.eml.p7m"), fake + "Subject: earlier\r\n\r\nold text"},
        };
        for (int i = 0; i < expected.size(); ++i) {
            GMimeObject* part = g_mime_multipart_get_part(mixed, 2 + i);
            QCOMPARE(contentType(part), QStringLiteral("application/pkcs7-mime"));
            QCOMPARE(
                QString::fromUtf8(g_mime_object_get_content_type_parameter(part, "smime-type")),
                QStringLiteral("enveloped-data"));
            QCOMPARE(QString::fromUtf8(g_mime_part_get_filename(GMIME_PART(part))),
                     expected.at(i).name);
            QVERIFY(g_mime_content_disposition_is_attachment(
                g_mime_object_get_content_disposition(part)));
            QCOMPARE(g_mime_part_get_content_encoding(GMIME_PART(part)),
                     GMIME_CONTENT_ENCODING_BASE64);
            QCOMPARE(decoded(part), expected.at(i).content);
        }
        g_object_unref(message);
        // Nothing left behind in the work folder.
        QCOMPARE(QDir(j.workDir).entryList(QDir::Files), QStringList());
    }

    void headerEditsAppliedFirst()
    {
        const QByteArray input = sample();
        EncryptionJob j =
            job(write(input), QStringLiteral("attachments"), QStringLiteral("openpgp"));
        const qint64 bcc = input.indexOf("Bcc:");
        const qint64 bccEnd = input.indexOf("\r\n", bcc) + 2;
        j.edits = {{bcc, bccEnd, {}}};
        const EncryptionResult r = MessageEncryptor(&m_backend).run(j);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QByteArray out = readAll(j.target);
        QVERIFY(!out.contains("hidden@partner.example"));
        QVERIFY(out.contains("filename=data.csv.pgp") || out.contains("filename=\"data.csv.pgp\""));
        QVERIFY(out.contains("Content-Type: application/octet-stream"));
        QVERIFY(out.contains("gpg --output"));
    }

    void wholeMessageSmime()
    {
        const QByteArray input = sample();
        EncryptionJob j = job(write(input), QStringLiteral("message"), QStringLiteral("smime"));
        const EncryptionResult r = MessageEncryptor(&m_backend).run(j);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QByteArray out = readAll(j.target);
        checkCrlfOnly(out);
        // Every header but the Content-* ones stays outside as it was.
        const QByteArray head = headerBlock(out);
        QVERIFY(head.startsWith(Headers));
        QVERIFY(head.contains("Content-Type: application/pkcs7-mime; smime-type=enveloped-data; "
                              "name=smime.p7m\r\n"));
        QVERIFY(head.contains("Content-Disposition: attachment; filename=smime.p7m\r\n"));
        QVERIFY(head.contains("Content-Transfer-Encoding: base64\r\n"));
        QVERIFY(!out.contains("multipart/mixed"));

        GMimeMessage* message = parseFile(j.target);
        QVERIFY(message);
        const QByteArray payload = decoded(g_mime_message_get_mime_part(message));
        g_object_unref(message);
        const QByteArray fake = "FAKE[alice@partner.example,sender@example.co.jp]";
        QVERIFY(payload.startsWith(fake));
        // The inner entity: the original Content-Type and the whole body, CRLF throughout.
        const QByteArray inner = payload.mid(fake.size());
        QVERIFY(inner.startsWith("Content-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"));
        // GMime writes it anew (an empty epilogue may gain a line), the parts themselves
        // byte for byte.
        QVERIFY(inner.contains(crlf("Content-Transfer-Encoding: 8bit\n\n"
                                    "\xe6\x9c\xac\xe6\x96\x87\xe3\x81\xa7\xe3\x81\x99\n"
                                    ".a line with a dot\n")));
        QVERIFY(inner.contains(
            crlf("Content-Transfer-Encoding: base64\n\nJVBERi0xLjQKAAECAw0KLg0K\n")));
        QVERIFY(inner.contains(crlf("Subject: earlier\n\nold text\n--outer--\n")));
        QVERIFY(!inner.contains("From:"));
    }

    void signedMessageEncryptedWhole_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("signedEntity"); // must arrive byte for byte
        QTest::addColumn<bool>("isSigned");
        const QByteArray entity = crlf("Content-Type: multipart/mixed; boundary=\"inner\"\n"
                                       "\n"
                                       "--inner\n"
                                       "Content-Type: text/plain; charset=us-ascii\n"
                                       "\n"
                                       "Signed  text with  spaces\n"
                                       "--inner\n"
                                       "Content-Type: application/pdf; name=\"a.pdf\"\n"
                                       "Content-Disposition: attachment; filename=\"a.pdf\"\n"
                                       "Content-Transfer-Encoding: base64\n"
                                       "\n"
                                       "JVBERi0xLjQK\n"
                                       "--inner--\n");
        QTest::newRow("multipart/signed, S/MIME")
            << Headers +
                   crlf("Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\";"
                        " micalg=sha-256; boundary=\"sig\"\n"
                        "\n"
                        "--sig\n") +
                   entity +
                   crlf("\n--sig\n"
                        "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"\n"
                        "Content-Disposition: attachment; filename=\"smime.p7s\"\n"
                        "Content-Transfer-Encoding: base64\n"
                        "\n"
                        "MIAGCSqGSIb3DQEHAqCAMIACAQEx\n"
                        "--sig--\n")
            << entity << true;
        QTest::newRow("multipart/signed, OpenPGP")
            << Headers +
                   crlf("Content-Type: multipart/signed; protocol=\"application/pgp-signature\";"
                        " micalg=pgp-sha256; boundary=\"sig\"\n"
                        "\n"
                        "--sig\n") +
                   entity +
                   crlf("\n--sig\n"
                        "Content-Type: application/pgp-signature; name=\"signature.asc\"\n"
                        "\n"
                        "-----BEGIN PGP SIGNATURE-----\n\niQEz\n-----END PGP SIGNATURE-----\n"
                        "--sig--\n")
            << entity << true;
        const QByteArray opaque =
            crlf("Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\n"
                 "Content-Disposition: attachment; filename=smime.p7m\n"
                 "Content-Transfer-Encoding: base64\n"
                 "\n"
                 "MIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG\n");
        QTest::newRow("S/MIME signed-data") << Headers + opaque << opaque << true;
        const QByteArray detached =
            crlf("Content-Type: application/x-pkcs7-signature; name=\"smime.p7s\"\n"
                 "Content-Disposition: attachment; filename=\"smime.p7s\"\n"
                 "Content-Transfer-Encoding: base64\n"
                 "\n"
                 "MIAGCSqGSIb3DQEHAqCAMIACAQEx\n");
        QTest::newRow("a signature part beside the text")
            << Headers +
                   crlf("Content-Type: multipart/mixed; boundary=\"outer\"\n\n--outer\n"
                        "Content-Type: text/plain\n\ntext\n--outer\n") +
                   detached + crlf("--outer--\n")
            << detached << true;
        // A signed message attached to an unsigned one travels whole, its signature with it:
        // attachment by attachment as asked.
        QTest::newRow("signed message attached")
            << Headers + crlf("Content-Type: multipart/mixed; boundary=\"outer\"\n\n--outer\n"
                              "Content-Type: text/plain\n\ntext\n--outer\n"
                              "Content-Type: message/rfc822\n"
                              "Content-Disposition: attachment; filename=\"fw.eml\"\n\n"
                              "Subject: signed earlier\n"
                              "Content-Type: multipart/signed; protocol=\"application/"
                              "pkcs7-signature\"; boundary=\"s2\"\n\n"
                              "--s2\nContent-Type: text/plain\n\nold\n--s2\n"
                              "Content-Type: application/pkcs7-signature\n\nMIAG\n--s2--\n"
                              "--outer--\n")
            << QByteArray() << false;
    }

    void signedMessageEncryptedWhole()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, signedEntity);
        QFETCH(bool, isSigned);
        EncryptionJob j = job(write(body), QStringLiteral("attachments"), QStringLiteral("smime"));
        const EncryptionResult r = MessageEncryptor(&m_backend).run(j);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.signatureKept, isSigned);
        QCOMPARE(r.wholeBecauseSigned, isSigned);
        const QByteArray out = readAll(j.target);
        checkCrlfOnly(out);
        GMimeMessage* message = parseFile(j.target);
        QVERIFY(message);
        GMimeObject* top = g_mime_message_get_mime_part(message);
        const QString type = contentType(top);
        const QByteArray payload = GMIME_IS_PART(top) ? decoded(top) : QByteArray();
        g_object_unref(message);
        if (!isSigned) {
            QCOMPARE(type, QStringLiteral("multipart/mixed"));
            QVERIFY(out.contains("filename=fw.eml.p7m"));
            return;
        }
        QCOMPARE(r.parts, 1);
        QCOMPARE(type, QStringLiteral("application/pkcs7-mime"));
        QVERIFY(headerBlock(out).contains("smime-type=enveloped-data"));
        QVERIFY(!out.contains(".p7m.p7m") && !out.contains("smime.p7s.p7m"));
        // The signed entity inside, untouched.
        QVERIFY(payload.startsWith("FAKE[alice@partner.example,sender@example.co.jp]"));
        QVERIFY2(payload.contains(signedEntity), payload.constData());
    }

    void wholeMessagePgpMime()
    {
        const QByteArray input = sample();
        EncryptionJob j = job(write(input), QStringLiteral("message"), QStringLiteral("openpgp"));
        const EncryptionResult r = MessageEncryptor(&m_backend).run(j);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QByteArray out = readAll(j.target);
        checkCrlfOnly(out);
        GMimeMessage* message = parseFile(j.target);
        QVERIFY(message);
        GMimeObject* top = g_mime_message_get_mime_part(message);
        QCOMPARE(contentType(top), QStringLiteral("multipart/encrypted"));
        QCOMPARE(QString::fromUtf8(g_mime_object_get_content_type_parameter(top, "protocol")),
                 QStringLiteral("application/pgp-encrypted"));
        QVERIFY(out.contains("protocol=\"application/pgp-encrypted\""));
        GMimeMultipart* mp = GMIME_MULTIPART(top);
        QCOMPARE(g_mime_multipart_get_count(mp), 2);
        QCOMPARE(contentType(g_mime_multipart_get_part(mp, 0)),
                 QStringLiteral("application/pgp-encrypted"));
        QCOMPARE(decoded(g_mime_multipart_get_part(mp, 0)), QByteArray("Version: 1\r\n"));
        GMimeObject* data = g_mime_multipart_get_part(mp, 1);
        QCOMPARE(contentType(data), QStringLiteral("application/octet-stream"));
        const QByteArray armored = decoded(data);
        g_object_unref(message);

        // ASCII armour: header, empty line, base64 lines of 64, checksum, footer.
        QVERIFY(armored.startsWith("-----BEGIN PGP MESSAGE-----\r\n\r\n"));
        QVERIFY(armored.endsWith("\r\n-----END PGP MESSAGE-----\r\n"));
        QList<QByteArray> lines = armored.split('\n');
        QByteArray base64;
        QByteArray checksum;
        for (QByteArray line : lines.mid(2)) {
            line = line.trimmed();
            if (line.startsWith("-----END"))
                break;
            if (line.startsWith('=')) {
                checksum = QByteArray::fromBase64(line.mid(1));
                continue;
            }
            QVERIFY(line.size() <= 64);
            base64 += line;
        }
        const QByteArray binary = QByteArray::fromBase64(base64);
        QVERIFY(binary.startsWith("FAKE[alice@partner.example,sender@example.co.jp]Content-Type: "
                                  "multipart/mixed"));
        const quint32 crc = crc24(binary);
        const char expected[3] = {char(crc >> 16), char((crc >> 8) & 0xff), char(crc & 0xff)};
        QCOMPARE(checksum, QByteArray(expected, 3));
    }

    void messageThatIsOnlyAnAttachment()
    {
        const QByteArray input =
            Headers + crlf("Content-Type: application/zip; name=\"a.zip\"\n"
                           "Content-Disposition: attachment; filename=\"a.zip\"\n"
                           "Content-Transfer-Encoding: base64\n"
                           "\n"
                           "UEsDBAo=\n");
        EncryptionJob j = job(write(input), QStringLiteral("attachments"), QStringLiteral("smime"));
        const EncryptionResult r = MessageEncryptor(&m_backend).run(j);
        QVERIFY2(r.ok, qPrintable(r.error));
        GMimeMessage* message = parseFile(j.target);
        QVERIFY(message);
        GMimeObject* top = g_mime_message_get_mime_part(message);
        QCOMPARE(contentType(top), QStringLiteral("multipart/mixed"));
        GMimeMultipart* mp = GMIME_MULTIPART(top);
        QCOMPARE(g_mime_multipart_get_count(mp), 2);
        QCOMPARE(contentType(g_mime_multipart_get_part(mp, 0)), QStringLiteral("text/plain"));
        QCOMPARE(QString::fromUtf8(
                     g_mime_part_get_filename(GMIME_PART(g_mime_multipart_get_part(mp, 1)))),
                 QStringLiteral("a.zip.p7m"));
        QVERIFY(decoded(g_mime_multipart_get_part(mp, 1)).endsWith("PK\x03\x04\x0a"));
        g_object_unref(message);
    }

    void failureLeavesNothing()
    {
        FakeBackend failing;
        failing.failWith = QStringLiteral("no usable key for bob@partner.example");
        EncryptionJob j =
            job(write(sample()), QStringLiteral("attachments"), QStringLiteral("smime"));
        const EncryptionResult r = MessageEncryptor(&failing).run(j);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("bob@partner.example")), qPrintable(r.error));
        QVERIFY2(r.error.contains(QString::fromUtf8("見積書.pdf")), qPrintable(r.error));
        QVERIFY(!QFile::exists(j.target));
        QCOMPARE(QDir(j.workDir).entryList(QDir::Files), QStringList());
    }

    void noAttachmentIsAnError()
    {
        const QByteArray input = Headers + crlf("Content-Type: text/plain\n\nhello\n");
        EncryptionJob j = job(write(input), QStringLiteral("attachments"), QStringLiteral("smime"));
        const EncryptionResult r = MessageEncryptor(&m_backend).run(j);
        QVERIFY(!r.ok);
        QVERIFY(!QFile::exists(j.target));
    }

    void cancelStops()
    {
        std::atomic<bool> cancel{true};
        EncryptionJob j = job(write(sample()), QStringLiteral("message"), QStringLiteral("smime"));
        const EncryptionResult r = MessageEncryptor(&m_backend, &cancel).run(j);
        QVERIFY(!r.ok);
        QVERIFY(!QFile::exists(j.target));
    }
};

QTEST_GUILESS_MAIN(TestMessageEncryptor)
#include "TestMessageEncryptor.moc"
