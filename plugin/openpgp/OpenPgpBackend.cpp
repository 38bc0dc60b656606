// SPDX-License-Identifier: GPL-3.0-or-later
#include "OpenPgpBackend.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QProcess>
#include <QSet>
#include <cerrno>
#include <gpgme++/context.h>
#include <gpgme++/engineinfo.h>
#include <gpgme++/global.h>
#include <gpgme++/key.h>
#include <gpgme++/keylistresult.h>
#include <gpgme.h>
#include <type_traits>
#include <vector>

namespace sendguard {

namespace {

constexpr int KeyringCheckTimeoutMs = 60000;
constexpr const char* IoBufferSize = "65536";

QString errorText(const GpgME::Error& e)
{
    return QString::fromUtf8(e.asString());
}

bool isEnd(const GpgME::Error& e)
{
    return e.code() == GPG_ERR_EOF;
}

QString dateText(time_t t)
{
    return QDateTime::fromSecsSinceEpoch(qint64(t), Qt::UTC).toString(Qt::ISODate);
}

// Feeds GPGME from a QIODevice, or GPGME's output into one (GPGME data callbacks).
class DeviceStream
{
public:
    explicit DeviceStream(QIODevice* device) : m_device(device) {}

    static ssize_t read(void* handle, void* buffer, size_t size)
    {
        auto* self = static_cast<DeviceStream*>(handle);
        const qint64 n = self->m_device->read(static_cast<char*>(buffer), qint64(size));
        if (n < 0) {
            self->m_error = self->m_device->errorString();
            errno = EIO;
            return -1;
        }
        return ssize_t(n);
    }

    static ssize_t write(void* handle, const void* buffer, size_t size)
    {
        auto* self = static_cast<DeviceStream*>(handle);
        const auto* data = static_cast<const char*>(buffer);
        qint64 done = 0;
        while (done < qint64(size)) {
            const qint64 n = self->m_device->write(data + done, qint64(size) - done);
            if (n <= 0) {
                self->m_error = self->m_device->errorString();
                errno = EIO;
                return -1;
            }
            done += n;
        }
        return ssize_t(size);
    }

    QString error() const { return m_error; }

private:
    QIODevice* m_device;
    QString m_error;
};

struct ContextFree
{
    void operator()(gpgme_ctx_t c) const { gpgme_release(c); }
};
struct DataFree
{
    void operator()(gpgme_data_t d) const { gpgme_data_release(d); }
};
using ContextPtr = std::unique_ptr<std::remove_pointer_t<gpgme_ctx_t>, ContextFree>;
using DataPtr = std::unique_ptr<std::remove_pointer_t<gpgme_data_t>, DataFree>;

QString errorText(gpgme_error_t e)
{
    return QString::fromUtf8(gpgme_strerror(e));
}

bool sameAddress(const GpgME::UserID& uid, const QByteArray& address)
{
    const std::string spec = uid.addrSpec();
    return QByteArray::fromStdString(spec).compare(address, Qt::CaseInsensitive) == 0;
}

bool usableSubkey(const GpgME::Subkey& s)
{
    return s.canEncrypt() && !s.isRevoked() && !s.isExpired() && !s.isInvalid() && !s.isDisabled();
}

} // namespace

OpenPgpBackend::OpenPgpBackend()
{
    GpgME::initializeLibrary();
}

OpenPgpBackend::~OpenPgpBackend() = default;

QString OpenPgpBackend::name() const
{
    return QStringLiteral("openpgp");
}

std::unique_ptr<GpgME::Context> OpenPgpBackend::newContext(const QString& home,
                                                           QString* error) const
{
    std::unique_ptr<GpgME::Context> context(GpgME::Context::createForProtocol(GpgME::OpenPGP));
    if (!context) {
        *error = tr("GPGME could not create an OpenPGP context");
        return nullptr;
    }
    if (!home.isEmpty()) {
        const GpgME::Error e = context->setEngineHomeDirectory(QFile::encodeName(home).constData());
        if (e) {
            *error = tr("GPGME cannot use the GnuPG home folder %1: %2").arg(home, errorText(e));
            return nullptr;
        }
    }
    context->setArmor(false);
    context->setOffline(true);
    context->setKeyListMode(GpgME::Local | GpgME::Validate);
    return context;
}

bool OpenPgpBackend::configure(const EncryptionSettings& settings, QString* error)
{
    const GpgME::Error engine = GpgME::checkEngine(GpgME::OpenPGP);
    if (engine) {
        *error = tr("GnuPG (gpg) cannot be used: %1").arg(errorText(engine));
        return false;
    }
    QString home = settings.gnupgHome;
    if (!home.isEmpty()) {
        const QFileInfo info(home);
        if (!info.exists()) {
            *error = tr("the GnuPG home folder %1 does not exist").arg(home);
            return false;
        }
        if (!info.isDir()) {
            *error = tr("the GnuPG home %1 is not a folder").arg(home);
            return false;
        }
        home = info.absoluteFilePath();
    }

    // gpg must be able to read the keyring. GPGME does not pass on every keyring error
    // (a damaged keybox just lists no keys), so gpg itself lists the keys once and its exit
    // status decides.
    const QString gpg = QFile::decodeName(GpgME::engineInfo(GpgME::OpenPGP).fileName());
    QStringList args;
    if (!home.isEmpty())
        args << QStringLiteral("--homedir") << home;
    args << QStringLiteral("--batch") << QStringLiteral("--no-tty")
         << QStringLiteral("--with-colons") << QStringLiteral("--fast-list-mode")
         << QStringLiteral("--list-keys");
    QProcess process;
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(gpg, args);
    const QString where = home.isEmpty() ? tr("the default GnuPG home") : home;
    if (!process.waitForStarted(10000)) {
        *error = tr("cannot run %1: %2").arg(gpg, process.errorString());
        return false;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(KeyringCheckTimeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        *error = tr("GnuPG did not finish listing the keyring in %1 within %2 seconds")
                     .arg(where)
                     .arg(KeyringCheckTimeoutMs / 1000);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        QStringList messages;
        const QList<QByteArray> lines = process.readAllStandardError().split('\n');
        for (const QByteArray& line : lines) {
            if (!line.trimmed().isEmpty())
                messages << QString::fromLocal8Bit(line.trimmed());
        }
        *error =
            tr("GnuPG cannot read the keyring in %1: %2")
                .arg(where,
                     messages.mid(qMax(0, int(messages.size()) - 3)).join(QLatin1String("; ")));
        return false;
    }

    QMutexLocker lock(&m_mutex);
    m_home = home;
    m_configured = true;
    return true;
}

QStringList OpenPgpBackend::problems() const
{
    return {};
}

bool OpenPgpBackend::configured(QString* home, QString* error) const
{
    QMutexLocker lock(&m_mutex);
    if (!m_configured) {
        *error = tr("the OpenPGP back end is not configured");
        return false;
    }
    *home = m_home;
    return true;
}

bool OpenPgpBackend::listKeys(GpgME::Context* context, const QStringList& addresses,
                              std::vector<GpgME::Key>* keys, QString* error) const
{
    // One listing for all addresses; gpg's "<address>" is an exact, case-insensitive match on
    // the e-mail address of a user ID.
    std::vector<QByteArray> patterns;
    for (const QString& address : addresses)
        patterns.push_back('<' + address.trimmed().toUtf8() + '>');
    std::vector<const char*> pointers;
    for (const QByteArray& p : patterns)
        pointers.push_back(p.constData());
    pointers.push_back(nullptr);

    QSet<QByteArray> known;
    for (const GpgME::Key& k : *keys)
        known.insert(QByteArray(k.primaryFingerprint()));
    GpgME::Error e = context->startKeyListing(pointers.data());
    while (!e) {
        GpgME::Key key = context->nextKey(e);
        if (e || key.isNull())
            break;
        const QByteArray fingerprint(key.primaryFingerprint());
        if (!known.contains(fingerprint)) {
            known.insert(fingerprint);
            keys->push_back(key);
        }
    }
    const GpgME::KeyListResult listed = context->endKeyListing();
    if (!e || isEnd(e))
        e = listed.error();
    if (e && !isEnd(e)) {
        *error = tr("GnuPG could not list the keys: %1").arg(errorText(e));
        return false;
    }
    return true;
}

KeyLookup OpenPgpBackend::judge(const std::vector<GpgME::Key>& keys, const QString& address,
                                GpgME::Key* chosen) const
{
    KeyLookup result;
    const QByteArray mail = address.trimmed().toUtf8();
    struct Candidate
    {
        GpgME::Key key;
        GpgME::UserID uid;
        GpgME::Subkey subkey; // the newest valid encryption subkey
        QString problem;
    };
    std::vector<Candidate> candidates;
    for (const GpgME::Key& key : keys) {
        Candidate c;
        c.key = key;
        for (const GpgME::UserID& uid : key.userIDs()) {
            if (sameAddress(uid, mail) && (c.uid.isNull() || c.uid.isBad()))
                c.uid = uid;
        }
        if (c.uid.isNull())
            continue; // gpg's match was looser than ours
        const GpgME::Subkey primary = key.subkey(0);
        GpgME::Subkey lastBadEncryption;
        for (const GpgME::Subkey& s : key.subkeys()) {
            if (usableSubkey(s)) {
                if (c.subkey.isNull() || s.creationTime() > c.subkey.creationTime())
                    c.subkey = s;
            } else if (s.canEncrypt()) {
                lastBadEncryption = s;
            }
        }
        const QString uid = QString::fromUtf8(c.uid.id());
        if (key.isRevoked())
            c.problem = tr("the key was revoked");
        else if (key.isExpired())
            c.problem = tr("the key expired on %1").arg(dateText(primary.expirationTime()));
        else if (key.isDisabled())
            c.problem = tr("the key is disabled");
        else if (key.isInvalid())
            c.problem = tr("the key is invalid");
        else if (c.uid.isRevoked())
            c.problem = tr("the user ID %1 was revoked").arg(uid);
        else if (c.uid.isInvalid())
            c.problem = tr("the user ID %1 is invalid").arg(uid);
        else if (c.uid.validity() == GpgME::UserID::Never)
            c.problem = tr("the keyring marks the user ID %1 as not valid").arg(uid);
        else if (c.subkey.isNull() && lastBadEncryption.isNull())
            c.problem = tr("the key has no encryption subkey");
        else if (c.subkey.isNull() && lastBadEncryption.isRevoked())
            c.problem = tr("its encryption subkey was revoked");
        else if (c.subkey.isNull() && lastBadEncryption.isExpired())
            c.problem = tr("its encryption subkey expired on %1")
                            .arg(dateText(lastBadEncryption.expirationTime()));
        else if (c.subkey.isNull())
            c.problem = tr("its encryption subkey is not usable");
        candidates.push_back(c);
    }

    const Candidate* best = nullptr;
    for (const Candidate& c : candidates) {
        if (!c.problem.isEmpty())
            continue;
        if (!best || c.subkey.creationTime() > best->subkey.creationTime())
            best = &c;
    }
    if (!best) {
        for (const Candidate& c : candidates) {
            if (!best || c.key.subkey(0).creationTime() > best->key.subkey(0).creationTime())
                best = &c;
        }
    }
    if (!best) {
        result.problem = tr("no OpenPGP key for this address in the keyring");
        return result;
    }
    result.usable = best->problem.isEmpty();
    result.problem = best->problem;
    if (candidates.size() > 1 && !result.usable)
        result.problem =
            tr("%1 (none of its %2 keys is usable)").arg(result.problem).arg(candidates.size());
    result.source = QString::fromLatin1(best->key.primaryFingerprint());
    const GpgME::Subkey& shown = best->subkey.isNull() ? best->key.subkey(0) : best->subkey;
    const QString expiry = shown.neverExpires()
                               ? tr("does not expire")
                               : tr("valid until %1").arg(dateText(shown.expirationTime()));
    result.description =
        tr("%1, key %2, %3").arg(QString::fromUtf8(best->uid.id()), result.source, expiry);
    if (result.usable && chosen)
        *chosen = best->key;
    return result;
}

KeyLookup OpenPgpBackend::findKey(const QString& address) const
{
    return findKeys({address}).value(0);
}

QList<KeyLookup> OpenPgpBackend::findKeys(const QStringList& addresses) const
{
    // One context and one key listing (one gpg run) for all addresses; each address then gets
    // the keys with a user ID of exactly that address, as findKey() alone would.
    QList<KeyLookup> found;
    if (addresses.isEmpty())
        return found;
    found.reserve(addresses.size());
    KeyLookup failed;
    QString home;
    if (configured(&home, &failed.problem)) {
        std::unique_ptr<GpgME::Context> context = newContext(home, &failed.problem);
        std::vector<GpgME::Key> keys;
        if (context && listKeys(context.get(), addresses, &keys, &failed.problem)) {
            for (const QString& address : addresses)
                found << judge(keys, address, nullptr);
            return found;
        }
    }
    for (qsizetype i = 0; i < addresses.size(); ++i)
        found << failed;
    return found;
}

bool OpenPgpBackend::encrypt(QIODevice* in, QIODevice* out, const QStringList& recipients,
                             QString* error) const
{
    QString home;
    if (!configured(&home, error))
        return false;
    if (recipients.isEmpty()) {
        *error = tr("no recipients to encrypt to");
        return false;
    }
    std::unique_ptr<GpgME::Context> context = newContext(home, error);
    if (!context)
        return false;

    // Every recipient's key first: nothing is read or written unless all are usable.
    std::vector<GpgME::Key> listed;
    if (!listKeys(context.get(), recipients, &listed, error))
        return false;
    std::vector<GpgME::Key> keys;
    QStringList missing;
    for (const QString& recipient : recipients) {
        GpgME::Key key;
        const KeyLookup found = judge(listed, recipient, &key);
        if (!found.usable || key.isNull()) {
            missing << QStringLiteral("%1 (%2)").arg(recipient, found.problem);
            continue;
        }
        bool known = false;
        for (const GpgME::Key& k : keys)
            known = known || qstrcmp(k.primaryFingerprint(), key.primaryFingerprint()) == 0;
        if (!known)
            keys.push_back(key);
    }
    if (!missing.isEmpty()) {
        *error = tr("no usable OpenPGP key for %1").arg(missing.join(QLatin1String("; ")));
        return false;
    }

    // The encryption itself goes through the GPGME C API: GPGME++ 1.18 has no way to set the
    // I/O buffer size (the default 4 KiB costs about 10 % of the speed on large messages) and
    // refuses NoEncryptTo.
    gpgme_ctx_t rawContext = nullptr;
    gpgme_error_t e = gpgme_new(&rawContext);
    ContextPtr ctx(rawContext);
    if (!e)
        e = gpgme_set_protocol(ctx.get(), GPGME_PROTOCOL_OpenPGP);
    if (!e && !home.isEmpty())
        e = gpgme_ctx_set_engine_info(ctx.get(), GPGME_PROTOCOL_OpenPGP, nullptr,
                                      QFile::encodeName(home).constData());
    if (e) {
        *error = tr("GPGME could not create an OpenPGP context: %1").arg(errorText(e));
        return false;
    }
    gpgme_set_armor(ctx.get(), 0);
    gpgme_set_offline(ctx.get(), 1);

    DeviceStream source(in), sink(out);
    gpgme_data_cbs sourceCalls = {&DeviceStream::read, nullptr, nullptr, nullptr};
    gpgme_data_cbs sinkCalls = {nullptr, &DeviceStream::write, nullptr, nullptr};
    gpgme_data_t rawPlain = nullptr, rawCipher = nullptr;
    e = gpgme_data_new_from_cbs(&rawPlain, &sourceCalls, &source);
    DataPtr plain(rawPlain);
    if (!e)
        e = gpgme_data_new_from_cbs(&rawCipher, &sinkCalls, &sink);
    DataPtr cipher(rawCipher);
    if (e) {
        *error = tr("GPGME could not create an OpenPGP context: %1").arg(errorText(e));
        return false;
    }
    gpgme_data_set_encoding(cipher.get(), GPGME_DATA_ENCODING_BINARY);
    // Best effort: an older GPGME keeps its default buffer.
    gpgme_data_set_flag(plain.get(), "io-buffer-size", IoBufferSize);
    gpgme_data_set_flag(cipher.get(), "io-buffer-size", IoBufferSize);

    // The chosen keys by fingerprint, one a line.
    QByteArray fingerprints;
    for (const GpgME::Key& k : keys)
        fingerprints += QByteArray(k.primaryFingerprint()) + '\n';
    // Always trust: see the class comment. No encrypt-to: exactly these recipients.
    e = gpgme_op_encrypt_ext(
        ctx.get(), nullptr, fingerprints.constData(),
        gpgme_encrypt_flags_t(GPGME_ENCRYPT_ALWAYS_TRUST | GPGME_ENCRYPT_NO_ENCRYPT_TO),
        plain.get(), cipher.get());
    if (!source.error().isEmpty()) {
        *error = tr("cannot read the message: %1").arg(source.error());
        return false;
    }
    if (!sink.error().isEmpty()) {
        *error = tr("cannot write the encrypted output: %1").arg(sink.error());
        return false;
    }
    if (e) {
        QStringList invalid;
        if (const gpgme_encrypt_result_t result = gpgme_op_encrypt_result(ctx.get())) {
            for (gpgme_invalid_key_t k = result->invalid_recipients; k; k = k->next)
                invalid << QStringLiteral("%1 (%2)").arg(QString::fromLatin1(k->fpr),
                                                         errorText(k->reason));
        }
        *error = tr("GnuPG could not encrypt: %1").arg(errorText(e));
        if (!invalid.isEmpty())
            *error += QLatin1String("; ") + invalid.join(QLatin1String("; "));
        return false;
    }
    return true;
}

} // namespace sendguard
