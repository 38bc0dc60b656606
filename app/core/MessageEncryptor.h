// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EncryptionBackend.h"
#include "Verdict.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <atomic>

namespace sendguard {

// One message to encrypt: the spooled file, its header edits, and how.
struct EncryptionJob
{
    QString id;
    QString source;          // spool/queue/ID.eml, never changed
    QList<HeaderEdit> edits; // applied first (the Bcc removal, a move to Bcc)
    QString mode;            // "attachments" or "message"
    QString method;          // "smime" or "openpgp"
    QStringList to;          // every address to encrypt to (the copy's recipients, the sender)
    QString workDir;         // for temporary files (spool/tmp, emptied at every start)
    QString target;          // where the copy goes (spool/queue/ID.enc.eml, ID.enc-N.eml)
};

struct EncryptionResult
{
    QString id;
    bool ok = false;
    QString error; // names the file, key or recipient concerned
    qint64 size = 0;
    quint32 crc32 = 0;
    int parts = 0; // what was encrypted: the attachments, or 1 for the whole message
    // The message is signed (a signature its attachments are under, mimeparts::isSignature):
    // it was encrypted whole, so the signature stays valid inside the encryption.
    bool signatureKept = false;
    // Mode "attachments" was asked for, but the message is signed: encrypted whole instead
    // (replacing an attachment would break the signature).
    bool wholeBecauseSigned = false;
    QStringList to;
    bool senderIncluded = false;
};

// Builds the encrypted form of a spooled message with GMime, streaming from file to file:
//  - "message": the message's MIME entity (its Content-* headers and body) is encrypted, and
//    becomes application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m (RFC 8551) or
//    multipart/encrypted; protocol="application/pgp-encrypted" with the version part and the
//    ASCII-armoured data (RFC 3156). Every other header stays outside as it was.
//  - "attachments": the decoded content of each attachment (the rule of MessageAnalyzer) goes
//    through the back end into NAME.p7m (CMS EnvelopedData) or NAME.pgp (binary OpenPGP); a
//    short note in Japanese and English on how to open them joins the text, which stays as it
//    was. A signed message (multipart/signed, S/MIME signed-data, a pkcs7-signature part) is
//    encrypted as in "message" instead: its signed entity stays intact inside the envelope.
// The result is written to a file in workDir, fsynced, and renamed to `target` (folder
// synced). Memory use does not depend on the size of the message. Temporary files are removed
// in every case; on failure nothing is left at `target`.
class MessageEncryptor
{
    Q_DECLARE_TR_FUNCTIONS(MessageEncryptor)

public:
    static constexpr int MaxParts = 10000;
    static constexpr int MaxDepth = 64;

    // `cancel`, when set during run(), makes it stop soon with an error.
    explicit MessageEncryptor(const EncryptionBackend* backend,
                              const std::atomic<bool>* cancel = nullptr);

    EncryptionResult run(const EncryptionJob& job) const;

    // The note added in mode "attachments" for method "smime" or "openpgp" (both languages at
    // once: it is for the recipients, whatever language the sender's SendGuard speaks).
    static QString attachmentNote(const QString& method);

private:
    const EncryptionBackend* m_backend;
    const std::atomic<bool>* m_cancel;
};

} // namespace sendguard
