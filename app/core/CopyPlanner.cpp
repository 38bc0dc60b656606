// SPDX-License-Identifier: GPL-3.0-or-later
#include "CopyPlanner.h"

#include "MessageAnalyzer.h"
#include "MessageEncryptor.h"
#include "MimeParts.h"
#include "OutboundReader.h"

#include <QSet>
#include <gmime/gmime.h>

namespace sendguard {

namespace {

constexpr qint64 ReadChunk = 64 * 1024;

void collect(InternetAddressList* list, QStringList* out)
{
    mimeparts::forEachMailbox(list, [out](InternetAddressMailbox* mailbox) {
        const char* addr = internet_address_mailbox_get_addr(mailbox);
        if (addr && *addr)
            out->append(QString::fromUtf8(addr));
    });
}

// The header block of the message as relayed, with the empty line that ends it.
bool readHeaderBlock(const QString& source, const QList<HeaderEdit>& edits, QByteArray* block,
                     QString* error)
{
    OutboundReader reader(source, edits, /*dotStuff=*/false);
    if (!reader.open(error))
        return false;
    QByteArray data;
    while (!reader.atEnd()) {
        const qsizetype searchFrom = qMax<qsizetype>(0, data.size() - 3);
        data += reader.read(ReadChunk);
        if (reader.hasError()) {
            *error = reader.errorString();
            return false;
        }
        if (data.startsWith("\r\n")) {
            *block = "\r\n"; // no header at all
            return true;
        }
        const qsizetype end = data.indexOf("\r\n\r\n", searchFrom);
        if (end >= 0) {
            *block = data.left(end + 4);
            return true;
        }
        if (data.size() > MessageAnalyzer::MaxHeaderBlock) {
            // Refused by the analysis long before; not a message SendGuard could have taken.
            *error = MessageEncryptor::tr("the message cannot be parsed as MIME");
            return false;
        }
    }
    *block = data + "\r\n"; // headers only
    return true;
}

} // namespace

bool CopyPlanner::shownAddresses(const QString& source, const QList<HeaderEdit>& edits,
                                 QStringList* shown, QString* error)
{
    QByteArray block;
    if (!readHeaderBlock(source, edits, &block, error))
        return false;
    ensureMimeLibrary();
    GPtr<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(block.constData(), size_t(block.size())));
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.p));
    g_mime_parser_set_format(parser.p, GMIME_FORMAT_MESSAGE);
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.p, nullptr));
    if (!message.p) {
        *error = MessageEncryptor::tr("the message cannot be parsed as MIME");
        return false;
    }
    QStringList found;
    collect(g_mime_message_get_addresses(message.p, GMIME_ADDRESS_TYPE_TO), &found);
    collect(g_mime_message_get_addresses(message.p, GMIME_ADDRESS_TYPE_CC), &found);
    *shown = found;
    return true;
}

QList<EncryptedCopy> CopyPlanner::split(const QStringList& envelope, const QStringList& shown)
{
    QSet<QString> visible;
    for (const QString& address : shown)
        visible.insert(MessageAnalyzer::addressKey(address));
    EncryptedCopy together;
    QList<EncryptedCopy> alone;
    for (const QString& address : envelope) {
        if (visible.contains(MessageAnalyzer::addressKey(address))) {
            together.recipients << address;
        } else {
            EncryptedCopy own;
            own.recipients << address;
            own.bcc = true;
            alone << own;
        }
    }
    QList<EncryptedCopy> copies;
    if (alone.isEmpty() || !together.recipients.isEmpty())
        copies << together;
    copies << alone;
    return copies;
}

bool CopyPlanner::plan(const QString& source, const QList<HeaderEdit>& edits,
                       const QStringList& envelope, QList<EncryptedCopy>* copies, QString* error)
{
    QStringList shown;
    if (!shownAddresses(source, edits, &shown, error))
        return false;
    *copies = split(envelope, shown);
    return true;
}

} // namespace sendguard
