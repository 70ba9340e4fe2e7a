// SPDX-License-Identifier: GPL-3.0-or-later
// One axis of a parameter sweep as the Sweep window edits it: which parameter
// (any row of atc::param_table()), and its values: from / to / step for a
// number (both ends included, as `atc sweep --vary NAME=FROM:TO:STEP`), a tick
// per value for a choice (robustness, profile). The count of values is shown,
// and more than kMaxSweepValues is refused with the engine's own message
// (atc::sweep_range), so the window and the command line refuse alike.
#pragma once

#include <QString>
#include <QWidget>
#include <optional>
#include <vector>

#include "atc/params.hpp"
#include "atc/sweep.hpp"

class QCheckBox;
class QComboBox;
class QLabel;

namespace atc::ui {

class NumberField;

class SweepAxisEditor : public QWidget {
    Q_OBJECT

public:
    // `optional`: the parameter box starts with "None" (the second axis).
    explicit SweepAxisEditor(bool optional, QWidget* parent = nullptr);

    // The parameters a newly chosen parameter's range is centred on.
    void setBase(const AtcParams& base) { base_ = base; }
    // Chooses a parameter by its params.json key ("" for None) and fills its
    // range around the base value, as choosing it in the box does.
    void setParam(const QString& key);

    // The axis, or nullopt when no parameter is chosen or its values are
    // refused (problem() says why).
    std::optional<SweepAxis> axis() const { return axis_; }
    // Why the values are refused; empty when they are fine or nothing is chosen.
    QString problem() const { return problem_; }
    bool isChosen() const;

    QComboBox* paramBox() const { return param_box_; }
    NumberField* fromField() const { return from_; }
    NumberField* toField() const { return to_; }
    NumberField* stepField() const { return step_; }
    // The ticks of a choice's values (empty for a number).
    const std::vector<QCheckBox*>& choiceBoxes() const { return choice_boxes_; }
    // "5 values", or the refusal.
    QLabel* countLabel() const { return count_; }

    void setErrorColor(const QColor& color);

signals:
    // The axis or its problem changed.
    void changed();

private:
    void onParamChosen();
    void rebuildChoices(const ParamDescriptor& param);
    // Reads the fields into axis_ / problem_ and shows the count.
    void refresh();

    bool optional_;
    AtcParams base_;
    QComboBox* param_box_ = nullptr;
    QWidget* range_row_ = nullptr;
    NumberField* from_ = nullptr;
    NumberField* to_ = nullptr;
    NumberField* step_ = nullptr;
    QWidget* choice_row_ = nullptr;
    std::vector<QCheckBox*> choice_boxes_;
    QLabel* count_ = nullptr;
    QColor error_color_;
    std::optional<SweepAxis> axis_;
    QString problem_;
};

}  // namespace atc::ui
