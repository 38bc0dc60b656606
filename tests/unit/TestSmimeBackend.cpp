// SPDX-License-Identifier: GPL-3.0-or-later
// The S/MIME plugin, loaded from the build tree by EncryptionPlugins as the application does.
// Certificates are made at test time with the openssl CLI; what the plugin encrypts is
// decrypted with `openssl cms -decrypt` and compared byte for byte.
#include "CryptoTestSupport.h"
#include "EncryptionPlugins.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sendguard;
using namespace cryptotest;

class TestSmimeBackend : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_openssl;
    EncryptionPlugins m_plugins;
    EncryptionBackend* m_smime = nullptr;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString certs() const { return path(QStringLiteral("certs")); }

    bool openssl(const QStringList& args)
    {
        const ToolResult r = runTool(m_openssl, args);
        if (!r.ok)
            qWarning().noquote() << r.describe(m_openssl, args);
        return r.ok;
    }

    // A self-signed certificate: key in keys/NAME.key, certificate (PEM) in `certFile`.
    bool makeCert(const QString& name, const QString& certFile, const QStringList& keyArgs,
                  const QString& subject, const QStringList& extensions, int days = 30)
    {
        QStringList args = {QStringLiteral("req"), QStringLiteral("-x509")};
        args << keyArgs
             << QStringList{QStringLiteral("-nodes"),
                            QStringLiteral("-keyout"),
                            path(QStringLiteral("keys/%1.key").arg(name)),
                            QStringLiteral("-out"),
                            certFile,
                            QStringLiteral("-days"),
                            QString::number(days),
                            QStringLiteral("-subj"),
                            subject};
        for (const QString& e : extensions)
            args << QStringLiteral("-addext") << e;
        return openssl(args);
    }
    bool makeRsa(const QString& name, const QString& certFile, const QString& subject,
                 const QStringList& extensions, int days = 30)
    {
        return makeCert(name, certFile, {QStringLiteral("-newkey"), QStringLiteral("rsa:2048")},
                        subject, extensions, days);
    }

    // A certificate with explicit validity dates (openssl ca -selfsign: OpenSSL 3.0's req and
    // x509 cannot set a start date).
    bool makeDated(const QString& name, const QString& address, const QString& start,
                   const QString& end)
    {
        const QString ca = path(QStringLiteral("ca"));
        QDir().mkpath(ca + QStringLiteral("/newcerts"));
        QFile index(ca + QStringLiteral("/index.txt"));
        if (!index.exists() && !index.open(QIODevice::WriteOnly))
            return false;
        index.close();
        QFile cnf(ca + QStringLiteral("/ca.cnf"));
        if (!cnf.open(QIODevice::WriteOnly))
            return false;
        cnf.write("[ca]\ndefault_ca = CA_default\n[CA_default]\n"
                  "database = " +
                  QFile::encodeName(ca) + "/index.txt\nnew_certs_dir = " + QFile::encodeName(ca) +
                  "/newcerts\nrand_serial = yes\ndefault_md = sha256\npolicy = pol\n"
                  "copy_extensions = copy\nunique_subject = no\n[pol]\ncommonName = supplied\n");
        cnf.close();
        const QString key = path(QStringLiteral("keys/%1.key").arg(name));
        const QString csr = path(QStringLiteral("ca/%1.csr").arg(name));
        return openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                        QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), key, QStringLiteral("-out"), csr,
                        QStringLiteral("-subj"), QStringLiteral("/CN=%1").arg(name),
                        QStringLiteral("-addext"),
                        QStringLiteral("subjectAltName=email:") + address,
                        QStringLiteral("-addext"), QStringLiteral("keyUsage=keyEncipherment")}) &&
               openssl({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-config"),
                        cnf.fileName(), QStringLiteral("-selfsign"), QStringLiteral("-keyfile"),
                        key, QStringLiteral("-in"), csr, QStringLiteral("-startdate"), start,
                        QStringLiteral("-enddate"), end, QStringLiteral("-notext"),
                        QStringLiteral("-out"), certs() + QStringLiteral("/%1.pem").arg(name)});
    }

    bool decrypt(const QString& input, const QString& name, const QString& certFile,
                 const QString& output)
    {
        return openssl({QStringLiteral("cms"), QStringLiteral("-decrypt"),
                        QStringLiteral("-binary"), QStringLiteral("-inform"), QStringLiteral("DER"),
                        QStringLiteral("-in"), input, QStringLiteral("-inkey"),
                        path(QStringLiteral("keys/%1.key").arg(name)), QStringLiteral("-recip"),
                        certFile, QStringLiteral("-out"), output});
    }

    static QByteArray readAll(const QString& file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // Why `file` is not a strict DER EnvelopedData whose encryptedContent is one primitive
    // [0] of `cipherLength` bytes (-1: any), readable by OpenSSL and written by it the same
    // way (openssl cms -cmsout gives the very same bytes); empty when it is.
    QString derProblem(const QString& file, qint64 cipherLength = -1)
    {
        const QByteArray der = readAll(file);
        QString why = DerChecker::problem(der);
        if (!why.isEmpty())
            return why;
        const QStringList parseArgs = {QStringLiteral("asn1parse"), QStringLiteral("-inform"),
                                       QStringLiteral("DER"), QStringLiteral("-in"), file};
        const ToolResult parsed = runTool(m_openssl, parseArgs);
        if (!parsed.ok)
            return parsed.describe(m_openssl, parseArgs);
        // ContentInfo (d=0), [0] (d=1), EnvelopedData (d=2), EncryptedContentInfo (d=3), its
        // encryptedContent (d=4): the last line.
        const QList<QByteArray> lines = parsed.output.trimmed().split('\n');
        const QByteArray last = lines.last().simplified();
        if (!last.contains("d=4") || !last.contains("prim: cont [ 0 ]"))
            return QStringLiteral("encryptedContent: %1").arg(QString::fromLatin1(last));
        if (cipherLength >= 0 && !QString::fromLatin1(last).contains(QRegularExpression(
                                     QStringLiteral(" l= *%1 ").arg(cipherLength))))
            return QStringLiteral("encryptedContent of %1 bytes expected: %2")
                .arg(cipherLength)
                .arg(QString::fromLatin1(last));
        const QString again = file + QStringLiteral(".again");
        const QStringList args = {QStringLiteral("cms"),      QStringLiteral("-cmsout"),
                                  QStringLiteral("-inform"),  QStringLiteral("DER"),
                                  QStringLiteral("-outform"), QStringLiteral("DER"),
                                  QStringLiteral("-in"),      file,
                                  QStringLiteral("-out"),     again};
        const ToolResult r = runTool(m_openssl, args);
        if (!r.ok)
            return r.describe(m_openssl, args);
        const bool same = readAll(again) == der;
        QFile::remove(again);
        return same ? QString() : QStringLiteral("openssl cms -cmsout wrote different bytes");
    }

    static qint64 cbcLength(qint64 plain) { return (plain / 16 + 1) * 16; }

    bool configure(QString* error, const QString& cipher = {})
    {
        EncryptionSettings s;
        s.smimeCertificates = certs();
        s.cipher = cipher;
        return m_smime->configure(s, error);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        QVERIFY2(!m_openssl.isEmpty(), "the openssl command is needed (Debian: openssl)");
        QVERIFY(QDir().mkpath(certs()));
        QVERIFY(QDir().mkpath(path(QStringLiteral("keys"))));
        const QString c = certs() + QLatin1Char('/');

        // alice: RSA, address in subjectAltName; two certificates, the later one must win.
        const QStringList rsaMail = {
            QStringLiteral("keyUsage=critical,keyEncipherment,digitalSignature"),
            QStringLiteral("extendedKeyUsage=emailProtection")};
        QVERIFY(makeRsa(
            QStringLiteral("alice"), c + QStringLiteral("alice.pem"),
            QStringLiteral("/CN=Alice Example"),
            QStringList{QStringLiteral("subjectAltName=email:alice@example.org")} + rsaMail, 60));
        QVERIFY(makeRsa(
            QStringLiteral("alice-old"), c + QStringLiteral("alice-old.crt"),
            QStringLiteral("/CN=Alice Old"),
            QStringList{QStringLiteral("subjectAltName=email:Alice@Example.org")} + rsaMail, 10));
        // bob: EC P-256, address only in the subject's emailAddress, stored as DER.
        QVERIFY(makeCert(QStringLiteral("bob"), path(QStringLiteral("keys/bob.pem")),
                         {QStringLiteral("-newkey"), QStringLiteral("ec"),
                          QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256")},
                         QStringLiteral("/CN=Bob Example/emailAddress=Bob@Example.ORG"),
                         {QStringLiteral("keyUsage=keyAgreement,digitalSignature")}));
        QVERIFY(openssl({QStringLiteral("x509"), QStringLiteral("-in"),
                         path(QStringLiteral("keys/bob.pem")), QStringLiteral("-outform"),
                         QStringLiteral("DER"), QStringLiteral("-out"),
                         c + QStringLiteral("bob.der")}));
        // grace and heidi: two certificates in one PEM file.
        QVERIFY(makeRsa(QStringLiteral("grace"), path(QStringLiteral("keys/grace.pem")),
                        QStringLiteral("/CN=Grace"),
                        {QStringLiteral("subjectAltName=email:grace@example.net")}));
        QVERIFY(makeRsa(
            QStringLiteral("heidi"), path(QStringLiteral("keys/heidi.pem")),
            QStringLiteral("/CN=Heidi"),
            {QStringLiteral("subjectAltName=email:heidi@example.net,email:h@example.net")}));
        {
            QFile bundle(c + QStringLiteral("bundle.pem"));
            QVERIFY(bundle.open(QIODevice::WriteOnly));
            bundle.write("Two certificates:\n" + readAll(path(QStringLiteral("keys/grace.pem"))) +
                         readAll(path(QStringLiteral("keys/heidi.pem"))));
        }
        // carol: expired; erin: not valid yet.
        QVERIFY(makeDated(QStringLiteral("carol"), QStringLiteral("carol@example.org"),
                          QStringLiteral("20200101000000Z"), QStringLiteral("20200201000000Z")));
        QVERIFY(makeDated(QStringLiteral("erin"), QStringLiteral("erin@example.org"),
                          QStringLiteral("20900101000000Z"), QStringLiteral("20910101000000Z")));
        // dave: signing only; frank: extended key usage without e-mail protection.
        QVERIFY(makeRsa(QStringLiteral("dave"), c + QStringLiteral("dave.cer"),
                        QStringLiteral("/CN=Dave"),
                        {QStringLiteral("subjectAltName=email:dave@example.org"),
                         QStringLiteral("keyUsage=digitalSignature")}));
        QVERIFY(makeRsa(QStringLiteral("frank"), c + QStringLiteral("frank.pem"),
                        QStringLiteral("/CN=Frank"),
                        {QStringLiteral("subjectAltName=email:frank@example.org"),
                         QStringLiteral("extendedKeyUsage=serverAuth")}));
        // ivan: RSA 1024.
        QVERIFY(makeCert(QStringLiteral("ivan"), c + QStringLiteral("ivan.pem"),
                         {QStringLiteral("-newkey"), QStringLiteral("rsa:1024")},
                         QStringLiteral("/CN=Ivan"),
                         {QStringLiteral("subjectAltName=email:ivan@example.org")}));
        // Broken files, and one the back end must not look at.
        {
            QFile broken(c + QStringLiteral("broken.pem"));
            QVERIFY(broken.open(QIODevice::WriteOnly));
            broken.write("-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n"
                         "-----END CERTIFICATE-----\n");
            QFile garbage(c + QStringLiteral("garbage.der"));
            QVERIFY(garbage.open(QIODevice::WriteOnly));
            garbage.write(QByteArray("\x30\x82\x7f\xff garbage", 12).repeated(50));
            QFile empty(c + QStringLiteral("empty.crt"));
            QVERIFY(empty.open(QIODevice::WriteOnly));
            QFile notes(c + QStringLiteral("notes.txt"));
            QVERIFY(notes.open(QIODevice::WriteOnly));
            notes.write("not a certificate, and not looked at");
        }

        m_plugins.load();
        QString error;
        m_smime = m_plugins.backend(QStringLiteral("smime"), &error);
        QVERIFY2(m_smime, qPrintable(error));
        QCOMPARE(m_smime->name(), QStringLiteral("smime"));
        QVERIFY2(configure(&error), qPrintable(error));
    }

    void reportsBrokenFilesByName()
    {
        const QStringList problems = m_smime->problems();
        QCOMPARE(problems.size(), 3);
        QVERIFY2(problems.filter(certs() + QStringLiteral("/broken.pem: ")).size() == 1,
                 qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(problems.filter(certs() + QStringLiteral("/garbage.der: ")).size() == 1);
        QVERIFY(problems.filter(certs() + QStringLiteral("/empty.crt: ")).size() == 1);
        QVERIFY(problems.filter(QStringLiteral("notes.txt")).isEmpty());
    }

    void findsUsableCertificates()
    {
        KeyLookup k = m_smime->findKey(QStringLiteral("alice@example.org"));
        QVERIFY2(k.usable, qPrintable(k.problem));
        QCOMPARE(k.source, certs() + QStringLiteral("/alice.pem")); // the later notAfter
        QVERIFY(k.description.contains(QStringLiteral("CN=Alice Example")));
        QVERIFY(k.problem.isEmpty());

        k = m_smime->findKey(QStringLiteral("bob@example.org"));
        QVERIFY2(k.usable, qPrintable(k.problem));
        QCOMPARE(k.source, certs() + QStringLiteral("/bob.der"));

        for (const QString& a :
             {QStringLiteral("grace@example.net"), QStringLiteral("HEIDI@example.net"),
              QStringLiteral("h@example.net")}) {
            k = m_smime->findKey(a);
            QVERIFY2(k.usable, qPrintable(a + QLatin1String(": ") + k.problem));
            QCOMPARE(k.source, certs() + QStringLiteral("/bundle.pem"));
        }
    }

    void explainsUnusableCertificates_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("file");
        QTest::newRow("expired") << QStringLiteral("carol@example.org")
                                 << QStringLiteral("expired on 2020-02-01")
                                 << QStringLiteral("carol.pem");
        QTest::newRow("not yet valid")
            << QStringLiteral("erin@example.org") << QStringLiteral("not valid before 2090-01-01")
            << QStringLiteral("erin.pem");
        QTest::newRow("no key usage")
            << QStringLiteral("dave@example.org") << QStringLiteral("keyEncipherment")
            << QStringLiteral("dave.cer");
        QTest::newRow("wrong extended usage")
            << QStringLiteral("frank@example.org") << QStringLiteral("e-mail protection")
            << QStringLiteral("frank.pem");
        QTest::newRow("short RSA key")
            << QStringLiteral("ivan@example.org") << QStringLiteral("too short (1024 bits")
            << QStringLiteral("ivan.pem");
        QTest::newRow("not found")
            << QStringLiteral("nobody@example.org")
            << QStringLiteral("no certificate for this address") << QStringLiteral("");
    }
    void explainsUnusableCertificates()
    {
        QFETCH(QString, address);
        QFETCH(QString, expected);
        QFETCH(QString, file);
        const KeyLookup k = m_smime->findKey(address);
        QVERIFY(!k.usable);
        QVERIFY2(k.problem.contains(expected), qPrintable(k.problem));
        QCOMPARE(k.source, file.isEmpty() ? QString() : certs() + QLatin1Char('/') + file);
    }

    void encryptsForEveryRecipient()
    {
        const QString plain = path(QStringLiteral("plain.bin"));
        const QString cipher = path(QStringLiteral("cipher.der"));
        QVERIFY(writeSample(plain, 3 * 1024 * 1024 + 12345));
        {
            QFile in(plain), out(cipher);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QVERIFY(out.open(QIODevice::WriteOnly));
            QString error;
            QVERIFY2(m_smime->encrypt(&in, &out,
                                      {QStringLiteral("alice@example.org"),
                                       QStringLiteral("Bob@example.org"),
                                       QStringLiteral("heidi@example.net")},
                                      &error),
                     qPrintable(error));
        }
        const QString der = derProblem(cipher, cbcLength(3 * 1024 * 1024 + 12345));
        QVERIFY2(der.isEmpty(), qPrintable(der));

        const QByteArray expected = readAll(plain);
        const QList<QPair<QString, QString>> recipients = {
            {QStringLiteral("alice"), certs() + QStringLiteral("/alice.pem")},
            {QStringLiteral("bob"), path(QStringLiteral("keys/bob.pem"))},
            {QStringLiteral("heidi"), path(QStringLiteral("keys/heidi.pem"))}};
        for (const auto& [name, cert] : recipients) {
            const QString out = path(QStringLiteral("decrypted-%1.bin").arg(name));
            QVERIFY2(decrypt(cipher, name, cert, out), qPrintable(name));
            QVERIFY2(readAll(out) == expected, qPrintable(name));
        }
        // alice's older certificate was not used.
        const QString out = path(QStringLiteral("decrypted-old.bin"));
        QVERIFY(!decrypt(cipher, QStringLiteral("alice-old"),
                         certs() + QStringLiteral("/alice-old.crt"), out));
    }

    // DER whatever the length of the input and whether it is known ahead (a file) or not (a
    // stream: the ciphertext waits in memory, beyond 1 MiB in a temporary file next to the
    // output); RSA and EC recipients.
    void derForAnyInput_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<bool>("sequential");
        const qint64 mib = 1024 * 1024;
        for (const qint64 size : {qint64(0), qint64(1), qint64(15), qint64(16), qint64(17),
                                  qint64(100), qint64(111), qint64(127), qint64(128), qint64(65535),
                                  qint64(65536), mib - 17, mib - 16, mib, mib + 1, 5 * mib + 3}) {
            for (const bool sequential : {false, true})
                QTest::addRow("%lld %s", size, sequential ? "stream" : "file")
                    << size << sequential;
        }
    }
    void derForAnyInput()
    {
        QFETCH(qint64, size);
        QFETCH(bool, sequential);
        QTemporaryDir work;
        QVERIFY(work.isValid());
        const QString plain = work.filePath(QStringLiteral("plain.bin"));
        QVERIFY(writeSample(plain, size));
        const QByteArray data = readAll(plain);
        QCOMPARE(data.size(), size);
        const QString cipher = work.filePath(QStringLiteral("cipher.p7m"));
        {
            QFile file(plain);
            SequentialReader stream(data);
            QIODevice* in = &stream;
            if (!sequential) {
                QVERIFY(file.open(QIODevice::ReadOnly));
                in = &file;
            }
            QFile out(cipher);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QString error;
            QVERIFY2(m_smime->encrypt(
                         in, &out,
                         {QStringLiteral("alice@example.org"), QStringLiteral("bob@example.org")},
                         &error),
                     qPrintable(error));
        }
        // No temporary file is left beside the output.
        QCOMPARE(QDir(work.path()).entryList(QDir::Files | QDir::Hidden),
                 (QStringList{QStringLiteral("cipher.p7m"), QStringLiteral("plain.bin")}));
        const QString der = derProblem(cipher, cbcLength(size));
        QVERIFY2(der.isEmpty(), qPrintable(der));
        for (const auto& [name, cert] :
             {qMakePair(QStringLiteral("alice"), certs() + QStringLiteral("/alice.pem")),
              qMakePair(QStringLiteral("bob"), path(QStringLiteral("keys/bob.pem")))}) {
            const QString out = work.filePath(QStringLiteral("decrypted-%1.bin").arg(name));
            QVERIFY2(decrypt(cipher, name, cert, out), qPrintable(name));
            QVERIFY2(readAll(out) == data, qPrintable(name));
        }
    }

    // The checker itself: OpenSSL's streamed BER is refused, so are a few hand-made faults.
    void derCheckerRejectsBer()
    {
        const QString plain = path(QStringLiteral("ber-plain.bin"));
        const QString ber = path(QStringLiteral("ber.p7m"));
        QVERIFY(writeSample(plain, 100000));
        QVERIFY(
            openssl({QStringLiteral("cms"), QStringLiteral("-encrypt"), QStringLiteral("-binary"),
                     QStringLiteral("-stream"), QStringLiteral("-outform"), QStringLiteral("DER"),
                     QStringLiteral("-in"), plain, QStringLiteral("-out"), ber,
                     certs() + QStringLiteral("/alice.pem")}));
        QVERIFY2(DerChecker::problem(readAll(ber)).contains(QStringLiteral("indefinite length")),
                 qPrintable(DerChecker::problem(readAll(ber))));
        QVERIFY(!derProblem(ber).isEmpty());

        QCOMPARE(DerChecker::problem(QByteArray("\x30\x03\x02\x01\x05", 5)), QString());
        const QList<QByteArray> faults = {
            QByteArray("\x30\x81\x03\x02\x01\x05", 6),         // long form below 128
            QByteArray("\x30\x82\x00\x03\x02\x01\x05", 7),     // leading zero octet
            QByteArray("\x30\x03\x02\x01\x05\x00", 6),         // trailing byte
            QByteArray("\x30\x04\x02\x02\x00\x05", 6),         // INTEGER 0005
            QByteArray("\x24\x03\x04\x01\x05", 5),             // constructed OCTET STRING
            QByteArray("\x31\x06\x02\x01\x07\x02\x01\x05", 8), // SET OF out of order
            QByteArray("\x01\x01\x01", 3),                     // BOOLEAN 01
            QByteArray("\x30\x05\x02\x01\x05", 5)};            // too short
        for (const QByteArray& f : faults)
            QVERIFY2(!DerChecker::problem(f).isEmpty(), f.toHex().constData());
    }

    // A file that is shorter or longer than it said when encryption began: refused, not
    // written with a wrong length.
    void refusesInputThatChangesLength()
    {
        class Fibbing : public QBuffer
        {
        public:
            Fibbing(QByteArray* data, qint64 claimed) : QBuffer(data), m_claimed(claimed) {}
            qint64 size() const override { return m_claimed; }

        private:
            qint64 m_claimed;
        };
        QByteArray data(200000, 'x');
        for (const qint64 claimed : {qint64(100000), qint64(300000)}) {
            Fibbing in(&data, claimed);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QByteArray output;
            QBuffer out(&output);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QString error;
            QVERIFY(!m_smime->encrypt(&in, &out, {QStringLiteral("alice@example.org")}, &error));
            QVERIFY2(error.contains(QStringLiteral("the input changed while it was being "
                                                   "encrypted (%1 bytes expected")
                                        .arg(claimed)),
                     qPrintable(error));
        }
    }

    // A random-access device that does not tell its size (QIODevice::size() says 0) is read to
    // its end like a stream.
    void randomAccessDeviceWithoutSize()
    {
        class Unsized : public QIODevice
        {
        public:
            explicit Unsized(const QByteArray& data) : m_data(data) { open(ReadOnly); }

        protected:
            qint64 readData(char* data, qint64 maxSize) override
            {
                const qint64 n = qMin(maxSize, m_data.size() - pos());
                memcpy(data, m_data.constData() + pos(), size_t(n));
                return n;
            }
            qint64 writeData(const char*, qint64) override { return -1; }

        private:
            QByteArray m_data;
        };
        QByteArray data(150000, 'u');
        Unsized in(data);
        QCOMPARE(in.size(), 0);
        const QString cipher = path(QStringLiteral("unsized.p7m"));
        {
            QFile out(cipher);
            QVERIFY(out.open(QIODevice::WriteOnly));
            QString error;
            QVERIFY2(m_smime->encrypt(&in, &out, {QStringLiteral("alice@example.org")}, &error),
                     qPrintable(error));
        }
        const QString der = derProblem(cipher, cbcLength(data.size()));
        QVERIFY2(der.isEmpty(), qPrintable(der));
        const QString out = path(QStringLiteral("unsized.bin"));
        QVERIFY(
            decrypt(cipher, QStringLiteral("alice"), certs() + QStringLiteral("/alice.pem"), out));
        QVERIFY(readAll(out) == data);
    }

    // The temporary file of a stream goes also when writing the output fails.
    void temporaryFileGoesOnFailure()
    {
        QTemporaryDir work;
        QVERIFY(work.isValid());
        PatternDevice in(3 * 1024 * 1024);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QFile out(work.filePath(QStringLiteral("readonly.p7m")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.close();
        QVERIFY(out.open(QIODevice::ReadOnly)); // writing fails
        QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QFile, \"" +
                                               QFile::encodeName(out.fileName()) +
                                               "\"): ReadOnly device");
        QString error;
        QVERIFY(!m_smime->encrypt(&in, &out, {QStringLiteral("alice@example.org")}, &error));
        QVERIFY2(error.contains(QStringLiteral("cannot write the encrypted output")),
                 qPrintable(error));
        QCOMPARE(QDir(work.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("readonly.p7m")});
    }

    void refusesRecipientsWithoutUsableCertificate()
    {
        const EncryptAttempt r = tryEncrypt(*m_smime, {QStringLiteral("alice@example.org"),
                                                       QStringLiteral("carol@example.org"),
                                                       QStringLiteral("nobody@example.org")});
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("carol@example.org (expired on")),
                 qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("nobody@example.org (no certificate")),
                 qPrintable(r.error));
        QVERIFY(!r.error.contains(QStringLiteral("alice@")));
        QVERIFY(r.output.isEmpty());
        QCOMPARE(r.inputPos, 0);

        const EncryptAttempt none = tryEncrypt(*m_smime, {});
        QVERIFY(!none.ok);
        QVERIFY(none.output.isEmpty());
    }

    void reportsWriteErrors()
    {
        QByteArray plain(100000, 'x');
        QBuffer in(&plain);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QFile out(path(QStringLiteral("readonly.der")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.close();
        QVERIFY(out.open(QIODevice::ReadOnly)); // writing fails
        QString error;
        QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QFile, \"" +
                                               QFile::encodeName(out.fileName()) +
                                               "\"): ReadOnly device");
        QVERIFY(!m_smime->encrypt(&in, &out, {QStringLiteral("alice@example.org")}, &error));
        QVERIFY2(error.contains(QStringLiteral("cannot write the encrypted output")),
                 qPrintable(error));
    }

    void streamsWithBoundedMemory()
    {
        const qint64 size = 256LL * 1024 * 1024;
        PatternDevice in(size);
        QVERIFY(in.open(QIODevice::ReadOnly));
        CountingSink out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        const qint64 before = peakRssKb();
        QString error;
        QVERIFY2(m_smime->encrypt(&in, &out, {QStringLiteral("alice@example.org")}, &error),
                 qPrintable(error));
        const qint64 after = peakRssKb();
        QVERIFY(out.total > size);
        QVERIFY(out.total < size + 1024 * 1024);
        // DER: SEQUENCE with a four-octet definite length (not 0x80, indefinite), the whole.
        QCOMPARE(out.head.left(2), QByteArray("\x30\x84", 2));
        const auto* h = reinterpret_cast<const unsigned char*>(out.head.constData());
        QCOMPARE(qint64(h[2]) << 24 | qint64(h[3]) << 16 | qint64(h[4]) << 8 | qint64(h[5]),
                 out.total - 6);
        qInfo("256 MiB encrypted; peak RSS %lld KiB before, %lld KiB after", before, after);
        QVERIFY2(after - before < 16 * 1024, "memory grew with the input");
    }

    void configureChecksFolderAndCipher()
    {
        EncryptionSettings s;
        QString error;
        s.smimeCertificates = path(QStringLiteral("missing"));
        QVERIFY(!m_smime->configure(s, &error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));
        s.smimeCertificates.clear();
        QVERIFY(!m_smime->configure(s, &error));
        QVERIFY2(error.contains(QStringLiteral("no folder")), qPrintable(error));
        s.smimeCertificates = certs();
        s.cipher = QStringLiteral("des-ede3-cbc");
        QVERIFY(!m_smime->configure(s, &error));
        QVERIFY2(error.contains(QStringLiteral("unsupported S/MIME cipher")), qPrintable(error));
        // A failed configure keeps the previous settings.
        QVERIFY(m_smime->findKey(QStringLiteral("alice@example.org")).usable);

        QVERIFY2(configure(&error, QStringLiteral("AES-128-CBC")), qPrintable(error));
        QByteArray plain("hello");
        QBuffer in(&plain);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QFile out(path(QStringLiteral("aes128.der")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        QVERIFY2(m_smime->encrypt(&in, &out, {QStringLiteral("alice@example.org")}, &error),
                 qPrintable(error));
        out.close();
        const ToolResult r =
            runTool(m_openssl, {QStringLiteral("cms"), QStringLiteral("-cmsout"),
                                QStringLiteral("-print"), QStringLiteral("-inform"),
                                QStringLiteral("DER"), QStringLiteral("-in"), out.fileName()});
        QVERIFY2(r.ok, r.output.constData());
        QVERIFY2(r.output.contains("aes-128-cbc"), r.output.constData());
        QVERIFY2(configure(&error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSmimeBackend)
#include "TestSmimeBackend.moc"
