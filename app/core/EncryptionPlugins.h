// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EncryptionBackend.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sendguard {

// Finds the encryption back ends (Qt plugins implementing EncryptionBackend) and hands them out
// by name. Folders searched, in this order; for a name, the first plugin found wins:
//   1. $SENDGUARD_PLUGIN_DIR, when set;
//   2. <folder of the executable>/../lib/sendguard/plugins (the installed layout);
//   3. the build tree's plugin folder, only when the executable itself runs from that build
//      tree (so an installed binary never loads plugins from a stale build).
// A missing or broken plugin is not fatal: backend() returns null and says why.
class EncryptionPlugins
{
    Q_DECLARE_TR_FUNCTIONS(EncryptionPlugins)

public:
    // The folders of the list above that apply to this process (needs a QCoreApplication).
    static QStringList searchPaths();

    // Loads every plugin in searchPaths(). Call once; needs a QCoreApplication.
    void load();
    // The same, with an explicit list of folders.
    void load(const QStringList& folders);

    // The back end called `name` ("smime", "openpgp"), or null with the reason in `error`.
    // The plugin owns the object; it stays valid for the life of the process.
    EncryptionBackend* backend(const QString& name, QString* error = nullptr) const;
    QStringList names() const { return m_backends.keys(); }
    // The plugin file a back end came from.
    QString fileOf(const QString& name) const { return m_files.value(name); }
    // Plugin files that could not be loaded, each "FILE: REASON".
    QStringList problems() const { return m_problems; }

private:
    QStringList m_searched;
    QMap<QString, EncryptionBackend*> m_backends;
    QMap<QString, QString> m_files;
    QStringList m_problems;
};

} // namespace sendguard
