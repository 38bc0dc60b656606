// SPDX-License-Identifier: GPL-3.0-or-later
#include "DurableFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#ifdef Q_OS_WIN
#include <io.h>
#include <windows.h>
#else
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace sendguard::durable {

#ifndef Q_OS_WIN
namespace {
QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

bool syncPath(const QString& path, int flags, QString* error)
{
    const QByteArray native = QFile::encodeName(path);
    int fd;
    do {
        fd = ::open(native.constData(), flags | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        *error = QCoreApplication::translate("DurableFile", "cannot open %1: %2")
                     .arg(path, errnoText(errno));
        return false;
    }
    int rc;
    do {
        rc = ::fsync(fd);
    } while (rc < 0 && errno == EINTR);
    const int err = errno;
    ::close(fd);
    if (rc < 0) {
        *error = QCoreApplication::translate("DurableFile", "cannot sync %1 to disk: %2")
                     .arg(path, errnoText(err));
        return false;
    }
    return true;
}
} // namespace

bool syncFile(const QString& path, QString* error)
{
    return syncPath(path, O_RDONLY, error);
}

bool syncFileSystem(const QString& path, QString* error)
{
#ifdef Q_OS_LINUX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        *error = QCoreApplication::translate("DurableFile", "cannot open %1: %2")
                     .arg(path, errnoText(errno));
        return false;
    }
    const int rc = ::syncfs(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0) {
        *error = QCoreApplication::translate("DurableFile", "cannot sync %1 to disk: %2")
                     .arg(path, errnoText(err));
        return false;
    }
    return true;
#else
    *error = QCoreApplication::translate("DurableFile", "syncfs is not available");
    return false;
#endif
}

bool syncOpenFile(int fd, QString* error)
{
    int rc;
    do {
        rc = ::fdatasync(fd);
    } while (rc < 0 && errno == EINTR);
    if (rc < 0) {
        *error = QCoreApplication::translate("DurableFile", "cannot sync to disk: %1")
                     .arg(errnoText(errno));
        return false;
    }
    return true;
}

bool syncDirectory(const QString& path, QString* error)
{
    return syncPath(path, O_RDONLY | O_DIRECTORY, error);
}

bool renameFile(const QString& from, const QString& to, QString* error)
{
    if (::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        *error = QCoreApplication::translate("DurableFile", "cannot rename %1 to %2: %3")
                     .arg(from, to, errnoText(errno));
        return false;
    }
    return true;
}
#else
bool syncFile(const QString& path, QString* error)
{
    HANDLE h = CreateFileW(reinterpret_cast<LPCWSTR>(path.utf16()), GENERIC_WRITE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (h == INVALID_HANDLE_VALUE) {
        *error = QCoreApplication::translate("DurableFile", "cannot open %1 (error %2)")
                     .arg(path)
                     .arg(GetLastError());
        return false;
    }
    const bool ok = FlushFileBuffers(h);
    CloseHandle(h);
    if (!ok)
        *error = QCoreApplication::translate("DurableFile", "cannot sync %1 to disk (error %2)")
                     .arg(path)
                     .arg(GetLastError());
    return ok;
}

bool syncOpenFile(int fd, QString* error)
{
    if (_commit(fd) != 0) {
        *error = QCoreApplication::translate("DurableFile", "cannot sync to disk");
        return false;
    }
    return true;
}

bool syncFileSystem(const QString&, QString* error)
{
    *error = QCoreApplication::translate("DurableFile", "syncfs is not available");
    return false;
}

bool syncDirectory(const QString&, QString*)
{
    // NTFS journals renames made with MOVEFILE_WRITE_THROUGH; there is no directory handle to
    // flush.
    return true;
}

bool renameFile(const QString& from, const QString& to, QString* error)
{
    if (!MoveFileExW(reinterpret_cast<LPCWSTR>(from.utf16()), reinterpret_cast<LPCWSTR>(to.utf16()),
                     MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
        *error = QCoreApplication::translate("DurableFile", "cannot rename %1 to %2 (error %3)")
                     .arg(from, to)
                     .arg(GetLastError());
        return false;
    }
    return true;
}
#endif

bool writeFileAtomically(const QString& path, const QByteArray& data, QString* error)
{
    const QString tmp = path + QStringLiteral(".tmp-%1").arg(QRandomGenerator::global()->generate(),
                                                             8, 16, QLatin1Char('0'));
    {
        QFile f(tmp);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = QCoreApplication::translate("DurableFile", "cannot create %1: %2")
                         .arg(tmp, f.errorString());
            return false;
        }
        if (f.write(data) != data.size() || !f.flush()) {
            *error = QCoreApplication::translate("DurableFile", "cannot write %1: %2")
                         .arg(tmp, f.errorString());
            f.close();
            QFile::remove(tmp);
            return false;
        }
    }
    if (!syncFile(tmp, error) || !renameFile(tmp, path, error)) {
        QFile::remove(tmp);
        return false;
    }
    return true;
}

} // namespace sendguard::durable
