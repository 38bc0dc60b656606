// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QLatin1StringView>
#include <QString>
#include <QStringList>

namespace sendguard {

// One JSON object written straight into compact UTF-8 text, field by field: several times
// faster than filling a QJsonObject and serialising it, for lines written once per event (the
// audit trail). The caller gives each key once; keys are written as given (no escaping).
class JsonLine
{
public:
    JsonLine();

    void add(QLatin1StringView key, const QString& value);
    void add(QLatin1StringView key, qint64 value);
    void add(QLatin1StringView key, const QStringList& values);
    void addBool(QLatin1StringView key, bool value);
    // Any value (arrays and objects through QJsonDocument).
    void addValue(QLatin1StringView key, const QJsonValue& value);
    // `json`, already written, as the value.
    void addRaw(QLatin1StringView key, const QByteArray& json);
    // Any value under any key (`key` is escaped).
    void add(const QString& key, const QJsonValue& value);

    // The object so far, without its closing brace: more fields may follow (AuditChain).
    const QByteArray& open() const { return m_text; }
    QByteArray close() const { return m_text + '}'; }

    // `text` as a JSON string, quotes included.
    static void appendString(QByteArray* out, const QString& text);

private:
    void key(QLatin1StringView key);
    void value(const QJsonValue& value);

    QByteArray m_text;
};

} // namespace sendguard
