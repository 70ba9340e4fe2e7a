// SPDX-License-Identifier: GPL-3.0-or-later
// The parameter editor (right dock): an editor for every row of the parameter
// table (atc/param_table.hpp: labels, ranges, help), the spec's validation
// messages inline under the offending field, and named presets kept in
// QSettings. Only valid parameters ever leave the panel, so the engine never
// sees a combination it would refuse, and only complete entries are judged: a
// typed number when it is entered (Enter, leaving the field, a pause in
// typing), never the values it passes on the way ("-0" of "-0.5"). What the
// user typed stays as typed, with the engine's message when it is not allowed.
#pragma once

#include <QHash>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "atc/param_table.hpp"
#include "atc/params.hpp"
#include "panels/preset_store.hpp"
#include "theme/theme.hpp"

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;

namespace atc::ui {

class ParamsPanel : public QWidget {
    Q_OBJECT

public:
    // `settings` holds the presets (group "presets"); it must outlive the panel.
    explicit ParamsPanel(QSettings& settings, QWidget* parent = nullptr);

    // The last valid parameters: what the editors show when they are valid, else
    // what they showed before the user made them invalid (the charts' parameters).
    AtcParams params() const { return current_; }
    // Shows `params` in the editors without emitting paramsEdited (the caller
    // knows). Values outside an editor's usual range are shown as they are, with
    // their message, never clamped; params() changes only if they are valid.
    void setParams(const AtcParams& params);
    // The number of bars of the symbol the charts show or are opening (0:
    // none): cutout and La are also checked against it (check_bar_count), so a
    // cutout beyond the series is marked in its field like any other invalid
    // value. When this makes the editors valid or invalid, params() follows and
    // paramsEdited is emitted if it changed.
    void setBarCount(std::size_t bars);
    // True when the editors hold valid parameters (no inline message shown).
    bool isValid() const { return valid_; }

    // The inline message shown for a params.json key ("hull_len", "De",
    // "long_threshold", ...); empty when that field is fine.
    QString messageFor(const QString& key) const;
    // The editor of a params.json key (also "robustness", "profile",
    // "strategy_mode"), for tests and focus; null for unknown keys.
    QWidget* editor(const QString& key) const { return editors_.value(key); }

    void setTheme(const Theme& theme);

    // Presets. The buttons use these; they are public for the main window and tests.
    QStringList presetNames() const;
    // Saves params() under `name` (replacing one of that name). False, with
    // nothing saved, if the name is unusable (PresetStore::nameProblem) or the
    // editors are invalid.
    bool savePreset(const QString& name);
    // Shows the preset and emits paramsEdited. False if it is missing or unreadable.
    bool loadPreset(const QString& name);
    bool deletePreset(const QString& name);

    // Default parameters (the "Defaults" button): shown and emitted.
    void restoreDefaults();

signals:
    // Every valid change made in the panel: an entry, a step, a choice, a
    // preset, Defaults, or another symbol's length (setBarCount). The main
    // window debounces: arrows and the wheel step in bursts.
    void paramsEdited(const atc::AtcParams& params);

private:
    QWidget* buildPresets();
    // The per-family parameters: a row per family, a column per parameter.
    QWidget* buildFamilies();
    // The other parameters of `group`, one form row each.
    QWidget* buildForm(ParamGroup group);
    // The editor of one table row, connected and registered under its key.
    QWidget* makeEditor(const ParamDescriptor& param);
    void addField(QFormLayout* form, const ParamDescriptor& param);
    QLabel* makeMessage(const QString& key);

    // What the editors hold: the parameters (a field that holds no number
    // keeps its last valid value) and every problem, under its params.json key.
    struct Reading {
        AtcParams params;
        std::vector<ParamIssue> issues;
    };
    Reading readEditors() const;
    void writeEditors(const AtcParams& p);
    // Shows each problem of the editors under its field and the banner; the
    // parameters they hold when they are valid.
    std::optional<AtcParams> judge();
    void onEdited();
    void showAndEmit(const AtcParams& p);
    void refreshPresets(const QString& select);
    void applyColors();
    void onSaveClicked();
    void onDeleteClicked();

    PresetStore presets_;
    Theme theme_;
    AtcParams current_;
    bool valid_ = true;
    bool loading_ = false;
    std::size_t bar_count_ = 0;  // of the charts' symbol; 0: none

    std::array<QLabel*, kFamilyCount> family_labels_{};

    QComboBox* preset_combo_ = nullptr;
    QPushButton* save_button_ = nullptr;
    QPushButton* delete_button_ = nullptr;
    QPushButton* defaults_button_ = nullptr;
    QLabel* invalid_notice_ = nullptr;

    QHash<QString, QWidget*> editors_;    // params.json key -> editor
    QHash<QString, QLabel*> messages_;    // params.json key -> inline message
    QHash<QString, QFormLayout*> forms_;  // key -> the form holding its message row
};

}  // namespace atc::ui
