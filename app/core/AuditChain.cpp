// SPDX-License-Identifier: GPL-3.0-or-later
#include "AuditChain.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <vector>

namespace sendguard {

// ---------------------------------------------------------------------------------------------
// files

namespace auditfiles {

QString currentName()
{
    return QStringLiteral("audit.jsonl");
}

QString headName()
{
    return QStringLiteral("audit-head.json");
}

QString rotatedName(const QDate& day, int part)
{
    const QString date = day.toString(Qt::ISODate);
    return part > 0 ? QStringLiteral("audit-%1.%2.jsonl").arg(date).arg(part)
                    : QStringLiteral("audit-%1.jsonl").arg(date);
}

QList<File> list(const QString& dataDir)
{
    static const QRegularExpression rotated(
        QStringLiteral("^audit-(\\d{4}-\\d{2}-\\d{2})(?:\\.(\\d{1,4}))?\\.jsonl$"));
    QList<File> files;
    const QDir dir(dataDir);
    const QStringList names =
        dir.entryList({QStringLiteral("audit*.jsonl")}, QDir::Files | QDir::Hidden, QDir::Name);
    File current;
    bool haveCurrent = false;
    for (const QString& name : names) {
        if (name == currentName()) {
            current = {dir.filePath(name), name, {}, 0, true};
            haveCurrent = true;
            continue;
        }
        const auto m = rotated.match(name);
        if (!m.hasMatch())
            continue;
        const QDate day = QDate::fromString(m.captured(1), Qt::ISODate);
        if (!day.isValid())
            continue;
        files.append({dir.filePath(name), name, day, m.captured(2).toInt(), false});
    }
    std::sort(files.begin(), files.end(), [](const File& a, const File& b) {
        return a.day != b.day ? a.day < b.day : a.part < b.part;
    });
    if (haveCurrent)
        files.append(current);
    return files;
}

} // namespace auditfiles

// ---------------------------------------------------------------------------------------------
// key

QString AuditKey::systemPath()
{
#ifdef Q_OS_WIN
    return qEnvironmentVariable("ProgramData") + QStringLiteral("/SendGuard/audit.key");
#else
    return QStringLiteral("/etc/sendguard/audit.key");
#endif
}

AuditKey AuditKey::load()
{
    const QString named = qEnvironmentVariable("SENDGUARD_AUDIT_KEY_FILE");
    if (!named.isEmpty())
        return fromFile(named, true);
    return fromFile(systemPath(), false);
}

AuditKey AuditKey::fromFile(const QString& path, bool mustExist)
{
    AuditKey k;
    k.source = path;
    QFile f(path);
    if (!f.exists()) {
        if (mustExist)
            k.error =
                QCoreApplication::translate("AuditKey", "the audit key file %1 does not exist")
                    .arg(path);
        return k;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        // Present but not readable by this user: the log is written without MACs.
        k.error = QCoreApplication::translate("AuditKey", "cannot read the audit key file %1: %2")
                      .arg(path, f.errorString());
        return k;
    }
    QByteArray key = f.read(64 * 1024);
    while (!key.isEmpty() &&
           (key.back() == ' ' || key.back() == '\t' || key.back() == '\r' || key.back() == '\n'))
        key.chop(1);
    if (key.size() < 16) {
        k.error =
            QCoreApplication::translate(
                "AuditKey", "the audit key file %1 is too short (at least 16 bytes are needed)")
                .arg(path);
        return k;
    }
    k.key = key;
    return k;
}

// ---------------------------------------------------------------------------------------------
// chain

namespace {
const QByteArray MacPrefix = QByteArrayLiteral(",\"mac\":\"");
constexpr int HexLen = 64;
} // namespace

QByteArray AuditChain::genesis()
{
    return QByteArray(HexLen, '0');
}

QByteArray AuditChain::hashLine(const QByteArray& line)
{
    return QCryptographicHash::hash(line, QCryptographicHash::Sha256).toHex();
}

QByteArray AuditChain::mac(const QByteArray& key, const QByteArray& data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256).toHex();
}

QByteArray AuditChain::seal(QJsonObject fields, qint64 seq, const QByteArray& prev,
                            const QByteArray& key)
{
    fields.remove(QStringLiteral("mac"));
    fields.insert(QStringLiteral("seq"), seq);
    fields.insert(QStringLiteral("prev"), QString::fromLatin1(prev));
    return withMac(QJsonDocument(fields).toJson(QJsonDocument::Compact), key);
}

QByteArray AuditChain::seal(const JsonLine& fields, qint64 seq, const QByteArray& prev,
                            const QByteArray& key)
{
    QByteArray line = fields.open();
    line.reserve(line.size() + 200);
    if (line.size() > 1)
        line += ',';
    line += "\"prev\":\"" + prev + "\",\"seq\":" + QByteArray::number(seq) + '}';
    return withMac(line, key);
}

QByteArray AuditChain::withMac(QByteArray line, const QByteArray& key)
{
    if (key.isEmpty())
        return line;
    const QByteArray m = mac(key, line);
    line.chop(1); // the closing brace
    line += MacPrefix + m + "\"}";
    return line;
}

bool AuditChain::splitMac(const QByteArray& line, QByteArray* covered, QByteArray* macOut)
{
    // `...,"mac":"<64 hex>"}` at the very end.
    const qsizetype tail = MacPrefix.size() + HexLen + 2;
    if (line.size() < tail + 1 || !line.endsWith("\"}"))
        return false;
    const qsizetype at = line.size() - tail;
    if (QByteArrayView(line).sliced(at, MacPrefix.size()) != QByteArrayView(MacPrefix))
        return false;
    const QByteArray m = line.mid(at + MacPrefix.size(), HexLen);
    for (char c : m) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    if (covered)
        *covered = line.left(at) + '}';
    if (macOut)
        *macOut = m;
    return true;
}

bool AuditChain::checkMac(const QByteArray& line, const QByteArray& key)
{
    QByteArray covered, m;
    if (key.isEmpty() || !splitMac(line, &covered, &m))
        return false;
    // Constant time is not needed here (nothing secret is compared), but cheap.
    const QByteArray expected = mac(key, covered);
    unsigned diff = 0;
    for (int i = 0; i < HexLen; ++i)
        diff |= unsigned(expected.at(i) ^ m.at(i));
    return diff == 0;
}

bool AuditChain::isHexHash(const QString& text)
{
    if (text.size() != HexLen)
        return false;
    for (QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
              (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// verify

QString AuditProblem::toString() const
{
    QString where = file;
    if (line > 0)
        where += QLatin1Char(':') + QString::number(line);
    if (seq >= 0)
        where += QStringLiteral(": seq %1").arg(seq);
    return QStringLiteral("%1: %2: %3").arg(where, kind, message);
}

QJsonObject AuditVerifyReport::toJson() const
{
    QJsonArray list;
    for (const AuditProblem& p : problems) {
        list.append(QJsonObject{
            {QStringLiteral("kind"), p.kind},
            {QStringLiteral("file"), p.file},
            {QStringLiteral("line"), p.line},
            {QStringLiteral("seq"), p.seq >= 0 ? QJsonValue(p.seq) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("message"), p.message}});
    }
    return {{QStringLiteral("intact"), intact()},
            {QStringLiteral("data_dir"), dataDir},
            {QStringLiteral("files"), files},
            {QStringLiteral("lines"), lines},
            {QStringLiteral("first_seq"), firstSeq},
            {QStringLiteral("last_seq"), lastSeq},
            {QStringLiteral("last_hash"), QString::fromLatin1(lastHash)},
            {QStringLiteral("legacy_lines"), legacyLines},
            {QStringLiteral("lines_without_mac"), linesWithoutMac},
            {QStringLiteral("mac_checked"), macChecked},
            {QStringLiteral("key_file"), keySource},
            {QStringLiteral("head_found"), headFound},
            {QStringLiteral("problems"), list},
            {QStringLiteral("notes"), QJsonArray::fromStringList(notes)}};
}

namespace {

struct LineInfo
{
    int file = 0;
    int lineNo = 0;
    QByteArray hash; // hex
    bool parsed = false;
    bool terminated = true;
    bool chained = false;
    qint64 seq = -1;
    QByteArray prev;
    bool hasMac = false;
    bool macOk = false;
    QString event;
    QString rotatedFrom;
};

bool readSeq(const QJsonValue& v, qint64* seq)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d < 1 || d > 9007199254740992.0 || d != double(qint64(d)))
        return false;
    *seq = qint64(d);
    return true;
}

} // namespace

AuditVerifyReport AuditVerifier::verify(const QString& dataDir, const AuditKey& key)
{
    AuditVerifyReport report;
    report.dataDir = dataDir;
    report.macChecked = key.isValid();
    report.keySource = key.isValid() ? key.source : QString();

    // The head first: lines are made durable before it, so the files read afterwards reach it.
    struct
    {
        bool found = false;
        bool valid = false;
        qint64 seq = 0;
        QByteArray hash;
        QByteArray raw;
    } head;
    {
        QFile f(QDir(dataDir).filePath(auditfiles::headName()));
        if (f.open(QIODevice::ReadOnly)) {
            head.found = true;
            head.raw = f.readAll().trimmed();
            const QJsonObject o = QJsonDocument::fromJson(head.raw).object();
            head.valid = readSeq(o.value(QStringLiteral("seq")), &head.seq) &&
                         AuditChain::isHexHash(o.value(QStringLiteral("hash")).toString());
            head.hash = o.value(QStringLiteral("hash")).toString().toLatin1();
        }
    }
    report.headFound = head.found;

    const QList<auditfiles::File> files = auditfiles::list(dataDir);
    report.files = int(files.size());
    QSet<QString> names;
    for (const auto& f : files)
        names.insert(f.name);

    std::vector<LineInfo> lines;
    for (int fi = 0; fi < files.size(); ++fi) {
        QFile f(files.at(fi).path);
        if (!f.open(QIODevice::ReadOnly)) {
            report.problems.append({QStringLiteral("damaged"), files.at(fi).name, 0, -1,
                                    tr("cannot read the file: %1").arg(f.errorString())});
            continue;
        }
        int lineNo = 0;
        while (!f.atEnd()) {
            QByteArray line = f.readLine();
            ++lineNo;
            LineInfo info;
            info.file = fi;
            info.lineNo = lineNo;
            info.terminated = line.endsWith('\n');
            if (info.terminated)
                line.chop(1);
            info.hash = AuditChain::hashLine(line);
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            if (error.error == QJsonParseError::NoError && doc.isObject()) {
                const QJsonObject o = doc.object();
                info.parsed = true;
                info.event = o.value(QStringLiteral("event")).toString();
                info.rotatedFrom = o.value(QStringLiteral("rotated_from")).toString();
                const bool hasSeq = o.contains(QStringLiteral("seq"));
                const bool hasPrev = o.contains(QStringLiteral("prev"));
                if (hasSeq || hasPrev) {
                    const QString prev = o.value(QStringLiteral("prev")).toString();
                    if (!readSeq(o.value(QStringLiteral("seq")), &info.seq) ||
                        !AuditChain::isHexHash(prev)) {
                        info.parsed = false; // chain fields that are not what the writer writes
                    } else {
                        info.chained = true;
                        info.prev = prev.toLatin1();
                    }
                }
                info.hasMac = AuditChain::splitMac(line, nullptr, nullptr);
                if (info.hasMac && key.isValid())
                    info.macOk = AuditChain::checkMac(line, key.key);
            }
            lines.push_back(std::move(info));
        }
    }
    report.lines = qint64(lines.size());

    QHash<qint64, int> bySeq; // first occurrence
    for (int i = 0; i < int(lines.size()); ++i) {
        if (lines[i].chained && !bySeq.contains(lines[i].seq))
            bySeq.insert(lines[i].seq, i);
    }
    std::vector<bool> changedReported(lines.size(), false);
    auto where = [&](int i) {
        return QStringLiteral("%1:%2").arg(files.at(lines[i].file).name).arg(lines[i].lineNo);
    };
    auto add = [&](const QString& kind, int i, const QString& message) {
        report.problems.append(
            {kind, files.at(lines[i].file).name, lines[i].lineNo, lines[i].seq, message});
    };

    int prevChained = -1;
    qint64 maxSeq = 0;
    int lastLegacy = -1;
    int damagedSince = 0; // damaged lines since the last chained one
    bool seenMac = false;
    bool unverifiedMacs = false;
    for (int i = 0; i < int(lines.size()); ++i) {
        const LineInfo& l = lines[i];
        if (!l.parsed) {
            add(QStringLiteral("damaged"), i,
                l.terminated ? tr("not a valid audit line (damaged or cut off)")
                             : tr("the line is cut off (incomplete, no line end)"));
            ++damagedSince;
            continue;
        }
        if (!l.chained) {
            if (prevChained < 0 && l.file == 0 && damagedSince == 0) {
                ++report.legacyLines;
                lastLegacy = i;
            } else {
                add(QStringLiteral("unchained"), i,
                    tr("the line has no seq/prev: it was added, or its chain fields were removed"));
            }
            continue;
        }

        // The MAC covers the line's own bytes.
        if (key.isValid()) {
            if (l.hasMac) {
                seenMac = true;
                if (!l.macOk) {
                    add(QStringLiteral("changed"), i,
                        tr("its MAC does not match: the line was changed (or written with "
                           "another key)"));
                    changedReported[i] = true;
                }
            } else if (seenMac) {
                add(QStringLiteral("mac-missing"), i,
                    tr("the line has no MAC although earlier lines have one: it was replaced or "
                       "added"));
            } else {
                ++report.linesWithoutMac;
            }
        } else if (l.hasMac) {
            unverifiedMacs = true;
        }

        if (prevChained < 0) {
            report.firstSeq = l.seq;
            const QByteArray expected =
                lastLegacy >= 0 ? lines[lastLegacy].hash : AuditChain::genesis();
            if (l.seq != 1) {
                add(QStringLiteral("start-missing"), i,
                    tr("the trail starts at seq %1: the %2 line(s) before it were removed (or "
                       "older files deleted)")
                        .arg(l.seq)
                        .arg(l.seq - 1));
            } else if (l.prev != expected && !(i > 0 && l.prev == lines[i - 1].hash)) {
                if (lastLegacy >= 0)
                    add(QStringLiteral("changed"), lastLegacy,
                        tr("the line differs from what seq 1 (%1) recorded for it").arg(where(i)));
                else
                    add(QStringLiteral("start-missing"), i,
                        tr("seq 1 follows a line that is no longer there: the beginning of the "
                           "trail was removed"));
            }
        } else {
            const qint64 prevSeq = maxSeq;
            if (l.seq <= prevSeq) {
                const int first = bySeq.value(l.seq, i);
                if (first != i)
                    add(QStringLiteral("duplicate"), i,
                        tr("seq %1 appears again (first at %2): a line was copied or inserted")
                            .arg(l.seq)
                            .arg(where(first)));
                else
                    add(QStringLiteral("reordered"), i,
                        tr("seq %1 comes after seq %2: lines were moved out of order")
                            .arg(l.seq)
                            .arg(prevSeq));
            } else if (l.seq > prevSeq + 1) {
                // Which of the seqs in between exist nowhere at all?
                QList<QPair<qint64, qint64>> ranges;
                qint64 missing = 0;
                if (l.seq - prevSeq > 100000) {
                    ranges.append({prevSeq + 1, l.seq - 1});
                    missing = l.seq - prevSeq - 1;
                } else {
                    for (qint64 s = prevSeq + 1; s < l.seq; ++s) {
                        if (bySeq.contains(s))
                            continue;
                        ++missing;
                        if (!ranges.isEmpty() && ranges.last().second == s - 1)
                            ranges.last().second = s;
                        else
                            ranges.append({s, s});
                    }
                }
                if (missing > damagedSince) {
                    QStringList texts;
                    for (const auto& [a, b] : ranges)
                        texts << (a == b ? QString::number(a)
                                         : QStringLiteral("%1-%2").arg(a).arg(b));
                    add(QStringLiteral("removed"), i,
                        tr("%n line(s) removed before this line (missing seq %1; the line before "
                           "is %2)",
                           nullptr, int(missing))
                            .arg(texts.join(QStringLiteral(", ")), where(prevChained)));
                }
            }
            // The link: prev is the hash of the line before it, or of the line with seq - 1.
            bool linked = i > 0 && l.prev == lines[i - 1].hash;
            const int pj = bySeq.value(l.seq - 1, -1);
            if (!linked && pj >= 0 && pj != i - 1)
                linked = l.prev == lines[pj].hash;
            if (!linked && pj >= 0 && !changedReported[pj]) {
                add(QStringLiteral("changed"), pj,
                    tr("the line differs from what the next line (seq %1, %2) recorded for it")
                        .arg(l.seq)
                        .arg(where(i)));
                changedReported[pj] = true;
            }
        }
        if (l.event == QLatin1String("rotated") && !l.rotatedFrom.isEmpty() &&
            !names.contains(l.rotatedFrom)) {
            add(QStringLiteral("file-missing"), i,
                tr("the file %1 named by this rotation record is missing").arg(l.rotatedFrom));
        }
        prevChained = i;
        maxSeq = qMax(maxSeq, l.seq);
        damagedSince = 0;
    }
    if (prevChained >= 0) {
        report.lastSeq = lines[prevChained].seq;
        report.lastHash = lines[prevChained].hash;
    }
    if (unverifiedMacs)
        report.notes << tr("The lines carry MACs, but no key was available to check them (set "
                           "SENDGUARD_AUDIT_KEY_FILE or install %1).")
                            .arg(AuditKey::systemPath());
    if (report.legacyLines > 0)
        report.notes << tr("%n line(s) at the beginning were written before the chain was "
                           "introduced and are not protected by it.",
                           nullptr, int(report.legacyLines));
    if (report.linesWithoutMac > 0)
        report.notes << tr("%n line(s) were written before the audit key was installed and carry "
                           "no MAC.",
                           nullptr, int(report.linesWithoutMac));

    // The end: at least up to the last line recorded in the head.
    if (head.found) {
        const QString headFile = auditfiles::headName();
        if (!head.valid) {
            report.problems.append({QStringLiteral("head"), headFile, 0, -1,
                                    tr("audit-head.json is damaged or was changed")});
        } else {
            if (key.isValid()) {
                QByteArray covered;
                if (AuditChain::splitMac(head.raw, &covered, nullptr) &&
                    !AuditChain::checkMac(head.raw, key.key))
                    report.problems.append(
                        {QStringLiteral("head"), headFile, 0, head.seq,
                         tr("audit-head.json was changed: its MAC does not match")});
            }
            if (head.seq > maxSeq) {
                const QString end =
                    prevChained >= 0 ? where(prevChained) : tr("the beginning (no chained line)");
                report.problems.append(
                    {QStringLiteral("truncated"),
                     prevChained >= 0 ? files.at(lines[prevChained].file).name
                                      : auditfiles::currentName(),
                     prevChained >= 0 ? lines[prevChained].lineNo : 0, maxSeq,
                     tr("the trail ends at seq %1 (%2) but seq %3 was written: %n line(s) at the "
                        "end were removed",
                        nullptr, int(head.seq - maxSeq))
                         .arg(maxSeq)
                         .arg(end)
                         .arg(head.seq)});
            } else if (const int hi = bySeq.value(head.seq, -1);
                       hi >= 0 && lines[hi].hash != head.hash && !changedReported[hi]) {
                add(QStringLiteral("changed"), hi,
                    tr("the line differs from what audit-head.json recorded for it"));
                changedReported[hi] = true;
            }
        }
    } else if (!lines.empty()) {
        report.notes << tr("There is no audit-head.json: the removal of the last lines cannot be "
                           "detected.");
    }

    // Problems in the order of the trail.
    QHash<QString, int> fileOrder;
    for (int fi = 0; fi < files.size(); ++fi)
        fileOrder.insert(files.at(fi).name, fi);
    std::stable_sort(report.problems.begin(), report.problems.end(),
                     [&](const AuditProblem& a, const AuditProblem& b) {
                         const int fa = fileOrder.value(a.file, int(files.size()));
                         const int fb = fileOrder.value(b.file, int(files.size()));
                         return fa != fb ? fa < fb : a.line < b.line;
                     });
    return report;
}

} // namespace sendguard
