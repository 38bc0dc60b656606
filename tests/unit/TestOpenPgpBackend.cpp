// SPDX-License-Identifier: GPL-3.0-or-later
// The OpenPGP plugin, loaded from the build tree by EncryptionPlugins as the application does.
// Keys are made at test time with gpg in a throw-away home (its gpg-agent is stopped at the
// end); what the plugin encrypts is decrypted with `gpg --decrypt` and compared byte for byte.
#include "CryptoTestSupport.h"
#include "EncryptionPlugins.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <gpgme.h>

using namespace sendguard;
using namespace cryptotest;

class TestOpenPgpBackend : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_gpg;
    QString m_home;
    EncryptionPlugins m_plugins;
    EncryptionBackend* m_pgp = nullptr;
    QString m_aliceOld, m_alice, m_bob, m_erin;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    ToolResult gpg(QStringList args, const QByteArray& input = {})
    {
        args = QStringList{QStringLiteral("--batch"),
                           QStringLiteral("--homedir"),
                           m_home,
                           QStringLiteral("--pinentry-mode"),
                           QStringLiteral("loopback"),
                           QStringLiteral("--passphrase"),
                           QString()} +
               args;
        const ToolResult r = runTool(m_gpg, args, input);
        if (!r.ok)
            qWarning().noquote() << r.describe(m_gpg, args);
        return r;
    }

    // Makes a key (optionally at a faked time) and returns its primary fingerprint.
    QString makeKey(const QString& userId, const QString& algo, const QString& usage,
                    const QString& expire, const QString& fakedTime = {})
    {
        QStringList args;
        if (!fakedTime.isEmpty())
            args << QStringLiteral("--faked-system-time") << fakedTime;
        args << QStringLiteral("--quick-gen-key") << userId << algo << usage << expire;
        const ToolResult r = gpg(args);
        if (!r.ok)
            return {};
        const QRegularExpression fpr(QStringLiteral("openpgp-revocs\\.d/([0-9A-F]{40})\\.rev"));
        return fpr.match(QString::fromUtf8(r.output)).captured(1);
    }

    static QByteArray readAll(const QString& file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    bool configure(const QString& home, QString* error)
    {
        EncryptionSettings s;
        s.gnupgHome = home;
        return m_pgp->configure(s, error);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_gpg = QStandardPaths::findExecutable(QStringLiteral("gpg"));
        QVERIFY2(!m_gpg.isEmpty(), "the gpg command is needed (Debian: gpg, gpg-agent)");
        m_home = path(QStringLiteral("gnupg"));
        QVERIFY(QDir().mkpath(m_home));
        QVERIFY(
            QFile::setPermissions(m_home, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

        // alice: an older key (made "in 2021", no expiry) and a current one; the newer wins.
        m_aliceOld = makeKey(QStringLiteral("Alice Old <alice@example.org>"),
                             QStringLiteral("future-default"), QStringLiteral("default"),
                             QStringLiteral("never"), QStringLiteral("20210101T000000"));
        QVERIFY(!m_aliceOld.isEmpty());
        m_alice = makeKey(QStringLiteral("Alice Example <alice@example.org>"),
                          QStringLiteral("future-default"), QStringLiteral("default"),
                          QStringLiteral("never"));
        QVERIFY(!m_alice.isEmpty());
        // bob: RSA, primary for signing plus an RSA encryption subkey.
        m_bob = makeKey(QStringLiteral("Bob Example <Bob@Example.org>"), QStringLiteral("rsa2048"),
                        QStringLiteral("default"), QStringLiteral("never"));
        QVERIFY(!m_bob.isEmpty());
        QVERIFY(gpg({QStringLiteral("--quick-add-key"), m_bob, QStringLiteral("rsa2048"),
                     QStringLiteral("encr"), QStringLiteral("never")})
                    .ok);
        // dave: RSA signing key without an encryption subkey.
        QVERIFY(!makeKey(QStringLiteral("Dave <dave@example.org>"), QStringLiteral("rsa2048"),
                         QStringLiteral("default"), QStringLiteral("never"))
                     .isEmpty());
        // carol: made "in 2020" with one day to live.
        QVERIFY(!makeKey(QStringLiteral("Carol <carol@example.org>"),
                         QStringLiteral("future-default"), QStringLiteral("default"),
                         QStringLiteral("1d"), QStringLiteral("20200101T000000"))
                     .isEmpty());
        // erin: revoked with the revocation certificate gpg made for the key.
        m_erin =
            makeKey(QStringLiteral("Erin <erin@example.org>"), QStringLiteral("future-default"),
                    QStringLiteral("default"), QStringLiteral("never"));
        QVERIFY(!m_erin.isEmpty());
        QByteArray revocation =
            readAll(m_home + QStringLiteral("/openpgp-revocs.d/%1.rev").arg(m_erin));
        revocation.replace(":-----BEGIN PGP PUBLIC KEY BLOCK-----",
                           "-----BEGIN PGP PUBLIC KEY BLOCK-----");
        QVERIFY(gpg({QStringLiteral("--import")}, revocation).ok);

        // gpg.conf asks for alice's old key on every encryption; the back end encrypts to
        // exactly the recipients it is given.
        QFile conf(m_home + QStringLiteral("/gpg.conf"));
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write("encrypt-to " + m_aliceOld.toLatin1() + "\n");
        conf.close();

        m_plugins.load();
        QString error;
        m_pgp = m_plugins.backend(QStringLiteral("openpgp"), &error);
        QVERIFY2(m_pgp, qPrintable(error));
        QCOMPARE(m_pgp->name(), QStringLiteral("openpgp"));
        QVERIFY2(configure(m_home, &error), qPrintable(error));
        QVERIFY(m_pgp->problems().isEmpty());
    }

    void cleanupTestCase()
    {
        if (!m_home.isEmpty()) {
            runTool(QStringLiteral("gpgconf"), {QStringLiteral("--homedir"), m_home,
                                                QStringLiteral("--kill"), QStringLiteral("all")});
        }
    }

    void findsUsableKeys()
    {
        KeyLookup k = m_pgp->findKey(QStringLiteral("alice@example.org"));
        QVERIFY2(k.usable, qPrintable(k.problem));
        QCOMPARE(k.source, m_alice);
        QVERIFY2(k.description.contains(QStringLiteral("Alice Example <alice@example.org>")),
                 qPrintable(k.description));
        QVERIFY(k.description.contains(m_alice));

        k = m_pgp->findKey(QStringLiteral("BOB@example.ORG"));
        QVERIFY2(k.usable, qPrintable(k.problem));
        QCOMPARE(k.source, m_bob);
    }

    void explainsUnusableKeys_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no encryption subkey")
            << QStringLiteral("dave@example.org") << QStringLiteral("no encryption subkey");
        QTest::newRow("expired") << QStringLiteral("carol@example.org")
                                 << QStringLiteral("the key expired on 2020-01-02");
        QTest::newRow("revoked") << QStringLiteral("erin@example.org")
                                 << QStringLiteral("the key was revoked");
        QTest::newRow("not found") << QStringLiteral("nobody@example.org")
                                   << QStringLiteral("no OpenPGP key for this address");
        QTest::newRow("substring only")
            << QStringLiteral("lice@example.org") << QStringLiteral("no OpenPGP key");
    }
    void explainsUnusableKeys()
    {
        QFETCH(QString, address);
        QFETCH(QString, expected);
        const KeyLookup k = m_pgp->findKey(address);
        QVERIFY(!k.usable);
        QVERIFY2(k.problem.contains(expected), qPrintable(k.problem));
    }

    // Many addresses at once: one answer each, in order, the same (reasons included) as
    // findKey() gives for each alone.
    void findKeysAnswersAsFindKeyDoes()
    {
        QVERIFY(m_pgp->findKeys({}).isEmpty());
        const QStringList addresses = {
            QStringLiteral("alice@example.org"), QStringLiteral("BOB@example.ORG"),
            QStringLiteral("dave@example.org"),  QStringLiteral("carol@example.org"),
            QStringLiteral("erin@example.org"),  QStringLiteral("nobody@example.org"),
            QStringLiteral("lice@example.org"),  QStringLiteral("Alice@Example.org"),
            QStringLiteral("alice@example.org")};
        const QList<KeyLookup> found = m_pgp->findKeys(addresses);
        QCOMPARE(found.size(), addresses.size());
        for (qsizetype i = 0; i < addresses.size(); ++i) {
            const KeyLookup alone = m_pgp->findKey(addresses.at(i));
            const QString what = addresses.at(i) + QLatin1String(": ") + found.at(i).problem;
            QVERIFY2(found.at(i).usable == alone.usable, qPrintable(what));
            QCOMPARE(found.at(i).problem, alone.problem);
            QCOMPARE(found.at(i).description, alone.description);
            QCOMPARE(found.at(i).source, alone.source);
        }
        QCOMPARE(found.at(0).source, m_alice);
        QCOMPARE(found.at(1).source, m_bob);
        QCOMPARE(found.at(2).problem, QStringLiteral("the key has no encryption subkey"));
        QCOMPARE(found.at(3).problem, QStringLiteral("the key expired on 2020-01-02T00:00:00Z"));
        QCOMPARE(found.at(4).problem, QStringLiteral("the key was revoked"));
        QVERIFY(found.at(6).problem.contains(QStringLiteral("no OpenPGP key")));
        QCOMPARE(found.at(7).source, m_alice);
    }

    // ... and with one run of gpg for all of them, where findKey() runs it once per address
    // (counted by a gpg that notes its arguments, then runs the real one).
    void findKeysRunsGpgOnce()
    {
        const QString log = path(QStringLiteral("gpg-runs.log"));
        const QString wrapper = path(QStringLiteral("gpg-noting"));
        {
            QFile script(wrapper);
            QVERIFY(script.open(QIODevice::WriteOnly));
            script.write("#!/bin/sh\nprintf '%s\\n' \"$*\" >>'" + QFile::encodeName(log) +
                         "'\nexec '" + QFile::encodeName(m_gpg) + "' \"$@\"\n");
        }
        QVERIFY(
            QFile::setPermissions(wrapper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        gpgme_check_version(nullptr);
        gpgme_engine_info_t info = nullptr;
        QCOMPARE(gpgme_get_engine_info(&info), gpgme_error_t(0));
        QByteArray original;
        for (; info; info = info->next) {
            if (info->protocol == GPGME_PROTOCOL_OpenPGP)
                original = info->file_name;
        }
        QVERIFY(!original.isEmpty());
        QCOMPARE(gpgme_set_engine_info(GPGME_PROTOCOL_OpenPGP,
                                       QFile::encodeName(wrapper).constData(), nullptr),
                 gpgme_error_t(0));
        const auto restore = qScopeGuard([&original] {
            gpgme_set_engine_info(GPGME_PROTOCOL_OpenPGP, original.constData(), nullptr);
        });
        // The key listings gpg was run for since the last call.
        const auto listings = [&log] {
            QFile f(log);
            const QList<QByteArray> lines =
                f.open(QIODevice::ReadOnly) ? f.readAll().split('\n') : QList<QByteArray>();
            f.close();
            f.remove();
            int n = 0;
            for (const QByteArray& line : lines)
                n += line.contains("--list-keys") || line.contains("--list-public-keys");
            return n;
        };

        QStringList addresses;
        for (int i = 0; i < 20; ++i)
            addresses << QStringLiteral("someone%1@example.org").arg(i);
        addresses << QStringLiteral("alice@example.org") << QStringLiteral("bob@example.org")
                  << QStringLiteral("dave@example.org");
        listings();
        const QList<KeyLookup> found = m_pgp->findKeys(addresses);
        QCOMPARE(listings(), 1);
        QCOMPARE(found.size(), addresses.size());
        QVERIFY(found.at(20).usable && found.at(21).usable && !found.at(22).usable);
        for (const QString& a : std::as_const(addresses))
            m_pgp->findKey(a);
        QCOMPARE(listings(), int(addresses.size()));
    }

    void encryptsForEveryRecipient()
    {
        const QString plain = path(QStringLiteral("plain.bin"));
        const QString cipher = path(QStringLiteral("cipher.gpg"));
        QVERIFY(writeSample(plain, 3 * 1024 * 1024 + 4321));
        {
            QFile in(plain), out(cipher);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QVERIFY(out.open(QIODevice::WriteOnly));
            QString error;
            QVERIFY2(m_pgp->encrypt(&in, &out,
                                    {QStringLiteral("alice@example.org"),
                                     QStringLiteral("bob@example.org"),
                                     QStringLiteral("Alice@Example.org")},
                                    &error),
                     qPrintable(error));
        }
        const QByteArray data = readAll(cipher);
        QVERIFY(!data.isEmpty());
        QVERIFY2(quint8(data.at(0)) & 0x80, "not a binary OpenPGP packet"); // not armored

        const QString out = path(QStringLiteral("decrypted.bin"));
        const ToolResult r =
            gpg({QStringLiteral("--status-fd"), QStringLiteral("1"), QStringLiteral("--output"),
                 out, QStringLiteral("--decrypt"), cipher});
        QVERIFY(r.ok);
        QVERIFY(readAll(out) == readAll(plain));
        // Exactly the two keys (alice's newer one and bob's), each once; not gpg.conf's
        // encrypt-to.
        const int encTo = int(r.output.count("[GNUPG:] ENC_TO "));
        QVERIFY2(encTo == 2, r.output.constData());
    }

    void refusesRecipientsWithoutUsableKey()
    {
        const EncryptAttempt r = tryEncrypt(*m_pgp, {QStringLiteral("alice@example.org"),
                                                     QStringLiteral("dave@example.org"),
                                                     QStringLiteral("nobody@example.org")});
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QStringLiteral("dave@example.org (the key has no encryption")),
                 qPrintable(r.error));
        QVERIFY2(r.error.contains(QStringLiteral("nobody@example.org (no OpenPGP key")),
                 qPrintable(r.error));
        QVERIFY(!r.error.contains(QStringLiteral("alice@")));
        QVERIFY(r.output.isEmpty());
        QCOMPARE(r.inputPos, 0);
    }

    void streamsWithBoundedMemory()
    {
        const qint64 size = 128LL * 1024 * 1024;
        PatternDevice in(size);
        QVERIFY(in.open(QIODevice::ReadOnly));
        CountingSink out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        const qint64 before = peakRssKb();
        QString error;
        QVERIFY2(m_pgp->encrypt(&in, &out, {QStringLiteral("bob@example.org")}, &error),
                 qPrintable(error));
        const qint64 after = peakRssKb();
        QVERIFY(out.total > 0);
        QVERIFY(quint8(out.head.at(0)) & 0x80);
        qInfo("128 MiB encrypted to %lld bytes; peak RSS %lld KiB before, %lld KiB after",
              out.total, before, after);
        QVERIFY2(after - before < 16 * 1024, "memory grew with the input");
    }

    void brokenGnupgHome()
    {
        QString error;
        QVERIFY(!configure(path(QStringLiteral("missing")), &error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));

        QFile file(path(QStringLiteral("a-file")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        QVERIFY(!configure(file.fileName(), &error));
        QVERIFY2(error.contains(QStringLiteral("is not a folder")), qPrintable(error));

        // A failed configure keeps the previous settings.
        QVERIFY(m_pgp->findKey(QStringLiteral("alice@example.org")).usable);

        // A keyring gpg cannot read.
        const QString broken = path(QStringLiteral("broken-home"));
        QVERIFY(QDir().mkpath(broken));
        QVERIFY(
            QFile::setPermissions(broken, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QFile ring(broken + QStringLiteral("/pubring.kbx"));
        QVERIFY(ring.open(QIODevice::WriteOnly));
        ring.write(QByteArray(4096, '\x5a'));
        ring.close();
        QVERIFY(!configure(broken, &error));
        QVERIFY2(error.contains(QStringLiteral("GnuPG cannot read the keyring in ") + broken),
                 qPrintable(error));
        qInfo() << "damaged keyring:" << error;
        runTool(QStringLiteral("gpgconf"), {QStringLiteral("--homedir"), broken,
                                            QStringLiteral("--kill"), QStringLiteral("all")});

        QVERIFY2(configure(m_home, &error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestOpenPgpBackend)
#include "TestOpenPgpBackend.moc"
