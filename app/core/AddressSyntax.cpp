// SPDX-License-Identifier: GPL-3.0-or-later
#include "AddressSyntax.h"

namespace sendguard {

// These texts become part of SMTP replies (553 ...): English, ASCII, not translated.

bool AddressSyntax::isValidPath(const QByteArray& rawPath, bool allowEmpty, bool allowUtf8,
                                QString* error)
{
    QByteArray path = rawPath;
    if (path.isEmpty()) {
        if (!allowEmpty)
            *error = QStringLiteral("an empty address is not allowed here");
        return allowEmpty;
    }
    if (path.startsWith('@')) { // obsolete source route "@a,@b:user@host"
        const int colon = path.indexOf(':');
        if (colon < 0) {
            *error = QStringLiteral("malformed source route");
            return false;
        }
        path = path.mid(colon + 1);
    }
    bool inQuotes = false;
    int at = -1;
    for (int i = 0; i < path.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(path.at(i));
        if (c < 33 || c == 127) {
            if (!(inQuotes && c == ' ')) {
                *error = QStringLiteral("spaces or control characters in the address");
                return false;
            }
        }
        if (c >= 128 && !allowUtf8) {
            *error = QStringLiteral("non-ASCII address without the SMTPUTF8 parameter");
            return false;
        }
        if (c == '"')
            inQuotes = !inQuotes;
        else if (c == '\\' && inQuotes)
            ++i;
        else if (c == '@' && !inQuotes)
            at = i;
        else if (!inQuotes &&
                 (c == '<' || c == '>' || c == ',' || c == ';' || c == '(' || c == ')')) {
            *error = QStringLiteral("invalid character in the address");
            return false;
        }
    }
    if (inQuotes || at <= 0 || at == path.size() - 1) {
        *error = QStringLiteral("expected local-part@domain");
        return false;
    }
    const QByteArray domain = path.mid(at + 1);
    if (domain.startsWith('.') || domain.endsWith('.') || domain.contains("..")) {
        *error = QStringLiteral("malformed domain");
        return false;
    }
    return true;
}

QString AddressSyntax::domainOf(const QString& address)
{
    const int at = address.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return {};
    return address.mid(at + 1).toLower();
}

} // namespace sendguard
