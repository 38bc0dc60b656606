// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfirmDialog.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>
#include <algorithm>

namespace sendguard {

namespace {

// Rich text needs the user's strings escaped.
QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

// `sentence` after `text`: a space between English sentences, none after a Japanese full stop.
void appendSentence(QString* text, const QString& sentence)
{
    if (!text->isEmpty() && !text->endsWith(QChar(0x3002)))
        *text += QLatin1Char(' ');
    *text += sentence;
}

QString domainOf(const QString& address)
{
    return address.section(QLatin1Char('@'), -1).toLower();
}

QString methodLabel(const QString& method)
{
    return method == QLatin1String("smime")     ? QStringLiteral("S/MIME")
           : method == QLatin1String("openpgp") ? QStringLiteral("OpenPGP")
                                                : method;
}

constexpr int KeyColumn = 3;
constexpr int RemoveColumn = 4; // the Remove/Restore button of a recipient without a key

// Item data of a recipient line that can be removed.
constexpr int RemovedRole = Qt::UserRole + 1;    // bool
constexpr int CheckableRole = Qt::UserRole + 2;  // it had a check box
constexpr int SavedCheckRole = Qt::UserRole + 3; // its check state before it was removed
constexpr int KeyTextRole = Qt::UserRole + 4;    // the Key column's text and tooltip
constexpr int KeyTipRole = Qt::UserRole + 5;

} // namespace

ConfirmDialogOptions ConfirmDialogOptions::fromPolicy(const PolicyConfig& policy)
{
    ConfirmDialogOptions o;
    o.checkboxes = policy.confirmCheckboxes;
    o.allowCheckAll = policy.allowCheckAll;
    o.allowKeepVisible = policy.allowKeepVisible;
    o.timeoutSeconds = policy.confirmTimeoutSeconds;
    return o;
}

QStringList ConfirmDialog::describeFlags(const Verdict& v)
{
    QStringList out;
    if (v.mass)
        out << (v.movedToBcc.isEmpty()
                    ? tr("Many recipients can see each other's addresses.")
                    : tr("Many recipients: %n external address(es) will be moved to Bcc.", nullptr,
                         int(v.movedToBcc.size())));
    if (v.manyExternalDomains)
        out << tr("Recipients from %1 different outside companies will see each other's addresses "
                  "(%2).")
                   .arg(v.externalDomains.size())
                   .arg(v.externalDomains.join(QStringLiteral(", ")));
    for (const RecipientInfo& r : v.recipients) {
        if (!r.lookalikeOf.isEmpty())
            out << tr("%1 looks like %2 but is a different domain.")
                       .arg(r.domainDisplay, r.lookalikeOf);
    }
    if (v.flags().contains(QStringLiteral("first-time-recipient")))
        out << tr("You have never sent mail to some of these recipients before.");
    for (const KeywordHit& h : v.keywordHits)
        out << tr("The %1 matches the rule \"%2\".")
                   .arg(h.where == QLatin1String("subject") ? tr("subject")
                        : h.where == QLatin1String("body")  ? tr("text")
                                                            : tr("name of an attachment"),
                        h.pattern);
    if (v.senderMismatch)
        out << tr("The From address differs from the sending account.");
    return out;
}

QTreeWidgetItem* ConfirmDialog::addCheckable(QTreeWidgetItem* parent, const QStringList& columns)
{
    auto* item = new QTreeWidgetItem(parent, columns);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (m_options.checkboxes) {
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Unchecked);
    }
    return item;
}

ConfirmDialog::ConfirmDialog(const QueueEntry& entry, const ConfirmDialogOptions& options,
                             QWidget* parent)
    : QDialog(parent), m_id(entry.id), m_options(options)
{
    setWindowTitle(tr("SendGuard — confirm sending"));
    setWindowFlag(Qt::WindowStaysOnTopHint);
    setObjectName(QStringLiteral("confirmDialog"));
    setMinimumWidth(780);

    const Verdict verdict = Verdict::fromJson(entry.analysis);
    auto* layout = new QVBoxLayout(this);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->hide();
    layout->addWidget(m_notice);

    auto* intro =
        new QLabel(tr("Check the recipients and attachments before this message leaves your "
                      "computer."),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    const QString fromAddress = entry.headerFrom.isEmpty() ? entry.envelopeFrom : entry.headerFrom;
    auto* from = new QLabel(verdict.fromDisplay.isEmpty()
                                ? fromAddress
                                : QStringLiteral("%1 <%2>").arg(verdict.fromDisplay, fromAddress),
                            this);
    from->setTextInteractionFlags(Qt::TextSelectableByMouse);
    from->setTextFormat(Qt::PlainText);
    form->addRow(tr("From:"), from);
    auto* subject = new QLabel(entry.subject.isEmpty() ? tr("(no subject)") : entry.subject, this);
    subject->setObjectName(QStringLiteral("subject"));
    subject->setWordWrap(true);
    subject->setTextFormat(Qt::PlainText);
    subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Subject:"), subject);
    form->addRow(tr("Size:"), new QLabel(QLocale().formattedDataSize(entry.size), this));
    layout->addLayout(form);

    const QStringList warnings = describeFlags(verdict);
    if (!warnings.isEmpty()) {
        QStringList items;
        for (const QString& w : warnings)
            items << QStringLiteral("<li>%1</li>").arg(esc(w));
        auto* flags = new QLabel(QStringLiteral("<b>%1</b><ul style=\"margin-left:-20px\">%2</ul>")
                                     .arg(esc(tr("Please check:")), items.join(QString())),
                                 this);
        flags->setObjectName(QStringLiteral("flags"));
        flags->setWordWrap(true);
        flags->setTextFormat(Qt::RichText);
        layout->addWidget(flags);
    }

    // Recipients: External first (by domain), then Internal.
    QHash<QString, RecipientInfo> infoByAddress;
    for (const RecipientInfo& info : verdict.recipients)
        infoByAddress.insert(info.address, info);
    QMap<QString, QList<RecipientInfo>> external; // by domain
    QList<RecipientInfo> internal;
    for (const Recipient& r : entry.recipients) {
        RecipientInfo info = infoByAddress.value(r.address);
        if (info.address.isEmpty()) { // no analysis: treat as external, the careful choice
            info.address = r.address;
            info.domain = info.domainDisplay = domainOf(r.address);
        }
        if (info.internal)
            internal.append(info);
        else
            external[info.domainDisplay.isEmpty() ? info.domain : info.domainDisplay].append(info);
    }
    auto describe = [](const RecipientInfo& info) {
        const QString where = info.movedToBcc                          ? tr("To/Cc → Bcc")
                              : info.field == RecipientInfo::Field::To ? tr("To")
                              : info.field == RecipientInfo::Field::Cc ? tr("Cc")
                                                                       : tr("Bcc");
        QStringList notes;
        if (!info.lookalikeOf.isEmpty())
            notes << tr("looks like %1 — check the spelling").arg(info.lookalikeOf);
        if (info.firstTime)
            notes << tr("first time");
        if (info.blocked)
            notes << tr("blocked domain");
        if (info.trusted)
            notes << tr("trusted");
        // The address is what must be checked: it comes first, the name after it.
        const QString name = info.displayName.isEmpty()
                                 ? info.address
                                 : QStringLiteral("%1  (%2)").arg(info.address, info.displayName);
        return QStringList{name, where, notes.join(QStringLiteral(", "))};
    };

    m_recipientsLabel =
        new QLabel(tr("Recipients (%n):", nullptr, int(entry.recipients.size())), this);
    m_recipientsLabel->setObjectName(QStringLiteral("recipientsLabel"));
    layout->addWidget(m_recipientsLabel);
    // Encryption: per recipient whether a key was found (column "Key").
    const EncryptionPlan& encryption = verdict.encryption;
    const bool showKeys =
        !encryption.isOff() &&
        !(encryption.mode == QLatin1String("attachments") && encryption.attachments == 0);
    QHash<QString, RecipientKey> keys;
    for (const RecipientKey& k : encryption.recipients) {
        keys.insert(k.address.toLower(), k);
        if (k.usable)
            m_keyMethods.insert(k.address.toLower(), k.methods);
    }
    // Encryption required but impossible: the recipients without a key can be taken out.
    const bool removable = showKeys && encryption.refuse;
    auto showKeyColumn = [&](QTreeWidgetItem* item, const QString& address) {
        if (!showKeys)
            return;
        const auto it = keys.constFind(address.toLower());
        QString text, tip;
        if (it == keys.constEnd()) {
            text = QStringLiteral("—");
        } else if (!it->methods.isEmpty()) {
            QStringList labels;
            for (const QString& m : it->methods)
                labels << methodLabel(m);
            text = tr("found (%1)").arg(labels.join(QStringLiteral(", ")));
            tip = it->problem.isEmpty() ? it->description
                                        : it->description + QLatin1Char('\n') + it->problem;
        } else {
            text = tr("none: %1").arg(it->problem);
            tip = it->problem;
        }
        item->setText(KeyColumn, text);
        item->setToolTip(KeyColumn, tip.isEmpty() ? text : tip);
    };
    auto showKey = [&](QTreeWidgetItem* item, const QString& address) {
        showKeyColumn(item, address);
        if (removable && !m_keyMethods.contains(address.toLower()))
            offerRemoval(item, address);
    };

    m_recipients = new QTreeWidget(this);
    m_recipients->setObjectName(QStringLiteral("recipients"));
    QStringList headers{tr("Recipient"), tr("Field"), tr("Note")};
    if (showKeys)
        headers << tr("Key");
    if (removable)
        headers << QString(); // the Remove/Restore buttons
    m_recipients->setColumnCount(int(headers.size()));
    m_recipients->setHeaderLabels(headers);
    m_recipients->setRootIsDecorated(false);
    m_recipients->setUniformRowHeights(true);
    m_recipients->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_recipients->header()->setStretchLastSection(false);
    m_recipients->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_recipients->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    // Domains that need a second look (look-alike, blocked) first, then the others by name.
    QStringList domains = external.keys();
    auto suspicious = [&external](const QString& domain) {
        for (const RecipientInfo& info : external.value(domain)) {
            if (!info.lookalikeOf.isEmpty() || info.blocked)
                return true;
        }
        return false;
    };
    std::stable_sort(domains.begin(), domains.end(), [&](const QString& a, const QString& b) {
        return suspicious(a) && !suspicious(b);
    });
    for (const QString& domain : std::as_const(domains)) {
        const auto it = external.constFind(domain);
        auto* group = new QTreeWidgetItem(
            m_recipients,
            {tr("External — %1 (%n)", nullptr, int(it.value().size())).arg(it.key())});
        group->setFlags(Qt::ItemIsEnabled);
        group->setFirstColumnSpanned(true);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        for (const RecipientInfo& info : it.value()) {
            QTreeWidgetItem* item = addCheckable(group, describe(info));
            item->setData(0, Qt::UserRole, info.address);
            for (int c = 0; c < 3; ++c)
                item->setToolTip(c, item->text(c));
            showKey(item, info.address);
        }
    }
    if (!internal.isEmpty()) {
        auto* group =
            new QTreeWidgetItem(m_recipients, {tr("Internal (%n)", nullptr, int(internal.size()))});
        group->setFlags(Qt::ItemIsEnabled);
        group->setFirstColumnSpanned(true);
        for (const RecipientInfo& info : std::as_const(internal)) {
            auto* item = new QTreeWidgetItem(group, describe(info));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable); // internal: no check box
            item->setData(0, Qt::UserRole, info.address);
            for (int c = 0; c < 3; ++c)
                item->setToolTip(c, item->text(c));
            showKey(item, info.address);
        }
    }
    m_recipients->expandAll();
    if (showKeys) {
        // The address keeps the room: a long reason is cut short here, whole in the tooltip.
        m_recipients->resizeColumnToContents(KeyColumn);
        m_recipients->header()->setSectionResizeMode(KeyColumn, QHeaderView::Interactive);
        m_recipients->setColumnWidth(KeyColumn,
                                     qBound(80, m_recipients->columnWidth(KeyColumn), 200));
        if (removable)
            m_recipients->header()->setSectionResizeMode(RemoveColumn,
                                                         QHeaderView::ResizeToContents);
        setMinimumWidth(900);
    }
    m_recipients->setMinimumHeight(m_recipients->sizeHintForRow(0) * 7 + 30);
    // The group lines carry no check box: the keyboard cursor steps over them.
    connect(m_recipients, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* current, QTreeWidgetItem* previous) {
                if (!current || current->childCount() == 0)
                    return;
                const int group = m_recipients->indexOfTopLevelItem(current);
                const bool upwards = previous && previous->parent() &&
                                     m_recipients->indexOfTopLevelItem(previous->parent()) >= group;
                QTreeWidgetItem* target = current->child(0);
                if (upwards) { // to the last line of the group above, if any
                    if (QTreeWidgetItem* above = m_recipients->topLevelItem(group - 1))
                        target = above->child(above->childCount() - 1);
                }
                if (target)
                    m_recipients->setCurrentItem(target);
            });
    layout->addWidget(m_recipients, 3);

    if (!verdict.movedToBcc.isEmpty()) {
        auto* plan = new QLabel(
            tr("%n address(es) will be moved from To/Cc to Bcc, so that the recipients do not see "
               "each other's addresses. Everyone still receives the message.",
               nullptr, int(verdict.movedToBcc.size())),
            this);
        plan->setObjectName(QStringLiteral("bccPlan"));
        plan->setWordWrap(true);
        layout->addWidget(plan);
        if (m_options.allowKeepVisible && !entry.editsKeepingVisible.isEmpty()) {
            m_keepVisible = new QCheckBox(
                tr("&Keep all addresses visible this time (everyone sees everyone)"), this);
            m_keepVisible->setObjectName(QStringLiteral("keepVisible"));
            layout->addWidget(m_keepVisible);
        }
    }

    // What will be encrypted, or why not.
    if (!encryption.isOff()) {
        const QString method = methodLabel(encryption.method);
        QString text;
        if (encryption.encrypt) {
            text = encryption.mode == QLatin1String("message")
                       ? tr("Encryption: the whole message will be encrypted with %1; only the "
                            "sender, the recipients, the date and the subject stay readable.")
                             .arg(method)
                       : tr("Encryption: %n attachment(s) will be encrypted with %1 and sent as "
                            "encrypted files (%2); the text stays readable and says how to open "
                            "them.",
                            nullptr, encryption.attachments)
                             .arg(method, encryption.method == QLatin1String("smime")
                                              ? QStringLiteral(".p7m")
                                              : QStringLiteral(".pgp"));
            if (encryption.wholeBecauseSigned)
                appendSentence(&text,
                               tr("The message is signed: it is encrypted as a whole instead of "
                                  "attachment by attachment, so that its signature stays valid."));
            if (encryption.sender.usable)
                appendSentence(&text,
                               tr("Your own key (%1) is included, so you can read what you sent.")
                                   .arg(encryption.sender.address));
            else if (!encryption.sender.address.isEmpty())
                appendSentence(&text, tr("No key of your own was found for %1: you will not be "
                                         "able to read what you sent.")
                                          .arg(encryption.sender.address));
        } else if (encryption.refuse) {
            // The plan's reason is English (for the audit log and the mail program); the
            // dialog names the recipients without a key, whose problems the Key column says.
            QStringList keyless;
            for (const RecipientKey& k : encryption.recipients) {
                if (!k.usable)
                    keyless << k.address;
            }
            if (!keyless.isEmpty())
                text = (encryption.required
                            ? tr("Encryption is required for this message, but it cannot be "
                                 "encrypted: there is no usable key for %1 (see the Key column).")
                            : tr("This message cannot be encrypted as configured: there is no "
                                 "usable key for %1 (see the Key column)."))
                           .arg(keyless.join(QStringLiteral(", ")));
            else
                text = (encryption.required
                            ? tr("Encryption is required for this message, but it cannot be "
                                 "encrypted (see the Key column): %1.")
                            : tr("This message cannot be encrypted as configured: %1."))
                           .arg(encryption.reason);
            appendSentence(&text, encryption.overrideAllowed
                                      ? tr("It is only sent unencrypted if you choose so below.")
                                      : tr("It will not be sent unencrypted; cancel it."));
        } else if (encryption.mode == QLatin1String("attachments") && encryption.attachments == 0) {
            text = tr("Encryption: there is no attachment, so nothing is encrypted.");
        } else {
            text = tr("Encryption: this message will NOT be encrypted, because not every "
                      "recipient has a key (see the Key column). Encryption is not required "
                      "for it.");
        }
        auto* plan = new QLabel(text, this);
        plan->setObjectName(QStringLiteral("encryptionPlan"));
        plan->setWordWrap(true);
        plan->setTextFormat(Qt::PlainText);
        plan->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (!encryption.encrypt && encryption.mode != QLatin1String("off")) {
            QFont bold = plan->font();
            bold.setBold(encryption.refuse);
            plan->setFont(bold);
        }
        layout->addWidget(plan);
        setProperty("encryptionBlocked", encryption.refuse);
        // Taking out the recipients without a key helps when the others have one.
        if (!m_removable.isEmpty() && !m_keyMethods.isEmpty()) {
            m_removeKeyless = new QPushButton(this);
            m_removeKeyless->setObjectName(QStringLiteral("removeKeyless"));
            m_removeKeyless->setAutoDefault(false);
            connect(m_removeKeyless, &QPushButton::clicked, this,
                    &ConfirmDialog::removeOrRestoreAll);
            auto* row = new QHBoxLayout;
            row->addWidget(m_removeKeyless);
            row->addStretch(1);
            layout->addLayout(row);
        }
        if (!m_removable.isEmpty()) {
            m_removalNote = new QLabel(this);
            m_removalNote->setObjectName(QStringLiteral("removalNote"));
            m_removalNote->setWordWrap(true);
            m_removalNote->setTextFormat(Qt::PlainText);
            m_removalNote->hide();
            layout->addWidget(m_removalNote);
            // The keyboard's way: Del on the current line removes or restores it.
            auto* del = new QShortcut(QKeySequence::Delete, m_recipients, nullptr, nullptr,
                                      Qt::WidgetShortcut);
            connect(del, &QShortcut::activated, this, [this] {
                QTreeWidgetItem* current = m_recipients->currentItem();
                if (current && m_removable.contains(current))
                    setRemoved(current, !current->data(0, RemovedRole).toBool());
            });
        }
        if (encryption.refuse && encryption.overrideAllowed) {
            m_sendUnencrypted = new QCheckBox(tr("Send &without encryption (allowed by your "
                                                 "organisation; recorded in the audit log)"),
                                              this);
            m_sendUnencrypted->setObjectName(QStringLiteral("sendUnencrypted"));
            layout->addWidget(m_sendUnencrypted);
            connect(m_sendUnencrypted, &QCheckBox::toggled, this, [this] { updateSendButton(); });
        }
    }

    if (!verdict.attachments.isEmpty()) {
        layout->addWidget(
            new QLabel(tr("Attachments (%n):", nullptr, int(verdict.attachments.size())), this));
        m_attachments = new QTreeWidget(this);
        m_attachments->setObjectName(QStringLiteral("attachments"));
        m_attachments->setColumnCount(3);
        m_attachments->setHeaderLabels({tr("File"), tr("Size"), tr("Note")});
        m_attachments->setRootIsDecorated(false);
        m_attachments->header()->setSectionResizeMode(0, QHeaderView::Stretch);
        m_attachments->header()->setStretchLastSection(false);
        for (const AttachmentInfo& a : verdict.attachments) {
            addCheckable(m_attachments->invisibleRootItem(),
                         {a.fileName.isEmpty() ? tr("(no name)") : a.fileName,
                          QLocale().formattedDataSize(a.size),
                          a.encrypted ? tr("already encrypted (%1)").arg(a.encryption)
                          : encryption.encrypt
                              ? tr("will be encrypted (%1)").arg(methodLabel(encryption.method))
                              : tr("not encrypted")});
        }
        m_attachments->setMaximumHeight(qMin(160, 28 + 24 * int(verdict.attachments.size())));
        m_attachments->setCurrentItem(m_attachments->topLevelItem(0));
        layout->addWidget(m_attachments);
    }

    if (!entry.bodyPreview.isEmpty()) {
        // A few lines of the text, scrollable, so the recipients keep the room.
        auto* preview = new QPlainTextEdit(entry.bodyPreview.left(300), this);
        preview->setObjectName(QStringLiteral("preview"));
        preview->setReadOnly(true);
        preview->setTabChangesFocus(true);
        preview->setFixedHeight(preview->fontMetrics().lineSpacing() * 4 + 12);
        layout->addWidget(preview);
    }

    m_checkHint = new QLabel(this);
    m_checkHint->setObjectName(QStringLiteral("checkHint"));
    m_checkHint->setWordWrap(true);
    layout->addWidget(m_checkHint);

    auto* buttons = new QDialogButtonBox(this);
    if (m_options.checkboxes && m_options.allowCheckAll) {
        m_checkAll = buttons->addButton(tr("&Tick all"), QDialogButtonBox::ActionRole);
        m_checkAll->setAutoDefault(false);
        connect(m_checkAll, &QPushButton::clicked, this, &ConfirmDialog::checkAll);
    }
    m_send = buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(tr("&Cancel"), QDialogButtonBox::RejectRole);
    m_send->setAutoDefault(false);
    m_send->setDefault(false);
    m_cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_send->isEnabled())
            return;
        // Sending in clear what should be encrypted takes a second, explicit yes.
        if (m_sendUnencrypted && m_sendUnencrypted->isChecked() &&
            QMessageBox::warning(this, tr("Send without encryption?"),
                                 tr("This message should be encrypted, but not every recipient "
                                    "has a usable key. Send it UNENCRYPTED anyway? This is "
                                    "recorded in the audit log."),
                                 QMessageBox::Yes | QMessageBox::No,
                                 QMessageBox::No) != QMessageBox::Yes)
            return;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    auto onChanged = [this](QTreeWidgetItem*, int column) {
        if (column == 0)
            updateSendButton();
    };
    connect(m_recipients, &QTreeWidget::itemChanged, this, onChanged);
    if (m_attachments)
        connect(m_attachments, &QTreeWidget::itemChanged, this, onChanged);
    updateRemoval();

    // Keyboard order: the lists first (Space ticks), then the buttons.
    m_recipients->setFocus();
    if (QTreeWidgetItem* first = m_recipients->topLevelItem(0))
        m_recipients->setCurrentItem(first->childCount() ? first->child(0) : first);

    if (entry.state == MessageState::AwaitingConfirmation)
        showClientReplied(true);
}

int ConfirmDialog::uncheckedCount() const
{
    if (!m_options.checkboxes)
        return 0;
    int n = 0;
    for (QTreeWidget* tree : {m_recipients, m_attachments}) {
        if (!tree)
            continue;
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            if (((*it)->flags() & Qt::ItemIsUserCheckable) && (*it)->checkState(0) != Qt::Checked)
                ++n;
        }
    }
    return n;
}

void ConfirmDialog::checkAll()
{
    for (QTreeWidget* tree : {m_recipients, m_attachments}) {
        if (!tree)
            continue;
        for (QTreeWidgetItemIterator it(tree); *it; ++it) {
            if ((*it)->flags() & Qt::ItemIsUserCheckable)
                (*it)->setCheckState(0, Qt::Checked);
        }
    }
    updateSendButton();
}

void ConfirmDialog::updateSendButton()
{
    const int left = uncheckedCount();
    // Encryption required but impossible: Send only after choosing to send in clear.
    // Or once the recipients without a key are removed and everyone left has a key.
    bool blocked = property("encryptionBlocked").toBool();
    if (blocked && !removedRecipients().isEmpty() && !remainingMethod().isEmpty())
        blocked = false;
    if (m_sendUnencrypted)
        blocked = blocked && !m_sendUnencrypted->isChecked();
    // Nothing is sent to nobody.
    const bool nobodyLeft = remainingCount() == 0;
    m_send->setEnabled(left == 0 && !m_clientRefused && !blocked && !nobodyLeft);
    if (m_clientRefused || !m_options.checkboxes) {
        m_checkHint->hide();
        return;
    }
    m_checkHint->setVisible(true);
    m_checkHint->setText(left == 0 ? tr("Everything is ticked. Send when you are sure.")
                                   : tr("Tick each external recipient and each attachment to "
                                        "confirm it (%n left).",
                                        nullptr, left));
}

QStringList ConfirmDialog::removedRecipients() const
{
    QStringList removed;
    for (const QTreeWidgetItem* item : m_removable) {
        if (item->data(0, RemovedRole).toBool())
            removed << item->data(0, Qt::UserRole).toString();
    }
    return removed;
}

int ConfirmDialog::remainingCount() const
{
    int n = 0;
    for (QTreeWidgetItemIterator it(m_recipients); *it; ++it) {
        if ((*it)->data(0, Qt::UserRole).isValid() && !(*it)->data(0, RemovedRole).toBool())
            ++n;
    }
    return n;
}

QString ConfirmDialog::remainingMethod() const
{
    QStringList common{QStringLiteral("smime"), QStringLiteral("openpgp")};
    bool anyone = false;
    for (QTreeWidgetItemIterator it(m_recipients); *it; ++it) {
        const QTreeWidgetItem* item = *it;
        if (!item->data(0, Qt::UserRole).isValid() || item->data(0, RemovedRole).toBool())
            continue;
        anyone = true;
        const QStringList methods =
            m_keyMethods.value(item->data(0, Qt::UserRole).toString().toLower());
        common.erase(std::remove_if(common.begin(), common.end(),
                                    [&methods](const QString& m) { return !methods.contains(m); }),
                     common.end());
    }
    return !anyone || common.isEmpty() ? QString() : common.first();
}

void ConfirmDialog::offerRemoval(QTreeWidgetItem* item, const QString& address)
{
    m_removable << item;
    item->setData(0, CheckableRole, bool(item->flags() & Qt::ItemIsUserCheckable));
    item->setData(0, KeyTextRole, item->text(KeyColumn));
    item->setData(0, KeyTipRole, item->toolTip(KeyColumn));
    auto* button = new QPushButton(tr("Remove"));
    button->setObjectName(QStringLiteral("removeRecipient"));
    // Not in the Tab order (the list's Del key and the button below it are the keyboard's way),
    // so Tab still goes from the recipients to the attachments.
    button->setFocusPolicy(Qt::NoFocus);
    button->setToolTip(tr("Take %1 out of this message: it will not receive it. You can restore "
                          "it until you send. (Del key on the selected line)")
                           .arg(address));
    connect(button, &QPushButton::clicked, this,
            [this, item] { setRemoved(item, !item->data(0, RemovedRole).toBool()); });
    m_recipients->setItemWidget(item, RemoveColumn, button);
}

void ConfirmDialog::setRemoved(QTreeWidgetItem* item, bool removed)
{
    if (item->data(0, RemovedRole).toBool() == removed)
        return;
    const QString address = item->data(0, Qt::UserRole).toString();
    item->setData(0, RemovedRole, removed);
    // Struck out and greyed, and said in words in the Key column, so colour is not the only
    // sign.
    const QBrush grey = palette().brush(QPalette::Disabled, QPalette::Text);
    for (int c = 0; c <= KeyColumn; ++c) {
        QFont font = item->font(c);
        font.setStrikeOut(removed);
        item->setFont(c, font);
        if (removed)
            item->setForeground(c, grey);
        else
            item->setData(c, Qt::ForegroundRole, QVariant());
    }
    item->setText(KeyColumn, removed ? tr("removed: does not receive this message")
                                     : item->data(0, KeyTextRole).toString());
    item->setToolTip(KeyColumn,
                     removed ? item->text(KeyColumn) : item->data(0, KeyTipRole).toString());
    // A removed recipient need not be ticked; restored, it keeps the tick it had.
    if (item->data(0, CheckableRole).toBool()) {
        if (removed) {
            item->setData(0, SavedCheckRole, int(item->checkState(0)));
            item->setFlags(item->flags() & ~Qt::ItemIsUserCheckable);
            item->setData(0, Qt::CheckStateRole, QVariant());
        } else {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(0, Qt::CheckState(item->data(0, SavedCheckRole).toInt()));
        }
    }
    if (auto* button = qobject_cast<QPushButton*>(m_recipients->itemWidget(item, RemoveColumn))) {
        button->setText(removed ? tr("Restore") : tr("Remove"));
        button->setToolTip(removed ? tr("Put %1 back: it will receive this message again. (Del "
                                        "key on the selected line)")
                                         .arg(address)
                                   : tr("Take %1 out of this message: it will not receive it. "
                                        "You can restore it until you send. (Del key on the "
                                        "selected line)")
                                         .arg(address));
    }
    updateRemoval();
}

void ConfirmDialog::removeOrRestoreAll()
{
    bool anyLeft = false;
    for (const QTreeWidgetItem* item : std::as_const(m_removable))
        anyLeft = anyLeft || !item->data(0, RemovedRole).toBool();
    for (QTreeWidgetItem* item : std::as_const(m_removable))
        setRemoved(item, anyLeft);
    // Back to the list, on the first line still to be ticked, so the keyboard can go on.
    m_recipients->setFocus();
    for (QTreeWidgetItemIterator it(m_recipients); *it; ++it) {
        if (((*it)->flags() & Qt::ItemIsUserCheckable) && (*it)->checkState(0) != Qt::Checked) {
            m_recipients->setCurrentItem(*it);
            break;
        }
    }
}

void ConfirmDialog::updateRemoval()
{
    const int removed = int(removedRecipients().size());
    const int remaining = remainingCount();
    const QString method = remainingMethod();
    if (removed == 0)
        m_recipientsLabel->setText(tr("Recipients (%n):", nullptr, remaining));
    else
        m_recipientsLabel->setText(tr("Recipients (%1 of %2; %n removed):", nullptr, removed)
                                       .arg(remaining)
                                       .arg(remaining + removed));
    if (m_removeKeyless) {
        const int keep = int(m_removable.size()) - removed;
        m_removeKeyless->setText(
            keep > 0 ? tr("&Remove the recipients without a key (%n)", nullptr, keep)
                     : tr("&Restore the removed recipients (%n)", nullptr, removed));
    }
    if (m_removalNote) {
        bool keyless = false;
        for (QTreeWidgetItemIterator it(m_recipients); *it; ++it) {
            const QTreeWidgetItem* item = *it;
            keyless =
                keyless ||
                (item->data(0, Qt::UserRole).isValid() && !item->data(0, RemovedRole).toBool() &&
                 !m_keyMethods.contains(item->data(0, Qt::UserRole).toString().toLower()));
        }
        QString text;
        if (removed == 0)
            text.clear();
        else if (remaining == 0)
            text = tr("Every recipient is removed, so there is nothing to send. Restore a "
                      "recipient or cancel.");
        else if (!method.isEmpty())
            text = tr("%n recipient(s) removed: they will not receive this message, so send it "
                      "to them another way. Everyone left has a key: the message will be "
                      "encrypted with %1.",
                      nullptr, removed)
                       .arg(methodLabel(method));
        else if (keyless)
            text = tr("%n recipient(s) removed: they will not receive this message. Some "
                      "recipients left still have no key, so it still cannot be encrypted.",
                      nullptr, removed);
        else
            text = tr("%n recipient(s) removed: they will not receive this message. The "
                      "recipients left do not all have the same kind of key (S/MIME or "
                      "OpenPGP), so it still cannot be encrypted.",
                      nullptr, removed);
        m_removalNote->setText(text);
        m_removalNote->setVisible(!text.isEmpty());
    }
    // Once everyone left can be encrypted to, sending in clear is no longer a question.
    if (m_sendUnencrypted) {
        const bool solved = removed > 0 && !method.isEmpty();
        if (solved)
            m_sendUnencrypted->setChecked(false);
        m_sendUnencrypted->setEnabled(!solved);
    }
    updateSendButton();
}

void ConfirmDialog::closeEvent(QCloseEvent* event)
{
    // The window system's close button is the user's Cancel; a close that does not come from
    // the window system is the application quitting.
    if (!event->spontaneous())
        m_closedWithoutAnswer = true;
    QDialog::closeEvent(event);
}

bool ConfirmDialog::keepVisible() const
{
    return m_keepVisible && m_keepVisible->isChecked();
}

void ConfirmDialog::showClientReplied(bool deferred)
{
    if (deferred) {
        m_notice->setText(
            tr("Your mail program could not wait any longer and was told that the message was "
               "accepted. It waits in SendGuard and is not sent until you click Send. Cancel "
               "keeps it in the queue as recalled, where you can save it."));
    } else {
        m_clientRefused = true;
        m_notice->setText(
            tr("Your mail program could not wait any longer and was told to try again later: "
               "the message was not sent and is still in your mail program. Close this window "
               "and send it again when you are ready."));
        m_cancel->setText(tr("&Close"));
        if (m_checkAll)
            m_checkAll->setEnabled(false);
    }
    m_notice->show();
    updateSendButton();
}

} // namespace sendguard
