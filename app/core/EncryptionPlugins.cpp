// SPDX-License-Identifier: GPL-3.0-or-later
#include "EncryptionPlugins.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QLibrary>
#include <QPluginLoader>

namespace sendguard {

namespace {

// Set by app/core/CMakeLists.txt: the build tree and the folder its plugins are built into.
#ifndef SENDGUARD_BUILD_DIR
#define SENDGUARD_BUILD_DIR ""
#endif
#ifndef SENDGUARD_BUILD_PLUGIN_DIR
#define SENDGUARD_BUILD_PLUGIN_DIR ""
#endif

bool isInside(const QString& path, const QString& folder)
{
    if (path.isEmpty() || folder.isEmpty())
        return false;
    return path == folder || path.startsWith(folder + QLatin1Char('/'));
}

} // namespace

QStringList EncryptionPlugins::searchPaths()
{
    QStringList paths;
    const QString fromEnv = qEnvironmentVariable("SENDGUARD_PLUGIN_DIR");
    if (!fromEnv.isEmpty())
        paths << QDir::cleanPath(fromEnv);
    const QString appDir = QCoreApplication::applicationDirPath();
    if (!appDir.isEmpty())
        paths << QDir::cleanPath(appDir + QStringLiteral("/../lib/sendguard/plugins"));
    const QString buildDir = QFileInfo(QString::fromUtf8(SENDGUARD_BUILD_DIR)).canonicalFilePath();
    const QString buildPlugins = QString::fromUtf8(SENDGUARD_BUILD_PLUGIN_DIR);
    if (!buildPlugins.isEmpty() && isInside(QFileInfo(appDir).canonicalFilePath(), buildDir))
        paths << QDir::cleanPath(buildPlugins);
    paths.removeDuplicates();
    return paths;
}

void EncryptionPlugins::load()
{
    load(searchPaths());
}

void EncryptionPlugins::load(const QStringList& folders)
{
    m_searched = folders;
    for (const QString& folder : folders) {
        const QDir dir(folder);
        if (!dir.exists())
            continue;
        const QFileInfoList files = dir.entryInfoList(QDir::Files, QDir::Name);
        for (const QFileInfo& file : files) {
            const QString path = file.absoluteFilePath();
            if (!QLibrary::isLibrary(path))
                continue;
            QPluginLoader loader(path);
            const QString iid = loader.metaData().value(QStringLiteral("IID")).toString();
            if (iid.isEmpty()) {
                m_problems << tr("%1: not a Qt plugin (%2)").arg(path, loader.errorString());
                continue;
            }
            if (iid != QLatin1String(SENDGUARD_ENCRYPTION_BACKEND_IID)) {
                m_problems << tr("%1: a plugin for %2, not for %3")
                                  .arg(path, iid, QLatin1String(SENDGUARD_ENCRYPTION_BACKEND_IID));
                continue;
            }
            QObject* instance = loader.instance();
            auto* backend = qobject_cast<EncryptionBackend*>(instance);
            if (!backend) {
                m_problems << tr("%1: cannot be loaded: %2").arg(path, loader.errorString());
                continue;
            }
            const QString name = backend->name();
            if (m_backends.contains(name))
                continue; // an earlier folder wins
            m_backends.insert(name, backend);
            m_files.insert(name, path);
        }
    }
}

EncryptionBackend* EncryptionPlugins::backend(const QString& name, QString* error) const
{
    EncryptionBackend* found = m_backends.value(name);
    if (!found && error) {
        const QString searched =
            m_searched.isEmpty() ? tr("no folder") : m_searched.join(QStringLiteral(", "));
        *error = tr("no encryption plugin \"%1\" was found (searched: %2)").arg(name, searched);
        if (!m_problems.isEmpty())
            *error += QLatin1String("; ") + m_problems.join(QLatin1String("; "));
    }
    return found;
}

} // namespace sendguard
