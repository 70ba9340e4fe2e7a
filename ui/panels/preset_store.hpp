// SPDX-License-Identifier: GPL-3.0-or-later
// Named parameter presets in QSettings: group "presets", one value per preset
// holding the params.json text (params_to_json), so a preset is exactly what
// `atc compute --params` reads and survives restarts with the settings file.
#pragma once

#include <QSettings>
#include <QString>
#include <QStringList>
#include <optional>

#include "atc/params.hpp"

namespace atc::ui {

class PresetStore {
public:
    static constexpr const char* kGroup = "presets";

    // The settings object is owned by the caller (the application's, or a test's
    // on a temporary path) and must outlive the store.
    explicit PresetStore(QSettings& settings) : settings_(settings) {}

    // Names of the presets that parse, sorted case-insensitively. A preset that
    // fails to parse (edited by hand, written by a newer version) is left in the
    // file but skipped here with a qWarning naming it and the problem.
    QStringList names() const;

    // The preset's parameters; nullopt if there is none of that name or it does
    // not parse (with a qWarning, as above).
    std::optional<AtcParams> load(const QString& name) const;

    // Creates or replaces a preset and writes the settings file at once, so a
    // crash later does not lose it. The name must be valid (nameProblem empty).
    void save(const QString& name, const AtcParams& params);

    // True if a preset of that name existed and was removed.
    bool remove(const QString& name);

    bool contains(const QString& name) const;

    // Why a name cannot be used, or an empty string if it can. QSettings splits
    // keys at '/' and '\\' into groups, so those are refused rather than mangled.
    static QString nameProblem(const QString& name);

private:
    QSettings& settings_;
};

}  // namespace atc::ui
