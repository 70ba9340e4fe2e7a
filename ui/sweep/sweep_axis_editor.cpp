// SPDX-License-Identifier: GPL-3.0-or-later
#include "sweep/sweep_axis_editor.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "atc/param_table.hpp"
#include "atc/validation.hpp"
#include "core/qt_text.hpp"
#include "panels/number_field.hpp"
#include "sweep/sweep_map.hpp"

namespace atc::ui {
namespace {

// Values either side of the base a newly chosen number starts with: five in
// all, one step of the editor apart.
constexpr int kSweepStepsAroundBase = 2;

bool isSweepNumber(const ParamDescriptor& param) {
    return param.type() == ParamType::Integer || param.type() == ParamType::Number;
}

}  // namespace

SweepAxisEditor::SweepAxisEditor(bool optional, QWidget* parent)
    : QWidget(parent), optional_(optional) {
    param_box_ = new QComboBox(this);
    param_box_->setObjectName(QStringLiteral("sweepParam"));
    if (optional_)
        param_box_->addItem(tr("None"), QString());
    for (const ParamDescriptor& param : param_table())
        param_box_->addItem(sweepParamTitle(param), qs(param.key));
    param_box_->setMaxVisibleItems(24);

    range_row_ = new QWidget(this);
    auto* range = new QHBoxLayout(range_row_);
    range->setContentsMargins(0, 0, 0, 0);
    const auto field = [&](const QString& label, const char* name) {
        auto* f = new NumberField(NumberField::Kind::Decimal, range_row_);
        f->setObjectName(QString::fromLatin1(name));
        range->addWidget(new QLabel(label, range_row_));
        range->addWidget(f, 1);
        connect(f, &NumberField::entered, this, &SweepAxisEditor::refresh);
        return f;
    };
    from_ = field(tr("from"), "sweepFrom");
    to_ = field(tr("to"), "sweepTo");
    step_ = field(tr("step"), "sweepStep");

    choice_row_ = new QWidget(this);
    auto* choices = new QHBoxLayout(choice_row_);
    choices->setContentsMargins(0, 0, 0, 0);

    count_ = new QLabel(this);
    count_->setObjectName(QStringLiteral("sweepCount"));
    count_->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(param_box_);
    layout->addWidget(range_row_);
    layout->addWidget(choice_row_);
    layout->addWidget(count_);

    connect(param_box_, &QComboBox::currentIndexChanged, this, &SweepAxisEditor::onParamChosen);
    onParamChosen();
}

bool SweepAxisEditor::isChosen() const {
    return !param_box_->currentData().toString().isEmpty();
}

void SweepAxisEditor::setParam(const QString& key) {
    const int index = param_box_->findData(key);
    if (index < 0)
        return;
    if (index == param_box_->currentIndex())
        onParamChosen();
    else
        param_box_->setCurrentIndex(index);
}

void SweepAxisEditor::setErrorColor(const QColor& color) {
    error_color_ = color;
    refresh();
}

void SweepAxisEditor::onParamChosen() {
    const ParamDescriptor* param = find_param(param_box_->currentData().toString().toStdString());
    range_row_->setVisible(param && isSweepNumber(*param));
    choice_row_->setVisible(param && !isSweepNumber(*param));
    if (param && isSweepNumber(*param)) {
        // Centred on the base value, within what the editor offers.
        const double base = param->get(base_);
        const double from = std::max(param->min, base - kSweepStepsAroundBase * param->step);
        const double to = std::min(param->max, from + 2 * kSweepStepsAroundBase * param->step);
        for (NumberField* f : {from_, to_})
            f->setStepRange(param->min, param->max, param->step);
        step_->setStepRange(param->step, param->max - param->min, param->step);
        // Without the step's rounding error: 0.02 - 2 * 0.01 is 0 exactly, not 1e-18.
        const std::vector<double> ends = sweep_range(*param, from, to, param->step);
        from_->setValue(ends.front());
        to_->setValue(ends.back());
        step_->setValue(param->step);
    }
    if (param && !isSweepNumber(*param))
        rebuildChoices(*param);
    param_box_->setToolTip(param ? qs(param->help) : QString());
    refresh();
}

void SweepAxisEditor::rebuildChoices(const ParamDescriptor& param) {
    for (QCheckBox* box : choice_boxes_)
        delete box;
    choice_boxes_.clear();
    for (std::size_t i = 0; i < param.choices.size(); ++i) {
        const std::string name(param.choices[i]);
        auto* box = new QCheckBox(QString::fromStdString(name), choice_row_);
        if (param.choice_label)
            box->setToolTip(QString::fromStdString(param.choice_label(i)));
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, &SweepAxisEditor::refresh);
        choice_row_->layout()->addWidget(box);
        choice_boxes_.push_back(box);
    }
}

void SweepAxisEditor::refresh() {
    axis_.reset();
    problem_.clear();
    const ParamDescriptor* param = find_param(param_box_->currentData().toString().toStdString());
    if (param) {
        SweepAxis axis{param, {}};
        if (isSweepNumber(*param)) {
            const double from = from_->value(), to = to_->value(), step = step_->value();
            if (std::isnan(from) || std::isnan(to) || std::isnan(step)) {
                problem_ = tr("from, to and step must be numbers");
            } else {
                try {
                    axis.values = sweep_range(*param, from, to, step);
                } catch (const InvalidInput& e) {
                    problem_ = QString::fromStdString(e.what());
                }
            }
        } else {
            for (std::size_t i = 0; i < choice_boxes_.size(); ++i) {
                if (choice_boxes_[i]->isChecked())
                    axis.values.push_back(static_cast<double>(i));
            }
            if (axis.values.empty())
                problem_ = tr("tick at least one value");
        }
        if (problem_.isEmpty())
            axis_ = std::move(axis);
    }
    if (!problem_.isEmpty()) {
        count_->setText(problem_);
        count_->setStyleSheet(QStringLiteral("color: %1").arg(error_color_.name()));
    } else {
        count_->setText(axis_ ? sweepCountText(axis_->values.size(), tr("value"), tr("values"))
                              : QString());
        count_->setStyleSheet(QString());
    }
    count_->setVisible(!count_->text().isEmpty());
    emit changed();
}

}  // namespace atc::ui
