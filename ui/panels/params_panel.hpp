// The parameter editor (right dock): an editor for every row of the parameter
// table (atc/param_table.hpp: labels, ranges, help), the spec's validation
// messages inline under the offending field, and named presets kept in
// QSettings. Only valid parameters ever leave the panel, so the engine never
// sees a combination it would refuse.
#pragma once

#include <QHash>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <array>

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
    // Every valid change made in the panel: an edit, a preset, Defaults. The main
    // window debounces, so this may fire on every keystroke.
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

    AtcParams readEditors() const;
    void writeEditors(const AtcParams& p);
    // Validates the editors, updates the inline messages; true when valid.
    bool validate();
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
