// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfigLoader.h"
#include "CredentialStore.h"
#include "FirstRunDialog.h"
#include "SettingsWindow.h"
#include "SmtpServer.h"
#include "TlsIdentity.h"
#include "UpstreamTester.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace sendguard;

namespace {

const QString LocalPassword = QStringLiteral("correct-horse-battery");

QByteArray readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QJsonObject readJson(const QString& path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

void writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        qFatal("cannot write %s", qPrintable(path));
}

template <typename T> T* editorOf(SettingsWindow& w, const char* key)
{
    auto* e = qobject_cast<T*>(w.editor(QLatin1String(key)));
    if (!e)
        qFatal("no editor of the expected type for %s", key);
    return e;
}

void selectData(QComboBox* combo, const QString& value)
{
    const int index = combo->findData(value);
    QVERIFY2(index >= 0, qPrintable(value));
    combo->setCurrentIndex(index);
}

// SendGuard's own SMTP server on loopback: STARTTLS with a fresh self-signed TlsIdentity and
// AUTH against LocalCredentials, as Guard::start sets it up (no intake: nothing is sent).
struct LocalServer
{
    std::unique_ptr<TlsIdentity> identity;
    std::unique_ptr<LocalCredentials> credentials;
    std::unique_ptr<SmtpServer> server;
    QString certificatePath;
    quint16 port = 0;

    bool start(const QString& tlsDir, const QString& address, QString* error)
    {
        identity = std::make_unique<TlsIdentity>(tlsDir);
        if (!identity->loadOrCreate(error))
            return false;
        certificatePath = identity->certificatePath();
        credentials = std::make_unique<LocalCredentials>(LocalPassword);
        SessionContext context;
        context.limits.address = address;
        context.limits.port = 0;
        context.hostName = QStringLiteral("localhost");
        context.tls = identity->serverConfiguration();
        context.authenticator = credentials.get();
        server = std::make_unique<SmtpServer>(context);
        if (!server->start(error))
            return false;
        port = server->serverPort();
        return true;
    }
};

} // namespace

class TestSettingsWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_config;
    QString m_data;

    MachinePolicy policy(const QJsonObject& settings) const
    {
        MachinePolicy p;
        p.settings = settings;
        p.source = m_dir->filePath(QStringLiteral("policy.json"));
        return p;
    }

    std::unique_ptr<SettingsWindow> window(const MachinePolicy& p = {})
    {
        auto w = std::make_unique<SettingsWindow>(m_config, m_data, p);
        w->setRestartHandler([] { qFatal("unexpected restart"); });
        w->setTestTimeouts(5000, 5000);
        // The keychain is read once the event loop runs; wait for it (bounded).
        QElapsedTimer timer;
        timer.start();
        while (!w->secretsLoaded() && timer.elapsed() < 30000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (!w->secretsLoaded())
            qFatal("the settings window did not finish reading the keychain");
        return w;
    }

    // Runs the tester to its end; the result, or an empty one after the bound.
    static UpstreamTestResult runTest(const UpstreamTestRequest& request,
                                      qint64* elapsedMs = nullptr)
    {
        UpstreamTester tester;
        QSignalSpy spy(&tester, &UpstreamTester::finished);
        QElapsedTimer timer;
        timer.start();
        tester.start(request);
        if (!spy.wait(20000))
            return {};
        if (elapsedMs)
            *elapsedMs = timer.elapsed();
        return spy.first().first().value<UpstreamTestResult>();
    }

    static UpstreamTestRequest request(quint16 port, const QString& caFile = {},
                                       const QString& password = LocalPassword)
    {
        UpstreamTestRequest r;
        r.server.host = QStringLiteral("127.0.0.1");
        r.server.port = port;
        r.server.security = UpstreamSecurity::StartTls;
        r.server.caFile = caFile;
        r.server.username = CredentialStore::localUserName();
        r.password = password;
        r.connectTimeoutMs = 5000;
        r.commandTimeoutMs = 5000;
        return r;
    }

    static QString report(const UpstreamTestResult& r)
    {
        return r.sentences.join(QLatin1Char('\n'));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_config = m_dir->filePath(QStringLiteral("config/config.json"));
        m_data = m_dir->filePath(QStringLiteral("data"));
    }

    void cleanup() { m_dir.reset(); }

    // Keys the organisation sets are shown read-only with the lock, and never written.
    void lockedKeysAreReadOnlyAndNotWritten()
    {
        QVERIFY(QDir().mkpath(QFileInfo(m_config).absolutePath()));
        writeFile(m_config,
                  R"({"policy": {"mass_threshold": 20, "blocked_domains": ["bad.example"]}})");
        const MachinePolicy p = policy(
            {{QStringLiteral("policy"), QJsonObject{{QStringLiteral("hold_seconds"), 300},
                                                    {QStringLiteral("blocked_domains"),
                                                     QJsonArray{QStringLiteral("evil.example")}}}},
             {QStringLiteral("upstream"),
              QJsonObject{{QStringLiteral("host"), QStringLiteral("smtp.corp.example")}}}});
        auto w = window(p);

        QVERIFY(w->isLocked(QStringLiteral("policy.hold_seconds")));
        QVERIFY(w->isLocked(QStringLiteral("upstream.host")));
        QVERIFY(!w->isLocked(QStringLiteral("policy.mass_threshold")));
        auto* hold = editorOf<QSpinBox>(*w, "policy.hold_seconds");
        QVERIFY(hold->isReadOnly());
        QCOMPARE(hold->value(), 300);
        auto* host = editorOf<QLineEdit>(*w, "upstream.host");
        QVERIFY(host->isReadOnly());
        QCOMPARE(host->text(), QStringLiteral("smtp.corp.example"));
        auto* blocked = editorOf<QPlainTextEdit>(*w, "policy.blocked_domains");
        QVERIFY(blocked->isReadOnly());
        QCOMPARE(blocked->toPlainText(), QStringLiteral("evil.example"));
        QLabel* lock = w->lockLabel(QStringLiteral("policy.hold_seconds"));
        QVERIFY(!lock->isHidden()); // (its page may not be the current one)
        QVERIFY(lock->text().contains(QStringLiteral("Managed by your organisation")));
        QVERIFY(lock->toolTip().contains(p.source));
        QVERIFY(w->lockLabel(QStringLiteral("policy.mass_threshold"))->isHidden());
        auto* mass = editorOf<QSpinBox>(*w, "policy.mass_threshold");
        QVERIFY(!mass->isReadOnly());
        QCOMPARE(mass->value(), 20);

        // Even if the value of a locked editor changes somehow, it is not written.
        hold->setValue(5);
        host->setText(QStringLiteral("smtp.elsewhere.example"));
        mass->setValue(30);
        QVERIFY2(w->save(), qPrintable(w->messageLabel()->text()));
        const QJsonObject saved = readJson(m_config);
        const QJsonObject savedPolicy = saved.value(QStringLiteral("policy")).toObject();
        QCOMPARE(savedPolicy.value(QStringLiteral("mass_threshold")).toInt(), 30);
        QVERIFY(!savedPolicy.contains(QStringLiteral("hold_seconds")));
        QVERIFY(!saved.contains(QStringLiteral("upstream")));
        // The user's own value of a key the organisation now sets stays as it was.
        QCOMPARE(savedPolicy.value(QStringLiteral("blocked_domains")).toArray(),
                 QJsonArray{QStringLiteral("bad.example")});

        ConfigLoader loader;
        loader.setMachinePolicy(p);
        QVERIFY(loader.load(m_config, false));
        QCOMPARE(loader.config().policy.holdSeconds, 300);
        QCOMPARE(loader.config().policy.massThreshold, 30);
        QCOMPARE(loader.config().upstream.host, QStringLiteral("smtp.corp.example"));
        QVERIFY(loader.config().lockedKeys.contains(QStringLiteral("policy.hold_seconds")));
    }

    // A value out of range or a bad domain: refused, the problem shown at the field, the file
    // untouched.
    void invalidValuesAreRefused()
    {
        QVERIFY(QDir().mkpath(QFileInfo(m_config).absolutePath()));
        const QByteArray original = R"({"policy": {"hold_seconds": 30}})";
        writeFile(m_config, original);
        auto w = window();
        QCOMPARE(editorOf<QSpinBox>(*w, "policy.hold_seconds")->value(), 30);

        editorOf<QSpinBox>(*w, "policy.hold_seconds")->setValue(100000);
        editorOf<QPlainTextEdit>(*w, "policy.internal_domains")
            ->setPlainText(QStringLiteral("example.co.jp\nexa mple.com"));
        // Encryption required while it is off.
        selectData(editorOf<QComboBox>(*w, "encryption.required_for"), QStringLiteral("external"));
        QVERIFY(!w->save());
        QVERIFY(!w->problemLabel(QStringLiteral("encryption.required_for"))->isHidden());
        QLabel* holdProblem = w->problemLabel(QStringLiteral("policy.hold_seconds"));
        QVERIFY(!holdProblem->isHidden());
        QVERIFY2(holdProblem->text().contains(QStringLiteral("86400")),
                 qPrintable(holdProblem->text()));
        QLabel* domainProblem = w->problemLabel(QStringLiteral("policy.internal_domains"));
        QVERIFY(!domainProblem->isHidden());
        QVERIFY2(domainProblem->text().contains(QStringLiteral("exa mple.com")),
                 qPrintable(domainProblem->text()));
        QVERIFY(!w->messageLabel()->isHidden());
        QVERIFY(w->messageLabel()->text().contains(QStringLiteral("policy.hold_seconds")));
        QVERIFY(w->restartButton()->isHidden());
        QCOMPARE(readAll(m_config), original);

        // A password without encryption is refused too, at the user name.
        selectData(editorOf<QComboBox>(*w, "encryption.required_for"), QStringLiteral("none"));
        editorOf<QSpinBox>(*w, "policy.hold_seconds")->setValue(60);
        editorOf<QPlainTextEdit>(*w, "policy.internal_domains")
            ->setPlainText(QStringLiteral("example.co.jp"));
        editorOf<QLineEdit>(*w, "upstream.host")->setText(QStringLiteral("smtp.example.co.jp"));
        selectData(editorOf<QComboBox>(*w, "upstream.security"), QStringLiteral("none"));
        editorOf<QLineEdit>(*w, "upstream.username")->setText(QStringLiteral("taro"));
        QVERIFY(!w->save());
        QVERIFY(w->problemLabel(QStringLiteral("policy.hold_seconds"))->isHidden());
        QVERIFY(!w->problemLabel(QStringLiteral("upstream.username"))->isHidden());
        QCOMPARE(readAll(m_config), original);

        // Fixed: saved.
        selectData(editorOf<QComboBox>(*w, "upstream.security"), QStringLiteral("starttls"));
        QVERIFY2(w->save(), qPrintable(w->messageLabel()->text()));
        QVERIFY(w->problemLabel(QStringLiteral("upstream.username"))->isHidden());
        QVERIFY(readAll(m_config) != original);
    }

    // A valid change is written (to a file that did not exist yet) and reads back.
    void validChangeIsSavedAndReadsBack()
    {
        QVERIFY(!QFile::exists(m_config));
        auto w = window();
        editorOf<QLineEdit>(*w, "upstream.host")->setText(QStringLiteral("smtp.example.co.jp"));
        editorOf<QSpinBox>(*w, "upstream.port")->setValue(465);
        selectData(editorOf<QComboBox>(*w, "upstream.security"), QStringLiteral("tls"));
        editorOf<QLineEdit>(*w, "upstream.username")->setText(QStringLiteral("taro"));
        editorOf<QSpinBox>(*w, "listen.port")->setValue(2600);
        editorOf<QPlainTextEdit>(*w, "policy.internal_domains")
            ->setPlainText(QString::fromUtf8("example.co.jp\n\n  例え.jp  \n"));
        editorOf<QPlainTextEdit>(*w, "policy.trusted_domains")
            ->setPlainText(QStringLiteral("partner.example"));
        editorOf<QSpinBox>(*w, "policy.hold_seconds")->setValue(120);
        editorOf<QSpinBox>(*w, "policy.mass_threshold")->setValue(5);
        editorOf<QSpinBox>(*w, "policy.confirm_timeout_seconds")->setValue(90);
        selectData(editorOf<QComboBox>(*w, "policy.confirm_timeout_action"),
                   QStringLiteral("tempfail"));
        selectData(editorOf<QComboBox>(*w, "policy.bcc_rewrite"), QStringLiteral("off"));
        selectData(editorOf<QComboBox>(*w, "policy.confirm"), QStringLiteral("always"));
        selectData(editorOf<QComboBox>(*w, "encryption.mode"), QStringLiteral("attachments"));
        selectData(editorOf<QComboBox>(*w, "encryption.method"), QStringLiteral("smime"));
        editorOf<QLineEdit>(*w, "encryption.smime_certificates")->setText(m_dir->path());
        QSignalSpy saved(w.get(), &SettingsWindow::saved);
        QVERIFY2(w->save(), qPrintable(w->messageLabel()->text()));
        QCOMPARE(saved.size(), 1);
        QVERIFY(!w->restartButton()->isHidden());
        QVERIFY(w->messageLabel()->text().contains(QStringLiteral("restart")));

        ConfigLoader loader;
        QVERIFY2(loader.load(m_config, false),
                 qPrintable(loader.problems().isEmpty() ? QString()
                                                        : loader.problems().first().toString()));
        const Config& c = loader.config();
        QCOMPARE(c.upstream.host, QStringLiteral("smtp.example.co.jp"));
        QCOMPARE(c.upstream.port, quint16(465));
        QCOMPARE(c.upstream.security, UpstreamSecurity::ImplicitTls);
        QCOMPARE(c.upstream.username, QStringLiteral("taro"));
        QCOMPARE(c.listen.port, quint16(2600));
        QCOMPARE(c.policy.internalDomains,
                 QStringList({QStringLiteral("example.co.jp"), QStringLiteral("xn--r8jz45g.jp")}));
        QCOMPARE(c.policy.trustedDomains, QStringList{QStringLiteral("partner.example")});
        QCOMPARE(c.policy.holdSeconds, 120);
        QCOMPARE(c.policy.massThreshold, 5);
        QCOMPARE(c.policy.confirmTimeoutSeconds, 90);
        QCOMPARE(c.policy.confirmTimeoutAction, ConfirmTimeoutAction::TempFail);
        QCOMPARE(c.policy.bccRewrite, BccRewrite::Off);
        QCOMPARE(c.policy.confirm, ConfirmWhen::Always);
        QCOMPARE(c.encryption.mode, EncryptionMode::Attachments);
        QCOMPARE(c.encryption.method, EncryptionMethod::Smime);
        QCOMPARE(c.encryption.smimeCertificates, m_dir->path());
        // Keys left at their built-in values are not written.
        const QJsonObject json = readJson(m_config);
        QVERIFY(!json.value(QStringLiteral("upstream"))
                     .toObject()
                     .contains(QStringLiteral("verify_certificate")));
        QVERIFY(!json.value(QStringLiteral("policy"))
                     .toObject()
                     .contains(QStringLiteral("blocked_domains")));

        // Restart now: the handler runs.
        bool restarted = false;
        w->setRestartHandler([&] { restarted = true; });
        QTest::mouseClick(w->restartButton(), Qt::LeftButton);
        QVERIFY(restarted);

        // Opened again, the window shows what was saved.
        auto again = window();
        QCOMPARE(editorOf<QLineEdit>(*again, "upstream.host")->text(),
                 QStringLiteral("smtp.example.co.jp"));
        QCOMPARE(editorOf<QPlainTextEdit>(*again, "policy.internal_domains")->toPlainText(),
                 QString::fromUtf8("example.co.jp\n例え.jp"));
        QVERIFY(again->messageLabel()->isHidden());
    }

    // A file changed by another program meanwhile is not overwritten.
    void concurrentChangeIsNotOverwritten()
    {
        QVERIFY(QDir().mkpath(QFileInfo(m_config).absolutePath()));
        writeFile(m_config, R"({"policy": {"hold_seconds": 30}})");
        auto w = window();
        writeFile(m_config, R"({"policy": {"hold_seconds": 45}})");
        editorOf<QSpinBox>(*w, "policy.mass_threshold")->setValue(3);
        QVERIFY(!w->save());
        QCOMPARE(readAll(m_config), QByteArray(R"({"policy": {"hold_seconds": 45}})"));
    }

    // The upstream password goes to the keychain, never to the file; the local credentials are
    // shown, the password hidden until "Show".
    void passwordsLiveInTheKeychain()
    {
        CredentialStore store(m_data);
        QString error;
        if (!store.write(CredentialStore::Secret::LocalPassword, LocalPassword, &error))
            QSKIP(qPrintable(QStringLiteral("no Secret Service is reachable (%1); scripts/test.sh "
                                            "runs this test with gnome-keyring")
                                 .arg(error)));
        auto w = window();
        QCOMPARE(w->localUserEdit()->text(), QStringLiteral("sendguard"));
        QCOMPARE(w->localPasswordEdit()->text(), LocalPassword);
        QCOMPARE(w->localPasswordEdit()->echoMode(), QLineEdit::Password);
        QTest::mouseClick(w->showLocalPasswordButton(), Qt::LeftButton);
        QCOMPARE(w->localPasswordEdit()->echoMode(), QLineEdit::Normal);

        const QString secret = QStringLiteral("Upstream-S3cret-pw#1");
        editorOf<QLineEdit>(*w, "upstream.host")->setText(QStringLiteral("smtp.example.co.jp"));
        editorOf<QLineEdit>(*w, "upstream.username")->setText(QStringLiteral("taro"));
        QTest::keyClicks(w->upstreamPasswordEdit(), secret);
        QVERIFY2(w->save(), qPrintable(w->messageLabel()->text()));
        const QByteArray file = readAll(m_config);
        QVERIFY(file.contains("taro"));
        QVERIFY(!file.contains(secret.toUtf8()));
        QVERIFY(!file.contains("Upstream-S3cret"));
        QVERIFY(w->upstreamPasswordEdit()->text().isEmpty());

        QString stored;
        bool found = false;
        QVERIFY(store.read(CredentialStore::Secret::UpstreamPassword, &stored, &found, &error));
        QVERIFY(found);
        QCOMPARE(stored, secret);

        // Only the password changed: still saved (to the keychain), the file unchanged.
        QTest::keyClicks(w->upstreamPasswordEdit(), QStringLiteral("second"));
        QVERIFY(w->save());
        QCOMPARE(readAll(m_config), file);
        QVERIFY(store.read(CredentialStore::Secret::UpstreamPassword, &stored, &found, &error));
        QCOMPARE(stored, QStringLiteral("second"));
    }

    // The connection test against SendGuard's own server: TLS version, a self-signed certificate
    // not trusted unless it is given as CA file, the host name, the login.
    void testAgainstRealServer()
    {
        LocalServer local;
        QString error;
        QVERIFY2(local.start(m_dir->filePath(QStringLiteral("tls")), QStringLiteral("127.0.0.1"),
                             &error),
                 qPrintable(error));

        // Self-signed and no CA file: encrypted, but not trusted, so no password is sent.
        UpstreamTestResult r = runTest(request(local.port));
        QVERIFY2(r.connected && r.greeted, qPrintable(report(r)));
        QVERIFY(r.encrypted);
        QVERIFY2(r.tlsVersion.startsWith(QStringLiteral("TLS 1.")), qPrintable(r.tlsVersion));
        QVERIFY(!r.certificateTrusted);
        QVERIFY(r.certificateErrors.contains(QSslError::SelfSignedCertificate));
        QVERIFY2(r.hostNameMatches, qPrintable(report(r)));
        QVERIFY(r.certificateExpiry > QDateTime::currentDateTimeUtc().addYears(5));
        QCOMPARE(r.login, UpstreamTestResult::Login::NotTried);
        QVERIFY(r.authMechanisms.contains(QStringLiteral("PLAIN")));
        QVERIFY(!r.ok);
        QVERIFY(report(r).contains(QStringLiteral("NOT trusted")));
        QVERIFY(report(r).contains(QStringLiteral("password was not sent")));

        // Its certificate as CA file: trusted, host name matches, login works.
        r = runTest(request(local.port, local.certificatePath));
        QVERIFY2(r.certificateTrusted, qPrintable(report(r)));
        QVERIFY(r.hostNameMatches);
        QCOMPARE(r.login, UpstreamTestResult::Login::Succeeded);
        QVERIFY2(r.ok, qPrintable(report(r)));
        QVERIFY(r.error.isEmpty());
        QVERIFY(report(r).contains(QStringLiteral("valid until")));
        QVERIFY(report(r).contains(QStringLiteral("Logged in as sendguard")));

        // A wrong password: refused, in the server's words.
        r = runTest(request(local.port, local.certificatePath, QStringLiteral("wrong")));
        QCOMPARE(r.login, UpstreamTestResult::Login::Refused);
        QVERIFY2(r.loginReply.startsWith(QStringLiteral("535")), qPrintable(r.loginReply));
        QVERIFY(!r.ok);

        // Certificate checking off: SendGuard would send (and the report says it is unsafe).
        UpstreamTestRequest unchecked = request(local.port);
        unchecked.server.verifyCertificate = false;
        r = runTest(unchecked);
        QVERIFY(!r.certificateTrusted);
        QCOMPARE(r.login, UpstreamTestResult::Login::Succeeded);
        QVERIFY(r.ok);
        QVERIFY(report(r).contains(QStringLiteral("turned off")));

        // Implicit TLS against a STARTTLS port: the handshake fails, plainly reported.
        UpstreamTestRequest implicit = request(local.port, local.certificatePath);
        implicit.server.security = UpstreamSecurity::ImplicitTls;
        r = runTest(implicit);
        QVERIFY(r.connected);
        QVERIFY(!r.encrypted);
        QVERIFY(!r.ok);
        QVERIFY2(!r.error.isEmpty(), qPrintable(report(r)));
    }

    void testReportsHostNameMismatch()
    {
        LocalServer local;
        QString error;
        if (!local.start(m_dir->filePath(QStringLiteral("tls")), QStringLiteral("127.0.0.2"),
                         &error))
            QSKIP(qPrintable(QStringLiteral("cannot listen on 127.0.0.2: %1").arg(error)));
        UpstreamTestRequest r = request(local.port, local.certificatePath);
        r.server.host = QStringLiteral("127.0.0.2"); // the certificate names 127.0.0.1, localhost
        const UpstreamTestResult result = runTest(r);
        QVERIFY2(result.encrypted, qPrintable(report(result)));
        QVERIFY(result.certificateTrusted);
        QVERIFY(!result.hostNameMatches);
        QVERIFY(result.certificateErrors.contains(QSslError::HostNameMismatch));
        QCOMPARE(result.login, UpstreamTestResult::Login::NotTried);
        QVERIFY(!result.ok);
        QVERIFY(report(result).contains(QStringLiteral("does NOT match")));
    }

    void testReportsClosedPort()
    {
        // A port nobody listens on: take one, then let it go.
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        UpstreamTestRequest r = request(port);
        r.connectTimeoutMs = 3000;
        qint64 elapsed = 0;
        const UpstreamTestResult result = runTest(r, &elapsed);
        QVERIFY2(!result.sentences.isEmpty(), "the test did not finish");
        QVERIFY(!result.connected);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.startsWith(QStringLiteral("Cannot connect")),
                 qPrintable(result.error));
        QVERIFY2(elapsed < 4000, qPrintable(QString::number(elapsed)));
    }

    // The window runs the test without blocking and shows the report.
    void windowRunsTheTest()
    {
        LocalServer local;
        QString error;
        QVERIFY2(local.start(m_dir->filePath(QStringLiteral("tls")), QStringLiteral("127.0.0.1"),
                             &error),
                 qPrintable(error));
        auto w = window();
        editorOf<QLineEdit>(*w, "upstream.host")->setText(QStringLiteral("127.0.0.1"));
        editorOf<QSpinBox>(*w, "upstream.port")->setValue(local.port);
        editorOf<QLineEdit>(*w, "upstream.ca_file")->setText(local.certificatePath);
        editorOf<QLineEdit>(*w, "upstream.username")->setText(QStringLiteral("sendguard"));
        QTest::keyClicks(w->upstreamPasswordEdit(), LocalPassword);
        QSignalSpy finished(w.get(), &SettingsWindow::testFinished);
        QTest::mouseClick(w->testButton(), Qt::LeftButton);
        QVERIFY(!w->testButton()->isEnabled()); // running, and the window still answers
        QVERIFY(finished.wait(20000));
        QVERIFY(w->testButton()->isEnabled());
        const QString text = w->testReport()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("TLS 1.")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Logged in as sendguard")), qPrintable(text));
        QVERIFY(finished.first().first().value<UpstreamTestResult>().ok);
    }

    void firstRunPage()
    {
        QVERIFY(FirstRunDialog::isFirstRun(m_config));
        MailSetupInfo info;
        info.port = 2626;
        info.userName = QStringLiteral("sendguard");
        info.password = LocalPassword;
        FirstRunDialog dialog(info, true);
        QCOMPARE(dialog.clients()->count(), 4);
        QCOMPARE(dialog.passwordEdit()->echoMode(), QLineEdit::Password);
        QCOMPARE(dialog.passwordEdit()->text(), LocalPassword);
        auto* show = dialog.findChild<QPushButton*>(QStringLiteral("showPassword"));
        QVERIFY(show);
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(dialog.passwordEdit()->echoMode(), QLineEdit::Normal);
        for (const QStringList& steps :
             {FirstRunDialog::thunderbirdSteps(info), FirstRunDialog::outlookSteps(info),
              FirstRunDialog::appleMailSteps(info), FirstRunDialog::beckySteps(info)}) {
            const QString all = steps.join(QLatin1Char('\n'));
            QVERIFY2(all.contains(QStringLiteral("2626")), qPrintable(all));
            QVERIFY(all.contains(QStringLiteral("sendguard")));
            QVERIFY(all.contains(QStringLiteral("127.0.0.1")));
        }
        // Closed by the user (Close, Escape, the window's close button) or by SendGuard quitting.
        dialog.reject();
        QVERIFY(dialog.closedByUser());
        FirstRunDialog second(info, true);
        second.show();
        second.close(); // what QGuiApplication::quit() does to every window
        QVERIFY(!second.closedByUser());

        QString error;
        QVERIFY(FirstRunDialog::markFirstRunDone(m_config, &error));
        QVERIFY(!FirstRunDialog::isFirstRun(m_config));
        ConfigLoader loader;
        QVERIFY(loader.load(m_config, false));
    }
};

QTEST_MAIN(TestSettingsWindow)
#include "TestSettingsWindow.moc"
