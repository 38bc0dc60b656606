// SPDX-License-Identifier: GPL-3.0-or-later
// How EncryptionPlugins finds the encryption back ends, and that a missing or broken plugin is
// reported without stopping anything.
#include "EncryptionPlugins.h"

#include <QDir>
#include <QFile>
#include <QLibraryInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace sendguard;

class TestEncryptionPlugins : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { qunsetenv("SENDGUARD_PLUGIN_DIR"); }

    void searchOrder()
    {
        QTemporaryDir extra;
        qputenv("SENDGUARD_PLUGIN_DIR", QFile::encodeName(extra.path()));
        const QStringList paths = EncryptionPlugins::searchPaths();
        QCOMPARE(paths.size(), 3); // the test runs from the build tree
        QCOMPARE(paths.at(0), extra.path());
        QCOMPARE(paths.at(1), QDir::cleanPath(QCoreApplication::applicationDirPath() +
                                              QStringLiteral("/../lib/sendguard/plugins")));
        QVERIFY2(QFile::exists(paths.at(2)), qPrintable(paths.at(2)));

        qunsetenv("SENDGUARD_PLUGIN_DIR");
        QCOMPARE(EncryptionPlugins::searchPaths().size(), 2);
    }

    void findsBothBackEndsInTheBuildTree()
    {
        EncryptionPlugins plugins;
        plugins.load();
        QCOMPARE(plugins.names(),
                 (QStringList{QStringLiteral("openpgp"), QStringLiteral("smime")}));
        QVERIFY2(plugins.problems().isEmpty(), qPrintable(plugins.problems().join(u'\n')));
        for (const QString& name : plugins.names()) {
            QString error;
            EncryptionBackend* backend = plugins.backend(name, &error);
            QVERIFY2(backend, qPrintable(error));
            QCOMPARE(backend->name(), name);
            QVERIFY(plugins.fileOf(name).startsWith(EncryptionPlugins::searchPaths().last()));
        }
    }

    void environmentFolderComesFirst()
    {
        const QString built = [] {
            EncryptionPlugins plugins;
            plugins.load();
            return plugins.fileOf(QStringLiteral("smime"));
        }();
        QVERIFY(!built.isEmpty());
        QTemporaryDir extra;
        const QString copy = extra.filePath(QFileInfo(built).fileName());
        QVERIFY(QFile::copy(built, copy));
        qputenv("SENDGUARD_PLUGIN_DIR", QFile::encodeName(extra.path()));
        EncryptionPlugins plugins;
        plugins.load();
        QCOMPARE(plugins.fileOf(QStringLiteral("smime")), copy);
        QVERIFY(plugins.fileOf(QStringLiteral("openpgp")) != copy);
    }

    void missingPluginIsReported()
    {
        QTemporaryDir empty;
        EncryptionPlugins plugins;
        plugins.load({empty.path(), empty.filePath(QStringLiteral("does-not-exist"))});
        QVERIFY(plugins.names().isEmpty());
        QString error;
        QVERIFY(!plugins.backend(QStringLiteral("smime"), &error));
        QVERIFY2(error.contains(QStringLiteral("no encryption plugin \"smime\" was found")),
                 qPrintable(error));
        QVERIFY2(error.contains(empty.path()), qPrintable(error));
        QVERIFY(!plugins.backend(QStringLiteral("smime"))); // no error wanted: no crash
    }

    void brokenAndForeignPluginsAreReported()
    {
        QTemporaryDir dir;
        QFile broken(dir.filePath(QStringLiteral("libbroken.so")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("\x7f"
                     "ELF but not really");
        broken.close();
        const QString sqlite = QLibraryInfo::path(QLibraryInfo::PluginsPath) +
                               QStringLiteral("/sqldrivers/libqsqlite.so");
        const bool haveForeign = QFile::copy(sqlite, dir.filePath(QStringLiteral("libqsqlite.so")));

        EncryptionPlugins plugins;
        plugins.load({dir.path()});
        QVERIFY(plugins.names().isEmpty());
        const QStringList problems = plugins.problems();
        QCOMPARE(problems.size(), haveForeign ? 2 : 1);
        QVERIFY2(problems.filter(broken.fileName() + QStringLiteral(": ")).size() == 1,
                 qPrintable(problems.join(u'\n')));
        if (haveForeign)
            QVERIFY2(problems.filter(QStringLiteral("libqsqlite.so: a plugin for ")).size() == 1,
                     qPrintable(problems.join(u'\n')));
        QString error;
        QVERIFY(!plugins.backend(QStringLiteral("openpgp"), &error));
        QVERIFY2(error.contains(QStringLiteral("libbroken.so")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestEncryptionPlugins)
#include "TestEncryptionPlugins.moc"
