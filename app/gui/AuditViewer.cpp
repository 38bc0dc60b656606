// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditViewer.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sendguard {

namespace {

// Newest records shown at most; the CSV export has everything.
constexpr int MaxRows = 5000;

} // namespace

QList<QPair<QString, QString>> AuditViewer::eventNames()
{
    return {
        {QStringLiteral("accepted"), tr("Accepted")},
        {QStringLiteral("confirmed"), tr("Confirmed")},
        {QStringLiteral("refused"), tr("Refused or cancelled")},
        {QStringLiteral("held"), tr("Held")},
        {QStringLiteral("relayed"), tr("Sent")},
        {QStringLiteral("recalled"), tr("Recalled")},
        {QStringLiteral("failed"), tr("Failed")},
        {QStringLiteral("moved_to_bcc"), tr("Moved to Bcc")},
        {QStringLiteral("encrypted"), tr("Encrypted")},
    };
}

QString AuditViewer::eventText(const QString& event)
{
    for (const auto& [name, text] : eventNames()) {
        if (name == event)
            return text;
    }
    return event; // the event's own name for the rarer ones
}

AuditViewer::AuditViewer(const QString& dataDir, QWidget* parent)
    : QWidget(parent), m_dataDir(dataDir)
{
    setObjectName(QStringLiteral("auditViewer"));
    auto* layout = new QVBoxLayout(this);

    auto* filters = new QHBoxLayout;
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("auditText"));
    m_text->setPlaceholderText(tr("Search subject, address, ID or detail"));
    m_text->setClearButtonEnabled(true);
    auto* textLabel = new QLabel(tr("&Find:"), this);
    textLabel->setBuddy(m_text);
    filters->addWidget(textLabel);
    filters->addWidget(m_text, 1);

    m_event = new QComboBox(this);
    m_event->setObjectName(QStringLiteral("auditEvent"));
    m_event->addItem(tr("All events"), QString());
    for (const auto& [name, text] : eventNames())
        m_event->addItem(text, name);
    auto* eventLabel = new QLabel(tr("&Event:"), this);
    eventLabel->setBuddy(m_event);
    filters->addWidget(eventLabel);
    filters->addWidget(m_event);

    m_from = new QDateEdit(QDate::currentDate().addDays(-30), this);
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(QDate::currentDate(), this);
    m_to->setCalendarPopup(true);
    auto* fromLabel = new QLabel(tr("F&rom:"), this);
    fromLabel->setBuddy(m_from);
    filters->addWidget(fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    auto* refresh = new QPushButton(tr("Re&load"), this);
    filters->addWidget(refresh);
    layout->addLayout(filters);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("auditList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels(
        {tr("Time"), tr("Event"), tr("Subject"), tr("Recipients"), tr("Detail"), tr("User")});
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->setColumnWidth(0, 150);
    m_list->setColumnWidth(1, 120);
    m_list->setColumnWidth(3, 200);
    m_list->setColumnWidth(4, 220);
    layout->addWidget(m_list, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    layout->addWidget(m_status);

    connect(m_text, &QLineEdit::returnPressed, this, &AuditViewer::reload);
    connect(m_text, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty())
            reload();
    });
    connect(m_event, &QComboBox::currentIndexChanged, this, &AuditViewer::reload);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditViewer::reload);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditViewer::reload);
    connect(refresh, &QPushButton::clicked, this, &AuditViewer::reload);
    reload();
}

AuditFilter AuditViewer::filter() const
{
    AuditFilter f;
    f.from = m_from->date();
    f.to = m_to->date();
    if (const QString event = m_event->currentData().toString(); !event.isEmpty())
        f.events = {event};
    f.text = m_text->text().trimmed();
    f.limit = MaxRows;
    return f;
}

void AuditViewer::reload()
{
    QString error;
    const QList<AuditRecord> records = AuditReader::read(m_dataDir, filter(), &error);
    m_list->clear();
    QList<QTreeWidgetItem*> items;
    items.reserve(records.size());
    for (auto it = records.crbegin(); it != records.crend(); ++it) { // newest first
        const AuditRecord& r = *it;
        auto* item = new QTreeWidgetItem(
            {QLocale().toString(r.time.toLocalTime(), QLocale::ShortFormat), eventText(r.event),
             r.subject, r.recipients.join(QStringLiteral(", ")), r.detail, r.user});
        item->setData(1, Qt::UserRole, r.event);
        item->setToolTip(1, r.event);
        item->setToolTip(2, r.subject);
        item->setToolTip(3, r.recipients.join(QLatin1Char('\n')));
        item->setToolTip(4, r.detail);
        items << item;
    }
    m_list->addTopLevelItems(items);
    if (!error.isEmpty())
        m_status->setText(tr("The audit log cannot be read completely: %1").arg(error));
    else if (records.size() >= MaxRows)
        m_status->setText(tr("The newest %n event(s) are shown; narrow the search or export the "
                             "log (sendguard audit export --csv) to see all.",
                             nullptr, int(records.size())));
    else
        m_status->setText(tr("%n event(s)", nullptr, int(records.size())));
}

} // namespace sendguard
