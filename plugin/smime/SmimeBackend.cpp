// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmimeBackend.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QMutexLocker>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace sendguard {

namespace {

constexpr qint64 MaxCertificateFileSize = 4 * 1024 * 1024;
constexpr qint64 ChunkSize = 64 * 1024;
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

// ---------------------------------------------------------------- a BIO that writes to a
// QIODevice: the end of the CMS streaming chain.
struct SinkState
{
    QIODevice* device = nullptr;
    QString error;
};

int sinkWrite(BIO* bio, const char* data, int len)
{
    auto* state = static_cast<SinkState*>(BIO_get_data(bio));
    qint64 done = 0;
    while (done < len) {
        const qint64 n = state->device->write(data + done, len - done);
        if (n <= 0) {
            state->error = state->device->errorString();
            return -1;
        }
        done += n;
    }
    return len;
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
            BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "SendGuard QIODevice sink");
        if (m) {
            BIO_meth_set_write(m, sinkWrite);
            BIO_meth_set_ctrl(m, sinkCtrl);
            BIO_meth_set_create(m, sinkCreate);
        }
        return std::unique_ptr<BIO_METHOD, Deleter<BIO_METHOD, BIO_meth_free>>(m);
    }();
    return method.get();
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
    KeyLookup result;
    const auto s = store();
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
    CmsPtr cms(CMS_encrypt(certs.get(), nullptr, s->cipher, CMS_BINARY | CMS_STREAM));
    if (!cms) {
        *error = tr("OpenSSL could not prepare the encryption: %1").arg(opensslErrors());
        return false;
    }

    SinkState sink;
    sink.device = out;
    BIO* sinkBio = BIO_new(sinkMethod());
    if (!sinkBio) {
        *error = tr("OpenSSL could not prepare the encryption: %1").arg(opensslErrors());
        return false;
    }
    BIO_set_data(sinkBio, &sink);
    BioPtr chain(BIO_new_CMS(sinkBio, cms.get())); // owns sinkBio from here on
    if (!chain) {
        BIO_free(sinkBio);
        *error = tr("OpenSSL could not prepare the encryption: %1").arg(opensslErrors());
        return false;
    }

    const auto writeFailed = [&] {
        *error = sink.error.isEmpty() ? tr("OpenSSL could not encrypt: %1").arg(opensslErrors())
                                      : tr("cannot write the encrypted output: %1").arg(sink.error);
        return false;
    };
    QByteArray buffer(ChunkSize, Qt::Uninitialized);
    for (;;) {
        const qint64 n = in->read(buffer.data(), buffer.size());
        if (n < 0) {
            *error = tr("cannot read the message: %1").arg(in->errorString());
            return false;
        }
        if (n == 0)
            break;
        if (BIO_write(chain.get(), buffer.constData(), int(n)) != int(n))
            return writeFailed();
    }
    if (BIO_flush(chain.get()) <= 0 || !sink.error.isEmpty())
        return writeFailed();
    return true;
}

} // namespace sendguard
