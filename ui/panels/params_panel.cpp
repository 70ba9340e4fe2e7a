// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/params_panel.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>
#include <set>
#include <utility>

#include "atc/validation.hpp"
#include "panels/number_field.hpp"

namespace atc::ui {
namespace {

QString familyDescription(MaType t) {
    switch (t) {
        case MaType::EMA:
            return QObject::tr("Exponential moving average");
        case MaType::HMA:
            return QObject::tr(
                "Hull moving average (the Pine profile puts a simple moving "
                "average in this slot, as the TradingView script does)");
        case MaType::WMA:
            return QObject::tr("Linearly weighted moving average");
        case MaType::DEMA:
            return QObject::tr("Double exponential moving average");
        case MaType::LSMA:
            return QObject::tr("Least-squares moving average (linear regression line)");
        case MaType::KAMA:
            return QObject::tr("Kaufman adaptive moving average");
    }
    return {};
}

QString textOf(std::string_view text) {
    return QString::fromUtf8(text);
}

// A group box's title shows "&" only doubled (a single one marks a shortcut).
QString groupTitle(ParamGroup group) {
    return textOf(param_group_title(group)).replace(QLatin1Char('&'), QStringLiteral("&&"));
}

// "Length (bars)", "Decay De (%)": a name with the unit its editor leaves out.
QString withUnit(std::string_view name, const ParamDescriptor& param) {
    const QString text = textOf(name);
    return param.unit.empty() ? text : QStringLiteral("%1 (%2)").arg(text, textOf(param.unit));
}

QString paramToolTip(const ParamDescriptor& param) {
    return QObject::tr("%1\n(params.json key: %2; default %3)")
        .arg(textOf(param.help), textOf(param.key),
             QString::fromStdString(param_value_text(param, AtcParams{})));
}

// The value of a Choice (combo box) or Flag (check box) editor, as param.set
// takes it; the editor is makeEditor's for this parameter.
double choiceValue(const ParamDescriptor& param, const QWidget* editor) {
    if (param.type() == ParamType::Flag)
        return static_cast<const QCheckBox*>(editor)->isChecked() ? 1.0 : 0.0;
    return static_cast<const QComboBox*>(editor)->currentData().toInt();
}

// Shows `value` as it is: a value from a preset or a saved session outside an
// editor's usual range is displayed (with its message), never clamped.
void showValue(const ParamDescriptor& param, QWidget* editor, double value) {
    switch (param.type()) {
        case ParamType::Integer:
        case ParamType::Number:
            static_cast<NumberField*>(editor)->setValue(value);
            break;
        case ParamType::Choice: {
            auto* combo = static_cast<QComboBox*>(editor);
            const int index = combo->findData(static_cast<int>(value));
            if (index >= 0)
                combo->setCurrentIndex(index);
            break;
        }
        case ParamType::Flag:
            static_cast<QCheckBox*>(editor)->setChecked(value != 0.0);
            break;
    }
}

// The whole panel fits the Parameters dock of a 1600 × 1000 screen without
// scrolling: the presets are one row without a box, and the sections' rows
// sit close together.
void tighten(QLayout* layout) {
    layout->setContentsMargins(4, 2, 4, 2);
    layout->setSpacing(3);
}

QString htmlColor(const QColor& c) {
    return c.name(QColor::HexRgb);
}

}  // namespace

ParamsPanel::ParamsPanel(QSettings& settings, QWidget* parent)
    : QWidget(parent), presets_(settings), theme_(darkTheme()) {
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(6, 4, 6, 4);
    column->setSpacing(4);
    column->addWidget(buildPresets());
    // Said once at the top, because the offending field may be scrolled away:
    // while anything is invalid the charts keep the last valid parameters.
    invalid_notice_ =
        new QLabel(tr("Not applied: the charts keep the last valid parameters "
                      "until the fields marked in red are fixed."));
    invalid_notice_->setObjectName(QStringLiteral("invalidNotice"));
    invalid_notice_->setWordWrap(true);
    invalid_notice_->setVisible(false);
    column->addWidget(invalid_notice_);
    for (const ParamGroup group : kParamGroups)
        column->addWidget(group == ParamGroup::Families ? buildFamilies() : buildForm(group));

    defaults_button_ = new QPushButton(tr("Defaults"));
    defaults_button_->setObjectName(QStringLiteral("defaultsButton"));
    defaults_button_->setToolTip(tr("Set every parameter to its default (ATC_SPEC.md)"));
    connect(defaults_button_, &QPushButton::clicked, this, &ParamsPanel::restoreDefaults);
    column->addWidget(defaults_button_, 0, Qt::AlignRight);
    column->addStretch(1);

    // A short dock scrolls vertically; the content is laid out to fit its width.
    auto* scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    setMinimumWidth(content->minimumSizeHint().width() + 16);

    writeEditors(current_);
    judge();
    refreshPresets(QString());
    applyColors();
}

QWidget* ParamsPanel::buildPresets() {
    auto* presets = new QWidget;
    auto* row = new QHBoxLayout(presets);
    row->setContentsMargins(0, 0, 0, 0);
    preset_combo_ = new QComboBox;
    preset_combo_->setObjectName(QStringLiteral("presetCombo"));
    preset_combo_->setPlaceholderText(tr("Choose a preset…"));
    preset_combo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    preset_combo_->setMinimumContentsLength(8);
    preset_combo_->setToolTip(tr("Named parameter sets. Choosing one shows and applies it."));
    save_button_ = new QPushButton(tr("Save as…"));
    save_button_->setObjectName(QStringLiteral("savePresetButton"));
    save_button_->setToolTip(tr("Save the current parameters under a name"));
    delete_button_ = new QPushButton(tr("Delete"));
    delete_button_->setObjectName(QStringLiteral("deletePresetButton"));
    delete_button_->setToolTip(tr("Delete the chosen preset"));
    row->addWidget(preset_combo_, 1);
    row->addWidget(save_button_);
    row->addWidget(delete_button_);

    connect(preset_combo_, &QComboBox::activated, this,
            [this](int index) { loadPreset(preset_combo_->itemText(index)); });
    connect(preset_combo_, &QComboBox::currentIndexChanged, this,
            [this](int index) { delete_button_->setEnabled(index >= 0); });
    connect(save_button_, &QPushButton::clicked, this, &ParamsPanel::onSaveClicked);
    connect(delete_button_, &QPushButton::clicked, this, &ParamsPanel::onDeleteClicked);
    return presets;
}

QWidget* ParamsPanel::buildFamilies() {
    auto* box = new QGroupBox(groupTitle(ParamGroup::Families));
    auto* grid = new QGridLayout(box);
    tighten(grid);
    grid->setHorizontalSpacing(10);
    auto header = [&](const QString& text, int col, const QString& tip) {
        auto* label = new QLabel(text);
        label->setObjectName(QStringLiteral("mutedHeader"));
        label->setToolTip(tip);
        grid->addWidget(label, 0, col);
    };
    header(tr("Family"), 0, QString());
    // Every family has the same parameters; the first family's name the columns.
    int columns = 0;
    for (const ParamDescriptor& param : param_table()) {
        if (param.family == kAllFamilies.front())
            header(withUnit(param.column, param), ++columns, textOf(param.help));
    }

    for (MaType t : kAllFamilies) {
        const auto i = static_cast<std::size_t>(t);
        // The family's editors, then a row for each editor's message.
        const int row = 1 + (1 + columns) * static_cast<int>(i);
        auto* name = new QLabel;
        name->setToolTip(familyDescription(t));
        family_labels_[i] = name;
        grid->addWidget(name, row, 0);
        int col = 0;
        for (const ParamDescriptor& param : param_table()) {
            if (param.family != t)
                continue;
            ++col;
            grid->addWidget(makeEditor(param), row, col);
            grid->addWidget(makeMessage(textOf(param.key)), row + col, 0, 1, columns + 1);
        }
    }
    for (int col = 1; col <= columns; ++col)
        grid->setColumnStretch(col, 1);
    return box;
}

QWidget* ParamsPanel::buildForm(ParamGroup group) {
    auto* box = new QGroupBox(groupTitle(group));
    auto* form = new QFormLayout(box);
    tighten(form);
    for (const ParamDescriptor& param : param_table()) {
        if (param.group == group)
            addField(form, param);
    }
    return box;
}

QWidget* ParamsPanel::makeEditor(const ParamDescriptor& param) {
    // Each editor is connected only once set up: adding the first item changes
    // a combo box's value, which must not count as an edit.
    QWidget* editor = nullptr;
    switch (param.type()) {
        case ParamType::Integer:
        case ParamType::Number: {
            auto* field =
                new NumberField(param.type() == ParamType::Integer ? NumberField::Kind::Whole
                                                                   : NumberField::Kind::Decimal);
            field->setStepRange(param.min, param.max, param.step);
            connect(field, &NumberField::entered, this, &ParamsPanel::onEdited);
            editor = field;
            break;
        }
        case ParamType::Choice: {
            auto* combo = new QComboBox;
            for (std::size_t i = 0; i < param.choices.size(); ++i) {
                combo->addItem(QString::fromStdString(param.choice_label(i)), static_cast<int>(i));
            }
            connect(combo, &QComboBox::currentIndexChanged, this, &ParamsPanel::onEdited);
            editor = combo;
            break;
        }
        case ParamType::Flag: {
            auto* box = new QCheckBox(textOf(param.label));
            connect(box, &QCheckBox::toggled, this, &ParamsPanel::onEdited);
            editor = box;
            break;
        }
    }
    editor->setObjectName(textOf(param.key));
    editor->setToolTip(paramToolTip(param));
    editors_.insert(editor->objectName(), editor);
    return editor;
}

void ParamsPanel::addField(QFormLayout* form, const ParamDescriptor& param) {
    QWidget* field = makeEditor(param);
    if (param.type() == ParamType::Flag) {
        form->addRow(field);  // a check box carries its own label
    } else {
        auto* name = new QLabel(withUnit(param.label, param));
        name->setToolTip(field->toolTip());
        name->setBuddy(field);
        form->addRow(name, field);
    }
    form->addRow(makeMessage(field->objectName()));
    forms_.insert(field->objectName(), form);
}

QLabel* ParamsPanel::makeMessage(const QString& key) {
    auto* label = new QLabel;
    label->setObjectName(QStringLiteral("message_") + key);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setVisible(false);
    messages_.insert(key, label);
    return label;
}

ParamsPanel::Reading ParamsPanel::readEditors() const {
    Reading reading{current_, {}};
    std::set<std::string> unreadable;  // keys whose text is no value at all
    for (const ParamDescriptor& param : param_table()) {
        const QWidget* editor = editors_.value(textOf(param.key));
        if (const auto* field = qobject_cast<const NumberField*>(editor)) {
            if (auto issue = set_param_from_text(reading.params, param, field->entry())) {
                unreadable.insert(issue->key);
                reading.issues.push_back(std::move(*issue));
            }
        } else {
            param.set(reading.params, choiceValue(param, editor));
        }
    }
    std::vector<ParamIssue> rules = check_params(reading.params);
    if (bar_count_ > 0) {
        std::vector<ParamIssue> counted = check_bar_count(bar_count_, reading.params);
        rules.insert(rules.end(), counted.begin(), counted.end());
    }
    // A field that holds no number is judged by its text alone: the rules saw
    // its last valid value, not what it shows.
    for (ParamIssue& issue : rules) {
        if (!unreadable.count(issue.key))
            reading.issues.push_back(std::move(issue));
    }
    return reading;
}

void ParamsPanel::writeEditors(const AtcParams& p) {
    loading_ = true;  // one judgement after all editors are set, not one per editor
    for (const ParamDescriptor& param : param_table())
        showValue(param, editors_.value(textOf(param.key)), param.get(p));
    loading_ = false;
}

std::optional<AtcParams> ParamsPanel::judge() {
    const Reading reading = readEditors();
    QHash<QString, QStringList> by_key;
    for (const ParamIssue& issue : reading.issues) {
        by_key[QString::fromStdString(issue.key)] << QString::fromStdString(issue.message);
    }
    for (auto it = messages_.cbegin(); it != messages_.cend(); ++it) {
        const QStringList lines = by_key.value(it.key());
        const bool show = !lines.isEmpty();
        it.value()->setText(lines.join(QLatin1Char('\n')));
        if (QFormLayout* form = forms_.value(it.key())) {
            form->setRowVisible(it.value(), show);  // no empty gap when hidden
        } else {
            it.value()->setVisible(show);
        }
        // The editor's text turns red too, so the field is found at a glance.
        if (QWidget* field = editors_.value(it.key())) {
            // An empty palette inherits everything; only the text colour is set.
            QPalette pal;
            if (show)
                pal.setColor(QPalette::Text, theme_.danger);
            field->setPalette(pal);
        }
    }
    valid_ = by_key.isEmpty();
    save_button_->setEnabled(valid_);
    invalid_notice_->setVisible(!valid_);
    if (!valid_)
        return std::nullopt;
    return reading.params;
}

void ParamsPanel::onEdited() {
    if (loading_)
        return;
    // The parameters no longer are the chosen preset's.
    if (preset_combo_->currentIndex() >= 0)
        preset_combo_->setCurrentIndex(-1);
    const std::optional<AtcParams> edited = judge();
    if (!edited)
        return;  // the message says why; nothing invalid is emitted
    current_ = *edited;
    emit paramsEdited(current_);
}

void ParamsPanel::setParams(const AtcParams& params) {
    writeEditors(params);
    if (const std::optional<AtcParams> shown = judge())
        current_ = *shown;
}

void ParamsPanel::setBarCount(std::size_t bars) {
    if (bars == bar_count_)
        return;
    bar_count_ = bars;
    // A cutout or La may become valid or invalid with another symbol's length.
    const std::optional<AtcParams> now = judge();
    if (now && *now != current_) {
        current_ = *now;
        emit paramsEdited(current_);
    }
}

void ParamsPanel::showAndEmit(const AtcParams& p) {
    setParams(p);
    if (valid_)
        emit paramsEdited(current_);
}

void ParamsPanel::restoreDefaults() {
    preset_combo_->setCurrentIndex(-1);
    showAndEmit(AtcParams{});
}

QString ParamsPanel::messageFor(const QString& key) const {
    const QLabel* label = messages_.value(key);
    return label ? label->text() : QString();
}

QStringList ParamsPanel::presetNames() const {
    return presets_.names();
}

bool ParamsPanel::savePreset(const QString& name) {
    if (!valid_ || !PresetStore::nameProblem(name).isEmpty())
        return false;
    presets_.save(name, current_);
    refreshPresets(name);
    return true;
}

bool ParamsPanel::loadPreset(const QString& name) {
    const std::optional<AtcParams> p = presets_.load(name);
    if (!p) {
        refreshPresets(QString());  // it vanished or broke: do not offer it again
        return false;
    }
    showAndEmit(*p);
    const QSignalBlocker block(preset_combo_);
    preset_combo_->setCurrentIndex(preset_combo_->findText(name));
    delete_button_->setEnabled(preset_combo_->currentIndex() >= 0);
    return true;
}

bool ParamsPanel::deletePreset(const QString& name) {
    const bool removed = presets_.remove(name);
    refreshPresets(QString());
    return removed;
}

void ParamsPanel::refreshPresets(const QString& select) {
    const QSignalBlocker block(preset_combo_);
    preset_combo_->clear();
    preset_combo_->addItems(presets_.names());
    preset_combo_->setCurrentIndex(select.isEmpty() ? -1 : preset_combo_->findText(select));
    delete_button_->setEnabled(preset_combo_->currentIndex() >= 0);
}

void ParamsPanel::onSaveClicked() {
    const QString suggested = preset_combo_->currentText();
    for (;;) {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save preset"), tr("Preset name:"),
                                                   QLineEdit::Normal, suggested, &ok);
        if (!ok)
            return;
        const QString problem = PresetStore::nameProblem(name);
        if (!problem.isEmpty()) {
            QMessageBox::warning(this, tr("Save preset"), problem);
            continue;
        }
        if (presets_.contains(name) &&
            QMessageBox::question(this, tr("Save preset"),
                                  tr("A preset named “%1” exists. Replace it?").arg(name)) !=
                QMessageBox::Yes) {
            continue;
        }
        savePreset(name);
        return;
    }
}

void ParamsPanel::onDeleteClicked() {
    const QString name = preset_combo_->currentText();
    if (preset_combo_->currentIndex() < 0 || name.isEmpty())
        return;
    if (QMessageBox::question(
            this, tr("Delete preset"),
            tr("Delete the preset “%1”? The current parameters stay as they are.").arg(name)) ==
        QMessageBox::Yes) {
        deletePreset(name);
    }
}

void ParamsPanel::setTheme(const Theme& theme) {
    theme_ = theme;
    applyColors();
    judge();  // re-tints the invalid editors in the new danger colour
}

void ParamsPanel::applyColors() {
    for (MaType t : kAllFamilies) {
        const auto i = static_cast<std::size_t>(t);
        family_labels_[i]->setText(
            QStringLiteral("<span style=\"color:%1\">■</span>&nbsp;%2")
                .arg(htmlColor(theme_.familyColor(t)), textOf(family_name(t))));
    }
    QList<QLabel*> alarming = messages_.values();
    alarming << invalid_notice_;
    for (QLabel* label : alarming) {
        QPalette pal = label->palette();
        pal.setColor(QPalette::WindowText, theme_.danger);
        label->setPalette(pal);
    }
    for (QLabel* header : findChildren<QLabel*>(QStringLiteral("mutedHeader"))) {
        QPalette pal = header->palette();
        pal.setColor(QPalette::WindowText, theme_.muted_text);
        header->setPalette(pal);
    }
}

}  // namespace atc::ui
