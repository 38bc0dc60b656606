// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayIcon.h"

#include "AuditViewer.h"
#include "FirstRunDialog.h"
#include "Guard.h"
#include "MessageQueue.h"
#include "QueueEntry.h"
#include "QueueWindow.h"
#include "SettingsWindow.h"

#include <QApplication>
#include <QDateTime>
#include <QDebug>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSystemTrayIcon>

namespace sendguard {

namespace {

QString subjectOf(const QueueEntry& entry)
{
    return entry.subject.isEmpty() ? TrayIcon::tr("(no subject)") : entry.subject;
}

} // namespace

TrayIcon::TrayIcon(Guard* guard, QObject* parent) : QObject(parent), m_guard(guard)
{
    MessageQueue* queue = guard->queue();
    connect(queue, &MessageQueue::entryChanged, this, &TrayIcon::onEntryChanged);
    connect(queue, &MessageQueue::entryRemoved, this, &TrayIcon::refresh);
    connect(guard, &Guard::showRequested, this, &TrayIcon::showQueueWindow);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &TrayIcon::refresh);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_icon = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/sendguard.svg")), this);
        m_menu = new QMenu;
        m_menu->addAction(tr("Open the &queue…"), this, &TrayIcon::showQueueWindow);
        m_menu->addAction(tr("&Audit log…"), this, &TrayIcon::showAuditLog);
        m_settingsAction = m_menu->addAction(tr("&Settings…"), this, &TrayIcon::showSettings);
        m_settingsAction->setEnabled(false); // until setConfigFile()
        m_menu->addAction(tr("Set up your &mail program…"), this, [this] { showMailSetup(); });
        m_menu->addSeparator();
        m_menu->addAction(tr("&Quit SendGuard"), qApp, &QCoreApplication::quit);
        m_icon->setContextMenu(m_menu);
        connect(m_icon, &QSystemTrayIcon::activated, this,
                [this](QSystemTrayIcon::ActivationReason reason) {
                    if (reason == QSystemTrayIcon::Trigger ||
                        reason == QSystemTrayIcon::DoubleClick)
                        showQueueWindow();
                });
        m_icon->show();
    } else {
        // No tray: the window is the way in; closing it keeps SendGuard running, and starting
        // SendGuard again from the application menu brings it back.
        showQueueWindow();
        notify(tr("SendGuard is running"),
               tr("This desktop has no system tray, so SendGuard shows its queue in this window. "
                  "Closing the window keeps SendGuard running; open it again from the "
                  "application menu."));
    }
    refresh();
    if (!queue->pausedIds().isEmpty())
        QTimer::singleShot(0, this, &TrayIcon::askAboutPausedMessages);
}

TrayIcon::~TrayIcon()
{
    delete m_settings;
    if (m_mailSetup)
        m_mailSetup->disconnect(this); // shutting down is not "the user closed the page"
    delete m_mailSetup;
    delete m_window;
    delete m_audit;
    delete m_pausedQuestion;
    delete m_menu;
}

void TrayIcon::showAuditLog()
{
    if (!m_audit) {
        m_audit = new AuditViewer(m_guard->dataDir());
        m_audit->setWindowTitle(tr("SendGuard — audit log"));
        m_audit->setWindowFlag(Qt::Window);
        m_audit->resize(980, 520);
    } else {
        m_audit->reload();
    }
    m_audit->show();
    m_audit->raise();
    m_audit->activateWindow();
}

void TrayIcon::showQueueWindow()
{
    if (!m_window) {
        Guard* guard = m_guard;
        m_window = new QueueWindow(guard->queue(),
                                   [guard](const QString& id) { return guard->messagePath(id); });
        m_window->setAttribute(Qt::WA_DeleteOnClose, false);
    }
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

void TrayIcon::setConfigFile(const QString& path)
{
    m_configFile = path;
    if (m_settingsAction)
        m_settingsAction->setEnabled(!path.isEmpty());
    // First start: show how to point the mail program at SendGuard.
    if (FirstRunDialog::isFirstRun(path))
        QTimer::singleShot(0, this, [this] { showMailSetup(); });
}

void TrayIcon::showSettings()
{
    if (m_configFile.isEmpty())
        return;
    if (!m_settings) {
        // A new window each time: it reads the file and the organisation's policy afresh.
        m_settings =
            new SettingsWindow(m_configFile, m_guard->dataDir(), MachinePolicy::readSystem());
        m_settings->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_settings, &SettingsWindow::mailSetupRequested, this,
                [this](quint16 port) { showMailSetup(port); });
    }
    m_settings->show();
    m_settings->raise();
    m_settings->activateWindow();
}

void TrayIcon::showMailSetup(quint16 port)
{
    if (m_mailSetup) {
        m_mailSetup->raise();
        m_mailSetup->activateWindow();
        return;
    }
    MailSetupInfo info = MailSetupInfo::read(m_guard->config(), m_guard->dataDir());
    if (port != 0)
        info.port = port;
    const bool firstRun = FirstRunDialog::isFirstRun(m_configFile);
    m_mailSetup = new FirstRunDialog(info, firstRun);
    m_mailSetup->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_mailSetup, &FirstRunDialog::settingsRequested, this, &TrayIcon::showSettings);
    if (firstRun) {
        FirstRunDialog* dialog = m_mailSetup;
        connect(m_mailSetup, &QDialog::finished, this, [this, dialog] {
            if (!dialog->closedByUser())
                return; // SendGuard is quitting: show the page again at the next start
            QString error;
            if (!FirstRunDialog::markFirstRunDone(m_configFile, &error))
                qWarning().noquote() << "cannot create" << m_configFile << ":" << error;
        });
    }
    m_mailSetup->show();
    m_mailSetup->raise();
    m_mailSetup->activateWindow();
}

QString TrayIcon::statusText() const
{
    MessageQueue* queue = m_guard->queue();
    const int held = queue->heldCount();
    if (held == 0)
        return tr("SendGuard: no messages held");
    QString text = tr("SendGuard: %n message(s) held", nullptr, held);
    const QDateTime next = queue->nextRelease();
    if (next.isValid()) {
        const qint64 secs = qMax<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(next));
        text +=
            QLatin1Char('\n') +
            tr("next one leaves in %1:%2").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
    }
    return text;
}

void TrayIcon::refresh()
{
    const bool countingDown = m_guard->queue()->nextRelease().isValid();
    if (countingDown && !m_countdown.isActive())
        m_countdown.start();
    else if (!countingDown)
        m_countdown.stop();
    if (m_icon)
        m_icon->setToolTip(statusText());
}

void TrayIcon::notify(const QString& title, const QString& text)
{
    if (m_icon && QSystemTrayIcon::supportsMessages()) {
        m_icon->showMessage(title, text, QSystemTrayIcon::Information, 10000);
        return;
    }
    if (m_window)
        m_window->showNotice(title + QStringLiteral(": ") + text);
}

void TrayIcon::onEntryChanged(const QueueEntry& entry)
{
    refresh();
    const QString subject = subjectOf(entry);
    switch (entry.state) {
    case MessageState::Held:
        if (entry.attempts == 0 && entry.holdSeconds > 0 && !entry.releasePaused)
            notify(tr("Message held"),
                   tr("\"%1\" leaves in %2 seconds. You can still recall it from the queue.")
                       .arg(subject)
                       .arg(entry.holdSeconds));
        break;
    case MessageState::AwaitingConfirmation:
        notify(tr("Waiting for your confirmation"),
               tr("\"%1\" is not sent until you confirm it.").arg(subject));
        break;
    case MessageState::Sent:
        notify(tr("Message sent"), tr("\"%1\" was handed to the mail server.").arg(subject));
        break;
    case MessageState::Failed:
        notify(tr("Message not sent"),
               tr("\"%1\" could not be sent: %2").arg(subject, entry.lastError));
        break;
    case MessageState::Recalled:
        notify(tr("Message recalled"),
               tr("\"%1\" was not sent. It stays in the queue, where you can save or send it.")
                   .arg(subject));
        break;
    case MessageState::Retrying:
        if (entry.attempts == 1)
            notify(tr("Message waiting"),
                   tr("\"%1\" could not be delivered yet; SendGuard keeps trying.").arg(subject));
        break;
    case MessageState::Relaying:
        break;
    }
}

// Held messages whose hold ended while SendGuard was not running are not sent behind the user's
// back: they are named, and sent only when the user says so.
void TrayIcon::askAboutPausedMessages()
{
    MessageQueue* queue = m_guard->queue();
    const QStringList ids = queue->pausedIds();
    if (ids.isEmpty() || m_pausedQuestion)
        return;
    QStringList subjects;
    for (const QueueEntry& e : queue->entries()) {
        if (ids.contains(e.id))
            subjects << QStringLiteral("• ") + subjectOf(e);
    }
    notify(tr("Messages waiting to be sent"),
           tr("%n held message(s) reached the end of the hold while SendGuard was not running.",
              nullptr, int(ids.size())));
    if (m_guard->config().policy.releaseAfterRestart != ReleaseAfterRestart::Ask)
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("SendGuard — held messages"),
                                tr("%n message(s) were held when SendGuard stopped, and their hold "
                                   "time has passed:",
                                   nullptr, int(ids.size())) +
                                    QStringLiteral("\n\n") + subjects.join(QLatin1Char('\n')) +
                                    QStringLiteral("\n\n") + tr("Send them now?"));
    box->setObjectName(QStringLiteral("pausedQuestion"));
    QPushButton* send = box->addButton(tr("&Send now"), QMessageBox::AcceptRole);
    QPushButton* review = box->addButton(tr("&Review in the queue"), QMessageBox::RejectRole);
    box->setDefaultButton(review);
    box->setEscapeButton(review);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, send, ids] {
        if (box->clickedButton() == send) {
            for (const QString& id : ids)
                m_guard->queue()->release(id, [](bool, const QString&) {});
        } else {
            showQueueWindow();
        }
    });
    m_pausedQuestion = box;
    box->show();
}

} // namespace sendguard
