// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace sendguard::durable {

// The write, fsync, rename discipline. Each function returns false and fills `error` on failure.

// Flushes a closed file's data and metadata to disk.
bool syncFile(const QString& path, QString* error);
// Flushes a directory, so that renames and creations in it survive a crash.
bool syncDirectory(const QString& path, QString* error);
// Flushes an open file's data (fdatasync) to disk.
bool syncOpenFile(int fd, QString* error);
// Flushes everything written to the file system that holds `path` (Linux syncfs); one call
// makes a whole batch of new files durable. Returns false where that is not available.
bool syncFileSystem(const QString& path, QString* error);
// Atomically replaces `to` with `from` (same file system).
bool renameFile(const QString& from, const QString& to, QString* error);
// Writes `data` to `path` through a temporary file in the same folder: write, fsync, rename.
// The folder itself is not synced; the caller does that (once per batch).
bool writeFileAtomically(const QString& path, const QByteArray& data, QString* error);

} // namespace sendguard::durable
