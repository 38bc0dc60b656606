// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditReader.h"

#include "AuditChain.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <deque>

namespace sendguard {

namespace {
QString text(const QJsonObject& o, const char* key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue& e : v.toArray())
            parts << (e.isString() ? e.toString()
                                   : QString::fromUtf8(QJsonDocument(QJsonArray{e})
                                                           .toJson(QJsonDocument::Compact)
                                                           .mid(1)
                                                           .chopped(1)));
        return parts.join(QStringLiteral("; "));
    }
    return {};
}
} // namespace

QString AuditReader::detailOf(const QJsonObject& line)
{
    QStringList parts;
    const QString detail = text(line, "detail");
    if (!detail.isEmpty())
        parts << detail;
    const QString by = text(line, "by");
    if (!by.isEmpty())
        parts << QStringLiteral("by: %1").arg(by);
    const QString moved = text(line, "moved");
    if (!moved.isEmpty())
        parts << QStringLiteral("moved: %1").arg(moved);
    const QString delivered = text(line, "delivered_to");
    if (!delivered.isEmpty())
        parts << QStringLiteral("delivered to: %1").arg(delivered);
    const QString reply = text(line, "reply");
    if (!reply.isEmpty())
        parts << QStringLiteral("reply: %1").arg(reply);
    const QString rotated = text(line, "rotated_from");
    if (!rotated.isEmpty())
        parts << QStringLiteral("rotated from: %1").arg(rotated);
    return parts.join(QStringLiteral(" / "));
}

AuditRecord AuditReader::fromJson(const QJsonObject& line)
{
    AuditRecord r;
    r.time = QDateTime::fromString(line.value(QStringLiteral("ts")).toString(), Qt::ISODateWithMs)
                 .toUTC();
    r.user = text(line, "user");
    r.event = text(line, "event");
    r.id = text(line, "id");
    r.messageId = text(line, "message_id");
    r.from = text(line, "from");
    r.headerFrom = text(line, "header_from");
    for (const QJsonValue& v : line.value(QStringLiteral("recipients")).toArray())
        r.recipients << v.toString();
    r.subject = text(line, "subject");
    r.detail = detailOf(line);
    const QJsonValue seq = line.value(QStringLiteral("seq"));
    r.seq = seq.isDouble() ? qint64(seq.toDouble()) : -1;
    r.fields = line;
    return r;
}

bool AuditFilter::matches(const AuditRecord& r) const
{
    if (from.isValid() || to.isValid()) {
        const QDate day = r.time.toLocalTime().date();
        if (!day.isValid() || (from.isValid() && day < from) || (to.isValid() && day > to))
            return false;
    }
    if (!events.isEmpty() && !events.contains(r.event))
        return false;
    if (!message.isEmpty() && r.id != message && r.messageId != message)
        return false;
    if (!text.isEmpty()) {
        const auto has = [this](const QString& s) { return s.contains(text, Qt::CaseInsensitive); };
        bool any = has(r.subject) || has(r.from) || has(r.headerFrom) || has(r.id) ||
                   has(r.messageId) || has(r.user) || has(r.detail) || has(r.event);
        for (const QString& a : r.recipients)
            any = any || has(a);
        if (!any)
            return false;
    }
    return true;
}

bool AuditReader::forEach(const QString& dataDir, const AuditFilter& filter,
                          const std::function<bool(const AuditRecord&)>& visit, QString* error)
{
    for (const auditfiles::File& file : auditfiles::list(dataDir)) {
        QFile f(file.path);
        if (!f.open(QIODevice::ReadOnly)) {
            if (!f.exists())
                continue; // rotated away while we read
            if (error)
                *error = tr("cannot read %1: %2").arg(file.path, f.errorString());
            return false;
        }
        int lineNo = 0;
        while (!f.atEnd()) {
            const QByteArray line = f.readLine();
            ++lineNo;
            const QJsonDocument doc = QJsonDocument::fromJson(line);
            if (!doc.isObject())
                continue;
            AuditRecord r = fromJson(doc.object());
            r.file = file.name;
            r.line = lineNo;
            if (!filter.matches(r))
                continue;
            if (!visit(r))
                return true;
        }
    }
    return true;
}

QList<AuditRecord> AuditReader::read(const QString& dataDir, const AuditFilter& filter,
                                     QString* error)
{
    std::deque<AuditRecord> records;
    forEach(
        dataDir, filter,
        [&](const AuditRecord& r) {
            records.push_back(r);
            if (filter.limit > 0 && int(records.size()) > filter.limit)
                records.pop_front();
            return true;
        },
        error);
    return QList<AuditRecord>(records.begin(), records.end());
}

QByteArray AuditReader::csvField(const QString& value)
{
    QString v = value;
    if (!v.isEmpty() && (v.front() == QLatin1Char('=') || v.front() == QLatin1Char('+') ||
                         v.front() == QLatin1Char('-') || v.front() == QLatin1Char('@') ||
                         v.front() == QLatin1Char('\t') || v.front() == QLatin1Char('\r')))
        v.prepend(QLatin1Char('\''));
    const bool quote = v.contains(QLatin1Char('"')) || v.contains(QLatin1Char(',')) ||
                       v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r')) ||
                       v.startsWith(QLatin1Char(' ')) || v.endsWith(QLatin1Char(' '));
    if (!quote)
        return v.toUtf8();
    v.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + v.toUtf8() + '"';
}

QByteArray AuditReader::csvHeader()
{
    const QStringList names{tr("Time"), tr("User"),       tr("Event"),   tr("Message ID"),
                            tr("From"), tr("Recipients"), tr("Subject"), tr("Detail")};
    QByteArray out("\xEF\xBB\xBF");
    for (int i = 0; i < names.size(); ++i) {
        if (i)
            out += ',';
        out += csvField(names.at(i));
    }
    out += "\r\n";
    return out;
}

QByteArray AuditReader::csvRow(const AuditRecord& r)
{
    const QStringList cells{
        r.time.isValid() ? r.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                         : QString(),
        r.user,
        r.event,
        r.messageId,
        r.from,
        r.recipients.join(QStringLiteral("; ")),
        r.subject,
        r.detail};
    QByteArray out;
    for (int i = 0; i < cells.size(); ++i) {
        if (i)
            out += ',';
        out += csvField(cells.at(i));
    }
    out += "\r\n";
    return out;
}

} // namespace sendguard
