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
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "atc/validation.hpp"
#include "panels/double_field.hpp"

namespace atc::ui {
namespace {

// params.json keys, indexed by MaType (the same spelling check_params reports).
constexpr std::array<const char*, kFamilyCount> kLengthKeys = {"ema_len",  "hull_len", "wma_len",
                                                               "dema_len", "lsma_len", "kama_len"};
constexpr std::array<const char*, kFamilyCount> kWeightKeys = {"ema_w",  "hma_w",  "wma_w",
                                                               "dema_w", "lsma_w", "kama_w"};

QString family_description(MaType t) {
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

QString robustness_text(Robustness r) {
    const auto o = robustness_offsets(r);
    return QStringLiteral("%1  (±%2, %3, %4, %5)")
        .arg(QString::fromLatin1(robustness_name(r).data(),
                                 static_cast<qsizetype>(robustness_name(r).size())))
        .arg(o[0])
        .arg(o[1])
        .arg(o[2])
        .arg(o[3]);
}

// Widens an editor's range just enough to show `v` as it is: a value from a
// preset or a saved session is displayed (with its message), never clamped.
void show_int(QSpinBox* box, int v) {
    if (v < box->minimum())
        box->setMinimum(v);
    if (v > box->maximum())
        box->setMaximum(v);
    box->setValue(v);
}

void show_double(QDoubleSpinBox* box, double v) {
    if (!std::isfinite(v))
        return;  // parse_params_json refuses these; nothing to show
    if (v < box->minimum())
        box->setMinimum(v);
    if (v > box->maximum())
        box->setMaximum(v);
    box->setValue(v);
}

void set_combo_data(QComboBox* combo, int value) {
    const int index = combo->findData(value);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

QString html_color(const QColor& c) {
    return c.name(QColor::HexRgb);
}

}  // namespace

ParamsPanel::ParamsPanel(QSettings& settings, QWidget* parent)
    : QWidget(parent), presets_(settings), theme_(darkTheme()) {
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(6, 6, 6, 6);
    column->setSpacing(8);
    column->addWidget(build_presets());
    // Said once at the top, because the offending field may be scrolled away:
    // while anything is invalid the charts keep the last valid parameters.
    invalid_notice_ =
        new QLabel(tr("Not applied: the charts keep the last valid parameters "
                      "until the fields marked in red are fixed."));
    invalid_notice_->setObjectName(QStringLiteral("invalidNotice"));
    invalid_notice_->setWordWrap(true);
    invalid_notice_->setVisible(false);
    column->addWidget(invalid_notice_);
    column->addWidget(build_families());
    column->addWidget(build_members());
    column->addWidget(build_equity());
    column->addWidget(build_signal());

    defaults_button_ = new QPushButton(tr("Defaults"));
    defaults_button_->setObjectName(QStringLiteral("defaultsButton"));
    defaults_button_->setToolTip(tr("Set every parameter to its default (ATC_SPEC.md)"));
    connect(defaults_button_, &QPushButton::clicked, this, &ParamsPanel::restoreDefaults);
    auto* bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(defaults_button_);
    column->addLayout(bottom);
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

    write_editors(current_);
    validate();
    refresh_presets(QString());
    apply_colors();
}

QWidget* ParamsPanel::build_presets() {
    auto* box = new QGroupBox(tr("Preset"));
    auto* row = new QHBoxLayout(box);
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
    connect(save_button_, &QPushButton::clicked, this, &ParamsPanel::on_save_clicked);
    connect(delete_button_, &QPushButton::clicked, this, &ParamsPanel::on_delete_clicked);
    return box;
}

QWidget* ParamsPanel::build_families() {
    auto* box = new QGroupBox(tr("Lengths && initial weights"));
    auto* grid = new QGridLayout(box);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(4);
    auto header = [&](const QString& text, int col, const QString& tip) {
        auto* label = new QLabel(text);
        label->setObjectName(QStringLiteral("mutedHeader"));
        label->setToolTip(tip);
        grid->addWidget(label, 0, col);
    };
    header(tr("Family"), 0, QString());
    header(tr("Length (bars)"), 1,
           tr("Base length B; the nine members use B and B ± the robustness offsets"));
    header(tr("Weight"), 2,
           tr("Initial Layer-2 equity of the family (its starting vote weight); > 0"));

    for (MaType t : kAllFamilies) {
        const auto i = static_cast<std::size_t>(t);
        const int row = 1 + 3 * static_cast<int>(i);
        const QString len_key = QString::fromLatin1(kLengthKeys[i]);
        const QString w_key = QString::fromLatin1(kWeightKeys[i]);

        auto* name = new QLabel;
        name->setToolTip(family_description(t));
        family_labels_[i] = name;

        auto* len = new QSpinBox;
        len->setObjectName(len_key);
        // 1 is the hard floor of any length; the robustness-dependent minimum
        // is checked by check_params so its message can explain it.
        len->setRange(1, kMaxLength);
        len->setToolTip(tr("%1 (%2): base length in bars").arg(family_description(t), len_key));
        length_edits_[i] = len;

        auto* w = new DoubleField;
        w->setObjectName(w_key);
        w->setRange(0.001, 1000.0);  // > 0: the editor cannot reach 0
        w->setSingleStep(0.1);
        w->setToolTip(
            tr("%1 (%2): initial weight, greater than 0").arg(family_description(t), w_key));
        weight_edits_[i] = w;

        grid->addWidget(name, row, 0);
        grid->addWidget(len, row, 1);
        grid->addWidget(w, row, 2);
        grid->addWidget(make_message(len_key), row + 1, 0, 1, 3);
        grid->addWidget(make_message(w_key), row + 2, 0, 1, 3);
        editors_.insert(len_key, len);
        editors_.insert(w_key, w);
        connect(len, &QSpinBox::valueChanged, this, &ParamsPanel::on_edited);
        connect(w, &QDoubleSpinBox::valueChanged, this, &ParamsPanel::on_edited);
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    return box;
}

QWidget* ParamsPanel::build_members() {
    auto* box = new QGroupBox(tr("Members"));
    auto* form = new QFormLayout(box);
    robustness_ = new QComboBox;
    for (Robustness r : {Robustness::Narrow, Robustness::Medium, Robustness::Wide}) {
        robustness_->addItem(robustness_text(r), static_cast<int>(r));
    }
    add_field(form, tr("Robustness"), QStringLiteral("robustness"), robustness_,
              tr("How far the eight extra members of each family sit from the base length. "
                 "Every member must be at least 1 bar, so wider settings need longer bases."));
    profile_ = new QComboBox;
    profile_->addItem(tr("Reference (Python)"), static_cast<int>(MaProfile::Reference));
    profile_->addItem(tr("Pine (TradingView)"), static_cast<int>(MaProfile::Pine));
    add_field(form, tr("Profile"), QStringLiteral("profile"), profile_,
              tr("Reference reproduces the original Python module (true Hull average, LSMA at "
                 "the second-newest bar); Pine follows the TradingView script (SMA in the Hull "
                 "slot, LSMA at the newest bar)."));
    connect(robustness_, &QComboBox::currentIndexChanged, this, &ParamsPanel::on_edited);
    connect(profile_, &QComboBox::currentIndexChanged, this, &ParamsPanel::on_edited);
    return box;
}

QWidget* ParamsPanel::build_equity() {
    auto* box = new QGroupBox(tr("Equity curves"));
    auto* form = new QFormLayout(box);
    lambda_ = new DoubleField;
    lambda_->setRange(-100.0, 100.0);
    lambda_->setSingleStep(0.01);
    add_field(form, tr("Growth La"), QStringLiteral("La"), lambda_,
              tr("La: growth of the return weighting. Bar i's return counts e^(La/1000 · (i − "
                 "cutout)) times, so later bars weigh more; the family table shows the "
                 "multiplier at the last bar."));
    decay_ = new DoubleField;
    decay_->setRange(0.0, 100.0);  // percent per bar: the editor enforces [0, 100]
    decay_->setSingleStep(0.01);
    decay_->setSuffix(tr(" %"));
    add_field(form, tr("Decay De"), QStringLiteral("De"), decay_,
              tr("De: equity lost per bar, in percent (0 to 100), so old performance fades."));
    cutout_ = new QSpinBox;
    cutout_->setRange(0, 10'000'000);  // >= 0; "fewer than the bars" is checked per symbol
    cutout_->setSuffix(tr(" bars"));
    add_field(form, tr("Cutout"), QStringLiteral("cutout"), cutout_,
              tr("Leading bars left out of the equity curves and signals (0 or more, fewer "
                 "than the symbol's bars)."));
    connect(lambda_, &QDoubleSpinBox::valueChanged, this, &ParamsPanel::on_edited);
    connect(decay_, &QDoubleSpinBox::valueChanged, this, &ParamsPanel::on_edited);
    connect(cutout_, &QSpinBox::valueChanged, this, &ParamsPanel::on_edited);
    return box;
}

QWidget* ParamsPanel::build_signal() {
    auto* box = new QGroupBox(tr("Signal"));
    auto* form = new QFormLayout(box);
    // The Average signal lies in [-1, 1]; thresholds outside would never fire.
    long_threshold_ = new DoubleField;
    long_threshold_->setRange(-1.0, 1.0);
    long_threshold_->setSingleStep(0.01);
    add_field(form, tr("Long threshold"), QStringLiteral("long_threshold"), long_threshold_,
              tr("A family votes long when its Layer-1 signal is above this; the Average "
                 "crossing above it draws a long arrow. Must be above the short threshold."));
    short_threshold_ = new DoubleField;
    short_threshold_->setRange(-1.0, 1.0);
    short_threshold_->setSingleStep(0.01);
    add_field(form, tr("Short threshold"), QStringLiteral("short_threshold"), short_threshold_,
              tr("A family votes short when its Layer-1 signal is below this."));
    strategy_mode_ = new QCheckBox(tr("Strategy mode (act on the next bar)"));
    strategy_mode_->setObjectName(QStringLiteral("strategy_mode"));
    strategy_mode_->setToolTip(
        tr("Shift the Average signal one bar later, as a strategy that "
           "trades on the bar after the signal would see it."));
    form->addRow(strategy_mode_);
    editors_.insert(QStringLiteral("strategy_mode"), strategy_mode_);
    connect(long_threshold_, &QDoubleSpinBox::valueChanged, this, &ParamsPanel::on_edited);
    connect(short_threshold_, &QDoubleSpinBox::valueChanged, this, &ParamsPanel::on_edited);
    connect(strategy_mode_, &QCheckBox::toggled, this, &ParamsPanel::on_edited);
    return box;
}

void ParamsPanel::add_field(QFormLayout* form, const QString& label, const QString& key,
                            QWidget* field, const QString& tip) {
    field->setObjectName(key);
    field->setToolTip(tr("%1\n(params.json key: %2)").arg(tip, key));
    auto* name = new QLabel(label);
    name->setToolTip(field->toolTip());
    name->setBuddy(field);
    form->addRow(name, field);
    form->addRow(make_message(key));
    forms_.insert(key, form);
    editors_.insert(key, field);
}

QLabel* ParamsPanel::make_message(const QString& key) {
    auto* label = new QLabel;
    label->setObjectName(QStringLiteral("message_") + key);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setVisible(false);
    messages_.insert(key, label);
    return label;
}

AtcParams ParamsPanel::read_editors() const {
    AtcParams p;
    for (std::size_t i = 0; i < kFamilyCount; ++i) {
        p.lengths[i] = length_edits_[i]->value();
        p.weights[i] = weight_edits_[i]->value();
    }
    p.robustness = static_cast<Robustness>(robustness_->currentData().toInt());
    p.profile = static_cast<MaProfile>(profile_->currentData().toInt());
    p.lambda = lambda_->value();
    p.decay = decay_->value();
    p.cutout = cutout_->value();
    p.long_threshold = long_threshold_->value();
    p.short_threshold = short_threshold_->value();
    p.strategy_mode = strategy_mode_->isChecked();
    return p;
}

void ParamsPanel::write_editors(const AtcParams& p) {
    loading_ = true;  // one validation after all editors are set, not one per editor
    for (std::size_t i = 0; i < kFamilyCount; ++i) {
        show_int(length_edits_[i], p.lengths[i]);
        show_double(weight_edits_[i], p.weights[i]);
    }
    set_combo_data(robustness_, static_cast<int>(p.robustness));
    set_combo_data(profile_, static_cast<int>(p.profile));
    show_double(lambda_, p.lambda);
    show_double(decay_, p.decay);
    show_int(cutout_, p.cutout);
    show_double(long_threshold_, p.long_threshold);
    show_double(short_threshold_, p.short_threshold);
    strategy_mode_->setChecked(p.strategy_mode);
    loading_ = false;
}

bool ParamsPanel::validate() {
    QHash<QString, QStringList> by_key;
    for (const ParamIssue& issue : check_params(read_editors())) {
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
    return valid_;
}

void ParamsPanel::on_edited() {
    if (loading_)
        return;
    // The parameters no longer are the chosen preset's.
    if (preset_combo_->currentIndex() >= 0)
        preset_combo_->setCurrentIndex(-1);
    if (!validate())
        return;  // the message says why; nothing invalid is emitted
    current_ = read_editors();
    emit paramsEdited(current_);
}

void ParamsPanel::setParams(const AtcParams& params) {
    write_editors(params);
    if (validate())
        current_ = read_editors();
}

void ParamsPanel::show_and_emit(const AtcParams& p) {
    setParams(p);
    if (valid_)
        emit paramsEdited(current_);
}

void ParamsPanel::restoreDefaults() {
    preset_combo_->setCurrentIndex(-1);
    show_and_emit(AtcParams{});
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
    refresh_presets(name);
    return true;
}

bool ParamsPanel::loadPreset(const QString& name) {
    const std::optional<AtcParams> p = presets_.load(name);
    if (!p) {
        refresh_presets(QString());  // it vanished or broke: do not offer it again
        return false;
    }
    show_and_emit(*p);
    const QSignalBlocker block(preset_combo_);
    preset_combo_->setCurrentIndex(preset_combo_->findText(name));
    delete_button_->setEnabled(preset_combo_->currentIndex() >= 0);
    return true;
}

bool ParamsPanel::deletePreset(const QString& name) {
    const bool removed = presets_.remove(name);
    refresh_presets(QString());
    return removed;
}

void ParamsPanel::refresh_presets(const QString& select) {
    const QSignalBlocker block(preset_combo_);
    preset_combo_->clear();
    preset_combo_->addItems(presets_.names());
    preset_combo_->setCurrentIndex(select.isEmpty() ? -1 : preset_combo_->findText(select));
    delete_button_->setEnabled(preset_combo_->currentIndex() >= 0);
}

void ParamsPanel::on_save_clicked() {
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

void ParamsPanel::on_delete_clicked() {
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
    apply_colors();
    validate();  // re-tints the invalid editors in the new danger colour
}

void ParamsPanel::apply_colors() {
    for (MaType t : kAllFamilies) {
        const auto i = static_cast<std::size_t>(t);
        family_labels_[i]->setText(
            QStringLiteral("<span style=\"color:%1\">■</span>&nbsp;%2")
                .arg(html_color(theme_.familyColor(t)),
                     QString::fromLatin1(family_name(t).data(),
                                         static_cast<qsizetype>(family_name(t).size()))));
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
