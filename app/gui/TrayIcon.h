// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSystemTrayIcon;
class QMenu;

namespace sendguard {

class Guard;

// The tray icon: how many messages are held, and a way to quit.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    explicit TrayIcon(Guard* guard, QObject* parent = nullptr);
    ~TrayIcon() override;

private:
    void refresh();

    Guard* m_guard;
    QSystemTrayIcon* m_icon = nullptr;
    QMenu* m_menu = nullptr;
};

} // namespace sendguard
