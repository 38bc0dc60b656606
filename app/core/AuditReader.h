// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

class QIODevice;

namespace sendguard {

// One line of the audit trail, as a value (for a viewer, the CSV export, scripts).
struct AuditRecord
{
    QDateTime time; // UTC; shown in local time
    QString user;
    QString event;
    QString id;        // SendGuard's queue ID
    QString messageId; // the Message-ID header
    QString from;      // envelope sender
    QString headerFrom;
    QStringList recipients;
    QString subject;
    QString detail; // "detail", "reply", "by", ... joined (see AuditReader::detailOf)
    qint64 seq = -1;
    QString file; // the file it was read from (name in the data folder)
    int line = 0;
    QJsonObject fields; // the whole line, for anything else
};

// Which records to read. Empty members do not filter.
struct AuditFilter
{
    QDate from; // local date, inclusive
    QDate to;   // local date, inclusive
    QStringList events;
    QString text;    // case-insensitive, in subject, addresses, IDs, user and detail
    QString message; // a SendGuard ID or a Message-ID, exactly
    int limit = 0;   // at most this many (the newest) when > 0

    bool matches(const AuditRecord& record) const;
};

// Reads the audit trail of a data folder: every file, oldest first (lines that are not valid
// JSON are skipped; `sendguard audit verify` is the place to find those). Thread-safe: a viewer
// may call it on a worker thread.
class AuditReader
{
    Q_DECLARE_TR_FUNCTIONS(AuditReader)

public:
    static AuditRecord fromJson(const QJsonObject& line);
    static QString detailOf(const QJsonObject& line);

    // Calls `visit` for each matching record in the order of the trail; `visit` returns false
    // to stop. Returns false (and sets `error`) when a file cannot be read.
    static bool forEach(const QString& dataDir, const AuditFilter& filter,
                        const std::function<bool(const AuditRecord&)>& visit,
                        QString* error = nullptr);
    static QList<AuditRecord> read(const QString& dataDir, const AuditFilter& filter = {},
                                   QString* error = nullptr);

    // CSV for spreadsheets: UTF-8 with BOM, CRLF, RFC 4180 quoting; columns time (local), user,
    // event, message ID, from, recipients ("; "), subject, detail. A cell that begins with
    // = + - @ (a formula to a spreadsheet) gets a leading apostrophe.
    static QByteArray csvHeader();
    static QByteArray csvRow(const AuditRecord& record);
    static QByteArray csvField(const QString& value);
};

} // namespace sendguard
