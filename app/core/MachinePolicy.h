// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace sendguard {

// The organisation's settings for this computer, set by IT: they overlay the user's
// configuration key by key, and every key they set is locked (the user cannot change it).
//
//   Linux    /etc/sendguard/policy.json (same format as the user's config; the path can be
//            changed with the environment variable SENDGUARD_POLICY_FILE, for tests)
//   Windows  HKLM\Software\Policies\SendGuard, one value per key named by its path
//            ("policy.hold_seconds"); lists as REG_MULTI_SZ or separated by ';'
//   macOS    managed preferences of the domain org.sendguard (a configuration profile),
//            keys named the same way
struct MachinePolicy
{
    QJsonObject settings; // {"section": {"key": value}}, as in the config file
    QString source;       // where it came from, for messages ("/etc/sendguard/policy.json")
    QString error;        // set when the policy exists but cannot be read

    bool isEmpty() const { return settings.isEmpty() && error.isEmpty(); }

    // Reads the policy of this computer. A missing policy is an empty one.
    static MachinePolicy readSystem();
    // Reads a policy file (the Linux form); a missing file is an empty policy.
    static MachinePolicy readFile(const QString& path);
    // Turns flat "section.key" values (registry, managed preferences) into the config's form.
    static QJsonObject fromFlatValues(const QVariantMap& values);
};

} // namespace sendguard
