// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "JsonLine.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace sendguard {

// The files of the audit trail in a data folder.
//
//   DATA/audit.jsonl                 the current day (UTC), always this name
//   DATA/audit-YYYY-MM-DD.jsonl      an earlier day, renamed at the first write of a later day
//   DATA/audit-YYYY-MM-DD.N.jsonl    the same day again (only after the clock went back)
//   DATA/audit-head.json             the last line made durable: {"seq","hash","file","ts"[,"mac"]}
namespace auditfiles {

struct File
{
    QString path;
    QString name;
    QDate day;    // of a rotated file; invalid for the current one
    int part = 0; // N of audit-DAY.N.jsonl
    bool current = false;
};

QString currentName();
QString headName();
QString rotatedName(const QDate& day, int part = 0);
// The audit files of `dataDir` in the order of the chain: rotated files by day and part, then
// the current file (when it exists).
QList<File> list(const QString& dataDir);

} // namespace auditfiles

// The machine key for the lines' MAC: the content of the file named by the environment variable
// SENDGUARD_AUDIT_KEY_FILE, else of /etc/sendguard/audit.key when this process can read it
// (trailing white space removed; at least 16 bytes).
struct AuditKey
{
    QByteArray key;
    QString source; // the file it came from
    QString error;  // set when a key file exists (or was named) but cannot be used

    bool isValid() const { return !key.isEmpty(); }

    static AuditKey load();
    static AuditKey fromFile(const QString& path, bool mustExist);
    static QString systemPath();
};

// How one line of the trail is sealed and checked. A line is compact JSON (UTF-8) followed by
// "\n":
//   "seq"   1, 2, 3, ... without gaps across all files
//   "prev"  hex SHA-256 of the previous line's bytes (without its "\n"); 64 zeros for the
//           first line of a new trail
//   "mac"   hex HMAC-SHA256, under the machine key, of the line's bytes without the mac field:
//           the line is written as `{...},"mac":"HEX"}` where `{...}` is exactly what was MACed
//           when its closing brace is put back. Only when a key exists; always the last field.
class AuditChain
{
public:
    static QByteArray genesis();
    static QByteArray hashLine(const QByteArray& line);
    static QByteArray mac(const QByteArray& key, const QByteArray& data);
    // The line for `fields` (seq and prev added; a mac appended when `key` is not empty).
    static QByteArray seal(QJsonObject fields, qint64 seq, const QByteArray& prev,
                           const QByteArray& key);
    // The same for fields written with JsonLine (which must not hold seq, prev or mac).
    static QByteArray seal(const JsonLine& fields, qint64 seq, const QByteArray& prev,
                           const QByteArray& key);
    // `line` (a whole JSON object) with the mac field appended under `key`; as it is without one.
    static QByteArray withMac(QByteArray line, const QByteArray& key);
    // Splits a line into the bytes the MAC covers and the MAC itself; false when it has none.
    static bool splitMac(const QByteArray& line, QByteArray* covered, QByteArray* mac);
    // True when `line` carries a MAC that matches under `key`.
    static bool checkMac(const QByteArray& line, const QByteArray& key);
    static bool isHexHash(const QString& text);
};

// One thing wrong with the trail, as precisely as it can be said.
struct AuditProblem
{
    // "changed", "removed", "reordered", "duplicate", "damaged", "unchained", "truncated",
    // "start-missing", "mac-missing", "file-missing", "head"
    QString kind;
    QString file; // file name in the data folder
    int line = 0; // 1-based; 0 when about the file or the trail
    qint64 seq = -1;
    QString message; // in the user's language

    QString toString() const;
};

struct AuditVerifyReport
{
    QString dataDir;
    int files = 0;
    qint64 lines = 0;
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    QByteArray lastHash;
    qint64 legacyLines = 0; // at the start, written before the chain existed
    qint64 linesWithoutMac = 0;
    bool macChecked = false;
    QString keySource;
    bool headFound = false;
    QList<AuditProblem> problems;
    QStringList notes;

    bool intact() const { return problems.isEmpty(); }
    QJsonObject toJson() const;
};

// Checks every file of the trail in order: each line's seq follows the one before, its prev is
// the hash of the line with the seq before it, its MAC matches (when a key is given), and the
// trail reaches at least the last line recorded in audit-head.json.
class AuditVerifier
{
    Q_DECLARE_TR_FUNCTIONS(AuditVerifier)

public:
    static AuditVerifyReport verify(const QString& dataDir, const AuditKey& key);
};

} // namespace sendguard
