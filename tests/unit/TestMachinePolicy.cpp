// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfigLoader.h"
#include "MachinePolicy.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace sendguard;

// The organisation's policy over the user's configuration: key by key, locked, checked on its
// own.
class TestMachinePolicy : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(content);
        return path;
    }

private Q_SLOTS:
    void policyKeysWinAndAreLocked()
    {
        const QString policy = write(QStringLiteral("policy.json"),
                                     R"({"policy": {"hold_seconds": 300,
                                                    "internal_domains": ["example.co.jp"]},
                                         "upstream": {"host": "smtp.example.co.jp"}})");
        const QString user = write(QStringLiteral("user.json"),
                                   R"({"policy": {"hold_seconds": 0, "mass_threshold": 5},
                                       "listen": {"port": 2526}})");
        ConfigLoader loader;
        loader.setMachinePolicy(MachinePolicy::readFile(policy));
        QVERIFY2(loader.load(user, false), qPrintable(loader.problems().value(0).toString()));
        const Config& c = loader.config();
        QCOMPARE(c.policy.holdSeconds, 300); // the user's 0 does not count
        QCOMPARE(c.policy.massThreshold, 5); // not in the policy: the user's
        QCOMPARE(c.listen.port, quint16(2526));
        QCOMPARE(c.upstream.host, QStringLiteral("smtp.example.co.jp"));
        QCOMPARE(c.policy.internalDomains, QStringList{QStringLiteral("example.co.jp")});
        QCOMPARE(c.lockedKeys, (QStringList{QStringLiteral("policy.hold_seconds"),
                                            QStringLiteral("policy.internal_domains"),
                                            QStringLiteral("upstream.host")}));
        QVERIFY(c.isLocked(QStringLiteral("policy.hold_seconds")));
        QVERIFY(!c.isLocked(QStringLiteral("policy.mass_threshold")));
        QCOMPARE(c.lockedBy, policy);
    }

    void appliesWithoutAUserFile()
    {
        ConfigLoader loader;
        loader.setMachinePolicy(MachinePolicy::readFile(
            write(QStringLiteral("p2.json"), R"({"policy": {"confirm": "always"}})")));
        QVERIFY(loader.load(m_dir.filePath(QStringLiteral("missing.json")), true));
        QCOMPARE(loader.config().policy.confirm, ConfirmWhen::Always);
        QCOMPARE(loader.config().lockedKeys, QStringList{QStringLiteral("policy.confirm")});
    }

    void noPolicyLocksNothing()
    {
        ConfigLoader loader;
        loader.setMachinePolicy(
            MachinePolicy::readFile(m_dir.filePath(QStringLiteral("no-policy.json"))));
        QVERIFY(loader.parse(R"({"policy": {"hold_seconds": 5}})", QStringLiteral("user.json")));
        QCOMPARE(loader.config().policy.holdSeconds, 5);
        QVERIFY(loader.config().lockedKeys.isEmpty());
    }

    void invalidPolicyIsReportedAgainstItsFile()
    {
        const QString policy =
            write(QStringLiteral("bad.json"), R"({"policy": {"hold_seconds": "soon"}})");
        ConfigLoader loader;
        loader.setMachinePolicy(MachinePolicy::readFile(policy));
        QVERIFY(!loader.parse("{}", QStringLiteral("user.json")));
        QCOMPARE(loader.problems().size(), 1);
        QCOMPARE(loader.problems().first().file, policy);
        QCOMPARE(loader.problems().first().key, QStringLiteral("policy.hold_seconds"));

        const QString broken = write(QStringLiteral("broken.json"), "{ not json");
        loader.setMachinePolicy(MachinePolicy::readFile(broken));
        QVERIFY(!loader.parse("{}", QStringLiteral("user.json")));
        QCOMPARE(loader.problems().first().file, broken);
    }

    void systemPolicyPathCanBeChangedForTests()
    {
        const QString policy =
            write(QStringLiteral("env.json"), R"({"policy": {"bcc_rewrite": "all-when-mass"}})");
        qputenv("SENDGUARD_POLICY_FILE", policy.toLocal8Bit());
        const MachinePolicy p = MachinePolicy::readSystem();
        qunsetenv("SENDGUARD_POLICY_FILE");
        QCOMPARE(p.source, policy);
        QCOMPARE(p.settings.value(QStringLiteral("policy"))
                     .toObject()
                     .value(QStringLiteral("bcc_rewrite"))
                     .toString(),
                 QStringLiteral("all-when-mass"));
    }

    // Registry values and managed preferences come as flat "section.key" names with strings
    // and numbers.
    void flatValuesBecomeConfigValues()
    {
        QVariantMap flat;
        flat.insert(QStringLiteral("policy.internal_domains"),
                    QStringLiteral("example.co.jp; sales.example.co.jp"));
        flat.insert(QStringLiteral("policy.hold_seconds"), 120);
        flat.insert(QStringLiteral("upstream.port"), QStringLiteral("465"));
        flat.insert(QStringLiteral("upstream.host"), QStringLiteral("smtp.example.co.jp"));
        flat.insert(QStringLiteral("upstream.verify_certificate"), 1);
        flat.insert(QStringLiteral("policy.trusted_domains"),
                    QStringList{QStringLiteral("a.example"), QStringLiteral("b.example")});
        const QJsonObject s = MachinePolicy::fromFlatValues(flat);
        MachinePolicy policy;
        policy.settings = s;
        policy.source = QStringLiteral("HKLM\\Software\\Policies\\SendGuard");
        ConfigLoader loader;
        loader.setMachinePolicy(policy);
        QVERIFY2(loader.parse("{}", QStringLiteral("user.json")),
                 qPrintable(loader.problems().value(0).toString()));
        const Config& c = loader.config();
        QCOMPARE(c.policy.internalDomains, (QStringList{QStringLiteral("example.co.jp"),
                                                        QStringLiteral("sales.example.co.jp")}));
        QCOMPARE(c.policy.trustedDomains.size(), 2);
        QCOMPARE(c.policy.holdSeconds, 120);
        QCOMPARE(c.upstream.port, quint16(465));
        QVERIFY(c.upstream.verifyCertificate);
        QCOMPARE(c.lockedKeys.size(), 6);
    }
};

QTEST_GUILESS_MAIN(TestMachinePolicy)
#include "TestMachinePolicy.moc"
