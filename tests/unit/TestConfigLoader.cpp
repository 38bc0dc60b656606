// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfigLoader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sendguard;

class TestConfigLoader : public QObject
{
    Q_OBJECT

private:
    static QStringList keysOf(const ConfigLoader& loader)
    {
        QStringList keys;
        for (const ConfigProblem& p : loader.problems())
            keys << p.key;
        return keys;
    }

private Q_SLOTS:
    void defaultsWhenEmpty()
    {
        ConfigLoader loader;
        QVERIFY(loader.parse("{}", QStringLiteral("c.json")));
        const Config& c = loader.config();
        QCOMPARE(c.listen.address, QStringLiteral("127.0.0.1"));
        QCOMPARE(c.listen.port, quint16(2525));
        QVERIFY(c.listen.authRequired);
        QVERIFY(c.listen.starttls);
        QCOMPARE(c.listen.maxMessageSize, qint64(50) * 1024 * 1024);
        QCOMPARE(c.upstream.port, quint16(587));
        QCOMPARE(c.upstream.security, UpstreamSecurity::StartTls);
        QVERIFY(c.upstream.verifyCertificate);
        QVERIFY(c.usesDemoUpstream());
        QCOMPARE(c.policy.massThreshold, 10);
        QCOMPARE(c.policy.bccRewrite, BccRewrite::ExternalWhenMass);
        QCOMPARE(c.policy.holdSeconds, 60);
    }

    void readsEveryKey()
    {
        ConfigLoader loader;
        const QByteArray json = R"({
            "listen": {"address": "::1", "port": 2600, "auth": "none", "starttls": false,
                       "max_message_size": 2048, "idle_timeout_seconds": 5, "max_sessions": 3,
                       "max_recipients": 7},
            "upstream": {"host": "smtp.example.co.jp", "port": 465, "security": "tls",
                         "verify_certificate": false, "username": "taro"},
            "relay": {"max_connections": 2, "retry_initial_seconds": 5, "retry_max_interval_seconds": 50,
                      "max_age_seconds": 500, "connect_timeout_seconds": 3, "command_timeout_seconds": 9},
            "policy": {"internal_domains": ["Example.CO.JP"], "mass_threshold": 5,
                       "bcc_rewrite": "all-when-mass", "hold_seconds": 0}
        })";
        QVERIFY2(loader.parse(json, QStringLiteral("c.json")),
                 qPrintable(keysOf(loader).join(QLatin1Char(','))));
        const Config& c = loader.config();
        QCOMPARE(c.listen.address, QStringLiteral("::1"));
        QCOMPARE(c.listen.port, quint16(2600));
        QVERIFY(!c.listen.authRequired);
        QVERIFY(!c.listen.starttls);
        QCOMPARE(c.listen.maxRecipients, 7);
        QCOMPARE(c.upstream.host, QStringLiteral("smtp.example.co.jp"));
        QCOMPARE(c.upstream.security, UpstreamSecurity::ImplicitTls);
        QVERIFY(!c.upstream.verifyCertificate);
        QCOMPARE(c.relay.maxAgeSeconds, qint64(500));
        QCOMPARE(c.policy.internalDomains, QStringList{QStringLiteral("example.co.jp")});
        QCOMPARE(c.policy.bccRewrite, BccRewrite::AllWhenMass);
        QCOMPARE(c.policy.holdSeconds, 0);
    }

    void reportsEachProblemWithFileAndKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("reasonPart");
        QTest::newRow("unknown key") << QByteArray(R"({"listen": {"prot": 25}})") << "listen.prot"
                                     << "unknown key";
        QTest::newRow("unknown section") << QByteArray(R"({"lisen": {}})") << "lisen"
                                         << "unknown section";
        QTest::newRow("wrong type")
            << QByteArray(R"({"listen": {"port": "2525"}})") << "listen.port"
            << "whole number";
        QTest::newRow("fraction") << QByteArray(R"({"policy": {"hold_seconds": 1.5}})")
                                  << "policy.hold_seconds"
                                  << "whole number";
        QTest::newRow("range") << QByteArray(R"({"listen": {"port": 70000}})") << "listen.port"
                               << "between";
        QTest::newRow("enum") << QByteArray(R"({"upstream": {"security": "ssl"}})")
                              << "upstream.security"
                              << "\"starttls\"";
        QTest::newRow("bool") << QByteArray(R"({"listen": {"starttls": "yes"}})")
                              << "listen.starttls"
                              << "true or false";
        QTest::newRow("not loopback")
            << QByteArray(R"({"listen": {"address": "0.0.0.0"}})") << "listen.address"
            << "loopback";
        QTest::newRow("bad domain") << QByteArray(R"({"policy": {"internal_domains": ["a@b.jp"]}})")
                                    << "policy.internal_domains"
                                    << "not a domain";
        QTest::newRow("missing ca")
            << QByteArray(R"({"upstream": {"ca_file": "/nonexistent/ca.pem"}})")
            << "upstream.ca_file"
            << "does not exist";
        QTest::newRow("encryption required while off")
            << QByteArray(R"({"encryption": {"required_for": "external"}})")
            << "encryption.required_for"
            << "encryption.mode";
        QTest::newRow("smime without a folder")
            << QByteArray(R"({"encryption": {"mode": "message", "method": "smime"}})")
            << "encryption.smime_certificates"
            << "folder";
        QTest::newRow("cipher") << QByteArray(R"({"encryption": {"cipher": "des-cbc"}})")
                                << "encryption.cipher"
                                << "aes-256-cbc";
        QTest::newRow("password in clear")
            << QByteArray(R"({"upstream": {"host": "h", "security": "none", "username": "u"}})")
            << "upstream.username"
            << "without TLS";
    }

    void reportsEachProblemWithFileAndKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, key);
        QFETCH(QString, reasonPart);
        ConfigLoader loader;
        QVERIFY(!loader.parse(json, QStringLiteral("/etc/x.json")));
        QCOMPARE(loader.problems().size(), 1);
        const ConfigProblem p = loader.problems().first();
        QCOMPARE(p.file, QStringLiteral("/etc/x.json"));
        QCOMPARE(p.key, key);
        QVERIFY2(p.reason.contains(reasonPart), qPrintable(p.reason));
        QVERIFY(p.toString().startsWith(QStringLiteral("/etc/x.json: ") + key));
    }

    void readsEncryption()
    {
        ConfigLoader loader;
        QVERIFY(loader.parse("{}", QStringLiteral("c.json")));
        QCOMPARE(loader.config().encryption.mode, EncryptionMode::Off);
        QCOMPARE(loader.config().encryption.method, EncryptionMethod::Auto);
        QCOMPARE(loader.config().encryption.cipher, QStringLiteral("aes-256-cbc"));
        QVERIFY(loader.parse(R"({"encryption": {"mode": "attachments", "method": "pgp",
                                  "required_for": "all", "smime_certificates": "/c",
                                  "gnupg_home": "/g", "cipher": "aes-128-cbc",
                                  "allow_unencrypted_override": true}})",
                             QStringLiteral("c.json")));
        const EncryptionConfig& e = loader.config().encryption;
        QCOMPARE(e.mode, EncryptionMode::Attachments);
        QCOMPARE(e.method, EncryptionMethod::OpenPgp);
        QCOMPARE(e.requiredFor, EncryptionRequired::All);
        QCOMPARE(e.smimeCertificates, QStringLiteral("/c"));
        QCOMPARE(e.gnupgHome, QStringLiteral("/g"));
        QCOMPARE(e.cipher, QStringLiteral("aes-128-cbc"));
        QVERIFY(e.allowUnencryptedOverride);
    }

    void reportsAllProblemsAtOnce()
    {
        ConfigLoader loader;
        QVERIFY(
            !loader.parse(R"({"listen": {"port": "x", "nope": 1}, "policy": {"hold_seconds": -1}})",
                          QStringLiteral("c.json")));
        QCOMPARE(loader.problems().size(), 3);
    }

    void malformedJsonGivesLineAndColumn()
    {
        ConfigLoader loader;
        QVERIFY(!loader.parse("{\n  \"listen\": {\"port\": 25,}\n}", QStringLiteral("c.json")));
        QCOMPARE(loader.problems().size(), 1);
        QVERIFY2(loader.problems().first().reason.contains(QStringLiteral("line 2")),
                 qPrintable(loader.problems().first().reason));
    }

    void topLevelMustBeObject()
    {
        ConfigLoader loader;
        QVERIFY(!loader.parse("[1, 2]", QStringLiteral("c.json")));
    }

    void missingFile()
    {
        QTemporaryDir dir;
        ConfigLoader loader;
        const QString path = dir.filePath(QStringLiteral("none.json"));
        QVERIFY(loader.load(path, /*missingIsDefault=*/true));
        QVERIFY(!loader.load(path, /*missingIsDefault=*/false));
        QVERIFY(loader.problems().first().reason.contains(QStringLiteral("does not exist")));
    }
};

QTEST_GUILESS_MAIN(TestConfigLoader)
#include "TestConfigLoader.moc"
