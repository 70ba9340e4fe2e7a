// SPDX-License-Identifier: GPL-3.0-or-later
// The Parameter sweep window (View → Parameter sweep…): one or two parameters
// varied around the app's current ones, over the bars the chart shows (its
// symbol at its timeframe), each cell's performance from atc::run_sweep on
// oneTBB workers off the GUI thread, with progress and Cancel. The result is a
// heat map (a line for one parameter) coloured by a chosen metric; clicking a
// cell applies its parameters to the app. With a split, the cells are chosen
// on the first part of the bars and checked on the rest, and both are shown.
// A non-modal top-level window: a 50 × 50 map needs room, and the trader
// looks at the chart while it is open. It remembers its geometry.
#pragma once

#include <QSettings>
#include <QWidget>
#include <functional>
#include <memory>
#include <optional>

#include "atc/params.hpp"
#include "atc/performance.hpp"
#include "atc/sweep_metric.hpp"
#include "core/symbol_data.hpp"
#include "sweep/sweep_runner.hpp"
#include "theme/theme.hpp"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace atc::ui {

class SweepAxisEditor;
class SweepMap;

// What a sweep starts from, asked for when Run is clicked.
struct SweepSources {
    // The bars the chart shows (null before the first is drawn).
    std::function<std::shared_ptr<const SymbolData>()> data;
    // The parameters the axes vary around.
    std::function<AtcParams()> params;
    // Long/short or long only, and the cost: the app's Performance setting.
    std::function<PerformanceOptions()> performance;
};

class SweepWindow : public QWidget {
    Q_OBJECT

public:
    // `settings` keeps the geometry (key "sweep/geometry"); it must outlive the window.
    SweepWindow(QSettings& settings, SweepSources sources, QWidget* parent = nullptr);
    ~SweepWindow() override;

    void setTheme(const Theme& theme);
    // The chart shows other bars: the line saying what Run sweeps follows.
    void refreshSource();
    // The app's parameters changed: the cell with exactly these is marked.
    void setCurrentParams(const AtcParams& params);

    void run();
    void cancel();

    // For tests and the main window.
    SweepAxisEditor* firstAxis() const { return axes_[0]; }
    SweepAxisEditor* secondAxis() const { return axes_[1]; }
    QComboBox* metricBox() const { return metric_box_; }
    QCheckBox* splitBox() const { return split_box_; }
    QSpinBox* splitPercent() const { return split_percent_; }
    QPushButton* runButton() const { return run_button_; }
    QPushButton* cancelButton() const { return cancel_button_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* caption() const { return caption_; }
    QRadioButton* chooseButton() const { return choose_button_; }
    QRadioButton* checkButton() const { return check_button_; }
    SweepMap* map() const { return map_; }
    bool isRunning() const { return runner_->isRunning(); }
    // The last finished sweep (null before one).
    std::shared_ptr<const SweepOutcome> outcome() const { return outcome_; }

signals:
    // The trader clicked a cell: these parameters are now the app's.
    void paramsChosen(const atc::AtcParams& params);
    // A sweep finished, was cancelled or refused (tests wait for it).
    void sweepFinished();

protected:
    void closeEvent(QCloseEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    QWidget* buildControls();
    QWidget* buildResults();
    // Enables Run and says how many cells the axes make, or what is wrong.
    void refreshControls();
    void showOutcome(std::shared_ptr<const SweepOutcome> outcome);
    // Colours, best cell and caption for the metric and part chosen now.
    void showMetric();
    SweepMetric chosenMetric() const;  // (not metric(): QWidget has a virtual one)
    void onCellClicked(std::size_t cell);

    QSettings& settings_;
    SweepSources sources_;
    Theme theme_;
    SweepRunner* runner_ = nullptr;
    std::shared_ptr<const SweepOutcome> outcome_;
    std::shared_ptr<const SweepResult> result_;  // outcome_'s result, shared with the map
    std::optional<AtcParams> current_;

    QLabel* source_ = nullptr;
    SweepAxisEditor* axes_[2] = {nullptr, nullptr};
    QLabel* cells_ = nullptr;
    QComboBox* metric_box_ = nullptr;
    QCheckBox* split_box_ = nullptr;
    QSpinBox* split_percent_ = nullptr;
    QPushButton* run_button_ = nullptr;
    QPushButton* cancel_button_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    QWidget* part_row_ = nullptr;
    QRadioButton* choose_button_ = nullptr;
    QRadioButton* check_button_ = nullptr;
    SweepMap* map_ = nullptr;
    QLabel* marks_ = nullptr;
    QLabel* caption_ = nullptr;
};

}  // namespace atc::ui
