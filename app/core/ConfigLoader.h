// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Config.h"
#include "MachinePolicy.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace sendguard {

// One problem found in a configuration file: where, which key, and why.
struct ConfigProblem
{
    QString file;
    QString key;
    QString reason;

    QString toString() const;
};

// Reads and validates a JSON configuration. Unknown keys, wrong types and values out of range
// are problems; a configuration with any problem is never used.
class ConfigLoader
{
    Q_DECLARE_TR_FUNCTIONS(ConfigLoader)

public:
    // Parses `json` (as read from `fileName`, used only in messages).
    bool parse(const QByteArray& json, const QString& fileName);
    // Reads `fileName`; a missing file is a problem unless `missingIsDefault`.
    bool load(const QString& fileName, bool missingIsDefault);
    // The organisation's policy, applied by the next parse()/load(): each key it sets replaces
    // the user's and is locked. An invalid policy is a problem (reported against its source).
    void setMachinePolicy(const MachinePolicy& policy) { m_policy = policy; }

    const Config& config() const { return m_config; }
    const QList<ConfigProblem>& problems() const { return m_problems; }

private:
    void problem(const QString& key, const QString& reason);
    bool overlayMachinePolicy(QJsonObject* root);

    Config m_config;
    MachinePolicy m_policy;
    QStringList m_lockedKeys;
    QList<ConfigProblem> m_problems;
    QString m_file;
};

} // namespace sendguard
