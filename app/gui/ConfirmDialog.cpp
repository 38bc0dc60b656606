// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfirmDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace sendguard {

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

ConfirmDialog::ConfirmDialog(const QueueEntry& entry, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("SendGuard — confirm sending"));
    setWindowFlag(Qt::WindowStaysOnTopHint);
    setObjectName(QStringLiteral("confirmDialog"));
    setMinimumWidth(560);

    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("Check the recipients before this message leaves your computer."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    auto* from =
        new QLabel(entry.headerFrom.isEmpty() ? entry.envelopeFrom : entry.headerFrom, this);
    from->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("From:"), from);
    auto* subject = new QLabel(entry.subject.isEmpty() ? tr("(no subject)") : entry.subject, this);
    subject->setWordWrap(true);
    subject->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Subject:"), subject);
    form->addRow(tr("Size:"), new QLabel(QLocale().formattedDataSize(entry.size), this));
    layout->addLayout(form);

    const Verdict verdict = Verdict::fromJson(entry.analysis);
    const QStringList warnings = describeFlags(verdict);
    if (!warnings.isEmpty()) {
        auto* flags = new QLabel(QStringLiteral("<ul style=\"margin-left:-20px\"><li>%1</li></ul>")
                                     .arg(warnings.join(QStringLiteral("</li><li>"))),
                                 this);
        flags->setObjectName(QStringLiteral("flags"));
        flags->setWordWrap(true);
        flags->setTextFormat(Qt::RichText);
        layout->addWidget(flags);
    }

    layout->addWidget(
        new QLabel(tr("Recipients (%n):", nullptr, int(entry.recipients.size())), this));
    auto* list = new QListWidget(this);
    list->setObjectName(QStringLiteral("recipients"));
    for (const Recipient& r : entry.recipients) {
        QString line = r.address;
        for (const RecipientInfo& info : verdict.recipients) {
            if (info.address != r.address)
                continue;
            const QString where = info.movedToBcc                          ? tr("To/Cc → Bcc")
                                  : info.field == RecipientInfo::Field::To ? tr("To")
                                  : info.field == RecipientInfo::Field::Cc ? tr("Cc")
                                                                           : tr("Bcc");
            // Marked in words, not by colour alone.
            line = QStringLiteral("%1  [%2, %3]")
                       .arg(r.address, where, info.internal ? tr("internal") : tr("EXTERNAL"));
            if (!info.lookalikeOf.isEmpty())
                line += QLatin1Char(' ') + tr("— looks like %1").arg(info.lookalikeOf);
            else if (info.firstTime)
                line += QLatin1Char(' ') + tr("— first time");
        }
        list->addItem(line);
    }
    layout->addWidget(list);

    if (!verdict.attachments.isEmpty()) {
        QStringList names;
        for (const AttachmentInfo& a : verdict.attachments)
            names << QStringLiteral("%1 (%2)").arg(a.fileName.isEmpty() ? tr("(no name)")
                                                                        : a.fileName,
                                                   QLocale().formattedDataSize(a.size));
        auto* attachments =
            new QLabel(tr("Attachments: %1").arg(names.join(QStringLiteral(", "))), this);
        attachments->setWordWrap(true);
        layout->addWidget(attachments);
    }
    if (!entry.bodyPreview.isEmpty()) {
        auto* preview = new QLabel(entry.bodyPreview.left(300), this);
        preview->setObjectName(QStringLiteral("preview"));
        preview->setWordWrap(true);
        preview->setTextFormat(Qt::PlainText);
        preview->setFrameShape(QFrame::StyledPanel);
        layout->addWidget(preview);
    }

    auto* buttons = new QDialogButtonBox(this);
    m_send = buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(tr("&Cancel"), QDialogButtonBox::RejectRole);
    m_send->setAutoDefault(false);
    m_send->setDefault(false);
    m_cancel->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    m_cancel->setFocus();
}

} // namespace sendguard
