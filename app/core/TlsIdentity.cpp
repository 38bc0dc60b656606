// SPDX-License-Identifier: GPL-3.0-or-later
#include "TlsIdentity.h"

#include "DurableFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace sendguard {

namespace {
template <typename T, void (*Free)(T*)> struct Deleter
{
    void operator()(T* p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

QByteArray bioBytes(BIO* bio)
{
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(len));
}

bool addExtension(X509* cert, int nid, const char* value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

} // namespace

TlsIdentity::TlsIdentity(const QString& directory) : m_dir(directory) {}

QString TlsIdentity::certificatePath() const
{
    return m_dir + QStringLiteral("/cert.pem");
}

bool TlsIdentity::create(QString* error)
{
    PKeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr cert(X509_new());
    if (!key || !cert) {
        *error = QCoreApplication::translate("TlsIdentity", "OpenSSL could not create a key");
        return false;
    }
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1) {
        *error = QCoreApplication::translate("TlsIdentity",
                                             "OpenSSL could not create a random serial number");
        return false;
    }
    serial[0] &= 0x7f;
    BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("SendGuard"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    if (!addExtension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1") ||
        !addExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(cert.get(), NID_key_usage, "critical,digitalSignature") ||
        !addExtension(cert.get(), NID_ext_key_usage, "serverAuth") ||
        X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
        *error =
            QCoreApplication::translate("TlsIdentity", "OpenSSL could not sign the certificate");
        return false;
    }
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    BioPtr certBio(BIO_new(BIO_s_mem()));
    if (!PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) ||
        !PEM_write_bio_X509(certBio.get(), cert.get())) {
        *error =
            QCoreApplication::translate("TlsIdentity", "OpenSSL could not encode the certificate");
        return false;
    }
    if (!QDir().mkpath(m_dir)) {
        *error =
            QCoreApplication::translate("TlsIdentity", "cannot create the folder %1").arg(m_dir);
        return false;
    }
    QFile::setPermissions(m_dir,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QString keyPath = m_dir + QStringLiteral("/key.pem");
    // Create the key file private from the start, then fill it atomically.
    {
        QFile placeholder(keyPath + QStringLiteral(".new"));
        if (!placeholder.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = QCoreApplication::translate("TlsIdentity", "cannot write %1").arg(keyPath);
            return false;
        }
        placeholder.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        placeholder.write(bioBytes(keyBio.get()));
        placeholder.close();
        if (!durable::syncFile(placeholder.fileName(), error) ||
            !durable::renameFile(placeholder.fileName(), keyPath, error))
            return false;
    }
    return durable::writeFileAtomically(certificatePath(), bioBytes(certBio.get()), error) &&
           durable::syncDirectory(m_dir, error);
}

bool TlsIdentity::loadOrCreate(QString* error)
{
    const QString keyPath = m_dir + QStringLiteral("/key.pem");
    if (!QFile::exists(keyPath) || !QFile::exists(certificatePath())) {
        if (!create(error))
            return false;
    }
    QFile keyFile(keyPath);
    QFile certFile(certificatePath());
    if (!keyFile.open(QIODevice::ReadOnly) || !certFile.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("TlsIdentity",
                                             "cannot read the local TLS certificate in %1")
                     .arg(m_dir);
        return false;
    }
    QSslKey key(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
    const QList<QSslCertificate> certs = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
    if (key.isNull() || certs.isEmpty()) {
        *error =
            QCoreApplication::translate(
                "TlsIdentity",
                "the local TLS certificate in %1 is damaged; delete the folder to make a new one")
                .arg(m_dir);
        return false;
    }
    m_config = QSslConfiguration::defaultConfiguration();
    m_config.setLocalCertificate(certs.first());
    m_config.setPrivateKey(key);
    m_config.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_config.setProtocol(QSsl::TlsV1_2OrLater);
    return true;
}

QSslConfiguration TlsIdentity::serverConfiguration() const
{
    return m_config;
}

} // namespace sendguard
