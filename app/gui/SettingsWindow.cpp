// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsWindow.h"

#include "CredentialStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace sendguard {

namespace {

QString bccRewriteName(BccRewrite b)
{
    switch (b) {
    case BccRewrite::ExternalWhenMass:
        return QStringLiteral("external-when-mass");
    case BccRewrite::AllWhenMass:
        return QStringLiteral("all-when-mass");
    case BccRewrite::Off:
        return QStringLiteral("off");
    }
    return {};
}

QString confirmWhenName(ConfirmWhen w)
{
    switch (w) {
    case ConfirmWhen::Always:
        return QStringLiteral("always");
    case ConfirmWhen::External:
        return QStringLiteral("external");
    case ConfirmWhen::Never:
        return QStringLiteral("never");
    }
    return {};
}

QString confirmTimeoutActionName(ConfirmTimeoutAction a)
{
    return a == ConfirmTimeoutAction::TempFail ? QStringLiteral("tempfail")
                                               : QStringLiteral("defer");
}

QString encryptionMethodName(EncryptionMethod m)
{
    switch (m) {
    case EncryptionMethod::Smime:
        return QStringLiteral("smime");
    case EncryptionMethod::OpenPgp:
        return QStringLiteral("pgp");
    case EncryptionMethod::Auto:
        return QStringLiteral("auto");
    }
    return {};
}

QString encryptionRequiredName(EncryptionRequired r)
{
    switch (r) {
    case EncryptionRequired::None:
        return QStringLiteral("none");
    case EncryptionRequired::External:
        return QStringLiteral("external");
    case EncryptionRequired::All:
        return QStringLiteral("all");
    }
    return {};
}

// The built-in value of each key this window edits, in the file's form.
QJsonValue builtInValue(const QString& key)
{
    static const Config d;
    static const QHash<QString, QJsonValue> values = {
        {QStringLiteral("upstream.host"), d.upstream.host},
        {QStringLiteral("upstream.port"), int(d.upstream.port)},
        {QStringLiteral("upstream.security"), upstreamSecurityName(d.upstream.security)},
        {QStringLiteral("upstream.verify_certificate"), d.upstream.verifyCertificate},
        {QStringLiteral("upstream.ca_file"), d.upstream.caFile},
        {QStringLiteral("upstream.username"), d.upstream.username},
        {QStringLiteral("listen.port"), int(d.listen.port)},
        {QStringLiteral("policy.internal_domains"),
         QJsonArray::fromStringList(d.policy.internalDomains)},
        {QStringLiteral("policy.trusted_domains"),
         QJsonArray::fromStringList(d.policy.trustedDomains)},
        {QStringLiteral("policy.blocked_domains"),
         QJsonArray::fromStringList(d.policy.blockedDomains)},
        {QStringLiteral("policy.mass_threshold"), d.policy.massThreshold},
        {QStringLiteral("policy.hold_seconds"), d.policy.holdSeconds},
        {QStringLiteral("policy.confirm_timeout_seconds"), d.policy.confirmTimeoutSeconds},
        {QStringLiteral("policy.confirm_timeout_action"),
         confirmTimeoutActionName(d.policy.confirmTimeoutAction)},
        {QStringLiteral("policy.bcc_rewrite"), bccRewriteName(d.policy.bccRewrite)},
        {QStringLiteral("policy.confirm"), confirmWhenName(d.policy.confirm)},
        {QStringLiteral("encryption.mode"), encryptionModeName(d.encryption.mode)},
        {QStringLiteral("encryption.method"), encryptionMethodName(d.encryption.method)},
        {QStringLiteral("encryption.required_for"),
         encryptionRequiredName(d.encryption.requiredFor)},
        {QStringLiteral("encryption.smime_certificates"), d.encryption.smimeCertificates},
        {QStringLiteral("encryption.gnupg_home"), d.encryption.gnupgHome},
    };
    return values.value(key);
}

QPair<QString, QString> splitKey(const QString& key)
{
    const qsizetype dot = key.indexOf(QLatin1Char('.'));
    return {key.left(dot), key.mid(dot + 1)};
}

QJsonValue valueAt(const QJsonObject& root, const QString& key)
{
    const auto [section, name] = splitKey(key);
    return root.value(section).toObject().value(name);
}

QPushButton* copyButton(QWidget* parent, std::function<QString()> text)
{
    auto* button = new QPushButton(SettingsWindow::tr("Copy"), parent);
    button->setAutoDefault(false);
    QObject::connect(button, &QPushButton::clicked, button,
                     [text] { QGuiApplication::clipboard()->setText(text()); });
    return button;
}

// A padlock, drawn (not every desktop has a font with U+1F512).
QPixmap lockPixmap(int size, const QColor& color)
{
    const qreal dpr = qApp->devicePixelRatio();
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    QPen pen(color, qMax(1.5, s / 9));
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawArc(QRectF(s * 0.28, s * 0.08, s * 0.44, s * 0.5), 0, 180 * 16); // the shackle
    p.drawLine(QPointF(s * 0.28, s * 0.33), QPointF(s * 0.28, s * 0.48));
    p.drawLine(QPointF(s * 0.72, s * 0.33), QPointF(s * 0.72, s * 0.48));
    p.setPen(Qt::NoPen);
    p.setBrush(color);
    p.drawRoundedRect(QRectF(s * 0.16, s * 0.45, s * 0.68, s * 0.47), s * 0.08, s * 0.08);
    return pixmap;
}

// What startAgain() starts; Qt calls it when the application object is destroyed, which is
// after main() has shut SendGuard down.
QString g_restartProgram;
QStringList g_restartArguments;
bool g_restartDropsNoGlib = false;

void startAgain()
{
    QProcess process;
    process.setProgram(g_restartProgram);
    process.setArguments(g_restartArguments);
    if (g_restartDropsNoGlib) {
        // Set by main() for the engine's threads only: the new instance's desktop thread must
        // start with GLib again.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("QT_NO_GLIB"));
        process.setProcessEnvironment(environment);
    }
    process.startDetached();
}

} // namespace

SettingsWindow::SettingsWindow(const QString& configFile, const QString& dataDir,
                               const MachinePolicy& policy, QWidget* parent)
    : QWidget(parent, Qt::Window), m_configFile(configFile), m_dataDir(dataDir), m_policy(policy),
      m_restartHandler(&SettingsWindow::restartApplication)
{
    setObjectName(QStringLiteral("settingsWindow"));
    setWindowTitle(tr("SendGuard — Settings"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sendguard.svg")));
    resize(720, 600);

    // Which keys the organisation sets (an invalid policy locks nothing here; load() says so).
    for (auto section = m_policy.settings.begin(); section != m_policy.settings.end(); ++section) {
        const QJsonObject keys = section.value().toObject();
        for (auto key = keys.begin(); key != keys.end(); ++key)
            m_lockedKeys << section.key() + QLatin1Char('.') + key.key();
    }

    m_tester = new UpstreamTester(this);
    connect(m_tester, &UpstreamTester::finished, this, &SettingsWindow::onTestFinished);

    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->addTab(buildServerPage(), tr("Mail server"));
    m_tabs->addTab(buildLocalPage(), tr("This computer"));
    m_tabs->addTab(buildDomainsPage(), tr("Domains"));
    m_tabs->addTab(buildChecksPage(), tr("Checks"));
    m_tabs->addTab(buildEncryptionPage(), tr("Encryption"));
    layout->addWidget(m_tabs, 1);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    auto* buttons = new QHBoxLayout;
    m_restart = new QPushButton(tr("&Restart now"), this);
    m_restart->setObjectName(QStringLiteral("restart"));
    m_restart->setAutoDefault(false);
    m_restart->hide();
    m_save = new QPushButton(tr("&Save"), this);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setAutoDefault(false);
    m_close = new QPushButton(tr("&Close"), this);
    m_close->setObjectName(QStringLiteral("close"));
    m_close->setAutoDefault(false);
    buttons->addWidget(m_restart);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_restart, &QPushButton::clicked, this, [this] {
        if (m_restartHandler)
            m_restartHandler();
    });

    load();
    // The keychain may take a moment: after the window is up, not while it is being made.
    QTimer::singleShot(0, this, &SettingsWindow::loadSecrets);
}

SettingsWindow::~SettingsWindow() = default;

// ---------------------------------------------------------------------------------------------
// Pages

QWidget* SettingsWindow::buildServerPage()
{
    auto* page = new QWidget;
    auto* outer = new QVBoxLayout(page);
    auto* intro = new QLabel(tr("The mail server SendGuard passes your messages on to, once they "
                                "are checked. Your IT department can tell you these values."),
                             page);
    intro->setWordWrap(true);
    outer->addWidget(intro);
    auto* form = new QFormLayout;
    outer->addLayout(form);

    addLineEdit(form, QStringLiteral("upstream.host"), tr("Ser&ver:"),
                tr("for example smtp.example.co.jp (empty: demo mode, nothing leaves)"));
    addSpinBox(form, QStringLiteral("upstream.port"), tr("&Port:"), 1, 65535);
    addComboBox(form, QStringLiteral("upstream.security"), tr("S&ecurity:"),
                {{QStringLiteral("starttls"), tr("STARTTLS (usually port 587)")},
                 {QStringLiteral("tls"), tr("TLS from the start (usually port 465)")},
                 {QStringLiteral("none"), tr("None: not encrypted")}});
    addCheckBox(form, QStringLiteral("upstream.verify_certificate"),
                tr("Chec&k the server's certificate (recommended)"));
    auto* browse = new QPushButton(tr("&Browse…"), page);
    browse->setObjectName(QStringLiteral("browseCaFile"));
    browse->setAutoDefault(false);
    addLineEdit(form, QStringLiteral("upstream.ca_file"), tr("C&A file:"),
                tr("only if your organisation has its own certificate authority"), browse);
    connect(browse, &QPushButton::clicked, this, [this] {
        auto* edit = qobject_cast<QLineEdit*>(editor(QStringLiteral("upstream.ca_file")));
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Certificate authority"), QFileInfo(edit->text()).absolutePath(),
            tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
        if (!file.isEmpty())
            edit->setText(file);
    });
    browse->setEnabled(!isLocked(QStringLiteral("upstream.ca_file")));
    addLineEdit(form, QStringLiteral("upstream.username"), tr("&User name:"),
                tr("empty: SendGuard does not log in"));

    m_upstreamPassword = new QLineEdit(page);
    m_upstreamPassword->setObjectName(QStringLiteral("upstreamPassword"));
    m_upstreamPassword->setEchoMode(QLineEdit::Password);
    m_upstreamPassword->setPlaceholderText(tr("reading the keychain…"));
    m_upstreamPassword->setToolTip(
        tr("Kept in the keychain of your computer, never in the configuration file."));
    connect(m_upstreamPassword, &QLineEdit::textEdited, this,
            [this] { m_upstreamPasswordEdited = true; });
    form->addRow(tr("Pass&word:"), m_upstreamPassword);

    auto* testRow = new QHBoxLayout;
    m_test = new QPushButton(tr("&Test connection"), page);
    m_test->setObjectName(QStringLiteral("testConnection"));
    m_test->setAutoDefault(false);
    m_test->setToolTip(tr("Connects to the server with the values above, logs in if a user name "
                          "is set, and hangs up. No mail is sent."));
    testRow->addWidget(m_test);
    testRow->addStretch(1);
    outer->addLayout(testRow);
    connect(m_test, &QPushButton::clicked, this, &SettingsWindow::testConnection);

    m_testReport = new QPlainTextEdit(page);
    m_testReport->setObjectName(QStringLiteral("testReport"));
    m_testReport->setReadOnly(true);
    m_testReport->setPlaceholderText(
        tr("Test the connection to see whether SendGuard can reach and log in to the server."));
    outer->addWidget(m_testReport, 1);
    return page;
}

QWidget* SettingsWindow::buildLocalPage()
{
    auto* page = new QWidget;
    auto* outer = new QVBoxLayout(page);
    auto* intro =
        new QLabel(tr("Your mail program sends to SendGuard on this computer (server 127.0.0.1) "
                      "with these values."),
                   page);
    intro->setWordWrap(true);
    outer->addWidget(intro);
    auto* form = new QFormLayout;
    outer->addLayout(form);

    addSpinBox(form, QStringLiteral("listen.port"), tr("&Port:"), 1, 65535);

    auto* userRow = new QHBoxLayout;
    m_localUser = new QLineEdit(CredentialStore::localUserName(), page);
    m_localUser->setObjectName(QStringLiteral("localUser"));
    m_localUser->setReadOnly(true);
    userRow->addWidget(m_localUser, 1);
    QPushButton* copyUser = copyButton(page, [this] { return m_localUser->text(); });
    copyUser->setObjectName(QStringLiteral("copyLocalUser"));
    userRow->addWidget(copyUser);
    form->addRow(tr("User name:"), userRow);

    auto* passwordRow = new QHBoxLayout;
    m_localPassword = new QLineEdit(page);
    m_localPassword->setObjectName(QStringLiteral("localPassword"));
    m_localPassword->setReadOnly(true);
    m_localPassword->setEchoMode(QLineEdit::Password);
    m_localPassword->setPlaceholderText(tr("reading the keychain…"));
    passwordRow->addWidget(m_localPassword, 1);
    m_showLocalPassword = new QPushButton(tr("Show"), page);
    m_showLocalPassword->setObjectName(QStringLiteral("showLocalPassword"));
    m_showLocalPassword->setCheckable(true);
    m_showLocalPassword->setAutoDefault(false);
    connect(m_showLocalPassword, &QPushButton::toggled, this, [this](bool shown) {
        m_localPassword->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showLocalPassword->setText(shown ? tr("Hide") : tr("Show"));
    });
    passwordRow->addWidget(m_showLocalPassword);
    QPushButton* copyPassword = copyButton(page, [this] { return m_localPassword->text(); });
    copyPassword->setObjectName(QStringLiteral("copyLocalPassword"));
    passwordRow->addWidget(copyPassword);
    form->addRow(tr("Password:"), passwordRow);

    m_localNote = new QLabel(page);
    m_localNote->setObjectName(QStringLiteral("localNote"));
    m_localNote->setWordWrap(true);
    m_localNote->hide();
    outer->addWidget(m_localNote);

    auto* setupRow = new QHBoxLayout;
    auto* setup = new QPushButton(tr("Set up your &mail program…"), page);
    setup->setObjectName(QStringLiteral("mailSetup"));
    setup->setAutoDefault(false);
    connect(setup, &QPushButton::clicked, this, [this] {
        auto* port = qobject_cast<QSpinBox*>(editor(QStringLiteral("listen.port")));
        Q_EMIT mailSetupRequested(quint16(port->value()));
    });
    setupRow->addWidget(setup);
    setupRow->addStretch(1);
    outer->addLayout(setupRow);
    outer->addStretch(1);
    return page;
}

QWidget* SettingsWindow::buildDomainsPage()
{
    auto* page = new QWidget;
    auto* outer = new QVBoxLayout(page);
    auto* intro = new QLabel(tr("One domain per line, for example example.co.jp; its subdomains "
                                "are included. Japanese domain names may be written either way."),
                             page);
    intro->setWordWrap(true);
    outer->addWidget(intro);
    auto* form = new QFormLayout;
    outer->addLayout(form);
    addDomainList(form, QStringLiteral("policy.internal_domains"), tr("&Internal domains:"));
    addDomainList(form, QStringLiteral("policy.trusted_domains"), tr("&Trusted domains:"));
    addDomainList(form, QStringLiteral("policy.blocked_domains"), tr("&Blocked domains:"));
    auto* notes = new QLabel(tr("Internal: your own organisation. Trusted: external, but never "
                                "flagged as first-time or look-alike. Blocked: mail to them is "
                                "refused."),
                             page);
    notes->setWordWrap(true);
    outer->addWidget(notes);
    return page;
}

QWidget* SettingsWindow::buildChecksPage()
{
    auto* page = new QWidget;
    auto* outer = new QVBoxLayout(page);
    auto* form = new QFormLayout;
    outer->addLayout(form);
    addComboBox(form, QStringLiteral("policy.confirm"), tr("Con&firm before sending:"),
                {{QStringLiteral("always"), tr("Always")},
                 {QStringLiteral("external"),
                  tr("When a recipient is external or something looks unusual")},
                 {QStringLiteral("never"), tr("Never")}});
    // The ranges are wider than the configuration allows: ConfigLoader decides, and says why.
    addSpinBox(form, QStringLiteral("policy.confirm_timeout_seconds"), tr("Wait for the &answer:"),
               0, 999999, tr(" seconds"));
    addComboBox(form, QStringLiteral("policy.confirm_timeout_action"), tr("When nobody ans&wers:"),
                {{QStringLiteral("defer"), tr("Keep the message until I decide")},
                 {QStringLiteral("tempfail"),
                  tr("Give it back to the mail program, which tries again later")}});
    addSpinBox(form, QStringLiteral("policy.hold_seconds"), tr("&Hold each message for:"), 0,
               9999999, tr(" seconds"));
    addSpinBox(form, QStringLiteral("policy.mass_threshold"), tr("&Many recipients from:"), 0,
               9999999, tr(" addresses"));
    addComboBox(
        form, QStringLiteral("policy.bcc_rewrite"), tr("Move to &Bcc:"),
        {{QStringLiteral("external-when-mass"), tr("External recipients, when there are many")},
         {QStringLiteral("all-when-mass"),
          tr("All recipients but the sender, when there are many")},
         {QStringLiteral("off"), tr("Never")}});
    outer->addStretch(1);
    return page;
}

QWidget* SettingsWindow::buildEncryptionPage()
{
    // The `encryption` section (see Config.h). encryption.cipher and
    // encryption.allow_unencrypted_override are left to the file and the organisation's policy.
    auto* page = new QWidget;
    auto* outer = new QVBoxLayout(page);
    auto* intro = new QLabel(tr("SendGuard can encrypt outgoing mail with the recipients' S/MIME "
                                "certificates or OpenPGP keys."),
                             page);
    intro->setWordWrap(true);
    outer->addWidget(intro);
    auto* form = new QFormLayout;
    outer->addLayout(form);
    addComboBox(form, QStringLiteral("encryption.mode"), tr("&Encrypt:"),
                {{QStringLiteral("off"), tr("Nothing")},
                 {QStringLiteral("attachments"), tr("The attachments (the text stays readable)")},
                 {QStringLiteral("message"), tr("The whole message")}});
    addComboBox(
        form, QStringLiteral("encryption.method"), tr("&Method:"),
        {{QStringLiteral("auto"), tr("Whichever every recipient has a key for (S/MIME first)")},
         {QStringLiteral("smime"), QStringLiteral("S/MIME")},
         {QStringLiteral("pgp"), QStringLiteral("OpenPGP")}});
    addComboBox(
        form, QStringLiteral("encryption.required_for"), tr("Re&quired for:"),
        {{QStringLiteral("none"), tr("Nothing: encrypt when possible")},
         {QStringLiteral("external"), tr("Messages with attachments to external recipients")},
         {QStringLiteral("all"), tr("Every message")}});
    const auto folderButton = [this, page](const QString& key) {
        auto* button = new QPushButton(tr("Browse…"), page);
        button->setAutoDefault(false);
        button->setEnabled(!isLocked(key));
        connect(button, &QPushButton::clicked, this, [this, key] {
            auto* edit = qobject_cast<QLineEdit*>(editor(key));
            const QString dir =
                QFileDialog::getExistingDirectory(this, tr("Choose a folder"), edit->text());
            if (!dir.isEmpty())
                edit->setText(QDir::toNativeSeparators(dir));
        });
        return button;
    };
    addLineEdit(form, QStringLiteral("encryption.smime_certificates"), tr("S/M&IME certificates:"),
                tr("folder with the recipients' certificates (.pem, .crt, .cer, .der)"),
                folderButton(QStringLiteral("encryption.smime_certificates")));
    addLineEdit(form, QStringLiteral("encryption.gnupg_home"), tr("&GnuPG folder:"),
                tr("empty: GnuPG's own (~/.gnupg)"),
                folderButton(QStringLiteral("encryption.gnupg_home")));
    outer->addStretch(1);
    return page;
}

// ---------------------------------------------------------------------------------------------
// Fields

void SettingsWindow::addField(QFormLayout* form, const QString& label, Field f, QWidget* extra)
{
    QWidget* parent = form->parentWidget();
    auto* box = new QWidget(parent);
    auto* column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    auto* row = new QHBoxLayout;
    row->addWidget(f.editor, 1);
    if (extra)
        row->addWidget(extra);
    auto* lockIcon = new QLabel(box);
    const int iconSize = fontMetrics().height();
    lockIcon->setPixmap(lockPixmap(iconSize, palette().color(QPalette::WindowText)));
    f.lock = new QLabel(tr("Managed by your organisation"), box);
    f.lock->setObjectName(QStringLiteral("lock:") + f.key);
    f.lock->setToolTip(tr("Set by your organisation (%1). Ask your IT department to change it.")
                           .arg(m_policy.source));
    lockIcon->setToolTip(f.lock->toolTip());
    lockIcon->setVisible(isLocked(f.key));
    f.lock->setVisible(isLocked(f.key));
    row->addWidget(lockIcon);
    row->addWidget(f.lock);
    column->addLayout(row);
    f.problem = new QLabel(box);
    f.problem->setObjectName(QStringLiteral("problem:") + f.key);
    f.problem->setWordWrap(true);
    f.problem->setTextFormat(Qt::PlainText);
    QPalette red = f.problem->palette();
    red.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
    f.problem->setPalette(red);
    f.problem->hide();
    column->addWidget(f.problem);
    f.editor->setObjectName(f.key);
    f.defaultValue = builtInValue(f.key);
    form->addRow(label, box);
    if (auto* buddy = qobject_cast<QLabel*>(form->labelForField(box)))
        buddy->setBuddy(f.editor);
    if (isLocked(f.key)) {
        f.setReadOnly(true);
        f.editor->setToolTip(f.lock->toolTip());
    }
    m_fields.push_back(std::move(f));
}

void SettingsWindow::addLineEdit(QFormLayout* form, const QString& key, const QString& label,
                                 const QString& placeholder, QWidget* extra)
{
    auto* edit = new QLineEdit(form->parentWidget());
    edit->setPlaceholderText(placeholder);
    Field f;
    f.key = key;
    f.editor = edit;
    f.get = [edit] { return QJsonValue(edit->text().trimmed()); };
    f.set = [edit](const QJsonValue& v) { edit->setText(v.toVariant().toString()); };
    f.setReadOnly = [edit](bool ro) { edit->setReadOnly(ro); };
    addField(form, label, std::move(f), extra);
}

void SettingsWindow::addSpinBox(QFormLayout* form, const QString& key, const QString& label,
                                int min, int max, const QString& suffix)
{
    auto* spin = new QSpinBox(form->parentWidget());
    spin->setRange(min, max);
    spin->setSuffix(suffix);
    Field f;
    f.key = key;
    f.editor = spin;
    f.get = [spin] { return QJsonValue(spin->value()); };
    f.set = [spin](const QJsonValue& v) { spin->setValue(v.toVariant().toInt()); };
    f.setReadOnly = [spin](bool ro) {
        spin->setReadOnly(ro);
        spin->setButtonSymbols(ro ? QAbstractSpinBox::NoButtons : QAbstractSpinBox::UpDownArrows);
    };
    addField(form, label, std::move(f));
}

void SettingsWindow::addComboBox(QFormLayout* form, const QString& key, const QString& label,
                                 const QList<QPair<QString, QString>>& choices)
{
    auto* combo = new QComboBox(form->parentWidget());
    for (const auto& [value, text] : choices)
        combo->addItem(text, value);
    Field f;
    f.key = key;
    f.editor = combo;
    f.get = [combo] { return QJsonValue(combo->currentData().toString()); };
    f.set = [combo](const QJsonValue& v) {
        const QString value = v.toVariant().toString();
        int index = combo->findData(value);
        if (index < 0) {
            // Not one of ours (a mistake in the file): show it as it is; saving will say why
            // it is refused.
            combo->addItem(value, value);
            index = combo->count() - 1;
        }
        combo->setCurrentIndex(index);
    };
    f.setReadOnly = [combo](bool ro) { combo->setEnabled(!ro); };
    addField(form, label, std::move(f));
}

void SettingsWindow::addCheckBox(QFormLayout* form, const QString& key, const QString& text)
{
    auto* check = new QCheckBox(text, form->parentWidget());
    Field f;
    f.key = key;
    f.editor = check;
    f.get = [check] { return QJsonValue(check->isChecked()); };
    f.set = [check](const QJsonValue& v) { check->setChecked(v.toVariant().toBool()); };
    f.setReadOnly = [check](bool ro) { check->setEnabled(!ro); };
    addField(form, QString(), std::move(f));
}

void SettingsWindow::addDomainList(QFormLayout* form, const QString& key, const QString& label)
{
    auto* edit = new QPlainTextEdit(form->parentWidget());
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(70);
    Field f;
    f.key = key;
    f.editor = edit;
    f.get = [edit] {
        QJsonArray list;
        const QStringList lines = edit->toPlainText().split(QLatin1Char('\n'));
        for (const QString& line : lines) {
            const QString domain = line.trimmed();
            if (!domain.isEmpty())
                list.append(domain);
        }
        return QJsonValue(list);
    };
    f.set = [edit](const QJsonValue& v) {
        QStringList lines;
        if (v.isArray()) {
            const QJsonArray array = v.toArray();
            for (const QJsonValue& item : array)
                lines << item.toVariant().toString();
        } else if (!v.isUndefined() && !v.isNull()) {
            lines << v.toVariant().toString();
        }
        edit->setPlainText(lines.join(QLatin1Char('\n')));
    };
    f.setReadOnly = [edit](bool ro) { edit->setReadOnly(ro); };
    addField(form, label, std::move(f));
}

SettingsWindow::Field* SettingsWindow::field(const QString& key)
{
    for (Field& f : m_fields) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

const SettingsWindow::Field* SettingsWindow::field(const QString& key) const
{
    for (const Field& f : m_fields) {
        if (f.key == key)
            return &f;
    }
    return nullptr;
}

QStringList SettingsWindow::keys() const
{
    QStringList list;
    for (const Field& f : m_fields)
        list << f.key;
    return list;
}

QWidget* SettingsWindow::editor(const QString& key) const
{
    const Field* f = field(key);
    return f ? f->editor : nullptr;
}

QLabel* SettingsWindow::problemLabel(const QString& key) const
{
    const Field* f = field(key);
    return f ? f->problem : nullptr;
}

QLabel* SettingsWindow::lockLabel(const QString& key) const
{
    const Field* f = field(key);
    return f ? f->lock : nullptr;
}

bool SettingsWindow::isLocked(const QString& key) const
{
    return m_lockedKeys.contains(key);
}

QJsonValue SettingsWindow::policyValue(const QString& key) const
{
    return valueAt(m_policy.settings, key);
}

// ---------------------------------------------------------------------------------------------
// Loading and saving

void SettingsWindow::load()
{
    m_userJson = {};
    m_loadedBytes.clear();
    m_fileBroken = false;
    QFile file(m_configFile);
    m_fileExisted = file.exists();
    QString problem;
    if (m_fileExisted) {
        if (!file.open(QIODevice::ReadOnly)) {
            problem = tr("The configuration file %1 cannot be read: %2.")
                          .arg(QDir::toNativeSeparators(m_configFile), file.errorString());
        } else {
            m_loadedBytes = file.readAll();
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(m_loadedBytes, &error);
            if (error.error != QJsonParseError::NoError || !doc.isObject())
                problem = tr("The configuration file %1 is not valid JSON (%2).")
                              .arg(QDir::toNativeSeparators(m_configFile),
                                   error.error != QJsonParseError::NoError
                                       ? error.errorString()
                                       : tr("the top level must be an object"));
            else
                m_userJson = doc.object();
        }
    }
    if (!problem.isEmpty()) {
        // Never overwrite what cannot be read: the user or IT may need what is in it.
        m_fileBroken = true;
        m_save->setEnabled(false);
        showMessage(problem + QLatin1Char(' ') +
                        tr("Correct or remove the file; until then these settings cannot be "
                           "saved."),
                    true);
    }

    for (Field& f : m_fields) {
        QJsonValue value = isLocked(f.key) ? policyValue(f.key) : valueAt(m_userJson, f.key);
        if (value.isUndefined())
            value = f.defaultValue;
        f.set(value);
    }

    // The same check SendGuard makes when it starts.
    if (!m_fileBroken) {
        ConfigLoader loader;
        loader.setMachinePolicy(m_policy);
        if (!loader.parse(QJsonDocument(m_userJson).toJson(), m_configFile))
            showProblems(loader.problems(),
                         tr("The current settings have problems; correct them before saving."));
        else if (!loader.config().listen.authRequired)
            m_localNote->setText(tr("Mail programs do not log in to SendGuard on this computer "
                                    "(listen.auth is \"none\"): leave the user name and password "
                                    "empty in your mail program."));
        m_localNote->setVisible(!m_localNote->text().isEmpty());
    }
}

QJsonObject SettingsWindow::buildJson() const
{
    QJsonObject root = m_userJson;
    for (const Field& f : m_fields) {
        if (isLocked(f.key))
            continue; // the organisation's: never written, the user's own value stays as it was
        const QJsonValue value = f.get();
        const auto [sectionName, name] = splitKey(f.key);
        QJsonObject section = root.value(sectionName).toObject();
        // Only what the user set: a key at its built-in value is left out unless the file had it.
        if (section.contains(name) || value != f.defaultValue)
            section.insert(name, value);
        if (!section.isEmpty())
            root.insert(sectionName, section);
    }
    return root;
}

void SettingsWindow::clearProblems()
{
    for (Field& f : m_fields) {
        f.problem->clear();
        f.problem->hide();
    }
    m_message->clear();
    m_message->hide();
}

void SettingsWindow::showProblems(const QList<ConfigProblem>& problems, const QString& intro)
{
    QStringList general;
    for (const ConfigProblem& p : problems) {
        if (!m_policy.source.isEmpty() && p.file == m_policy.source) {
            general << tr("Your organisation's settings (%1) have a problem; ask your IT "
                          "department to correct it: %2")
                           .arg(p.file, p.key.isEmpty() ? p.reason
                                                        : p.key + QStringLiteral(": ") + p.reason);
            continue;
        }
        Field* f = field(p.key);
        if (f) {
            const QString text = f->problem->text();
            f->problem->setText(text.isEmpty() ? p.reason : text + QLatin1Char('\n') + p.reason);
            f->problem->show();
            general << p.key + QStringLiteral(": ") + p.reason;
        } else {
            general << (p.key.isEmpty() ? p.reason : p.key + QStringLiteral(": ") + p.reason);
        }
    }
    // Show the first page with a problem.
    for (const Field& f : m_fields) {
        if (f.problem->isVisibleTo(this) || !f.problem->text().isEmpty()) {
            for (int i = 0; i < m_tabs->count(); ++i) {
                if (m_tabs->widget(i)->isAncestorOf(f.editor)) {
                    m_tabs->setCurrentIndex(i);
                    break;
                }
            }
            break;
        }
    }
    showMessage(intro + QLatin1Char('\n') + general.join(QLatin1Char('\n')), true);
}

void SettingsWindow::showMessage(const QString& text, bool isError)
{
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText,
                     isError ? QColor(0xb0, 0x00, 0x20)
                             : QApplication::palette().color(QPalette::WindowText));
    m_message->setPalette(palette);
    m_message->setText(text);
    m_message->show();
}

bool SettingsWindow::save()
{
    clearProblems();
    m_restart->hide();
    if (m_fileBroken || m_loadingSecrets)
        return false;

    const QJsonObject json = buildJson();
    const QByteArray bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    ConfigLoader loader;
    loader.setMachinePolicy(m_policy);
    if (!loader.parse(bytes, m_configFile)) {
        showProblems(loader.problems(), tr("Not saved. Please correct:"));
        return false;
    }

    // Another program (or IT) may have changed the file since this window read it.
    QFile current(m_configFile);
    const bool existsNow = current.exists();
    QByteArray currentBytes;
    if (existsNow && current.open(QIODevice::ReadOnly))
        currentBytes = current.readAll();
    const bool sameBytes = existsNow == m_fileExisted && currentBytes == m_loadedBytes;
    // The same settings written differently (the "{}" of a finished first start) are no change.
    const QJsonDocument currentDoc = QJsonDocument::fromJson(existsNow ? currentBytes : "{}");
    if (!sameBytes && !(currentDoc.isObject() && currentDoc.object() == m_userJson)) {
        showMessage(tr("Not saved: the configuration file %1 was changed by another program "
                       "while this window was open. Close the window and open the settings "
                       "again to see the new values.")
                        .arg(QDir::toNativeSeparators(m_configFile)),
                    true);
        return false;
    }

    const bool passwordChanged = m_upstreamPasswordEdited && !m_upstreamPassword->text().isEmpty();
    const bool fileChanged = json != m_userJson;
    if (!passwordChanged && !fileChanged) {
        showMessage(tr("Nothing to save: the settings are unchanged."), false);
        return true;
    }

    if (passwordChanged) {
        QString error;
        CredentialStore store(m_dataDir);
        if (!store.write(CredentialStore::Secret::UpstreamPassword, m_upstreamPassword->text(),
                         &error)) {
            showMessage(
                tr("Not saved: the password could not be stored in the keychain (%1).").arg(error),
                true);
            return false;
        }
        m_storedUpstreamPassword = m_upstreamPassword->text();
        m_upstreamPasswordFound = true;
        m_upstreamPasswordEdited = false;
        m_upstreamPassword->clear();
        m_upstreamPassword->setPlaceholderText(tr("stored in the keychain; type to replace it"));
    }

    if (fileChanged) {
        const QString dir = QFileInfo(m_configFile).absolutePath();
        QSaveFile file(m_configFile);
        if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly) ||
            file.write(bytes) != bytes.size() || !file.commit()) {
            showMessage(tr("Not saved: %1 cannot be written (%2).")
                            .arg(QDir::toNativeSeparators(m_configFile), file.errorString()),
                        true);
            return false;
        }
        m_userJson = json;
        m_loadedBytes = bytes;
        m_fileExisted = true;
    }

    showMessage(tr("Saved. SendGuard uses the new settings after it is restarted."), false);
    m_restart->show();
    Q_EMIT saved();
    return true;
}

// ---------------------------------------------------------------------------------------------
// Keychain

void SettingsWindow::loadSecrets()
{
    if (m_secretsLoaded || m_loadingSecrets)
        return;
    m_loadingSecrets = true;
    const bool saveWasEnabled = m_save->isEnabled();
    m_save->setEnabled(false);
    CredentialStore store(m_dataDir);

    QString password, error;
    bool found = false;
    if (!store.read(CredentialStore::Secret::LocalPassword, &password, &found, &error)) {
        m_localPassword->setPlaceholderText(tr("cannot be read from the keychain"));
        m_localPassword->setToolTip(error);
    } else if (!found) {
        m_localPassword->setPlaceholderText(tr("not created yet; it is made when SendGuard "
                                               "starts"));
    } else {
        m_localPassword->setText(password);
    }

    QString upstream, upstreamError;
    bool upstreamFound = false;
    if (!store.read(CredentialStore::Secret::UpstreamPassword, &upstream, &upstreamFound,
                    &upstreamError)) {
        m_upstreamPassword->setPlaceholderText(tr("the keychain cannot be used"));
        m_upstreamPassword->setToolTip(upstreamError);
    } else {
        m_upstreamPasswordFound = upstreamFound;
        m_storedUpstreamPassword = upstream;
        m_upstreamPassword->setPlaceholderText(
            upstreamFound ? tr("stored in the keychain; type to replace it") : tr("none stored"));
    }
    m_loadingSecrets = false;
    m_secretsLoaded = true;
    m_save->setEnabled(saveWasEnabled && !m_fileBroken);
}

// ---------------------------------------------------------------------------------------------
// Connection test

void SettingsWindow::setTestTimeouts(int connectMs, int commandMs)
{
    m_testConnectMs = connectMs;
    m_testCommandMs = commandMs;
}

void SettingsWindow::testConnection()
{
    UpstreamTestRequest request;
    const auto text = [this](const char* key) {
        return field(QLatin1String(key))->get().toString();
    };
    request.server.host = text("upstream.host");
    request.server.port =
        quint16(field(QStringLiteral("upstream.port"))->get().toInt(request.server.port));
    const QString security = text("upstream.security");
    request.server.security = security == QLatin1String("tls")    ? UpstreamSecurity::ImplicitTls
                              : security == QLatin1String("none") ? UpstreamSecurity::None
                                                                  : UpstreamSecurity::StartTls;
    request.server.verifyCertificate =
        field(QStringLiteral("upstream.verify_certificate"))->get().toBool();
    request.server.caFile = text("upstream.ca_file");
    request.server.username = text("upstream.username");
    request.password = m_upstreamPasswordEdited && !m_upstreamPassword->text().isEmpty()
                           ? m_upstreamPassword->text()
                           : m_storedUpstreamPassword;
    request.connectTimeoutMs = m_testConnectMs;
    request.commandTimeoutMs = m_testCommandMs;

    m_test->setEnabled(false);
    m_testReport->setPlainText(
        tr("Connecting to %1 port %2…").arg(request.server.host).arg(request.server.port));
    m_tester->start(request);
}

void SettingsWindow::onTestFinished(const UpstreamTestResult& result)
{
    m_test->setEnabled(true);
    QStringList lines;
    for (const QString& sentence : result.sentences)
        lines << QStringLiteral("• ") + sentence;
    m_testReport->setPlainText(lines.join(QLatin1Char('\n')));
    Q_EMIT testFinished(result);
}

// ---------------------------------------------------------------------------------------------
// Restart

void SettingsWindow::restartApplication()
{
    static bool scheduled = false;
    if (!scheduled) {
        scheduled = true;
        g_restartProgram = QCoreApplication::applicationFilePath();
        g_restartArguments = QCoreApplication::arguments().mid(1);
        g_restartDropsNoGlib = qApp->property("sendguardSetNoGlib").toBool();
        // Runs when the application object is destroyed, after main() has stopped the guard:
        // the new instance then finds the lock, the port and the control socket free.
        qAddPostRoutine(startAgain);
    }
    // Quitting closes every window first; no SendGuard window refuses that, so the quit (and
    // with it the restart) always goes ahead.
    QCoreApplication::quit();
}

} // namespace sendguard
