// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageEncryptor.h"

#include "DurableFile.h"
#include "MessageAnalyzer.h"
#include "MimeParts.h"
#include "OutboundReader.h"

#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <array>
#include <fcntl.h>
#include <gmime/gmime.h>
#include <zlib.h>

namespace sendguard {

namespace {

constexpr qint64 CopyChunk = 256 * 1024;

// Temporary files of one run, removed when it ends, whatever the outcome.
struct TempFiles
{
    QStringList paths;
    ~TempFiles()
    {
        for (const QString& p : std::as_const(paths))
            QFile::remove(p);
    }
    QString add(const QString& path)
    {
        paths << path;
        return path;
    }
};

// A GMime stream (an attachment's decoded content) read by a back end as a QIODevice.
class GMimeStreamDevice : public QIODevice
{
public:
    GMimeStreamDevice(GMimeStream* stream, const std::atomic<bool>* cancel)
        : m_stream(stream), m_cancel(cancel)
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (m_cancel && m_cancel->load()) {
            setErrorString(MessageEncryptor::tr("SendGuard is stopping"));
            return -1;
        }
        const ssize_t n =
            g_mime_stream_read(m_stream, data, size_t(qMin<qint64>(maxSize, 1 << 20)));
        if (n < 0) {
            setErrorString(MessageEncryptor::tr("the attachment cannot be read from the spool"));
            return -1;
        }
        return qint64(n);
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    GMimeStream* m_stream;
    const std::atomic<bool>* m_cancel;
};

// A file read by a back end, stopping when SendGuard is stopping.
class CancellableFile : public QFile
{
public:
    CancellableFile(const QString& path, const std::atomic<bool>* cancel)
        : QFile(path), m_cancel(cancel)
    {
    }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (m_cancel && m_cancel->load()) {
            setErrorString(MessageEncryptor::tr("SendGuard is stopping"));
            return -1;
        }
        return QFile::readData(data, maxSize);
    }

private:
    const std::atomic<bool>* m_cancel;
};

// OpenPGP ASCII armour (RFC 4880 section 6) around what a back end writes, for PGP/MIME.
class ArmorWriter : public QIODevice
{
public:
    explicit ArmorWriter(QIODevice* out) : m_out(out)
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }

    bool begin() { return put("-----BEGIN PGP MESSAGE-----\r\n\r\n"); }

    bool finish()
    {
        if (!m_pending.isEmpty() && !put(m_pending.toBase64() + "\r\n"))
            return false;
        m_pending.clear();
        const char crc[3] = {char((m_crc >> 16) & 0xff), char((m_crc >> 8) & 0xff),
                             char(m_crc & 0xff)};
        return put('=' + QByteArray(crc, 3).toBase64() + "\r\n-----END PGP MESSAGE-----\r\n");
    }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        // CRC-24 of RFC 4880 section 6.1, a byte at a time.
        static const auto table = [] {
            std::array<quint32, 256> t{};
            for (quint32 byte = 0; byte < 256; ++byte) {
                quint32 crc = byte << 16;
                for (int bit = 0; bit < 8; ++bit) {
                    crc <<= 1;
                    if (crc & 0x1000000)
                        crc ^= 0x1864CFB;
                }
                t[byte] = crc & 0xFFFFFF;
            }
            return t;
        }();
        for (qint64 i = 0; i < size; ++i) {
            const auto index = ((m_crc >> 16) ^ static_cast<unsigned char>(data[i])) & 0xff;
            m_crc = ((m_crc << 8) ^ table[index]) & 0xFFFFFF;
        }
        m_pending.append(data, qsizetype(size));
        // 48 bytes make one line of 64 characters.
        const qsizetype whole = m_pending.size() / 48 * 48;
        if (whole > 0) {
            QByteArray lines;
            lines.reserve(whole / 48 * 66);
            for (qsizetype at = 0; at < whole; at += 48)
                lines += m_pending.mid(at, 48).toBase64() + "\r\n";
            m_pending.remove(0, whole);
            if (!put(lines))
                return -1;
        }
        return size;
    }

private:
    bool put(const QByteArray& bytes)
    {
        if (m_out->write(bytes) != bytes.size()) {
            setErrorString(m_out->errorString());
            return false;
        }
        return true;
    }

    QIODevice* m_out;
    QByteArray m_pending;
    quint32 m_crc = 0xB704CE;
};

// Writes a GMime object to `path` with CRLF line ends throughout (GMime leaves a multipart's
// epilogue as it found it; the unix2dos filter evens that out).
bool writeObject(GMimeObject* object, const QString& path, QString* error)
{
    GError* gerror = nullptr;
    GPtr<GMimeStream> file(g_mime_stream_fs_open(QFile::encodeName(path).constData(),
                                                 O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600,
                                                 &gerror));
    if (!file.p) {
        *error = MessageEncryptor::tr("cannot create %1: %2")
                     .arg(path, QString::fromUtf8(gerror ? gerror->message : "?"));
        if (gerror)
            g_error_free(gerror);
        return false;
    }
    GPtr<GMimeStream> filtered(g_mime_stream_filter_new(file.p));
    GPtr<GMimeFilter> crlf(g_mime_filter_unix2dos_new(FALSE));
    g_mime_stream_filter_add(GMIME_STREAM_FILTER(filtered.p), crlf.p);
    GMimeFormatOptions* format = g_mime_format_options_new();
    g_mime_format_options_set_newline_format(format, GMIME_NEWLINE_FORMAT_DOS);
    const ssize_t written = g_mime_object_write_to_stream(object, format, filtered.p);
    g_mime_format_options_free(format);
    if (written < 0 || g_mime_stream_flush(filtered.p) != 0 || g_mime_stream_flush(file.p) != 0) {
        *error = MessageEncryptor::tr("cannot write %1").arg(path);
        return false;
    }
    return true;
}

GMimeStream* openForReading(const QString& path, QString* error)
{
    GError* gerror = nullptr;
    GMimeStream* stream = g_mime_stream_fs_open(QFile::encodeName(path).constData(),
                                                O_RDONLY | O_CLOEXEC, 0, &gerror);
    if (!stream) {
        *error = MessageEncryptor::tr("cannot read %1: %2")
                     .arg(path, QString::fromUtf8(gerror ? gerror->message : "?"));
        if (gerror)
            g_error_free(gerror);
    }
    return stream;
}

bool copyWithEdits(const QString& source, const QList<HeaderEdit>& edits, const QString& target,
                   QString* error)
{
    OutboundReader reader(source, edits, /*dotStuff=*/false);
    if (!reader.open(error))
        return false;
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = MessageEncryptor::tr("cannot create %1: %2").arg(target, out.errorString());
        return false;
    }
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    while (!reader.atEnd()) {
        const QByteArray chunk = reader.read(CopyChunk);
        if (reader.hasError()) {
            *error = reader.errorString();
            return false;
        }
        if (!chunk.isEmpty() && out.write(chunk) != chunk.size()) {
            *error = MessageEncryptor::tr("cannot write %1: %2").arg(target, out.errorString());
            return false;
        }
    }
    return true;
}

bool checksum(const QString& path, qint64* size, quint32* crc32, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = MessageEncryptor::tr("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    uLong crc = ::crc32_z(0, nullptr, 0);
    QByteArray buffer(int(CopyChunk), Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        const qint64 n = f.read(buffer.data(), buffer.size());
        if (n < 0) {
            *error = MessageEncryptor::tr("cannot read %1: %2").arg(path, f.errorString());
            return false;
        }
        if (n == 0)
            break;
        crc = ::crc32_z(crc, reinterpret_cast<const Bytef*>(buffer.constData()), size_t(n));
        total += n;
    }
    *size = total;
    *crc32 = quint32(crc);
    return true;
}

// An attachment to replace.
struct Target
{
    GMimeMultipart* parent = nullptr; // null: the message's only part
    int index = 0;
    GMimeObject* object = nullptr;
    QString name;
    qint64 begin = 0; // its encrypted form in the payload file
    qint64 end = 0;
};

// Finds the attachments (depth first, as MessageAnalyzer lists them). False when the message
// is nested deeper or has more parts than the analysis looks at: nothing may stay unencrypted.
bool collect(GMimeObject* object, GMimeMultipart* parent, int index, int depth, bool inRelated,
             QList<Target>* out, int* count)
{
    if (!object)
        return true;
    if (depth > MessageEncryptor::MaxDepth || ++*count > MessageEncryptor::MaxParts)
        return false;
    if (GMIME_IS_MULTIPART(object)) {
        GMimeMultipart* mp = GMIME_MULTIPART(object);
        const bool related = mimeparts::isRelated(object);
        const int n = g_mime_multipart_get_count(mp);
        for (int i = 0; i < n; ++i) {
            if (!collect(g_mime_multipart_get_part(mp, i), mp, i, depth + 1, related, out, count))
                return false;
        }
        return true;
    }
    if (GMIME_IS_MESSAGE_PART(object)) {
        GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
        const char* subject = inner ? g_mime_message_get_subject(inner) : nullptr;
        const char* name = g_mime_object_get_content_disposition_parameter(object, "filename");
        if (!name)
            name = g_mime_object_get_content_type_parameter(object, "name");
        Target t{parent, index, object, {}};
        t.name = name      ? QString::fromUtf8(name)
                 : subject ? QString::fromUtf8(subject) + QStringLiteral(".eml")
                           : QStringLiteral("message.eml");
        out->append(t);
        out->last().name.replace(QLatin1Char('/'), QLatin1Char('_'));
        return true;
    }
    if (mimeparts::isAttachmentPart(object, inRelated)) {
        const char* name = g_mime_part_get_filename(GMIME_PART(object));
        Target t{parent, index, object, {}};
        t.name = name && *name ? QString::fromUtf8(name)
                               : QStringLiteral("attachment-%1").arg(out->size() + 1);
        // A name is a name, not a path.
        t.name.replace(QLatin1Char('/'), QLatin1Char('_'))
            .replace(QLatin1Char('\\'), QLatin1Char('_'));
        out->append(t);
    }
    return true;
}

// A part holding `content` (binary), sent as base64.
GMimePart* encryptedPart(const QString& method, const QString& fileName, GMimeStream* content)
{
    GMimePart* part = method == QLatin1String("smime")
                          ? g_mime_part_new_with_type("application", "pkcs7-mime")
                          : g_mime_part_new_with_type("application", "octet-stream");
    if (method == QLatin1String("smime"))
        g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "smime-type",
                                                 "enveloped-data");
    g_mime_object_set_disposition(GMIME_OBJECT(part), "attachment");
    g_mime_part_set_filename(part, fileName.toUtf8().constData()); // also the type's "name"
    GPtr<GMimeDataWrapper> wrapper(
        g_mime_data_wrapper_new_with_stream(content, GMIME_CONTENT_ENCODING_DEFAULT));
    g_mime_part_set_content(part, wrapper.p);
    g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
    return part;
}

GMimeObject* notePart(const QString& method)
{
    GMimeTextPart* note = g_mime_text_part_new_with_subtype("plain");
    g_mime_text_part_set_text(note, MessageEncryptor::attachmentNote(method).toUtf8().constData());
    g_mime_text_part_set_charset(note, "utf-8");
    g_mime_part_set_content_encoding(GMIME_PART(note), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
    g_mime_object_set_disposition(GMIME_OBJECT(note), "inline");
    return GMIME_OBJECT(note);
}

} // namespace

MessageEncryptor::MessageEncryptor(const EncryptionBackend* backend,
                                   const std::atomic<bool>* cancel)
    : m_backend(backend), m_cancel(cancel)
{
}

QString MessageEncryptor::attachmentNote(const QString& method)
{
    // Deliberately not tr(): the recipients read it, in both languages.
    if (method == QLatin1String("smime"))
        return QStringLiteral(
            "【SendGuard】添付ファイルは暗号化されています / The attachments are encrypted\n"
            "\n"
            "このメールの添付ファイルは S/MIME で暗号化されています（ファイル名の末尾に .p7m "
            "が付いています）。\n"
            "S/MIME に対応したメールソフト（Outlook、Thunderbird など）で、ご自分の証明書と"
            "秘密鍵を使って開いてください。\n"
            "コマンドで開く場合:\n"
            "  openssl cms -decrypt -binary -inform DER -in ファイル名.p7m -recip 証明書.pem "
            "-inkey 秘密鍵.pem -out ファイル名\n"
            "\n"
            "The attachments of this message are encrypted with S/MIME (their names end in "
            ".p7m).\n"
            "Open them with a mail program that supports S/MIME (Outlook, Thunderbird, ...) "
            "and your certificate and private key,\n"
            "or with the command:\n"
            "  openssl cms -decrypt -binary -inform DER -in FILE.p7m -recip cert.pem "
            "-inkey key.pem -out FILE\n");
    return QStringLiteral(
        "【SendGuard】添付ファイルは暗号化されています / The attachments are encrypted\n"
        "\n"
        "このメールの添付ファイルは OpenPGP で暗号化されています（ファイル名の末尾に .pgp "
        "が付いています）。\n"
        "GnuPG（Gpg4win の Kleopatra、GPG Suite など）で、ご自分の秘密鍵を使って復号して"
        "ください。\n"
        "コマンドで開く場合:\n"
        "  gpg --output ファイル名 --decrypt ファイル名.pgp\n"
        "\n"
        "The attachments of this message are encrypted with OpenPGP (their names end in "
        ".pgp).\n"
        "Decrypt them with GnuPG (Kleopatra of Gpg4win, GPG Suite, ...) and your private key,\n"
        "or with the command:\n"
        "  gpg --output FILE --decrypt FILE.pgp\n");
}

EncryptionResult MessageEncryptor::run(const EncryptionJob& job) const
{
    EncryptionResult result;
    result.id = job.id;
    result.to = job.to;
    auto fail = [&result](const QString& why) {
        result.ok = false;
        result.error = why;
        return result;
    };
    if (!m_backend)
        return fail(tr("no encryption back end"));
    if (job.to.isEmpty())
        return fail(tr("no recipients to encrypt to"));
    bool whole = job.mode == QLatin1String("message");
    if (!whole && job.mode != QLatin1String("attachments"))
        return fail(tr("unknown encryption mode \"%1\"").arg(job.mode));
    const bool smime = job.method == QLatin1String("smime");
    const QString extension = smime ? QStringLiteral(".p7m") : QStringLiteral(".pgp");
    ensureMimeLibrary();

    TempFiles temps;
    const QString base = job.workDir + QLatin1Char('/') + job.id;
    QString error;

    // The message as it is to be sent: with its header edits applied.
    QString input = job.source;
    if (!job.edits.isEmpty()) {
        input = temps.add(base + QStringLiteral(".plain.eml"));
        if (!copyWithEdits(job.source, job.edits, input, &error))
            return fail(error);
    }
    GPtr<GMimeStream> stream(openForReading(input, &error));
    if (!stream.p)
        return fail(error);
    GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.p));
    g_mime_parser_set_persist_stream(parser.p, TRUE);
    g_mime_parser_set_format(parser.p, GMIME_FORMAT_MESSAGE);
    GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.p, nullptr));
    if (!message.p)
        return fail(tr("the message cannot be parsed as MIME"));
    // Replacing an attachment under a signature would break it for every recipient: a signed
    // message is encrypted whole, its signed entity untouched inside the envelope.
    result.signatureKept =
        mimeparts::containsSignature(g_mime_message_get_mime_part(message.p), MaxDepth);
    if (!whole && result.signatureKept) {
        whole = true;
        result.wholeBecauseSigned = true;
    }

    // Everything the back end writes goes into one payload file; the new parts read their
    // slices of it, so that a message with many attachments does not hold many files open.
    const QString payloadPath = temps.add(base + QStringLiteral(".payload"));
    QFile payload(payloadPath);
    if (!payload.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(tr("cannot create %1: %2").arg(payloadPath, payload.errorString()));
    payload.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    GPtr<GMimeStream> payloadStream;
    if (whole) {
        GMimeObject* root = g_mime_message_get_mime_part(message.p);
        if (!root)
            return fail(tr("the message has no content to encrypt"));
        // The MIME entity to protect: the message's Content-* headers and its body.
        const QString innerPath = temps.add(base + QStringLiteral(".inner"));
        if (!writeObject(root, innerPath, &error))
            return fail(error);
        CancellableFile inner(innerPath, m_cancel);
        if (!inner.open(QIODevice::ReadOnly))
            return fail(tr("cannot read %1: %2").arg(innerPath, inner.errorString()));
        if (smime) {
            if (!m_backend->encrypt(&inner, &payload, job.to, &error))
                return fail(error);
        } else {
            ArmorWriter armor(&payload);
            if (!armor.begin() || !m_backend->encrypt(&inner, &armor, job.to, &error) ||
                !armor.finish())
                return fail(error.isEmpty()
                                ? tr("cannot write %1: %2").arg(payloadPath, armor.errorString())
                                : error);
        }
        if (!payload.flush())
            return fail(tr("cannot write %1: %2").arg(payloadPath, payload.errorString()));
        payload.close();
        payloadStream.p = openForReading(payloadPath, &error);
        if (!payloadStream.p)
            return fail(error);

        GMimeObject* replacement = nullptr;
        if (smime) {
            GMimePart* part = g_mime_part_new_with_type("application", "pkcs7-mime");
            g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "smime-type",
                                                     "enveloped-data");
            g_mime_object_set_disposition(GMIME_OBJECT(part), "attachment");
            g_mime_part_set_filename(part, "smime.p7m"); // also name=smime.p7m
            GPtr<GMimeDataWrapper> wrapper(g_mime_data_wrapper_new_with_stream(
                payloadStream.p, GMIME_CONTENT_ENCODING_DEFAULT));
            g_mime_part_set_content(part, wrapper.p);
            g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
            replacement = GMIME_OBJECT(part);
        } else {
            GMimeMultipart* encrypted = GMIME_MULTIPART(g_mime_multipart_encrypted_new());
            g_mime_object_set_content_type_parameter(GMIME_OBJECT(encrypted), "protocol",
                                                     "application/pgp-encrypted");
            g_mime_multipart_set_boundary(encrypted, nullptr); // a fresh random one
            GPtr<GMimePart> version(g_mime_part_new_with_type("application", "pgp-encrypted"));
            g_mime_part_set_content_description(version.p, "PGP/MIME version identification");
            static const char versionText[] = "Version: 1\r\n";
            GPtr<GMimeStream> versionStream(
                g_mime_stream_mem_new_with_buffer(versionText, sizeof versionText - 1));
            GPtr<GMimeDataWrapper> versionContent(g_mime_data_wrapper_new_with_stream(
                versionStream.p, GMIME_CONTENT_ENCODING_DEFAULT));
            g_mime_part_set_content(version.p, versionContent.p);
            g_mime_part_set_content_encoding(version.p, GMIME_CONTENT_ENCODING_7BIT);
            GPtr<GMimePart> data(g_mime_part_new_with_type("application", "octet-stream"));
            g_mime_part_set_content_description(data.p, "OpenPGP encrypted message");
            g_mime_object_set_disposition(GMIME_OBJECT(data.p), "inline");
            g_mime_part_set_filename(data.p, "encrypted.asc");
            GPtr<GMimeDataWrapper> dataContent(g_mime_data_wrapper_new_with_stream(
                payloadStream.p, GMIME_CONTENT_ENCODING_DEFAULT));
            g_mime_part_set_content(data.p, dataContent.p);
            g_mime_part_set_content_encoding(data.p, GMIME_CONTENT_ENCODING_7BIT);
            g_mime_multipart_add(encrypted, GMIME_OBJECT(version.p));
            g_mime_multipart_add(encrypted, GMIME_OBJECT(data.p));
            replacement = GMIME_OBJECT(encrypted);
        }
        g_mime_message_set_mime_part(message.p, replacement);
        g_object_unref(replacement);
        result.parts = 1;
    } else {
        QList<Target> targets;
        int count = 0;
        GMimeObject* root = g_mime_message_get_mime_part(message.p);
        if (!collect(root, nullptr, 0, 0, false, &targets, &count))
            return fail(tr("the message has more than %1 parts or is nested deeper than %2 "
                           "levels; it cannot be encrypted attachment by attachment")
                            .arg(MaxParts)
                            .arg(MaxDepth));
        if (targets.isEmpty())
            return fail(tr("the message has no attachment to encrypt"));
        const QString attachedPath = temps.add(base + QStringLiteral(".attached"));
        for (Target& t : targets) {
            t.begin = payload.pos();
            if (GMIME_IS_MESSAGE_PART(t.object)) {
                GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(t.object));
                if (!inner)
                    return fail(tr("the attached message \"%1\" is empty").arg(t.name));
                if (!writeObject(GMIME_OBJECT(inner), attachedPath, &error))
                    return fail(error);
                CancellableFile attached(attachedPath, m_cancel);
                if (!attached.open(QIODevice::ReadOnly))
                    return fail(tr("cannot read %1: %2").arg(attachedPath, attached.errorString()));
                if (!m_backend->encrypt(&attached, &payload, job.to, &error))
                    return fail(tr("attachment \"%1\": %2").arg(t.name, error));
            } else {
                GMimeDataWrapper* wrapper = g_mime_part_get_content(GMIME_PART(t.object));
                GMimeStream* raw = wrapper ? g_mime_data_wrapper_get_stream(wrapper) : nullptr;
                GPtr<GMimeStream> empty;
                if (!raw) {
                    empty.p = g_mime_stream_mem_new();
                    raw = empty.p;
                }
                g_mime_stream_reset(raw);
                GPtr<GMimeStream> decoded(g_mime_stream_filter_new(raw));
                const GMimeContentEncoding encoding =
                    wrapper ? g_mime_data_wrapper_get_encoding(wrapper)
                            : GMIME_CONTENT_ENCODING_DEFAULT;
                if (encoding == GMIME_CONTENT_ENCODING_BASE64 ||
                    encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE ||
                    encoding == GMIME_CONTENT_ENCODING_UUENCODE) {
                    GPtr<GMimeFilter> decoder(g_mime_filter_basic_new(encoding, FALSE));
                    g_mime_stream_filter_add(GMIME_STREAM_FILTER(decoded.p), decoder.p);
                }
                GMimeStreamDevice device(decoded.p, m_cancel);
                if (!m_backend->encrypt(&device, &payload, job.to, &error))
                    return fail(tr("attachment \"%1\": %2").arg(t.name, error));
            }
            t.end = payload.pos();
        }
        if (!payload.flush())
            return fail(tr("cannot write %1: %2").arg(payloadPath, payload.errorString()));
        payload.close();
        payloadStream.p = openForReading(payloadPath, &error);
        if (!payloadStream.p)
            return fail(error);

        GMimeMultipart* top = nullptr;
        for (const Target& t : std::as_const(targets)) {
            GPtr<GMimeStream> slice(g_mime_stream_substream(payloadStream.p, t.begin, t.end));
            GPtr<GMimePart> part(encryptedPart(job.method, t.name + extension, slice.p));
            if (t.parent) {
                if (GMimeObject* old =
                        g_mime_multipart_replace(t.parent, t.index, GMIME_OBJECT(part.p)))
                    g_object_unref(old);
            } else {
                // The message is nothing but the attachment: the note goes beside it.
                top = g_mime_multipart_new_with_subtype("mixed");
                g_mime_multipart_set_boundary(top, nullptr);
                g_mime_multipart_add(top, GMIME_OBJECT(part.p));
            }
        }
        // The note joins the top level, after the text.
        GPtr<GMimeObject> note(notePart(job.method));
        if (top) {
            g_mime_multipart_insert(top, 0, note.p);
            g_mime_message_set_mime_part(message.p, GMIME_OBJECT(top));
            g_object_unref(top);
        } else if (GMIME_IS_MULTIPART(root) &&
                   g_mime_content_type_is_type(g_mime_object_get_content_type(root), "multipart",
                                               "mixed")) {
            GMimeMultipart* mixed = GMIME_MULTIPART(root);
            int at = 0;
            const int n = g_mime_multipart_get_count(mixed);
            for (int i = 0; i < n; ++i) {
                bool replaced = false;
                for (const Target& t : std::as_const(targets))
                    replaced = replaced || (t.parent == mixed && t.index == i);
                if (!replaced) {
                    at = i + 1;
                    break;
                }
            }
            g_mime_multipart_insert(mixed, at, note.p);
        } else {
            GMimeMultipart* mixed = g_mime_multipart_new_with_subtype("mixed");
            g_mime_multipart_set_boundary(mixed, nullptr);
            g_mime_multipart_add(mixed, root); // takes a reference
            g_mime_multipart_add(mixed, note.p);
            g_mime_message_set_mime_part(message.p, GMIME_OBJECT(mixed));
            g_object_unref(mixed);
        }
        result.parts = int(targets.size());
    }
    if (!g_mime_object_get_header(GMIME_OBJECT(message.p), "MIME-Version"))
        g_mime_object_set_header(GMIME_OBJECT(message.p), "MIME-Version", "1.0", nullptr);

    // Written next to the spool's queue, made durable, then moved into it.
    const QString output = temps.add(base + QStringLiteral(".enc.eml"));
    if (!writeObject(GMIME_OBJECT(message.p), output, &error))
        return fail(error);
    if (!durable::syncFile(output, &error))
        return fail(error);
    if (!checksum(output, &result.size, &result.crc32, &error))
        return fail(error);
    if (!durable::renameFile(output, job.target, &error) ||
        !durable::syncDirectory(QFileInfo(job.target).absolutePath(), &error)) {
        QFile::remove(job.target);
        return fail(error);
    }
    result.ok = true;
    return result;
}

} // namespace sendguard
