// SPDX-License-Identifier: GPL-3.0-or-later
#include "FirstRunDialog.h"

#include "CredentialStore.h"

#include <QClipboard>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace sendguard {

MailSetupInfo MailSetupInfo::read(const Config& config, const QString& dataDir)
{
    MailSetupInfo info;
    info.port = config.listen.port;
    info.starttls = config.listen.starttls;
    info.authRequired = config.listen.authRequired;
    info.userName = CredentialStore::localUserName();
    if (!info.authRequired)
        return info;
    CredentialStore store(dataDir);
    bool found = false;
    QString error;
    if (!store.read(CredentialStore::Secret::LocalPassword, &info.password, &found, &error))
        info.passwordProblem = error;
    else if (!found)
        info.passwordProblem = FirstRunDialog::tr("no password has been made yet");
    return info;
}

QStringList FirstRunDialog::thunderbirdSteps(const MailSetupInfo& info)
{
    return {
        tr("Open the menu ≡ and choose Account Settings."),
        tr("At the bottom of the list on the left, choose Outgoing Server (SMTP), then click "
           "Add…."),
        tr("Enter Server Name %1, Port %2, Connection security STARTTLS, Authentication method "
           "Normal password and User Name %3. Click OK.")
            .arg(info.server)
            .arg(info.port)
            .arg(info.userName),
        tr("Select your mail account in the list on the left. Under Outgoing Server (SMTP), "
           "choose the server %1 you have just added.")
            .arg(info.server),
        tr("Send a test message. When Thunderbird asks for the password, enter the password "
           "shown above and tick \"Use Password Manager to remember this password\"."),
        tr("If Thunderbird says the certificate is not trusted, check that it was issued to "
           "localhost by SendGuard, then click Confirm Security Exception."),
    };
}

QStringList FirstRunDialog::outlookSteps(const MailSetupInfo& info)
{
    return {
        tr("Choose File > Account Settings > Account Settings…."),
        tr("Select your e-mail account (POP or IMAP) and click Change…."),
        tr("Under Outgoing mail server (SMTP), enter %1.").arg(info.server),
        tr("Click More Settings…. On the Outgoing Server tab, tick \"My outgoing server (SMTP) "
           "requires authentication\", choose \"Log on using\", enter User Name %1 and the "
           "password shown above, and tick Remember password.")
            .arg(info.userName),
        tr("On the Advanced tab, enter %1 as Outgoing server (SMTP) port and choose STARTTLS as "
           "the type of encrypted connection. Click OK, then Next and Finish.")
            .arg(info.port),
        tr("If Outlook warns that the certificate cannot be verified, check that it was issued "
           "to localhost by SendGuard and choose Yes."),
        tr("Exchange and Microsoft 365 accounts do not send through SMTP: SendGuard can only "
           "check the mail of POP and IMAP accounts."),
    };
}

QStringList FirstRunDialog::appleMailSteps(const MailSetupInfo& info)
{
    return {
        tr("Choose Mail > Settings (Preferences in older versions) and click Accounts."),
        tr("Select your account and click Server Settings."),
        tr("Under Outgoing Mail Server (SMTP), open the Account menu, choose Edit SMTP Server "
           "List… and click + to add a server."),
        tr("Enter Server Name %1. Untick \"Automatically manage connection settings\", enter "
           "Port %2, tick \"Use TLS/SSL\", choose Authentication Password and enter User Name "
           "%3 and the password shown above. Click OK, then Save.")
            .arg(info.server)
            .arg(info.port)
            .arg(info.userName),
        tr("If Mail says it cannot verify the identity of the server, click Show Certificate, "
           "check that it was issued to localhost by SendGuard, tick Always trust and click "
           "Continue."),
    };
}

QStringList FirstRunDialog::beckySteps(const MailSetupInfo& info)
{
    return {
        tr("Choose Tools > Mailbox Settings…."),
        tr("On the Basic Settings tab, enter %1 as SMTP server (outgoing).").arg(info.server),
        tr("On the Advanced tab, enter %1 as SMTP port and choose STARTTLS for SMTP.")
            .arg(info.port),
        tr("Tick SMTP authentication, enter User ID %1 and the password shown above, and allow "
           "PLAIN or LOGIN.")
            .arg(info.userName),
        tr("Click OK. If Becky! warns about the certificate, check that it was issued to "
           "localhost by SendGuard and accept it."),
    };
}

namespace {

QWidget* stepsPage(const QStringList& steps, QWidget* parent)
{
    QString html = QStringLiteral("<ol>");
    for (const QString& step : steps)
        html +=
            QStringLiteral("<li style=\"margin-bottom: 4px\">%1</li>").arg(step.toHtmlEscaped());
    html += QStringLiteral("</ol>");
    auto* label = new QLabel(html);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* scroll = new QScrollArea(parent);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(label);
    return scroll;
}

QLineEdit* valueField(const QString& text, QWidget* parent)
{
    auto* edit = new QLineEdit(text, parent);
    edit->setReadOnly(true);
    return edit;
}

QPushButton* copyButton(QLineEdit* source, QWidget* parent)
{
    auto* button = new QPushButton(FirstRunDialog::tr("Copy"), parent);
    button->setAutoDefault(false);
    QObject::connect(button, &QPushButton::clicked, button,
                     [source] { QGuiApplication::clipboard()->setText(source->text()); });
    return button;
}

} // namespace

FirstRunDialog::FirstRunDialog(const MailSetupInfo& info, bool firstRun, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("mailSetupDialog"));
    setWindowTitle(tr("SendGuard — set up your mail program"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sendguard.svg")));
    resize(640, 560);

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(this);
    intro->setObjectName(QStringLiteral("intro"));
    intro->setWordWrap(true);
    QString introText =
        tr("SendGuard checks every message before it leaves this computer. For that, your mail "
           "program sends to SendGuard instead of directly to the mail server: change the "
           "outgoing (SMTP) server of your mail account to these values. Receiving mail (POP or "
           "IMAP) stays as it is.");
    if (firstRun)
        introText = tr("Welcome to SendGuard.") + QLatin1Char(' ') + introText;
    intro->setText(introText);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    QLineEdit* server = valueField(info.server, this);
    server->setObjectName(QStringLiteral("server"));
    auto* serverRow = new QHBoxLayout;
    serverRow->addWidget(server, 1);
    serverRow->addWidget(copyButton(server, this));
    form->addRow(tr("Server:"), serverRow);

    QLineEdit* port = valueField(QString::number(info.port), this);
    port->setObjectName(QStringLiteral("port"));
    auto* portRow = new QHBoxLayout;
    portRow->addWidget(port, 1);
    portRow->addWidget(copyButton(port, this));
    form->addRow(tr("Port:"), portRow);

    QLineEdit* security = valueField(info.starttls ? QStringLiteral("STARTTLS") : tr("None"), this);
    security->setObjectName(QStringLiteral("security"));
    form->addRow(tr("Connection security:"), security);

    if (info.authRequired) {
        QLineEdit* user = valueField(info.userName, this);
        user->setObjectName(QStringLiteral("userName"));
        auto* userRow = new QHBoxLayout;
        userRow->addWidget(user, 1);
        userRow->addWidget(copyButton(user, this));
        form->addRow(tr("User name:"), userRow);

        m_password = valueField(info.password, this);
        m_password->setObjectName(QStringLiteral("password"));
        m_password->setEchoMode(QLineEdit::Password);
        if (!info.passwordProblem.isEmpty())
            m_password->setPlaceholderText(tr("not available: %1").arg(info.passwordProblem));
        auto* show = new QPushButton(tr("Show"), this);
        show->setObjectName(QStringLiteral("showPassword"));
        show->setCheckable(true);
        show->setAutoDefault(false);
        connect(show, &QPushButton::toggled, this, [this, show](bool shown) {
            m_password->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
            show->setText(shown ? tr("Hide") : tr("Show"));
        });
        auto* passwordRow = new QHBoxLayout;
        passwordRow->addWidget(m_password, 1);
        passwordRow->addWidget(show);
        passwordRow->addWidget(copyButton(m_password, this));
        form->addRow(tr("Password:"), passwordRow);
        form->addRow(tr("Authentication:"),
                     valueField(tr("normal password (PLAIN or LOGIN)"), this));
    }
    layout->addLayout(form);

    if (!info.starttls || !info.authRequired) {
        auto* note = new QLabel(this);
        note->setObjectName(QStringLiteral("variantNote"));
        note->setWordWrap(true);
        QStringList notes;
        if (!info.starttls)
            notes << tr("SendGuard on this computer does not offer STARTTLS: where the steps say "
                        "STARTTLS, choose no encryption (None).");
        if (!info.authRequired)
            notes << tr("SendGuard on this computer does not ask mail programs to log in: where "
                        "the steps mention a user name and password, choose no authentication.");
        note->setText(notes.join(QLatin1Char(' ')));
        layout->addWidget(note);
    }

    m_clients = new QTabWidget(this);
    m_clients->setObjectName(QStringLiteral("clients"));
    m_clients->addTab(stepsPage(thunderbirdSteps(info), this), QStringLiteral("Thunderbird"));
    m_clients->addTab(stepsPage(outlookSteps(info), this), QStringLiteral("Outlook"));
    m_clients->addTab(stepsPage(appleMailSteps(info), this), tr("Apple Mail"));
    m_clients->addTab(stepsPage(beckySteps(info), this), QStringLiteral("Becky!"));
    layout->addWidget(m_clients, 1);

    auto* hint = new QLabel(tr("The names of menus and fields can differ a little between "
                               "versions. You can open this page again from the SendGuard icon: "
                               "Set up your mail program…"),
                            this);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* settings =
        buttons->addButton(tr("Mail server &settings…"), QDialogButtonBox::ActionRole);
    settings->setObjectName(QStringLiteral("openSettings"));
    settings->setToolTip(tr("Enter the mail server SendGuard passes your messages on to."));
    connect(settings, &QPushButton::clicked, this, &FirstRunDialog::settingsRequested);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void FirstRunDialog::closeEvent(QCloseEvent* event)
{
    // The window system's close (the user) is spontaneous; QGuiApplication::quit() closing
    // every window is not.
    m_closedByApplication = !event->spontaneous();
    QDialog::closeEvent(event);
}

bool FirstRunDialog::isFirstRun(const QString& configFile)
{
    return !configFile.isEmpty() && !QFileInfo::exists(configFile);
}

bool FirstRunDialog::markFirstRunDone(const QString& configFile, QString* error)
{
    if (QFileInfo::exists(configFile))
        return true;
    QSaveFile file(configFile);
    if (!QDir().mkpath(QFileInfo(configFile).absolutePath()) || !file.open(QIODevice::WriteOnly) ||
        file.write("{}\n") != 3 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace sendguard
