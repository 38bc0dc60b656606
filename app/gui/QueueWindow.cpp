// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueueWindow.h"

#include "MessageQueue.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sendguard {

namespace {

constexpr int IdRole = Qt::UserRole;
constexpr int CreatedRole = Qt::UserRole + 1;

// A row of the list; rows sort by creation time (then ID, which sorts by time too), whatever
// the column.
class QueueItem : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;

    bool operator<(const QTreeWidgetItem& other) const override
    {
        const qint64 mine = data(0, CreatedRole).toLongLong();
        const qint64 theirs = other.data(0, CreatedRole).toLongLong();
        if (mine != theirs)
            return mine < theirs;
        return data(0, IdRole).toString() < other.data(0, IdRole).toString();
    }
};

QString localTime(const QDateTime& t, QLocale::FormatType format)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), format) : QString();
}

// Copies `source` to `target` through a QSaveFile, so an existing file is only replaced by a
// complete copy.
bool copyFile(const QString& source, const QString& target, QString* error)
{
    QFile in(source);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = in.errorString();
        return false;
    }
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = out.errorString();
        return false;
    }
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = in.read(buffer.data(), buffer.size());
        if (n < 0) {
            *error = in.errorString();
            out.cancelWriting();
            return false;
        }
        if (n == 0)
            break;
        if (out.write(buffer.constData(), n) != n) {
            *error = out.errorString();
            out.cancelWriting();
            return false;
        }
    }
    if (!out.commit()) {
        *error = out.errorString();
        return false;
    }
    return true;
}

} // namespace

QueueWindow::QueueWindow(MessageQueue* queue, std::function<QString(const QString&)> bodyPath,
                         QWidget* parent)
    : QWidget(parent, Qt::Window), m_queue(queue), m_bodyPath(std::move(bodyPath))
{
    setWindowTitle(tr("SendGuard — queue"));
    setObjectName(QStringLiteral("queueWindow"));
    resize(820, 420);

    m_confirmSendNow = [this](const QueueEntry&) {
        return QMessageBox::question(this, tr("SendGuard — send now"),
                                     tr("This message has not been confirmed yet. Send it now?"),
                                     QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
    m_saveFileName = [this](const QString& suggested) {
        return QFileDialog::getSaveFileName(this, tr("Save message as"), suggested,
                                            tr("E-mail messages (*.eml);;All files (*)"));
    };

    auto* layout = new QVBoxLayout(this);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("queueList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels(
        {tr("Subject"), tr("Recipients"), tr("State"), tr("Sends"), tr("Received")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->header()->setSectionsClickable(false);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(SubjectColumn, QHeaderView::Stretch);
    m_list->setColumnWidth(RecipientsColumn, 190);
    m_list->setColumnWidth(StateColumn, 120);
    m_list->setColumnWidth(SendsColumn, 110);
    m_list->setColumnWidth(ReceivedColumn, 130);
    m_list->setAccessibleName(tr("Messages in the queue"));

    m_empty = new QLabel(tr("No messages are waiting."), this);
    m_empty->setObjectName(QStringLiteral("emptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);

    auto* stack = new QStackedWidget(this);
    stack->setObjectName(QStringLiteral("queueStack"));
    stack->addWidget(m_empty);
    stack->addWidget(m_list);
    layout->addWidget(stack, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto* buttons = new QHBoxLayout;
    m_sendNow = new QPushButton(tr("&Send now"), this);
    m_sendNow->setObjectName(QStringLiteral("sendNow"));
    m_recall = new QPushButton(tr("&Recall"), this);
    m_recall->setObjectName(QStringLiteral("recall"));
    m_details = new QPushButton(tr("&Details"), this);
    m_details->setObjectName(QStringLiteral("details"));
    m_save = new QPushButton(tr("Save as .&eml"), this);
    m_save->setObjectName(QStringLiteral("saveEml"));
    m_close = new QPushButton(tr("&Close"), this);
    m_close->setObjectName(QStringLiteral("close"));
    for (QPushButton* b : {m_sendNow, m_recall, m_details, m_save, m_close}) {
        b->setAutoDefault(false);
        buttons->addWidget(b);
        if (b == m_save)
            buttons->addStretch(1);
    }
    layout->addLayout(buttons);

    setTabOrder(m_list, m_sendNow);
    setTabOrder(m_sendNow, m_recall);
    setTabOrder(m_recall, m_details);
    setTabOrder(m_details, m_save);
    setTabOrder(m_save, m_close);

    connect(m_sendNow, &QPushButton::clicked, this, &QueueWindow::sendNow);
    connect(m_recall, &QPushButton::clicked, this, &QueueWindow::recall);
    connect(m_details, &QPushButton::clicked, this, &QueueWindow::showDetails);
    connect(m_save, &QPushButton::clicked, this, &QueueWindow::saveAsEml);
    connect(m_close, &QPushButton::clicked, this, &QWidget::close);
    connect(new QShortcut(QKeySequence::Cancel, this), &QShortcut::activated, this,
            &QWidget::close);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &QueueWindow::updateButtons);
    // Enter or a double click on a row.
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { showDetails(); });

    m_tick = new QTimer(this);
    m_tick->setObjectName(QStringLiteral("countdownTimer"));
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &QueueWindow::updateCountdowns);

    connect(m_queue, &MessageQueue::entryChanged, this, &QueueWindow::onEntryChanged);
    connect(m_queue, &MessageQueue::entryRemoved, this, &QueueWindow::onEntryRemoved);
    reload();
}

QueueWindow::~QueueWindow() = default;

void QueueWindow::setConfirmSendNow(ConfirmSendNow hook)
{
    m_confirmSendNow = std::move(hook);
}

void QueueWindow::setSaveFileName(SaveFileName hook)
{
    m_saveFileName = std::move(hook);
}

QString QueueWindow::stateText(MessageState state)
{
    switch (state) {
    case MessageState::AwaitingConfirmation:
        return tr("Awaiting confirmation");
    case MessageState::Held:
        return tr("Held");
    case MessageState::Relaying:
        return tr("Sending");
    case MessageState::Retrying:
        return tr("Waiting to retry");
    case MessageState::Failed:
        return tr("Failed");
    case MessageState::Recalled:
        return tr("Recalled");
    case MessageState::Sent:
        return tr("Sent");
    }
    return {};
}

QString QueueWindow::shortRecipients(const QStringList& addresses)
{
    switch (addresses.size()) {
    case 0:
        return tr("(no recipients)");
    case 1:
        return addresses.first();
    case 2:
        return tr("%1, %2").arg(addresses.at(0), addresses.at(1));
    default:
        return tr("%1, %2 and %n more", nullptr, int(addresses.size()) - 2)
            .arg(addresses.at(0), addresses.at(1));
    }
}

QString QueueWindow::countdownText(const QDateTime& when, const QDateTime& now)
{
    const qint64 ms = now.msecsTo(when);
    if (ms <= 0)
        return tr("now");
    const qint64 secs = (ms + 999) / 1000; // "in 0:01" until it is really due
    const qint64 h = secs / 3600;
    const qint64 m = secs % 3600 / 60;
    const qint64 s = secs % 60;
    const QString clock = h > 0 ? QStringLiteral("%1:%2:%3")
                                      .arg(h)
                                      .arg(m, 2, 10, QLatin1Char('0'))
                                      .arg(s, 2, 10, QLatin1Char('0'))
                                : QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
    return tr("in %1").arg(clock);
}

QString QueueWindow::suggestedFileName(const QString& subject)
{
    QString name;
    name.reserve(subject.size());
    for (const QChar c : subject) {
        // Characters no common file system (or Windows) accepts, and control characters.
        if (c.isSpace())
            name += QLatin1Char(' ');
        else if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
                 QStringLiteral("/\\:*?\"<>|").contains(c))
            name += QLatin1Char('_');
        else
            name += c;
    }
    name = name.simplified();
    // No hidden files, no trailing dots (Windows drops them).
    while (name.startsWith(QLatin1Char('.')) || name.endsWith(QLatin1Char('.')))
        name = name.startsWith(QLatin1Char('.')) ? name.mid(1) : name.chopped(1);
    constexpr int maxLength = 100;
    if (name.size() > maxLength) {
        int cut = maxLength;
        if (name.at(cut - 1).isHighSurrogate())
            --cut;
        name = name.left(cut).trimmed();
    }
    if (name.isEmpty())
        name = tr("message");
    return name + QStringLiteral(".eml");
}

QString QueueWindow::detailsText(const QueueEntry& e)
{
    QStringList lines;
    lines << tr("ID: %1").arg(e.id);
    lines << tr("State: %1").arg(stateText(e.state));
    lines << tr("Created: %1").arg(localTime(e.createdAt, QLocale::LongFormat));
    if (e.releaseAt.isValid())
        lines << tr("Release: %1").arg(localTime(e.releaseAt, QLocale::LongFormat));
    if (e.state == MessageState::Retrying && e.nextAttemptAt.isValid())
        lines << tr("Next attempt: %1").arg(localTime(e.nextAttemptAt, QLocale::LongFormat));
    lines << tr("Attempts: %1").arg(e.attempts);
    if (!e.lastError.isEmpty())
        lines << tr("Last error: %1").arg(e.lastError);
    lines << tr("Envelope sender: %1")
                 .arg(e.envelopeFrom.isEmpty() ? tr("(none: <>)") : e.envelopeFrom);
    if (!e.headerFrom.isEmpty())
        lines << tr("From: %1").arg(e.headerFrom);
    lines << tr("Subject: %1").arg(e.subject.isEmpty() ? tr("(no subject)") : e.subject);
    lines << tr("Size: %1").arg(QLocale().formattedDataSize(e.size));
    if (!e.confirmedBy.isEmpty())
        lines << tr("Confirmed: %1")
                     .arg(e.confirmedBy == QLatin1String("user")           ? tr("by the user")
                          : e.confirmedBy == QLatin1String("auto-confirm") ? tr("automatically")
                                                                           : e.confirmedBy);

    lines << QString() << tr("Recipients (%n):", nullptr, int(e.recipients.size()));
    for (const Recipient& r : e.recipients) {
        const QString status = r.status == Recipient::Status::Delivered ? tr("delivered")
                               : r.status == Recipient::Status::Refused ? tr("refused")
                                                                        : tr("not yet sent");
        QString line = tr("  %1 — %2").arg(r.address, status);
        if (!r.reply.isEmpty())
            line += QLatin1Char(' ') + tr("(server: %1)").arg(r.reply);
        lines << line;
    }
    // Taken out in the confirm dialog (no key for the encryption): they get nothing.
    const QJsonArray removed = e.analysis.value(QStringLiteral("removed_recipients")).toArray();
    if (!removed.isEmpty()) {
        lines << QString()
              << tr("Removed by you before sending (%n), not sent to:", nullptr,
                    int(removed.size()));
        for (const QJsonValue& address : removed)
            lines << QStringLiteral("  ") + address.toString();
    }

    const QJsonArray flags = e.analysis.value(QStringLiteral("flags")).toArray();
    if (!flags.isEmpty()) {
        lines << QString() << tr("Warnings:");
        for (const QJsonValue& f : flags) {
            const QString flag = f.toString();
            QString text = flag;
            if (flag == QLatin1String("mass"))
                text = tr("many recipients");
            else if (flag == QLatin1String("many-external-domains"))
                text = tr("recipients from many outside companies");
            else if (flag == QLatin1String("lookalike-domain"))
                text = tr("a domain that looks like a trusted one");
            else if (flag == QLatin1String("first-time-recipient"))
                text = tr("a recipient you have never written to");
            else if (flag == QLatin1String("keyword"))
                text = tr("matches a keyword rule");
            else if (flag == QLatin1String("sender-mismatch"))
                text = tr("the From address differs from the sending account");
            else if (flag == QLatin1String("blocked-domain"))
                text = tr("a blocked domain");
            lines << QStringLiteral("  ") + text;
        }
    }

    const QJsonArray attachments = e.analysis.value(QStringLiteral("attachments")).toArray();
    if (!attachments.isEmpty()) {
        lines << QString() << tr("Attachments (%n):", nullptr, int(attachments.size()));
        for (const QJsonValue& value : attachments) {
            const QJsonObject a = value.toObject();
            const QString name = a.value(QStringLiteral("name")).toString();
            QString line =
                tr("  %1 (%2)")
                    .arg(name.isEmpty() ? tr("(no name)") : name,
                         QLocale().formattedDataSize(a.value(QStringLiteral("size")).toInteger()));
            if (a.value(QStringLiteral("encrypted")).toBool())
                line += QLatin1Char(' ') +
                        tr("[encrypted: %1]").arg(a.value(QStringLiteral("encryption")).toString());
            lines << line;
        }
    }
    // The start of the text, while SendGuard runs (it is never written to disk).
    if (!e.bodyPreview.isEmpty())
        lines << QString() << tr("Text (start):") << e.bodyPreview.left(300);
    return lines.join(QLatin1Char('\n'));
}

bool QueueWindow::canSendNow(MessageState state)
{
    switch (state) {
    case MessageState::AwaitingConfirmation:
    case MessageState::Held:
    case MessageState::Retrying:
    case MessageState::Failed:
    case MessageState::Recalled:
        return true;
    case MessageState::Relaying:
    case MessageState::Sent:
        break;
    }
    return false;
}

bool QueueWindow::canRecall(MessageState state)
{
    switch (state) {
    case MessageState::AwaitingConfirmation:
    case MessageState::Held:
    case MessageState::Retrying:
    case MessageState::Failed:
        return true;
    case MessageState::Relaying:
    case MessageState::Recalled:
    case MessageState::Sent:
        break;
    }
    return false;
}

QTreeWidgetItem* QueueWindow::itemFor(const QString& id) const
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        if (item->data(0, IdRole).toString() == id)
            return item;
    }
    return nullptr;
}

QString QueueWindow::selectedId() const
{
    const QList<QTreeWidgetItem*> selected = m_list->selectedItems();
    return selected.isEmpty() ? QString() : selected.first()->data(0, IdRole).toString();
}

bool QueueWindow::selectMessage(const QString& id)
{
    QTreeWidgetItem* item = itemFor(id);
    if (!item)
        return false;
    m_list->setCurrentItem(item);
    item->setSelected(true);
    return true;
}

const QueueEntry* QueueWindow::selectedEntry() const
{
    const QString id = selectedId();
    if (id.isEmpty())
        return nullptr;
    auto it = m_entries.constFind(id);
    return it == m_entries.constEnd() ? nullptr : &*it;
}

void QueueWindow::reload()
{
    m_entries.clear();
    m_list->clear();
    const QList<QueueEntry> entries = m_queue->entries();
    for (const QueueEntry& e : entries) {
        if (e.state == MessageState::Sent)
            continue;
        m_entries.insert(e.id, e);
        auto* item = new QueueItem(m_list);
        fillRow(item, e);
    }
    m_list->sortItems(0, Qt::DescendingOrder);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateEmpty();
    updateButtons();
}

void QueueWindow::onEntryChanged(const QueueEntry& entry)
{
    if (entry.state == MessageState::Sent) {
        // Gone from the queue; entryRemoved follows.
        onEntryRemoved(entry.id);
        return;
    }
    m_entries.insert(entry.id, entry);
    QTreeWidgetItem* item = itemFor(entry.id);
    if (!item)
        item = new QueueItem(m_list);
    fillRow(item, entry);
    m_list->sortItems(0, Qt::DescendingOrder);
    updateEmpty();
    updateButtons();
}

void QueueWindow::onEntryRemoved(const QString& id)
{
    m_entries.remove(id);
    delete itemFor(id);
    updateEmpty();
    updateButtons();
}

void QueueWindow::fillRow(QTreeWidgetItem* item, const QueueEntry& e)
{
    item->setData(0, IdRole, e.id);
    item->setData(0, CreatedRole, e.createdAt.isValid() ? e.createdAt.toMSecsSinceEpoch() : 0);

    item->setText(SubjectColumn, e.subject.isEmpty() ? tr("(no subject)") : e.subject);
    item->setToolTip(SubjectColumn, e.headerFrom.isEmpty() ? e.subject
                                                           : tr("From: %1").arg(e.headerFrom) +
                                                                 QLatin1Char('\n') + e.subject);
    const QStringList addresses = e.recipientAddresses();
    item->setText(RecipientsColumn, shortRecipients(addresses));
    item->setToolTip(RecipientsColumn, addresses.join(QLatin1Char('\n')));
    item->setText(StateColumn, stateText(e.state));
    item->setToolTip(StateColumn, e.lastError);
    item->setText(ReceivedColumn, localTime(e.createdAt, QLocale::ShortFormat));

    item->setText(SendsColumn, sendsText(e, QDateTime::currentDateTimeUtc()));
}

QString QueueWindow::sendsText(const QueueEntry& e, const QDateTime& now)
{
    if (e.state == MessageState::Held && e.releaseAt.isValid())
        return countdownText(e.releaseAt, now);
    if (e.state == MessageState::Retrying && e.nextAttemptAt.isValid())
        return tr("next try %1").arg(countdownText(e.nextAttemptAt, now));
    return {};
}

void QueueWindow::updateCountdowns()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem* item = m_list->topLevelItem(i);
        auto it = m_entries.constFind(item->data(0, IdRole).toString());
        if (it != m_entries.constEnd())
            item->setText(SendsColumn, sendsText(*it, now));
    }
}

void QueueWindow::updateButtons()
{
    const QueueEntry* e = selectedEntry();
    m_sendNow->setEnabled(e && canSendNow(e->state));
    m_recall->setEnabled(e && canRecall(e->state));
    m_details->setEnabled(e != nullptr);
    m_save->setEnabled(e && m_bodyPath && QFileInfo::exists(m_bodyPath(e->id)));
}

void QueueWindow::updateEmpty()
{
    auto* stack = qobject_cast<QStackedWidget*>(m_list->parentWidget());
    if (!stack)
        return;
    const bool empty = m_list->topLevelItemCount() == 0;
    stack->setCurrentWidget(empty ? static_cast<QWidget*>(m_empty) : m_list);
}

void QueueWindow::showStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setProperty("error", error);
}

void QueueWindow::showNotice(const QString& text)
{
    showStatus(text, false);
}

void QueueWindow::sendNow()
{
    const QueueEntry* selected = selectedEntry();
    if (!selected)
        return;
    const QueueEntry entry = *selected;
    if (entry.state == MessageState::AwaitingConfirmation && m_confirmSendNow &&
        !m_confirmSendNow(entry))
        return;
    const QString subject = entry.subject.isEmpty() ? tr("(no subject)") : entry.subject;
    QPointer<QueueWindow> self(this);
    m_queue->release(entry.id, [self, subject](bool ok, const QString& error) {
        if (!self)
            return;
        if (ok)
            self->showStatus(tr("\"%1\" is being sent now.").arg(subject), false);
        else
            self->showStatus(tr("Could not send \"%1\": %2").arg(subject, error), true);
    });
}

void QueueWindow::recall()
{
    const QueueEntry* selected = selectedEntry();
    if (!selected)
        return;
    const QString id = selected->id;
    const QString subject = selected->subject.isEmpty() ? tr("(no subject)") : selected->subject;
    QPointer<QueueWindow> self(this);
    m_queue->recall(id, [self, subject](bool ok, const QString& error) {
        if (!self)
            return;
        if (ok)
            self->showStatus(tr("\"%1\" was recalled and will not be sent.").arg(subject), false);
        else
            self->showStatus(tr("Could not recall \"%1\": %2").arg(subject, error), true);
    });
}

QDialog* QueueWindow::showDetails()
{
    const QueueEntry* selected = selectedEntry();
    if (!selected)
        return nullptr;
    auto* dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("queueDetails"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setModal(false);
    dialog->setWindowTitle(tr("SendGuard — message details"));
    dialog->resize(620, 460);
    auto* layout = new QVBoxLayout(dialog);
    auto* text = new QPlainTextEdit(dialog);
    text->setObjectName(QStringLiteral("detailsText"));
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    text->setPlainText(detailsText(*selected));
    layout->addWidget(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    text->setFocus();
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

void QueueWindow::saveAsEml()
{
    const QueueEntry* selected = selectedEntry();
    if (!selected || !m_bodyPath)
        return;
    const QString source = m_bodyPath(selected->id);
    const QString subject = selected->subject;
    if (!QFileInfo::exists(source)) {
        showStatus(tr("The message file is no longer in the spool."), true);
        updateButtons();
        return;
    }
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    const QString suggested = QDir(folder).filePath(suggestedFileName(subject));
    const QString target = m_saveFileName ? m_saveFileName(suggested) : QString();
    if (target.isEmpty())
        return;
    QString error;
    if (copyFile(source, target, &error))
        showStatus(tr("Saved a copy to %1.").arg(QDir::toNativeSeparators(target)), false);
    else
        showStatus(
            tr("Could not save the message to %1: %2").arg(QDir::toNativeSeparators(target), error),
            true);
}

void QueueWindow::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    updateCountdowns();
    if (!m_tick->isActive())
        m_tick->start();
}

void QueueWindow::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_tick->stop();
}

} // namespace sendguard
