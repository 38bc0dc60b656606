// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayIcon.h"

#include "Guard.h"
#include "MessageQueue.h"
#include "QueueEntry.h"

#include <QApplication>
#include <QMenu>
#include <QStyle>
#include <QSystemTrayIcon>

namespace sendguard {

TrayIcon::TrayIcon(Guard* guard, QObject* parent) : QObject(parent), m_guard(guard)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_icon = new QSystemTrayIcon(QIcon(QStringLiteral(":/icons/sendguard.svg")), this);
    m_menu = new QMenu;
    m_menu->addAction(tr("Quit SendGuard"), qApp, &QCoreApplication::quit);
    m_icon->setContextMenu(m_menu);
    connect(guard->queue(), &MessageQueue::entryChanged, this, &TrayIcon::refresh);
    connect(guard->queue(), &MessageQueue::entryChanged, this, [this](const QueueEntry& entry) {
        // Tell the user when something needs attention; quiet otherwise.
        const QString subject = entry.subject.isEmpty() ? tr("(no subject)") : entry.subject;
        if (entry.state == MessageState::Failed)
            m_icon->showMessage(tr("Message not sent"),
                                tr("\"%1\" could not be sent: %2").arg(subject, entry.lastError),
                                QSystemTrayIcon::Warning, 15000);
        else if (entry.state == MessageState::Retrying && entry.attempts == 1)
            m_icon->showMessage(
                tr("Message waiting"),
                tr("\"%1\" could not be delivered yet; SendGuard keeps trying.").arg(subject),
                QSystemTrayIcon::Information, 8000);
    });
    connect(guard->queue(), &MessageQueue::entryRemoved, this, &TrayIcon::refresh);
    refresh();
    m_icon->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu;
}

void TrayIcon::refresh()
{
    if (!m_icon)
        return;
    const int held = m_guard->queue()->heldCount();
    m_icon->setToolTip(held == 0 ? tr("SendGuard: no messages held")
                                 : tr("SendGuard: %n message(s) held", nullptr, held));
}

} // namespace sendguard
