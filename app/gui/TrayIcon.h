// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditViewer.h"
#include "QueueWindow.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QAction;
class QMenu;
class QMessageBox;
class QSystemTrayIcon;

namespace sendguard {

class FirstRunDialog;
class Guard;
class SettingsWindow;
struct QueueEntry;

// The tray icon: how many messages are held and when the next one leaves, notifications for
// held, sent, failed and recalled messages, and the way into the queue window. Where the desktop
// has no tray, the queue window stands in for it.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(Guard* guard, QObject* parent = nullptr);
    ~TrayIcon() override;

    void showQueueWindow();
    // The audit trail, listed and filtered.
    void showAuditLog();
    // The configuration file SendGuard runs with: the settings window saves there. When it does
    // not exist yet (the first start), the mail program set-up page is shown.
    void setConfigFile(const QString& path);
    void showSettings();
    void showMailSetup(quint16 port = 0);
    QueueWindow* queueWindow() const { return m_window; }
    // The tool tip text (also what tests look at).
    QString statusText() const;

public Q_SLOTS:
    // A desktop notification (or, without a tray, a line in the queue window).
    void notify(const QString& title, const QString& text);

private:
    void refresh();
    void onEntryChanged(const QueueEntry& entry);
    void askAboutPausedMessages();

    Guard* m_guard;
    QSystemTrayIcon* m_icon = nullptr;
    QMenu* m_menu = nullptr;
    QPointer<QueueWindow> m_window;
    QPointer<AuditViewer> m_audit;
    QPointer<QMessageBox> m_pausedQuestion;
    QPointer<SettingsWindow> m_settings;
    QPointer<FirstRunDialog> m_mailSetup;
    QAction* m_settingsAction = nullptr;
    QString m_configFile;
    QTimer m_countdown;
};

} // namespace sendguard
