// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConfigLoader.h"

#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>
#include <functional>
#include <limits>

namespace sendguard {

QString upstreamSecurityName(UpstreamSecurity security)
{
    switch (security) {
    case UpstreamSecurity::StartTls:
        return QStringLiteral("starttls");
    case UpstreamSecurity::ImplicitTls:
        return QStringLiteral("tls");
    case UpstreamSecurity::None:
        return QStringLiteral("none");
    }
    return {};
}

QString encryptionModeName(EncryptionMode mode)
{
    switch (mode) {
    case EncryptionMode::Off:
        return QStringLiteral("off");
    case EncryptionMode::Attachments:
        return QStringLiteral("attachments");
    case EncryptionMode::Message:
        return QStringLiteral("message");
    }
    return {};
}

QString keywordWhereName(KeywordRule::Where where)
{
    switch (where) {
    case KeywordRule::Where::Subject:
        return QStringLiteral("subject");
    case KeywordRule::Where::Body:
        return QStringLiteral("body");
    case KeywordRule::Where::AttachmentName:
        return QStringLiteral("attachment-name");
    }
    return {};
}

QString keywordActionName(KeywordRule::Action action)
{
    return action == KeywordRule::Action::Block ? QStringLiteral("block") : QStringLiteral("warn");
}

QString ConfigProblem::toString() const
{
    if (key.isEmpty())
        return QStringLiteral("%1: %2").arg(file, reason);
    return QStringLiteral("%1: %2: %3").arg(file, key, reason);
}

namespace {

// A key the configuration may hold: how to read it into a Config, or why it cannot be read.
struct KeySpec
{
    const char* name;
    // Returns an empty string on success, or the reason the value is refused.
    std::function<QString(const QJsonValue&, Config&)> apply;
};

QString typeName(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QCoreApplication::translate("ConfigLoader", "null");
    case QJsonValue::Bool:
        return QCoreApplication::translate("ConfigLoader", "a boolean");
    case QJsonValue::Double:
        return QCoreApplication::translate("ConfigLoader", "a number");
    case QJsonValue::String:
        return QCoreApplication::translate("ConfigLoader", "a string");
    case QJsonValue::Array:
        return QCoreApplication::translate("ConfigLoader", "an array");
    case QJsonValue::Object:
        return QCoreApplication::translate("ConfigLoader", "an object");
    default:
        return QCoreApplication::translate("ConfigLoader", "undefined");
    }
}

KeySpec stringKey(const char* name, std::function<QString(const QString&, Config&)> set)
{
    return {name, [set](const QJsonValue& v, Config& c) -> QString {
                if (!v.isString())
                    return QCoreApplication::translate("ConfigLoader",
                                                       "expected a string, found %1")
                        .arg(typeName(v));
                return set(v.toString(), c);
            }};
}

KeySpec boolKey(const char* name, std::function<void(bool, Config&)> set)
{
    return {name, [set](const QJsonValue& v, Config& c) -> QString {
                if (!v.isBool())
                    return QCoreApplication::translate("ConfigLoader",
                                                       "expected true or false, found %1")
                        .arg(typeName(v));
                set(v.toBool(), c);
                return {};
            }};
}

KeySpec intKey(const char* name, qint64 min, qint64 max, std::function<void(qint64, Config&)> set)
{
    return {name, [=](const QJsonValue& v, Config& c) -> QString {
                if (!v.isDouble())
                    return QCoreApplication::translate("ConfigLoader",
                                                       "expected a whole number, found %1")
                        .arg(typeName(v));
                const double d = v.toDouble();
                if (d != static_cast<double>(static_cast<qint64>(d)))
                    return QCoreApplication::translate("ConfigLoader",
                                                       "expected a whole number, found %1")
                        .arg(d);
                const qint64 n = static_cast<qint64>(d);
                if (n < min || n > max)
                    return QCoreApplication::translate("ConfigLoader",
                                                       "must be between %1 and %2, found %3")
                        .arg(min)
                        .arg(max)
                        .arg(n);
                set(n, c);
                return {};
            }};
}

template <typename E>
KeySpec enumKey(const char* name, QList<QPair<QString, E>> values,
                std::function<void(E, Config&)> set)
{
    return {
        name, [=](const QJsonValue& v, Config& c) -> QString {
            QStringList allowed;
            for (const auto& [text, value] : values)
                allowed << QLatin1Char('"') + text + QLatin1Char('"');
            if (!v.isString())
                return QCoreApplication::translate("ConfigLoader", "expected one of %1, found %2")
                    .arg(allowed.join(QStringLiteral(", ")), typeName(v));
            for (const auto& [text, value] : values) {
                if (v.toString() == text) {
                    set(value, c);
                    return {};
                }
            }
            return QCoreApplication::translate("ConfigLoader", "expected one of %1, found \"%2\"")
                .arg(allowed.join(QStringLiteral(", ")), v.toString());
        }};
}

QString checkDomain(const QString& d)
{
    if (d.isEmpty() || d.startsWith(QLatin1Char('.')) || d.endsWith(QLatin1Char('.')) ||
        d.contains(QLatin1Char('@')) || d.contains(QLatin1Char(' ')))
        return QCoreApplication::translate("ConfigLoader", "\"%1\" is not a domain name").arg(d);
    return {};
}

KeySpec domainListKey(const char* name, std::function<void(const QStringList&, Config&)> set)
{
    return {name, [set](const QJsonValue& v, Config& c) -> QString {
                if (!v.isArray())
                    return QCoreApplication::translate(
                               "ConfigLoader", "expected an array of domain names, found %1")
                        .arg(typeName(v));
                QStringList list;
                const QJsonArray array = v.toArray();
                for (const QJsonValue& item : array) {
                    if (!item.isString())
                        return QCoreApplication::translate(
                                   "ConfigLoader",
                                   "expected an array of domain names, found %1 in it")
                            .arg(typeName(item));
                    const QString raw = item.toString().trimmed();
                    if (QString err = checkDomain(raw); !err.isEmpty())
                        return err;
                    // Compare domains in one normal form: lower-case ASCII (IDN as "xn--").
                    const QString d = QString::fromLatin1(QUrl::toAce(raw.toLower()));
                    if (d.isEmpty())
                        return QCoreApplication::translate("ConfigLoader",
                                                           "\"%1\" is not a domain name")
                            .arg(raw);
                    list << d;
                }
                set(list, c);
                return {};
            }};
}

QString keywordRules(const QJsonValue& v, Config& c)
{
    if (!v.isArray())
        return QCoreApplication::translate("ConfigLoader", "expected an array of rules, found %1")
            .arg(typeName(v));
    QList<KeywordRule> rules;
    const QJsonArray array = v.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("[%1]").arg(i);
        if (!array.at(i).isObject())
            return QCoreApplication::translate(
                       "ConfigLoader",
                       "rule %1: expected an object with \"pattern\", \"where\" and \"action\"")
                .arg(where);
        const QJsonObject o = array.at(i).toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() != QLatin1String("pattern") && it.key() != QLatin1String("where") &&
                it.key() != QLatin1String("action"))
                return QCoreApplication::translate("ConfigLoader", "rule %1: unknown key \"%2\"")
                    .arg(where, it.key());
        }
        KeywordRule rule;
        rule.pattern = o.value(QStringLiteral("pattern")).toString();
        const QRegularExpression re(rule.pattern);
        if (rule.pattern.isEmpty())
            return QCoreApplication::translate("ConfigLoader",
                                               "rule %1: \"pattern\" must be a non-empty string")
                .arg(where);
        if (!re.isValid())
            return QCoreApplication::translate(
                       "ConfigLoader", "rule %1: the pattern is not a valid regular expression: %2")
                .arg(where, re.errorString());
        const QString w = o.value(QStringLiteral("where")).toString(QStringLiteral("subject"));
        if (w == QLatin1String("subject"))
            rule.where = KeywordRule::Where::Subject;
        else if (w == QLatin1String("body"))
            rule.where = KeywordRule::Where::Body;
        else if (w == QLatin1String("attachment-name"))
            rule.where = KeywordRule::Where::AttachmentName;
        else
            return QCoreApplication::translate(
                       "ConfigLoader",
                       "rule %1: \"where\" must be \"subject\", \"body\" or \"attachment-name\"")
                .arg(where);
        const QString a = o.value(QStringLiteral("action")).toString(QStringLiteral("warn"));
        if (a == QLatin1String("warn"))
            rule.action = KeywordRule::Action::Warn;
        else if (a == QLatin1String("block"))
            rule.action = KeywordRule::Action::Block;
        else
            return QCoreApplication::translate("ConfigLoader",
                                               "rule %1: \"action\" must be \"warn\" or \"block\"")
                .arg(where);
        rules.append(rule);
    }
    c.policy.keywordRules = rules;
    return {};
}

const QList<QPair<QString, QList<KeySpec>>>& schema()
{
    static const QList<QPair<QString, QList<KeySpec>>> sections = {
        {QStringLiteral("listen"),
         {
             stringKey("address",
                       [](const QString& s, Config& c) -> QString {
                           QHostAddress a;
                           if (s == QLatin1String("localhost"))
                               a = QHostAddress::LocalHost;
                           else if (!a.setAddress(s))
                               return QCoreApplication::translate("ConfigLoader",
                                                                  "\"%1\" is not an IP address")
                                   .arg(s);
                           if (!a.isLoopback())
                               return QCoreApplication::translate(
                                          "ConfigLoader",
                                          "\"%1\" is not a loopback address; SendGuard "
                                          "only listens on this computer")
                                   .arg(s);
                           c.listen.address = a.toString();
                           return {};
                       }),
             intKey("port", 1, 65535, [](qint64 n, Config& c) { c.listen.port = quint16(n); }),
             enumKey<bool>("auth",
                           {{QStringLiteral("required"), true}, {QStringLiteral("none"), false}},
                           [](bool b, Config& c) { c.listen.authRequired = b; }),
             boolKey("starttls", [](bool b, Config& c) { c.listen.starttls = b; }),
             intKey("max_message_size", 1024, 4LL * 1024 * 1024 * 1024,
                    [](qint64 n, Config& c) { c.listen.maxMessageSize = n; }),
             intKey("idle_timeout_seconds", 1, 3600,
                    [](qint64 n, Config& c) { c.listen.idleTimeoutSeconds = int(n); }),
             intKey("max_sessions", 1, 10000,
                    [](qint64 n, Config& c) { c.listen.maxSessions = int(n); }),
             intKey("max_recipients", 1, 100000,
                    [](qint64 n, Config& c) { c.listen.maxRecipients = int(n); }),
         }},
        {QStringLiteral("upstream"),
         {
             stringKey("host",
                       [](const QString& s, Config& c) -> QString {
                           if (s.contains(QLatin1Char(' ')) || s.contains(QLatin1Char('/')))
                               return QCoreApplication::translate("ConfigLoader",
                                                                  "\"%1\" is not a host name")
                                   .arg(s);
                           c.upstream.host = s.trimmed();
                           return {};
                       }),
             intKey("port", 1, 65535, [](qint64 n, Config& c) { c.upstream.port = quint16(n); }),
             enumKey<UpstreamSecurity>(
                 "security",
                 {{QStringLiteral("starttls"), UpstreamSecurity::StartTls},
                  {QStringLiteral("tls"), UpstreamSecurity::ImplicitTls},
                  {QStringLiteral("none"), UpstreamSecurity::None}},
                 [](UpstreamSecurity s, Config& c) { c.upstream.security = s; }),
             boolKey("verify_certificate",
                     [](bool b, Config& c) { c.upstream.verifyCertificate = b; }),
             stringKey("ca_file",
                       [](const QString& s, Config& c) -> QString {
                           if (!s.isEmpty() && !QFile::exists(s))
                               return QCoreApplication::translate("ConfigLoader",
                                                                  "file \"%1\" does not exist")
                                   .arg(s);
                           c.upstream.caFile = s;
                           return {};
                       }),
             stringKey("username",
                       [](const QString& s, Config& c) -> QString {
                           c.upstream.username = s;
                           return {};
                       }),
         }},
        {QStringLiteral("relay"),
         {
             intKey("max_connections", 1, 64,
                    [](qint64 n, Config& c) { c.relay.maxConnections = int(n); }),
             intKey("retry_initial_seconds", 1, 86400,
                    [](qint64 n, Config& c) { c.relay.retryInitialSeconds = int(n); }),
             intKey("retry_max_interval_seconds", 1, 86400,
                    [](qint64 n, Config& c) { c.relay.retryMaxIntervalSeconds = int(n); }),
             intKey("max_age_seconds", 1, 60LL * 86400,
                    [](qint64 n, Config& c) { c.relay.maxAgeSeconds = n; }),
             intKey("connect_timeout_seconds", 1, 600,
                    [](qint64 n, Config& c) { c.relay.connectTimeoutSeconds = int(n); }),
             intKey("command_timeout_seconds", 1, 3600,
                    [](qint64 n, Config& c) { c.relay.commandTimeoutSeconds = int(n); }),
         }},
        {QStringLiteral("policy"),
         {
             domainListKey("internal_domains",
                           [](const QStringList& l, Config& c) { c.policy.internalDomains = l; }),
             domainListKey("trusted_domains",
                           [](const QStringList& l, Config& c) { c.policy.trustedDomains = l; }),
             domainListKey("blocked_domains",
                           [](const QStringList& l, Config& c) { c.policy.blockedDomains = l; }),
             enumKey<ConfirmWhen>("confirm",
                                  {{QStringLiteral("always"), ConfirmWhen::Always},
                                   {QStringLiteral("external"), ConfirmWhen::External},
                                   {QStringLiteral("never"), ConfirmWhen::Never}},
                                  [](ConfirmWhen w, Config& c) { c.policy.confirm = w; }),
             {"keyword_rules", keywordRules},
             intKey("mass_threshold", 1, 100000,
                    [](qint64 n, Config& c) { c.policy.massThreshold = int(n); }),
             enumKey<BccRewrite>(
                 "bcc_rewrite",
                 {{QStringLiteral("external-when-mass"), BccRewrite::ExternalWhenMass},
                  {QStringLiteral("all-when-mass"), BccRewrite::AllWhenMass},
                  {QStringLiteral("off"), BccRewrite::Off}},
                 [](BccRewrite b, Config& c) { c.policy.bccRewrite = b; }),
             intKey("hold_seconds", 0, 86400,
                    [](qint64 n, Config& c) { c.policy.holdSeconds = int(n); }),
             boolKey("confirm_checkboxes",
                     [](bool b, Config& c) { c.policy.confirmCheckboxes = b; }),
             boolKey("allow_check_all", [](bool b, Config& c) { c.policy.allowCheckAll = b; }),
             boolKey("allow_keep_visible",
                     [](bool b, Config& c) { c.policy.allowKeepVisible = b; }),
             intKey("confirm_timeout_seconds", 1, 3600,
                    [](qint64 n, Config& c) { c.policy.confirmTimeoutSeconds = int(n); }),
             enumKey<ConfirmTimeoutAction>(
                 "confirm_timeout_action",
                 {{QStringLiteral("defer"), ConfirmTimeoutAction::Defer},
                  {QStringLiteral("tempfail"), ConfirmTimeoutAction::TempFail}},
                 [](ConfirmTimeoutAction a, Config& c) { c.policy.confirmTimeoutAction = a; }),
             enumKey<ReleaseAfterRestart>(
                 "release_after_restart",
                 {{QStringLiteral("ask"), ReleaseAfterRestart::Ask},
                  {QStringLiteral("send"), ReleaseAfterRestart::Send},
                  {QStringLiteral("hold"), ReleaseAfterRestart::Hold}},
                 [](ReleaseAfterRestart r, Config& c) { c.policy.releaseAfterRestart = r; }),
             intKey("keep_days", 1, 3650, [](qint64 n, Config& c) { c.policy.keepDays = int(n); }),
         }},
        {QStringLiteral("encryption"),
         {
             enumKey<EncryptionMode>("mode",
                                     {{QStringLiteral("off"), EncryptionMode::Off},
                                      {QStringLiteral("attachments"), EncryptionMode::Attachments},
                                      {QStringLiteral("message"), EncryptionMode::Message}},
                                     [](EncryptionMode m, Config& c) { c.encryption.mode = m; }),
             enumKey<EncryptionMethod>(
                 "method",
                 {{QStringLiteral("smime"), EncryptionMethod::Smime},
                  {QStringLiteral("pgp"), EncryptionMethod::OpenPgp},
                  {QStringLiteral("auto"), EncryptionMethod::Auto}},
                 [](EncryptionMethod m, Config& c) { c.encryption.method = m; }),
             enumKey<EncryptionRequired>(
                 "required_for",
                 {{QStringLiteral("none"), EncryptionRequired::None},
                  {QStringLiteral("external"), EncryptionRequired::External},
                  {QStringLiteral("all"), EncryptionRequired::All}},
                 [](EncryptionRequired r, Config& c) { c.encryption.requiredFor = r; }),
             stringKey("smime_certificates",
                       [](const QString& s, Config& c) -> QString {
                           c.encryption.smimeCertificates = s.trimmed();
                           return {};
                       }),
             stringKey("gnupg_home",
                       [](const QString& s, Config& c) -> QString {
                           c.encryption.gnupgHome = s.trimmed();
                           return {};
                       }),
             enumKey<QString>("cipher",
                              {{QStringLiteral("aes-128-cbc"), QStringLiteral("aes-128-cbc")},
                               {QStringLiteral("aes-192-cbc"), QStringLiteral("aes-192-cbc")},
                               {QStringLiteral("aes-256-cbc"), QStringLiteral("aes-256-cbc")}},
                              [](const QString& s, Config& c) { c.encryption.cipher = s; }),
             boolKey("allow_unencrypted_override",
                     [](bool b, Config& c) { c.encryption.allowUnencryptedOverride = b; }),
         }},
        {QStringLiteral("ui"),
         {
             enumKey<QString>("language",
                              {{QStringLiteral("system"), QStringLiteral("system")},
                               {QStringLiteral("ja"), QStringLiteral("ja")},
                               {QStringLiteral("en"), QStringLiteral("en")}},
                              [](const QString& l, Config& c) { c.ui.language = l; }),
         }},
    };
    return sections;
}

} // namespace

// Checks the machine policy on its own (its mistakes are reported against its source), then
// lays it over the user's settings key by key and records those keys as locked.
bool ConfigLoader::overlayMachinePolicy(QJsonObject* root)
{
    const QString source = m_policy.source;
    if (!m_policy.error.isEmpty()) {
        m_problems.append({source, {}, m_policy.error});
        return false;
    }
    ConfigLoader check;
    if (!check.parse(QJsonDocument(m_policy.settings).toJson(), source)) {
        m_problems.append(check.problems());
        return false;
    }
    QStringList locked;
    for (auto section = m_policy.settings.begin(); section != m_policy.settings.end(); ++section) {
        QJsonObject merged = root->value(section.key()).toObject();
        const QJsonObject keys = section.value().toObject();
        for (auto key = keys.begin(); key != keys.end(); ++key) {
            merged.insert(key.key(), key.value());
            locked << section.key() + QLatin1Char('.') + key.key();
        }
        root->insert(section.key(), merged);
    }
    locked.sort();
    m_lockedKeys = locked;
    return true;
}

void ConfigLoader::problem(const QString& key, const QString& reason)
{
    m_problems.append({m_file, key, reason});
}

bool ConfigLoader::parse(const QByteArray& json, const QString& fileName)
{
    m_file = fileName;
    m_problems.clear();
    m_lockedKeys.clear();
    m_config = Config{};

    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        // Report a line and column, which is what a person editing the file needs.
        int line = 1, column = 1;
        for (int i = 0; i < error.offset && i < json.size(); ++i) {
            if (json.at(i) == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        problem({}, tr("not valid JSON at line %1, column %2: %3")
                        .arg(line)
                        .arg(column)
                        .arg(error.errorString()));
        return false;
    }
    if (!doc.isObject()) {
        problem({}, tr("the top level must be a JSON object"));
        return false;
    }

    QJsonObject root = doc.object();
    if (!m_policy.isEmpty() && !overlayMachinePolicy(&root))
        return false;
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QList<KeySpec>* specs = nullptr;
        for (const auto& [section, keys] : schema()) {
            if (section == it.key())
                specs = &keys;
        }
        if (!specs) {
            problem(it.key(),
                    tr("unknown section (expected listen, upstream, relay, policy, encryption "
                       "or ui)"));
            continue;
        }
        if (!it.value().isObject()) {
            problem(it.key(), tr("expected an object, found %1").arg(typeName(it.value())));
            continue;
        }
        const QJsonObject section = it.value().toObject();
        for (auto kv = section.begin(); kv != section.end(); ++kv) {
            const QString path = it.key() + QLatin1Char('.') + kv.key();
            const KeySpec* spec = nullptr;
            for (const KeySpec& s : *specs) {
                if (kv.key() == QLatin1String(s.name))
                    spec = &s;
            }
            if (!spec) {
                problem(path, tr("unknown key"));
                continue;
            }
            if (QString reason = spec->apply(kv.value(), m_config); !reason.isEmpty())
                problem(path, reason);
        }
    }

    if (m_config.relay.retryMaxIntervalSeconds < m_config.relay.retryInitialSeconds)
        problem(QStringLiteral("relay.retry_max_interval_seconds"),
                tr("must not be smaller than relay.retry_initial_seconds"));
    if (m_config.upstream.security == UpstreamSecurity::None &&
        !m_config.upstream.username.isEmpty())
        problem(QStringLiteral("upstream.username"),
                tr("refusing to send a password without TLS; set upstream.security to "
                   "\"starttls\" or \"tls\""));
    if (m_config.encryption.mode == EncryptionMode::Off &&
        m_config.encryption.requiredFor != EncryptionRequired::None)
        problem(QStringLiteral("encryption.required_for"),
                tr("encryption cannot be required while encryption.mode is \"off\"; set it to "
                   "\"attachments\" or \"message\""));
    if (m_config.encryption.mode != EncryptionMode::Off &&
        m_config.encryption.method == EncryptionMethod::Smime &&
        m_config.encryption.smimeCertificates.isEmpty())
        problem(QStringLiteral("encryption.smime_certificates"),
                tr("a folder with the recipients' certificates is needed for encryption.method "
                   "\"smime\""));
    m_config.lockedKeys = m_lockedKeys;
    if (!m_lockedKeys.isEmpty())
        m_config.lockedBy = m_policy.source;
    return m_problems.isEmpty();
}

bool ConfigLoader::load(const QString& fileName, bool missingIsDefault)
{
    m_file = fileName;
    m_problems.clear();
    m_config = Config{};
    QFile file(fileName);
    if (!file.exists()) {
        if (missingIsDefault)
            return parse("{}", fileName); // defaults, under the machine policy if any
        problem({}, tr("file does not exist"));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        problem({}, tr("cannot be read: %1").arg(file.errorString()));
        return false;
    }
    if (file.size() > 1024 * 1024) {
        problem({}, tr("is larger than 1 MB; this is not a SendGuard configuration"));
        return false;
    }
    return parse(file.readAll(), fileName);
}

} // namespace sendguard
