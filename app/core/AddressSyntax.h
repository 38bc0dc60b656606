// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace sendguard {

// Checks of RFC 5321 envelope paths (MAIL FROM / RCPT TO), not of header addresses (GMime's job).
class AddressSyntax
{
public:
    // `path` is what stood between < and >. A leading source route is tolerated.
    static bool isValidPath(const QByteArray& path, bool allowEmpty, bool allowUtf8,
                            QString* error);
    // The domain part of an address, lower-cased; empty when there is none.
    static QString domainOf(const QString& address);
};

} // namespace sendguard
