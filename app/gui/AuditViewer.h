// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AuditReader.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace sendguard {

// The audit trail in the tray's window: every event, newest first, filtered by text, event and
// date, read with AuditReader (the same records `sendguard audit export --csv` writes).
class AuditViewer : public QWidget
{
    Q_OBJECT

public:
    explicit AuditViewer(const QString& dataDir, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    QLineEdit* textFilter() const { return m_text; }
    QComboBox* eventFilter() const { return m_event; }
    QLabel* statusLabel() const { return m_status; }

    // The filter the controls describe.
    AuditFilter filter() const;
    // An audit event name in words ("relayed" → "Sent"); unknown names as they are.
    static QString eventText(const QString& event);

public Q_SLOTS:
    // Reads the trail again with the current filter.
    void reload();

private:
    static QList<QPair<QString, QString>> eventNames();

    QString m_dataDir;
    QLineEdit* m_text = nullptr;
    QComboBox* m_event = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QTreeWidget* m_list = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace sendguard
