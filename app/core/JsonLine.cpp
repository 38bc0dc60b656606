// SPDX-License-Identifier: GPL-3.0-or-later
#include "JsonLine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace sendguard {

JsonLine::JsonLine()
{
    m_text.reserve(512);
    m_text += '{';
}

void JsonLine::key(QLatin1StringView key)
{
    if (m_text.size() > 1)
        m_text += ',';
    m_text += '"';
    m_text.append(key.data(), key.size());
    m_text += "\":";
}

void JsonLine::appendString(QByteArray* out, const QString& text)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out->reserve(out->size() + utf8.size() + 2);
    *out += '"';
    for (const char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            *out += '\\';
            *out += c;
        } else if (u < 0x20) {
            switch (c) {
            case '\n':
                *out += "\\n";
                break;
            case '\r':
                *out += "\\r";
                break;
            case '\t':
                *out += "\\t";
                break;
            default:
                *out += "\\u00";
                *out += hex[u >> 4];
                *out += hex[u & 0xf];
            }
        } else {
            *out += c;
        }
    }
    *out += '"';
}

void JsonLine::add(QLatin1StringView name, const QString& value)
{
    key(name);
    appendString(&m_text, value);
}

void JsonLine::add(QLatin1StringView name, qint64 value)
{
    key(name);
    m_text += QByteArray::number(value);
}

void JsonLine::add(QLatin1StringView name, const QStringList& values)
{
    key(name);
    m_text += '[';
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            m_text += ',';
        appendString(&m_text, values.at(i));
    }
    m_text += ']';
}

void JsonLine::addBool(QLatin1StringView name, bool value)
{
    key(name);
    m_text += value ? "true" : "false";
}

void JsonLine::addValue(QLatin1StringView name, const QJsonValue& v)
{
    key(name);
    value(v);
}

void JsonLine::addRaw(QLatin1StringView name, const QByteArray& json)
{
    key(name);
    m_text += json;
}

void JsonLine::add(const QString& name, const QJsonValue& v)
{
    if (m_text.size() > 1)
        m_text += ',';
    appendString(&m_text, name);
    m_text += ':';
    value(v);
}

void JsonLine::value(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        appendString(&m_text, value.toString());
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::isfinite(d) && d == std::trunc(d) && std::fabs(d) < 9007199254740992.0)
            m_text += QByteArray::number(qint64(d));
        else if (std::isfinite(d))
            m_text += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        else
            m_text += "null"; // JSON has no infinities
        break;
    }
    case QJsonValue::Bool:
        m_text += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Array:
        m_text += QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
        break;
    case QJsonValue::Object:
        m_text += QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        break;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        m_text += "null";
        break;
    }
}

} // namespace sendguard
