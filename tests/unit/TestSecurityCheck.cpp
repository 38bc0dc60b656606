// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecurityCheck.h"
#include "TlsIdentity.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace sendguard;

// `sendguard check`: what the SPF and DMARC records, the configuration and the upstream's TLS
// say, in findings with stable ids and levels. The network parts are in tests/e2e/test_check.py.
class TestSecurityCheck : public QObject
{
    Q_OBJECT

private:
    static QStringList ids(const QList<CheckFinding>& findings)
    {
        QStringList out;
        for (const CheckFinding& f : findings)
            out << f.id;
        return out;
    }

    static CheckLevel levelOf(const QList<CheckFinding>& findings, const QString& id)
    {
        for (const CheckFinding& f : findings) {
            if (f.id == id)
                return f.level;
        }
        return CheckLevel::Ok;
    }

    static TxtLookupResult txt(const QStringList& records)
    {
        TxtLookupResult r;
        r.answered = true;
        r.records = records;
        return r;
    }

    static QSslCertificate certificate()
    {
        static QTemporaryDir dir;
        TlsIdentity identity(dir.path());
        QString error;
        if (!identity.loadOrCreate(&error))
            qWarning() << error;
        return identity.serverConfiguration().localCertificate();
    }

private Q_SLOTS:
    void spf_data()
    {
        QTest::addColumn<QStringList>("records");
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("all");
        const int ok = int(CheckLevel::Ok), info = int(CheckLevel::Info),
                  warning = int(CheckLevel::Warning), problem = int(CheckLevel::Problem);
        QTest::newRow("hard fail") << QStringList{QStringLiteral("v=spf1 ip4:192.0.2.1 -all")}
                                   << QStringLiteral("spf.ok") << ok << QStringLiteral("-all");
        QTest::newRow("soft fail")
            << QStringList{QStringLiteral("v=spf1 include:_spf.example ~all")}
            << QStringLiteral("spf.softfail") << warning << QStringLiteral("~all");
        QTest::newRow("neutral") << QStringList{QStringLiteral("v=spf1 ?all")}
                                 << QStringLiteral("spf.neutral") << warning
                                 << QStringLiteral("?all");
        QTest::newRow("pass all") << QStringList{QStringLiteral("v=spf1 +all")}
                                  << QStringLiteral("spf.pass_all") << problem
                                  << QStringLiteral("+all");
        QTest::newRow("bare all") << QStringList{QStringLiteral("v=spf1 a mx all")}
                                  << QStringLiteral("spf.pass_all") << problem
                                  << QStringLiteral("+all");
        QTest::newRow("upper case") << QStringList{QStringLiteral("V=SPF1 MX -ALL")}
                                    << QStringLiteral("spf.ok") << ok << QStringLiteral("-all");
        QTest::newRow("none") << QStringList{QStringLiteral("google-site-verification=abc")}
                              << QStringLiteral("spf.missing") << warning << QString();
        QTest::newRow("not spf2") << QStringList{QStringLiteral("v=spf10 -all")}
                                  << QStringLiteral("spf.missing") << warning << QString();
        QTest::newRow("two") << QStringList{QStringLiteral("v=spf1 -all"),
                                            QStringLiteral("v=spf1 mx -all")}
                             << QStringLiteral("spf.multiple") << problem << QString();
        QTest::newRow("redirect") << QStringList{QStringLiteral("v=spf1 redirect=_spf.example.net")}
                                  << QStringLiteral("spf.redirect") << info << QString();
        QTest::newRow("no all") << QStringList{QStringLiteral("v=spf1 mx")}
                                << QStringLiteral("spf.no_all") << warning << QString();
    }

    void spf()
    {
        QFETCH(QStringList, records);
        QFETCH(QString, id);
        QFETCH(int, level);
        QFETCH(QString, all);
        QJsonObject json;
        const QList<CheckFinding> f =
            SecurityCheck::spfFindings(QStringLiteral("example.jp"), txt(records), &json);
        QCOMPARE(ids(f), QStringList{id});
        QCOMPARE(int(f.first().level), level);
        QVERIFY(!f.first().message.isEmpty());
        if (f.first().level == CheckLevel::Warning || f.first().level == CheckLevel::Problem)
            QVERIFY(!f.first().advice.isEmpty());
        QCOMPARE(json.value(QStringLiteral("all")).toString(), all);
        QCOMPARE(json.value(QStringLiteral("name")).toString(), QStringLiteral("example.jp"));
    }

    void spfLookupProblems()
    {
        TxtLookupResult failed;
        failed.error = QStringLiteral("Server failure");
        QCOMPARE(ids(SecurityCheck::spfFindings(QStringLiteral("example.jp"), failed, nullptr)),
                 QStringList{QStringLiteral("spf.lookup_failed")});
        TxtLookupResult nx;
        nx.answered = nx.nxdomain = true;
        const QList<CheckFinding> f =
            SecurityCheck::spfFindings(QStringLiteral("nx.example"), nx, nullptr);
        QCOMPARE(ids(f), QStringList{QStringLiteral("spf.missing")});
        QVERIFY(f.first().message.contains(QStringLiteral("does not exist")));
    }

    void dmarc()
    {
        QJsonObject json;
        QList<CheckFinding> f = SecurityCheck::dmarcFindings(
            QStringLiteral("example.jp"),
            txt({QStringLiteral("v=DMARC1; p=reject; rua=mailto:d@example.jp")}), &json);
        QCOMPARE(ids(f), QStringList{QStringLiteral("dmarc.ok")});
        QCOMPARE(json.value(QStringLiteral("policy")).toString(), QStringLiteral("reject"));
        QCOMPARE(json.value(QStringLiteral("name")).toString(),
                 QStringLiteral("_dmarc.example.jp"));
        QCOMPARE(json.value(QStringLiteral("rua")).toArray().first().toString(),
                 QStringLiteral("mailto:d@example.jp"));

        f = SecurityCheck::dmarcFindings(QStringLiteral("example.jp"),
                                         txt({QStringLiteral("v=DMARC1; p=none")}), &json);
        QCOMPARE(ids(f), QStringList({QStringLiteral("dmarc.policy_none"),
                                      QStringLiteral("dmarc.no_reports")}));
        QCOMPARE(levelOf(f, QStringLiteral("dmarc.policy_none")), CheckLevel::Warning);

        f = SecurityCheck::dmarcFindings(
            QStringLiteral("example.jp"),
            txt({QStringLiteral(
                "v=DMARC1;p=quarantine;pct=50;rua=mailto:a@x.example,mailto:b@y.example")}),
            &json);
        QCOMPARE(ids(f), QStringList{QStringLiteral("dmarc.partial")});
        QCOMPARE(json.value(QStringLiteral("pct")).toInt(), 50);
        QCOMPARE(json.value(QStringLiteral("rua")).toArray().size(), 2);

        f = SecurityCheck::dmarcFindings(QStringLiteral("example.jp"),
                                         txt({QStringLiteral("v=DMARC1; rua=mailto:d@example.jp")}),
                                         nullptr);
        QCOMPARE(ids(f), QStringList{QStringLiteral("dmarc.invalid")});
        QCOMPARE(f.first().level, CheckLevel::Problem);

        f = SecurityCheck::dmarcFindings(QStringLiteral("example.jp"), txt({}), nullptr);
        QCOMPARE(ids(f), QStringList{QStringLiteral("dmarc.missing")});
        QVERIFY(f.first().advice.contains(QStringLiteral("_dmarc.example.jp")));

        f = SecurityCheck::dmarcFindings(
            QStringLiteral("example.jp"),
            txt({QStringLiteral("v=DMARC1; p=reject"), QStringLiteral("v=DMARC1; p=none")}),
            nullptr);
        QCOMPARE(ids(f), QStringList{QStringLiteral("dmarc.multiple")});
    }

    void configuration()
    {
        Config c; // the defaults: demo upstream, login required, STARTTLS on
        QJsonObject flags;
        QList<CheckFinding> f = SecurityCheck::configFindings(c, &flags);
        QCOMPARE(ids(f), QStringList({QStringLiteral("config.demo_upstream"),
                                      QStringLiteral("config.no_plaintext")}));
        for (const QString& key : flags.keys())
            QCOMPARE(flags.value(key).toBool(), false);

        c.upstream.host = QStringLiteral("smtp.example.jp");
        c.upstream.security = UpstreamSecurity::None;
        c.listen.authRequired = false;
        c.listen.starttls = false;
        f = SecurityCheck::configFindings(c, &flags);
        QCOMPARE(ids(f), QStringList({QStringLiteral("config.upstream_plaintext"),
                                      QStringLiteral("config.listen_auth_none"),
                                      QStringLiteral("config.listen_plaintext")}));
        QCOMPARE(levelOf(f, QStringLiteral("config.upstream_plaintext")), CheckLevel::Problem);
        QCOMPARE(flags.value(QStringLiteral("upstream_security_none")).toBool(), true);
        QCOMPARE(flags.value(QStringLiteral("listen_auth_none")).toBool(), true);
        QCOMPARE(flags.value(QStringLiteral("listen_starttls_off")).toBool(), true);

        c = Config();
        c.upstream.host = QStringLiteral("smtp.example.jp");
        c.upstream.verifyCertificate = false;
        f = SecurityCheck::configFindings(c, &flags);
        QCOMPARE(ids(f), QStringList{QStringLiteral("config.certificate_not_verified")});
        QCOMPARE(flags.value(QStringLiteral("verify_certificate_off")).toBool(), true);
    }

    void senderDomain()
    {
        Config c;
        QCOMPARE(SecurityCheck::senderDomainFor(c, {}), QString());
        c.policy.internalDomains = {QStringLiteral("example.co.jp")};
        QCOMPARE(SecurityCheck::senderDomainFor(c, {}), QStringLiteral("example.co.jp"));
        c.upstream.username = QStringLiteral("Taro@Mail.Example.JP");
        QCOMPARE(SecurityCheck::senderDomainFor(c, {}), QStringLiteral("mail.example.jp"));
        QCOMPARE(SecurityCheck::senderDomainFor(c, QStringLiteral("Other.example.")),
                 QStringLiteral("other.example"));
    }

    void upstream()
    {
        UpstreamConfig u;
        u.host = QStringLiteral("smtp.example.jp");
        u.port = 587;
        QJsonObject json;

        UpstreamProbeResult p;
        p.error = QStringLiteral("Connection refused");
        QList<CheckFinding> f = SecurityCheck::upstreamFindings(u, p, &json);
        QCOMPARE(ids(f), QStringList{QStringLiteral("upstream.unreachable")});
        QCOMPARE(json.value(QStringLiteral("connected")).toBool(), false);

        p = {};
        p.connected = p.ehloOk = true;
        f = SecurityCheck::upstreamFindings(u, p, &json);
        QCOMPARE(ids(f), QStringList{QStringLiteral("upstream.no_starttls")});
        QCOMPARE(f.first().level, CheckLevel::Problem);
        QCOMPARE(json.value(QStringLiteral("starttls_offered")).toBool(true), false);

        const QSslCertificate cert = certificate();
        QVERIFY(!cert.isNull());
        p.starttlsOffered = p.tls = true;
        p.tlsVersion = QStringLiteral("TLSv1.3");
        p.cipher = QStringLiteral("TLS_AES_256_GCM_SHA384");
        p.chain = {cert};
        f = SecurityCheck::upstreamFindings(u, p, &json);
        QCOMPARE(ids(f), QStringList({QStringLiteral("upstream.tls"),
                                      QStringLiteral("upstream.certificate")}));
        const QJsonObject c = json.value(QStringLiteral("certificate")).toObject();
        QCOMPARE(c.value(QStringLiteral("chain_valid")).toBool(), true);
        QCOMPARE(c.value(QStringLiteral("host_name_match")).toBool(), true);
        QCOMPARE(c.value(QStringLiteral("expired")).toBool(), false);
        QVERIFY(c.value(QStringLiteral("days_left")).toInt() > 14);
        QCOMPARE(json.value(QStringLiteral("tls_version")).toString(), QStringLiteral("TLSv1.3"));

        p.sslErrors = {QSslError(QSslError::SelfSignedCertificate, cert),
                       QSslError(QSslError::HostNameMismatch, cert)};
        f = SecurityCheck::upstreamFindings(u, p, &json);
        QCOMPARE(ids(f), QStringList({QStringLiteral("upstream.tls"),
                                      QStringLiteral("upstream.certificate_untrusted"),
                                      QStringLiteral("upstream.certificate_name_mismatch")}));
        QVERIFY(f.at(1).message.contains(QStringLiteral("refuses")));
        u.verifyCertificate = false;
        f = SecurityCheck::upstreamFindings(u, p, &json);
        QVERIFY(f.at(1).message.contains(QStringLiteral("verify_certificate is false")));

        p.sslErrors = {QSslError(QSslError::CertificateExpired, cert)};
        f = SecurityCheck::upstreamFindings(u, p, &json);
        QCOMPARE(ids(f), QStringList({QStringLiteral("upstream.tls"),
                                      QStringLiteral("upstream.certificate_expired")}));
        QCOMPARE(json.value(QStringLiteral("certificate"))
                     .toObject()
                     .value(QStringLiteral("expired"))
                     .toBool(),
                 true);

        p = {};
        p.connected = p.ehloOk = p.starttlsOffered = p.handshakeFailed = true;
        p.tlsError = QStringLiteral("unsupported protocol");
        p.error = QStringLiteral("the TLS handshake failed");
        f = SecurityCheck::upstreamFindings(u, p, &json);
        QCOMPARE(ids(f), QStringList{QStringLiteral("upstream.tls_failed")});
    }

    void wholeReportWithoutNetwork()
    {
        Config c; // the demo upstream and no sender domain: nothing to look up
        const QJsonObject report = SecurityCheck::run(c, {});
        QCOMPARE(report.value(QStringLiteral("result")).toString(), QStringLiteral("ok"));
        QCOMPARE(SecurityCheck::exitCode(report), 0);
        QCOMPARE(report.value(QStringLiteral("sender_domain")).type(), QJsonValue::Null);
        QCOMPARE(report.value(QStringLiteral("upstream"))
                     .toObject()
                     .value(QStringLiteral("checked"))
                     .toBool(),
                 false);
        QStringList found;
        for (const QJsonValue& v : report.value(QStringLiteral("findings")).toArray())
            found << v.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(found.contains(QStringLiteral("sender_domain.unknown")));
        const QString text = SecurityCheck::toText(report);
        QVERIFY(text.contains(QStringLiteral("[NOTE]")));

        c.listen.authRequired = false;
        const QJsonObject warned = SecurityCheck::run(c, {});
        QCOMPARE(warned.value(QStringLiteral("result")).toString(), QStringLiteral("warnings"));
        QCOMPARE(SecurityCheck::exitCode(warned), 1);
    }
};

QTEST_GUILESS_MAIN(TestSecurityCheck)
#include "TestSecurityCheck.moc"
