// SPDX-License-Identifier: GPL-3.0-or-later
#include "MachinePolicy.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSettings>

namespace sendguard {

namespace {

// Keys whose value is a list or a yes/no in the config file; registry and managed preferences
// give strings and numbers, which are turned into those.
bool isListKey(const QString& path)
{
    return path.endsWith(QLatin1String("_domains"));
}

bool isBoolKey(const QString& path)
{
    static const QStringList keys = {QStringLiteral("listen.starttls"),
                                     QStringLiteral("upstream.verify_certificate"),
                                     QStringLiteral("policy.confirm_checkboxes"),
                                     QStringLiteral("policy.allow_check_all"),
                                     QStringLiteral("policy.allow_keep_visible"),
                                     QStringLiteral("encryption.allow_unencrypted_override")};
    return keys.contains(path);
}

QJsonValue toJson(const QString& path, const QVariant& value)
{
    if (isListKey(path)) {
        QStringList items = value.toStringList();
        if (items.size() <= 1)
            items = value.toString().split(QRegularExpression(QStringLiteral("[;,\\s]+")),
                                           Qt::SkipEmptyParts);
        return QJsonArray::fromStringList(items);
    }
    if (isBoolKey(path)) {
        const QString text = value.toString().trimmed().toLower();
        return text == QLatin1String("1") || text == QLatin1String("true") ||
               text == QLatin1String("yes");
    }
    bool isNumber = false;
    const qlonglong number = value.toString().toLongLong(&isNumber);
    if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::UInt ||
        value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::ULongLong ||
        (isNumber && !path.endsWith(QLatin1String(".host"))))
        return double(isNumber ? number : value.toLongLong());
    return value.toString();
}

} // namespace

QJsonObject MachinePolicy::fromFlatValues(const QVariantMap& values)
{
    QJsonObject settings;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const QString path = it.key();
        const qsizetype dot = path.indexOf(QLatin1Char('.'));
        if (dot <= 0)
            continue;
        const QString section = path.left(dot);
        const QString key = path.mid(dot + 1);
        QJsonObject object = settings.value(section).toObject();
        object.insert(key, toJson(path, it.value()));
        settings.insert(section, object);
    }
    return settings;
}

MachinePolicy MachinePolicy::readFile(const QString& path)
{
    MachinePolicy policy;
    policy.source = path;
    QFile file(path);
    if (!file.exists())
        return policy;
    if (!file.open(QIODevice::ReadOnly)) {
        policy.error = QCoreApplication::translate("MachinePolicy", "cannot be read: %1")
                           .arg(file.errorString());
        return policy;
    }
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.read(1024 * 1024), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        policy.error = QCoreApplication::translate("MachinePolicy", "not a valid JSON object: %1")
                           .arg(parseError.errorString());
        return policy;
    }
    policy.settings = doc.object();
    return policy;
}

MachinePolicy MachinePolicy::readSystem()
{
#if defined(Q_OS_WIN)
    QSettings registry(QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\SendGuard"),
                       QSettings::NativeFormat);
    QVariantMap values;
    for (const QString& name : registry.childKeys())
        values.insert(name, registry.value(name));
    MachinePolicy policy;
    policy.source = QStringLiteral("HKLM\\Software\\Policies\\SendGuard");
    policy.settings = fromFlatValues(values);
    return policy;
#elif defined(Q_OS_MACOS)
    const QString path = QStringLiteral("/Library/Managed Preferences/org.sendguard.plist");
    MachinePolicy policy;
    policy.source = path;
    if (!QFile::exists(path))
        return policy;
    QSettings managed(path, QSettings::NativeFormat);
    QVariantMap values;
    for (const QString& name : managed.allKeys())
        values.insert(name, managed.value(name));
    policy.settings = fromFlatValues(values);
    return policy;
#else
    const QString path = qEnvironmentVariableIsSet("SENDGUARD_POLICY_FILE")
                             ? qEnvironmentVariable("SENDGUARD_POLICY_FILE")
                             : QStringLiteral("/etc/sendguard/policy.json");
    return readFile(path);
#endif
}

} // namespace sendguard
