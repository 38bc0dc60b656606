// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmimeBackend.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutexLocker>
#include <QTemporaryFile>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <vector>

namespace sendguard {

namespace {

constexpr qint64 MaxCertificateFileSize = 4 * 1024 * 1024;
constexpr qint64 ChunkSize = 64 * 1024;
// Ciphertext of unknown length is held in memory up to this size, then in a temporary file.
constexpr qint64 SpillMemoryLimit = 1024 * 1024;
constexpr qint64 CopyChunkSize = 256 * 1024;
constexpr int MinRsaBits = 2048;

template <typename T, void (*Free)(T*)> struct Deleter
{
    void operator()(T* p) const { Free(p); }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using NamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES, GENERAL_NAMES_free>>;
using X509Ptr = std::shared_ptr<X509>;

X509Ptr adopt(X509* cert)
{
    return X509Ptr(cert, X509_free);
}

// The OpenSSL errors queued on this thread, oldest first; empties the queue.
QString opensslErrors()
{
    QStringList parts;
    while (const unsigned long code = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(code, buf, sizeof buf);
        parts << QString::fromUtf8(buf);
    }
    return parts.isEmpty() ? SmimeBackend::tr("unknown OpenSSL error")
                           : parts.join(QLatin1String("; "));
}

QString asn1String(const ASN1_STRING* s)
{
    unsigned char* utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, s);
    if (len < 0)
        return {};
    QString result = QString::fromUtf8(reinterpret_cast<const char*>(utf8), len);
    OPENSSL_free(utf8);
    return result;
}

QDateTime asn1Time(const ASN1_TIME* t)
{
    struct tm tm = {};
    if (!t || ASN1_TIME_to_tm(t, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

QString dateText(const QDateTime& t)
{
    return t.toString(Qt::ISODate);
}

QString subjectText(X509* cert)
{
    BioPtr mem(BIO_new(BIO_s_mem()));
    if (!mem || X509_NAME_print_ex(mem.get(), X509_get_subject_name(cert), 0,
                                   XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return {};
    char* data = nullptr;
    const long len = BIO_get_mem_data(mem.get(), &data);
    return QString::fromUtf8(data, int(len));
}

QString sha256Fingerprint(X509* cert)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (X509_digest(cert, EVP_sha256(), md, &len) != 1)
        return {};
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(md), int(len)).toHex(':').toUpper());
}

QStringList emailAddresses(X509* cert)
{
    QStringList out;
    NamesPtr names(static_cast<GENERAL_NAMES*>(
        X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME* name = sk_GENERAL_NAME_value(names.get(), i);
        if (name->type == GEN_EMAIL)
            out << asn1String(name->d.rfc822Name).trimmed().toLower();
    }
    X509_NAME* subject = X509_get_subject_name(cert);
    for (int pos = -1;
         (pos = X509_NAME_get_index_by_NID(subject, NID_pkcs9_emailAddress, pos)) >= 0;) {
        out << asn1String(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(subject, pos)))
                   .trimmed()
                   .toLower();
    }
    out.removeAll(QString());
    out.removeDuplicates();
    return out;
}

// Empty when the certificate's key and extensions allow encrypting to it (at any time).
QString usageProblem(X509* cert)
{
    const uint32_t flags = X509_get_extension_flags(cert);
    if (flags & EXFLAG_INVALID)
        return SmimeBackend::tr("the certificate has malformed extensions");
    const EVP_PKEY* key = X509_get0_pubkey(cert);
    if (!key)
        return SmimeBackend::tr("the certificate's public key cannot be read");
    const uint32_t usage = X509_get_key_usage(cert); // UINT32_MAX without a keyUsage extension
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
        if (EVP_PKEY_get_bits(key) < MinRsaBits)
            return SmimeBackend::tr("its RSA key is too short (%1 bits, at least %2 needed)")
                .arg(EVP_PKEY_get_bits(key))
                .arg(MinRsaBits);
        if (!(usage & KU_KEY_ENCIPHERMENT))
            return SmimeBackend::tr(
                "its key usage does not allow encryption (keyEncipherment is missing)");
        break;
    case EVP_PKEY_EC:
        if (!(usage & KU_KEY_AGREEMENT))
            return SmimeBackend::tr(
                "its key usage does not allow encryption (keyAgreement is missing)");
        break;
    default:
        return SmimeBackend::tr("its key type (%1) cannot be used for S/MIME encryption")
            .arg(QString::fromUtf8(OBJ_nid2sn(EVP_PKEY_get_base_id(key))));
    }
    if ((flags & EXFLAG_XKUSAGE) && !(X509_get_extended_key_usage(cert) & (XKU_SMIME | XKU_ANYEKU)))
        return SmimeBackend::tr("its extended key usage does not include e-mail protection");
    return {};
}

// ---------------------------------------------------------------- where the ciphertext goes

// DER needs the length of the encrypted content before the content itself. When the length of
// the input is known in advance (a file), so is that of the ciphertext (CBC with padding), and
// OpenSSL's output goes straight to the output device after the header. Otherwise it is held:
// in memory up to SpillMemoryLimit, beyond that in a temporary file next to the output (or in
// the system's temporary folder), and copied to the output once its length is known.
class CiphertextSink
{
public:
    // Straight to `out`.
    static CiphertextSink direct(QIODevice* out)
    {
        CiphertextSink sink;
        sink.m_out = out;
        return sink;
    }
    // Held until copyTo(); a temporary file, when one is needed, goes into the folder of `out`
    // when `out` is a file, else into the system's temporary folder.
    static CiphertextSink held(QIODevice* out)
    {
        CiphertextSink sink;
        if (const auto* file = qobject_cast<QFileDevice*>(out)) {
            if (!file->fileName().isEmpty())
                sink.m_folders << QFileInfo(file->fileName()).absolutePath();
        }
        sink.m_folders << QDir::tempPath();
        return sink;
    }

    bool write(const char* data, qint64 size)
    {
        m_size += size;
        if (m_out)
            return put(m_out, data, size, [this] {
                return SmimeBackend::tr("cannot write the encrypted output: %1")
                    .arg(m_out->errorString());
            });
        if (!m_file) {
            if (m_memory.size() + size <= SpillMemoryLimit) {
                m_memory.append(data, qsizetype(size));
                return true;
            }
            if (!openFile() || !putFile(m_memory.constData(), m_memory.size()))
                return false;
            m_memory = QByteArray();
        }
        return putFile(data, size);
    }

    // Bytes written so far.
    qint64 size() const { return m_size; }
    // What went wrong, as a sentence for the user; empty while nothing did.
    QString error() const { return m_error; }

    // Writes what was held to `out` (only for held()).
    bool copyTo(QIODevice* out)
    {
        const auto outputFailed = [out] {
            return SmimeBackend::tr("cannot write the encrypted output: %1")
                .arg(out->errorString());
        };
        if (!m_file)
            return put(out, m_memory.constData(), m_memory.size(), outputFailed);
        if (!m_file->flush() || !m_file->seek(0))
            return fileFailed(SmimeBackend::tr("cannot read the temporary file %1: %2"));
        QByteArray buffer(CopyChunkSize, Qt::Uninitialized);
        qint64 left = m_size;
        while (left > 0) {
            const qint64 n = m_file->read(buffer.data(), qMin<qint64>(left, buffer.size()));
            if (n <= 0)
                return fileFailed(SmimeBackend::tr("cannot read the temporary file %1: %2"));
            if (!put(out, buffer.constData(), n, outputFailed))
                return false;
            left -= n;
        }
        return true;
    }

private:
    CiphertextSink() = default;

    template <typename Describe>
    bool put(QIODevice* device, const char* data, qint64 size, const Describe& describe)
    {
        qint64 done = 0;
        while (done < size) {
            const qint64 n = device->write(data + done, size - done);
            if (n <= 0) {
                m_error = describe();
                return false;
            }
            done += n;
        }
        return true;
    }
    bool putFile(const char* data, qint64 size)
    {
        return put(m_file.get(), data, size, [this] {
            return SmimeBackend::tr("cannot write the temporary file %1: %2")
                .arg(m_file->fileName(), m_file->errorString());
        });
    }
    // `text` has %1 for the file and %2 for the reason.
    bool fileFailed(const QString& text)
    {
        m_error = text.arg(m_file->fileName(), m_file->errorString());
        return false;
    }
    bool openFile()
    {
        QStringList reasons;
        for (const QString& folder : std::as_const(m_folders)) {
            auto file = std::make_unique<QTemporaryFile>(
                folder + QStringLiteral("/sendguard-smime-XXXXXX.tmp"));
            if (file->open()) {
                m_file = std::move(file);
                return true;
            }
            reasons << SmimeBackend::tr("cannot create a temporary file in %1: %2")
                           .arg(folder, file->errorString());
        }
        m_error = reasons.join(QLatin1String("; "));
        return false;
    }

    QIODevice* m_out = nullptr;
    QStringList m_folders;
    QByteArray m_memory;
    std::unique_ptr<QTemporaryFile> m_file;
    qint64 m_size = 0;
    QString m_error;
};

// A BIO that hands what OpenSSL writes to a CiphertextSink: the end of the encryption chain.
int sinkWrite(BIO* bio, const char* data, int len)
{
    auto* sink = static_cast<CiphertextSink*>(BIO_get_data(bio));
    return sink->write(data, len) ? len : -1;
}

long sinkCtrl(BIO*, int cmd, long, void*)
{
    return cmd == BIO_CTRL_FLUSH ? 1 : 0;
}

int sinkCreate(BIO* bio)
{
    BIO_set_init(bio, 1);
    return 1;
}

const BIO_METHOD* sinkMethod()
{
    static const std::unique_ptr<BIO_METHOD, Deleter<BIO_METHOD, BIO_meth_free>> method = [] {
        BIO_METHOD* m =
            BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "SendGuard ciphertext sink");
        if (m) {
            BIO_meth_set_write(m, sinkWrite);
            BIO_meth_set_ctrl(m, sinkCtrl);
            BIO_meth_set_create(m, sinkCreate);
        }
        return std::unique_ptr<BIO_METHOD, Deleter<BIO_METHOD, BIO_meth_free>>(m);
    }();
    return method.get();
}

// ---------------------------------------------------------------- DER

// The DER length octets for `length`.
QByteArray derLength(quint64 length)
{
    if (length < 0x80)
        return QByteArray(1, char(length));
    QByteArray digits;
    for (; length; length >>= 8)
        digits.prepend(char(length & 0xff));
    return char(0x80 | digits.size()) + digits;
}

// One DER element of a buffer: where it starts, where its contents start and where it ends.
struct Element
{
    unsigned char tag = 0;
    qsizetype start = 0;
    qsizetype contents = 0;
    qsizetype end = 0;
};

// The element at `pos`, which must end by `limit`: one-octet tag, definite length.
bool readElement(const QByteArray& der, qsizetype pos, qsizetype limit, Element* e)
{
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    if (pos < 0 || limit > der.size() || limit - pos < 2 || (p[pos] & 0x1f) == 0x1f)
        return false;
    e->tag = p[pos];
    e->start = pos++;
    quint64 length = p[pos++];
    if (length & 0x80) {
        const int octets = int(length & 0x7f);
        if (octets == 0 || octets > 4 || limit - pos < octets)
            return false; // indefinite, or longer than this small structure can be
        length = 0;
        for (int i = 0; i < octets; ++i)
            length = (length << 8) | p[pos++];
    }
    if (length > quint64(limit - pos))
        return false;
    e->contents = pos;
    e->end = pos + qsizetype(length);
    return true;
}

// What goes before the ciphertext of `cipherLength` bytes. `detached` is OpenSSL's DER of the
// ContentInfo with the encryptedContent left out:
//   ContentInfo SEQUENCE { contentType, [0] EXPLICIT EnvelopedData SEQUENCE { version,
//     [originatorInfo,] recipientInfos, EncryptedContentInfo SEQUENCE { contentType,
//     contentEncryptionAlgorithm } } }
// Each of the four SEQUENCEs and [0] above ends where the next outer one ends, so the
// encryptedContent ([0] IMPLICIT OCTET STRING, primitive) goes at the very end: the result is
// these headers with their lengths grown by the encryptedContent, then its own header. Empty
// when `detached` is not shaped like that.
QByteArray derHeader(const QByteArray& detached, quint64 cipherLength)
{
    std::vector<Element> nest(4);
    Element first, second;
    const bool shaped = readElement(detached, 0, detached.size(), &nest[0]) &&
                        nest[0].tag == 0x30 && nest[0].end == detached.size() &&
                        readElement(detached, nest[0].contents, nest[0].end, &first) &&
                        first.tag == 0x06 &&
                        readElement(detached, first.end, nest[0].end, &nest[1]) &&
                        nest[1].tag == 0xa0 && nest[1].end == nest[0].end &&
                        readElement(detached, nest[1].contents, nest[1].end, &nest[2]) &&
                        nest[2].tag == 0x30 && nest[2].end == nest[1].end;
    if (!shaped)
        return {};
    // The last element of EnvelopedData: EncryptedContentInfo (no unprotectedAttrs).
    if (nest[2].contents == nest[2].end)
        return {};
    for (qsizetype pos = nest[2].contents; pos < nest[2].end; pos = nest[3].end) {
        if (!readElement(detached, pos, nest[2].end, &nest[3]))
            return {};
    }
    if (nest[3].tag != 0x30 || !readElement(detached, nest[3].contents, nest[3].end, &first) ||
        first.tag != 0x06 || !readElement(detached, first.end, nest[3].end, &second) ||
        second.tag != 0x30 || second.end != nest[3].end)
        return {};

    const QByteArray content = char(0x80) + derLength(cipherLength);
    quint64 growth = quint64(content.size()) + cipherLength;
    std::vector<quint64> lengths(nest.size());
    for (size_t i = nest.size(); i-- > 0;) {
        const Element& e = nest[i];
        lengths[i] = quint64(e.end - e.contents) + growth;
        growth += quint64(1 + derLength(lengths[i]).size()) - quint64(e.contents - e.start);
    }
    QByteArray header;
    for (size_t i = 0; i < nest.size(); ++i) {
        const Element& e = nest[i];
        const qsizetype until = i + 1 < nest.size() ? nest[i + 1].start : e.end;
        header +=
            char(e.tag) + derLength(lengths[i]) + detached.mid(e.contents, until - e.contents);
    }
    return header + content;
}

// OpenSSL's DER of `cms` (its encryptedContent detached), or empty.
QByteArray detachedDer(CMS_ContentInfo* cms)
{
    BioPtr mem(BIO_new(BIO_s_mem()));
    if (!mem || i2d_CMS_bio(mem.get(), cms) != 1)
        return {};
    char* data = nullptr;
    const long len = BIO_get_mem_data(mem.get(), &data);
    return QByteArray(data, qsizetype(len));
}

} // namespace

struct SmimeBackend::Store
{
    struct Certificate
    {
        X509Ptr x509;
        QString file;
        QString subject;
        QString fingerprint;
        QDateTime notBefore;
        QDateTime notAfter;
        QString usageProblem;

        // Empty when usable at `now`.
        QString problemAt(const QDateTime& now) const
        {
            if (!usageProblem.isEmpty())
                return usageProblem;
            if (!notBefore.isValid() || !notAfter.isValid())
                return SmimeBackend::tr("its validity dates cannot be read");
            if (now < notBefore)
                return SmimeBackend::tr("not valid before %1").arg(dateText(notBefore));
            if (now > notAfter)
                return SmimeBackend::tr("expired on %1").arg(dateText(notAfter));
            return {};
        }
    };

    QString folder;
    const EVP_CIPHER* cipher = nullptr;
    QList<Certificate> certificates;
    QMultiHash<QString, int> byAddress;
    QStringList problems;

    // The certificate to use for `address`, or the best unusable one (with `problem` set), or
    // null when there is none.
    const Certificate* lookup(const QString& address, QString* problem) const
    {
        const QList<int> candidates = byAddress.values(address.trimmed().toLower());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Certificate* bestUsable = nullptr;
        const Certificate* bestOther = nullptr;
        for (const int i : candidates) {
            const Certificate& c = certificates.at(i);
            const bool usable = c.problemAt(now).isEmpty();
            const Certificate*& best = usable ? bestUsable : bestOther;
            if (!best || c.notAfter > best->notAfter)
                best = &c;
        }
        if (bestUsable) {
            problem->clear();
            return bestUsable;
        }
        if (bestOther) {
            *problem = bestOther->problemAt(now);
            if (candidates.size() > 1)
                *problem = SmimeBackend::tr("%1 (none of its %2 certificates is usable)")
                               .arg(*problem)
                               .arg(candidates.size());
            return bestOther;
        }
        *problem = SmimeBackend::tr("no certificate for this address in %1").arg(folder);
        return nullptr;
    }
};

SmimeBackend::SmimeBackend() = default;
SmimeBackend::~SmimeBackend() = default;

QString SmimeBackend::name() const
{
    return QStringLiteral("smime");
}

std::shared_ptr<const SmimeBackend::Store> SmimeBackend::store() const
{
    QMutexLocker lock(&m_mutex);
    return m_store;
}

bool SmimeBackend::configure(const EncryptionSettings& settings, QString* error)
{
    auto store = std::make_shared<Store>();

    const QString cipher = settings.cipher.trimmed().toLower();
    if (cipher.isEmpty() || cipher == QLatin1String("aes-256-cbc"))
        store->cipher = EVP_aes_256_cbc();
    else if (cipher == QLatin1String("aes-192-cbc"))
        store->cipher = EVP_aes_192_cbc();
    else if (cipher == QLatin1String("aes-128-cbc"))
        store->cipher = EVP_aes_128_cbc();
    else {
        *error = tr("unsupported S/MIME cipher \"%1\" (use aes-128-cbc, aes-192-cbc or "
                    "aes-256-cbc)")
                     .arg(settings.cipher);
        return false;
    }

    if (settings.smimeCertificates.isEmpty()) {
        *error = tr("no folder for S/MIME certificates is configured");
        return false;
    }
    const QDir dir(settings.smimeCertificates);
    if (!dir.exists()) {
        *error = tr("the S/MIME certificate folder %1 does not exist").arg(dir.path());
        return false;
    }
    store->folder = dir.absolutePath();
    if (!dir.isReadable()) {
        *error = tr("the S/MIME certificate folder %1 cannot be read").arg(store->folder);
        return false;
    }

    const QStringList filters = {QStringLiteral("*.pem"), QStringLiteral("*.crt"),
                                 QStringLiteral("*.cer"), QStringLiteral("*.der")};
    const QFileInfoList files =
        dir.entryInfoList(filters, QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
    for (const QFileInfo& info : files) {
        const QString path = info.absoluteFilePath();
        const auto broken = [&](const QString& reason) {
            store->problems << QStringLiteral("%1: %2").arg(path, reason);
        };
        QFile file(path);
        if (info.size() > MaxCertificateFileSize) {
            broken(tr("too large for a certificate file (%1 bytes)").arg(info.size()));
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            broken(file.errorString());
            continue;
        }
        const QByteArray bytes = file.read(MaxCertificateFileSize + 1);
        if (bytes.isEmpty()) {
            broken(tr("the file is empty"));
            continue;
        }

        ERR_clear_error();
        QList<X509Ptr> certs;
        QString reason;
        if (bytes.contains("-----BEGIN ")) {
            BioPtr bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
            while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
                certs << adopt(cert);
            const unsigned long last = ERR_peek_last_error();
            if (last &&
                !(ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE))
                reason = tr("broken PEM certificate: %1").arg(opensslErrors());
            else if (certs.isEmpty())
                reason = tr("no certificate in the PEM file");
        } else {
            const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
            const unsigned char* end = p + bytes.size();
            if (X509* cert = d2i_X509(nullptr, &p, long(bytes.size()))) {
                certs << adopt(cert);
                if (p != end)
                    reason = tr("unexpected data after the DER certificate");
            } else {
                reason = tr("not a certificate (neither PEM nor DER): %1").arg(opensslErrors());
            }
        }
        ERR_clear_error();
        if (!reason.isEmpty()) {
            broken(reason);
            continue;
        }

        for (const X509Ptr& cert : std::as_const(certs)) {
            Store::Certificate c;
            c.x509 = cert;
            c.file = path;
            c.subject = subjectText(cert.get());
            c.fingerprint = sha256Fingerprint(cert.get());
            c.notBefore = asn1Time(X509_get0_notBefore(cert.get()));
            c.notAfter = asn1Time(X509_get0_notAfter(cert.get()));
            c.usageProblem = usageProblem(cert.get());
            const int index = int(store->certificates.size());
            store->certificates << c;
            const QStringList addresses = emailAddresses(cert.get());
            for (const QString& address : addresses)
                store->byAddress.insert(address, index);
        }
        ERR_clear_error();
    }

    QMutexLocker lock(&m_mutex);
    m_store = std::move(store);
    return true;
}

QStringList SmimeBackend::problems() const
{
    const auto s = store();
    return s ? s->problems : QStringList();
}

KeyLookup SmimeBackend::findKey(const QString& address) const
{
    return findKeys({address}).value(0);
}

QList<KeyLookup> SmimeBackend::findKeys(const QStringList& addresses) const
{
    // All from the same certificates, also when configure() runs meanwhile.
    const auto s = store();
    QList<KeyLookup> found;
    found.reserve(addresses.size());
    for (const QString& address : addresses)
        found << keyLookup(s.get(), address);
    return found;
}

KeyLookup SmimeBackend::keyLookup(const Store* s, const QString& address)
{
    KeyLookup result;
    if (!s) {
        result.problem = tr("the S/MIME back end is not configured");
        return result;
    }
    const Store::Certificate* c = s->lookup(address, &result.problem);
    result.usable = c && result.problem.isEmpty();
    if (c) {
        result.description = tr("%1 (SHA-256 %2), valid until %3")
                                 .arg(c->subject, c->fingerprint, dateText(c->notAfter));
        result.source = c->file;
    }
    return result;
}

bool SmimeBackend::encrypt(QIODevice* in, QIODevice* out, const QStringList& recipients,
                           QString* error) const
{
    const auto s = store();
    if (!s) {
        *error = tr("the S/MIME back end is not configured");
        return false;
    }
    if (recipients.isEmpty()) {
        *error = tr("no recipients to encrypt to");
        return false;
    }

    // Every recipient's certificate first: nothing is read or written unless all are usable.
    QList<X509*> chosen;
    QStringList missing;
    for (const QString& recipient : recipients) {
        QString problem;
        const Store::Certificate* c = s->lookup(recipient, &problem);
        if (!c || !problem.isEmpty())
            missing << QStringLiteral("%1 (%2)").arg(recipient, problem);
        else if (!chosen.contains(c->x509.get()))
            chosen << c->x509.get();
    }
    if (!missing.isEmpty()) {
        *error = tr("no usable S/MIME certificate for %1").arg(missing.join(QLatin1String("; ")));
        return false;
    }

    ERR_clear_error();
    struct StackFree
    {
        void operator()(STACK_OF(X509) * stack) const { sk_X509_free(stack); } // not the certs
    };
    std::unique_ptr<STACK_OF(X509), StackFree> certs(sk_X509_new_null());
    for (X509* cert : std::as_const(chosen)) {
        if (!certs || !sk_X509_push(certs.get(), cert)) {
            *error = tr("out of memory");
            return false;
        }
    }
    // The EnvelopedData without its encryptedContent (CMS_DETACHED), completed by
    // CMS_dataInit: OpenSSL writes it as DER, the encrypted content is added by derHeader().
    CmsPtr cms(
        CMS_encrypt(certs.get(), nullptr, s->cipher, CMS_BINARY | CMS_PARTIAL | CMS_DETACHED));
    if (!cms) {
        *error = tr("OpenSSL could not prepare the encryption: %1").arg(opensslErrors());
        return false;
    }

    // The length of the ciphertext is known now when the input's is (CBC pads to whole blocks,
    // at least one byte): a file or buffer, whose size() is exact (QIODevice's own says 0). An
    // empty one may be a file that does not tell (/proc): held like a stream.
    qint64 plainLength = -1;
    quint64 cipherLength = 0;
    const int block = EVP_CIPHER_get_block_size(s->cipher);
    const bool sized = !in->isSequential() &&
                       (qobject_cast<QFileDevice*>(in) || qobject_cast<QBuffer*>(in)) &&
                       in->size() > in->pos();
    if (sized && EVP_CIPHER_get_mode(s->cipher) == EVP_CIPH_CBC_MODE && block > 1) {
        plainLength = in->size() - in->pos();
        cipherLength = quint64(plainLength / block + 1) * quint64(block);
    }
    CiphertextSink sink =
        plainLength >= 0 ? CiphertextSink::direct(out) : CiphertextSink::held(out);

    const auto prepareFailed = [&] {
        *error = tr("OpenSSL could not prepare the encryption: %1").arg(opensslErrors());
        return false;
    };
    BIO* sinkBio = BIO_new(sinkMethod());
    if (!sinkBio)
        return prepareFailed();
    BIO_set_data(sinkBio, &sink);
    BioPtr chain(CMS_dataInit(cms.get(), sinkBio)); // owns sinkBio from here on
    if (!chain) {
        BIO_free(sinkBio);
        return prepareFailed();
    }
    // Complete now: the content key is encrypted to every recipient by CMS_dataInit.
    const QByteArray detached = detachedDer(cms.get());
    if (detached.isEmpty())
        return prepareFailed();
    const auto shapeFailed = [&] {
        *error = tr("OpenSSL produced an unexpected CMS structure");
        return false;
    };
    const auto writeFailed = [&] {
        *error = sink.error().isEmpty() ? tr("OpenSSL could not encrypt: %1").arg(opensslErrors())
                                        : sink.error();
        return false;
    };
    const auto writeHeader = [&](quint64 length) {
        const QByteArray header = derHeader(detached, length);
        if (header.isEmpty())
            return shapeFailed();
        for (qint64 done = 0; done < header.size();) {
            const qint64 n = out->write(header.constData() + done, header.size() - done);
            if (n <= 0) {
                *error = tr("cannot write the encrypted output: %1").arg(out->errorString());
                return false;
            }
            done += n;
        }
        return true;
    };
    if (plainLength >= 0 && !writeHeader(cipherLength))
        return false;

    const auto changed = [&](qint64 read) {
        *error = tr("the input changed while it was being encrypted (%1 bytes expected, %2 read)")
                     .arg(plainLength)
                     .arg(read);
        return false;
    };
    QByteArray buffer(ChunkSize, Qt::Uninitialized);
    qint64 total = 0;
    for (;;) {
        const qint64 n = in->read(buffer.data(), buffer.size());
        if (n < 0) {
            *error = tr("cannot read the message: %1").arg(in->errorString());
            return false;
        }
        if (n == 0)
            break;
        total += n;
        if (plainLength >= 0 && total > plainLength)
            return changed(total);
        if (BIO_write(chain.get(), buffer.constData(), int(n)) != int(n))
            return writeFailed();
    }
    if (plainLength >= 0 && total != plainLength)
        return changed(total);
    if (BIO_flush(chain.get()) <= 0 || !sink.error().isEmpty() ||
        !CMS_dataFinal(cms.get(), chain.get()))
        return writeFailed();
    // Nothing the header depends on may have changed since it was made.
    if (detachedDer(cms.get()) != detached)
        return shapeFailed();
    if (plainLength >= 0) {
        if (quint64(sink.size()) != cipherLength)
            return shapeFailed();
        return true;
    }
    if (!writeHeader(quint64(sink.size())))
        return false;
    if (!sink.copyTo(out)) {
        *error = sink.error();
        return false;
    }
    return true;
}

} // namespace sendguard
