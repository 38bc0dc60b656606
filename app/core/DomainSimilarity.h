// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPair>
#include <QString>
#include <QStringList>
#include <optional>

namespace sendguard {

struct LookalikeMatch
{
    QString domain;    // the candidate, in normal form
    QString resembles; // the reference it resembles, in normal form
    QString reason;    // "one-edit", "swapped-characters", "homoglyph", "public-suffix"
};

// Recognises recipient domains that look like, but are not, a domain the user trusts
// (examp1e.co.jp or example.jp instead of example.co.jp). All functions are pure and thread-safe.
class DomainSimilarity
{
public:
    // Normal form for comparing domains: IDNA to lower-case ASCII (ACE, "xn--..."), trailing dot
    // removed; empty for something that is not a domain name (address literals, IPv4 addresses,
    // characters outside letters, digits and hyphens, empty labels, labels over 63 octets, names
    // over 253 octets, malformed "xn--" labels).
    static QString normalize(const QString& domain);
    // The Unicode form for showing to people; empty for something that is not a domain name.
    static QString display(const QString& domain);
    // Splits off the public suffix: "mail.example.co.jp" -> {"mail.example", "co.jp"},
    // "example.com" -> {"example", "com"}, "co.jp" -> {"", "co.jp"}. Uses a built-in list of
    // common public suffixes; for anything else the suffix is the last label. Both parts in
    // normal form; both empty for something that is not a domain name.
    static QPair<QString, QString> splitPublicSuffix(const QString& domain);
    // The registrable domain: "mail.example.co.jp" -> "example.co.jp"; empty for a bare public
    // suffix ("co.jp", "localhost") or something that is not a domain name.
    static QString registrableDomain(const QString& domain);
    // Whether `candidate` looks like, but is not, one of `references` (any form, normalised
    // inside). A candidate equal to a reference, or a subdomain of one, or a reference that is
    // a subdomain of the candidate's registrable domain, is never a look-alike. Returns the best
    // match (homoglyph > swapped-characters > one-edit > public-suffix; among equals the first
    // reference in the list), or nullopt.
    static std::optional<LookalikeMatch> findLookalike(const QString& candidate,
                                                       const QStringList& references);

private:
    // Confusable characters folded: "examp1e.co.jp" and "exаmple.co.jp" (Cyrillic а) both give
    // "example.co.jp". Takes the Unicode form.
    static QString skeleton(const QString& unicodeDomain);
};

} // namespace sendguard
