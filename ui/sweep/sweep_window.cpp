// SPDX-License-Identifier: GPL-3.0-or-later
#include "sweep/sweep_window.hpp"

#include <QButtonGroup>
#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/number_format.hpp"
#include "sweep/sweep_axis_editor.hpp"
#include "sweep/sweep_map.hpp"

namespace atc::ui {
namespace {

constexpr int kSweepDefaultSplitPercent = 70;

QString sweepModeText(const PerformanceOptions& options) {
    return options.mode == PositionMode::LongOnly ? QObject::tr("long only")
                                                  : QObject::tr("long and short");
}

}  // namespace

SweepWindow::SweepWindow(QSettings& settings, SweepSources sources, QWidget* parent)
    : QWidget(parent, Qt::Window),
      settings_(settings),
      sources_(std::move(sources)),
      theme_(darkTheme()) {
    setObjectName(QStringLiteral("sweepWindow"));
    setWindowTitle(tr("Parameter sweep — ATC Studio"));
    runner_ = new SweepRunner(this);
    connect(runner_, &SweepRunner::progress, this, [this](qsizetype done, qsizetype total) {
        progress_->setRange(0, int(total));
        progress_->setValue(int(done));
    });
    connect(runner_, &SweepRunner::finished, this, &SweepWindow::showOutcome);

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(buildControls());
    layout->addWidget(buildResults(), 1);

    if (!restoreGeometry(settings_.value(QStringLiteral("sweep/geometry")).toByteArray()))
        resize(1180, 760);
    refreshSource();
    axes_[0]->setParam(QStringLiteral("La"));
    axes_[1]->setParam(QStringLiteral("De"));
}

SweepWindow::~SweepWindow() = default;

QWidget* SweepWindow::buildControls() {
    auto* panel = new QWidget(this);
    panel->setFixedWidth(330);
    auto* column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);

    source_ = new QLabel(panel);
    source_->setObjectName(QStringLiteral("sweepSource"));
    source_->setWordWrap(true);
    column->addWidget(source_);

    const char* titles[2] = {QT_TR_NOOP("Rows: first parameter"),
                             QT_TR_NOOP("Columns: second parameter (optional)")};
    for (int a = 0; a < 2; ++a) {
        auto* box = new QGroupBox(tr(titles[a]), panel);
        auto* inner = new QVBoxLayout(box);
        axes_[a] = new SweepAxisEditor(a == 1, box);
        axes_[a]->setObjectName(a == 0 ? QStringLiteral("sweepFirstAxis")
                                       : QStringLiteral("sweepSecondAxis"));
        inner->addWidget(axes_[a]);
        column->addWidget(box);
        connect(axes_[a], &SweepAxisEditor::changed, this, &SweepWindow::refreshControls);
    }
    cells_ = new QLabel(panel);
    cells_->setObjectName(QStringLiteral("sweepCells"));
    cells_->setWordWrap(true);
    column->addWidget(cells_);

    auto* form = new QFormLayout;
    metric_box_ = new QComboBox(panel);
    metric_box_->setObjectName(QStringLiteral("sweepMetric"));
    for (SweepMetric m : kSweepMetrics)
        metric_box_->addItem(sweepMetricLabel(m), int(m));
    metric_box_->setToolTip(
        tr("What the colours and the best cell follow. Changing it after a "
           "run recolours the cells; nothing is computed again."));
    connect(metric_box_, &QComboBox::currentIndexChanged, this, &SweepWindow::showMetric);
    form->addRow(tr("Judge by"), metric_box_);
    column->addLayout(form);

    auto* split_row = new QHBoxLayout;
    split_box_ = new QCheckBox(tr("Choose on the first"), panel);
    split_box_->setObjectName(QStringLiteral("sweepSplit"));
    split_box_->setToolTip(
        tr("Each cell's figures over the first part of the bars (to choose "
           "the parameters) and over the rest (to check them on bars that "
           "played no part in the choice)."));
    split_percent_ = new QSpinBox(panel);
    split_percent_->setObjectName(QStringLiteral("sweepSplitPercent"));
    split_percent_->setRange(10, 90);
    split_percent_->setSuffix(tr(" %"));
    split_percent_->setValue(kSweepDefaultSplitPercent);
    split_percent_->setEnabled(false);
    connect(split_box_, &QCheckBox::toggled, split_percent_, &QWidget::setEnabled);
    split_row->addWidget(split_box_);
    split_row->addWidget(split_percent_);
    split_row->addWidget(new QLabel(tr("check on the rest"), panel), 1);
    column->addLayout(split_row);

    auto* buttons = new QHBoxLayout;
    run_button_ = new QPushButton(tr("Run"), panel);
    run_button_->setObjectName(QStringLiteral("sweepRun"));
    run_button_->setDefault(true);
    run_button_->setToolTip(
        tr("Runs every cell on the CPU's oneTBB workers. (The CUDA backend computes many "
           "symbols under one parameter set, not one symbol under many: a sweep does not use "
           "the GPU.)"));
    cancel_button_ = new QPushButton(tr("Cancel"), panel);
    cancel_button_->setObjectName(QStringLiteral("sweepCancel"));
    cancel_button_->setEnabled(false);
    connect(run_button_, &QPushButton::clicked, this, &SweepWindow::run);
    connect(cancel_button_, &QPushButton::clicked, this, &SweepWindow::cancel);
    buttons->addWidget(run_button_);
    buttons->addWidget(cancel_button_);
    column->addLayout(buttons);

    progress_ = new QProgressBar(panel);
    progress_->setObjectName(QStringLiteral("sweepProgress"));
    progress_->setRange(0, 1);
    progress_->setValue(0);
    progress_->setFormat(tr("%v of %m cells"));
    column->addWidget(progress_);
    status_ = new QLabel(panel);
    status_->setObjectName(QStringLiteral("sweepStatus"));
    status_->setWordWrap(true);
    column->addWidget(status_);
    column->addStretch(1);
    return panel;
}

QWidget* SweepWindow::buildResults() {
    auto* panel = new QWidget(this);
    auto* column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);

    part_row_ = new QWidget(panel);
    auto* part = new QHBoxLayout(part_row_);
    part->setContentsMargins(0, 0, 0, 0);
    part->addWidget(new QLabel(tr("Colour by"), part_row_));
    choose_button_ = new QRadioButton(part_row_);
    choose_button_->setObjectName(QStringLiteral("sweepShowChoose"));
    check_button_ = new QRadioButton(part_row_);
    check_button_->setObjectName(QStringLiteral("sweepShowCheck"));
    choose_button_->setChecked(true);
    auto* group = new QButtonGroup(part_row_);
    group->addButton(choose_button_);
    group->addButton(check_button_);
    connect(choose_button_, &QRadioButton::toggled, this, &SweepWindow::showMetric);
    part->addWidget(choose_button_);
    part->addWidget(check_button_);
    part->addStretch(1);
    part_row_->setVisible(false);
    column->addWidget(part_row_);

    map_ = new SweepMap(panel);
    map_->setObjectName(QStringLiteral("sweepMap"));
    connect(map_, &SweepMap::cellClicked, this, &SweepWindow::onCellClicked);
    column->addWidget(map_, 1);

    marks_ = new QLabel(panel);
    marks_->setObjectName(QStringLiteral("sweepMarks"));
    marks_->setWordWrap(true);
    column->addWidget(marks_);
    caption_ = new QLabel(panel);
    caption_->setObjectName(QStringLiteral("sweepCaption"));
    caption_->setWordWrap(true);
    caption_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    column->addWidget(caption_);
    return panel;
}

void SweepWindow::setTheme(const Theme& theme) {
    theme_ = theme;
    map_->setTheme(theme);
    for (SweepAxisEditor* axis : axes_)
        axis->setErrorColor(theme.danger);
    refreshControls();
}

void SweepWindow::refreshSource() {
    const auto shown = sources_.data ? sources_.data() : nullptr;
    const AtcParams base = sources_.params();
    for (SweepAxisEditor* axis : axes_)
        axis->setBase(base);
    if (!shown) {
        source_->setText(tr("No chart yet: open a symbol first."));
    } else {
        const QString timeframe = timeframeCaption(*shown);
        source_->setText(
            tr("Sweeps <b>%1</b>%2, %3 bars, around the parameters on the right "
               "of the main window.")
                .arg(shown->name.toHtmlEscaped(),
                     timeframe.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(timeframe),
                     groupedCount(shown->barCount())));
    }
    refreshControls();
}

void SweepWindow::refreshControls() {
    QString problem;
    std::size_t count = 1;
    for (SweepAxisEditor* axis : axes_) {
        if (!axis->isChosen())
            continue;
        if (!axis->axis()) {
            problem = axis->problem();
            break;
        }
        count *= axis->axis()->values.size();
    }
    if (problem.isEmpty() && axes_[1]->isChosen() && axes_[0]->axis() && axes_[1]->axis() &&
        axes_[0]->axis()->param == axes_[1]->axis()->param)
        problem = tr("Choose two different parameters.");
    if (problem.isEmpty() && !(sources_.data && sources_.data()))
        problem = tr("No chart yet: open a symbol first.");
    if (!problem.isEmpty()) {
        cells_->setText(problem);
        cells_->setStyleSheet(QStringLiteral("color: %1").arg(theme_.danger.name()));
    } else {
        cells_->setText(axes_[1]->isChosen() ? tr("%1 × %2 = %3 cells")
                                                   .arg(axes_[0]->axis()->values.size())
                                                   .arg(axes_[1]->axis()->values.size())
                                                   .arg(groupedCount(count))
                                             : sweepCountText(count, tr("cell"), tr("cells")));
        cells_->setStyleSheet(QString());
    }
    run_button_->setEnabled(problem.isEmpty() && !runner_->isRunning());
}

SweepMetric SweepWindow::chosenMetric() const {
    return static_cast<SweepMetric>(metric_box_->currentData().toInt());
}

void SweepWindow::run() {
    refreshSource();
    if (!run_button_->isEnabled())
        return;
    SweepJob job;
    job.data = sources_.data();
    job.base = sources_.params();
    for (SweepAxisEditor* axis : axes_) {
        if (axis->isChosen())
            job.axes.push_back(*axis->axis());
    }
    job.performance = sources_.performance ? sources_.performance() : PerformanceOptions{};
    if (split_box_->isChecked())
        job.split = split_percent_->value() / 100.0;
    current_ = job.base;
    std::size_t total = 1;
    for (const SweepAxis& axis : job.axes)
        total *= axis.values.size();
    progress_->setRange(0, int(total));
    progress_->setValue(0);
    status_->setText(
        tr("Running %1 on the CPU…").arg(sweepCountText(total, tr("cell"), tr("cells"))));
    runner_->start(std::move(job));
    run_button_->setEnabled(false);
    cancel_button_->setEnabled(true);
}

void SweepWindow::cancel() {
    if (!runner_->isRunning())
        return;
    runner_->cancel();
    cancel_button_->setEnabled(false);
    status_->setText(tr("Cancelling…"));
}

void SweepWindow::showOutcome(std::shared_ptr<const SweepOutcome> outcome) {
    cancel_button_->setEnabled(false);
    if (!outcome->error.isEmpty()) {
        status_->setText(tr("The sweep could not run: %1").arg(outcome->error));
        refreshControls();
        emit sweepFinished();
        return;
    }
    outcome_ = outcome;
    result_ = std::shared_ptr<const SweepResult>(outcome, &outcome->result);
    const SweepResult& r = outcome->result;
    std::size_t done = 0;
    for (const SweepCell& cell : r.cells)
        done += cell.computed ? 1 : 0;
    progress_->setRange(0, int(r.cells.size()));
    progress_->setValue(int(done));
    status_->setText(r.cancelled ? tr("Cancelled: %1 of %2 cells computed, shown; the rest are "
                                      "hatched.")
                                       .arg(groupedCount(done), groupedCount(r.cells.size()))
                                 : tr("Done: %1 cells in %2 s.")
                                       .arg(groupedCount(r.cells.size()))
                                       .arg(outcome->elapsed_ms / 1000.0, 0, 'f', 2));
    const bool split = outcome->job.split.has_value();
    const double percent = split ? 100.0 * *outcome->job.split : 0.0;
    choose_button_->setText(tr("Choose (first %1 %)").arg(percent, 0, 'f', 0));
    check_button_->setText(tr("Check (last %1 %)").arg(100.0 - percent, 0, 'f', 0));
    part_row_->setVisible(split);
    map_->setSweep(result_, percent);
    if (current_)
        setCurrentParams(*current_);
    showMetric();
    refreshControls();
    emit sweepFinished();
}

void SweepWindow::showMetric() {
    if (!result_)
        return;
    const SweepResult& r = *result_;
    const SweepMetric m = chosenMetric();
    const bool split = outcome_->job.split.has_value();
    // Chosen on the first part with a split, else on everything.
    const SweepPart chooser = split ? SweepPart::InSample : SweepPart::Whole;
    const SweepPart shown = split && check_button_->isChecked() ? SweepPart::OutOfSample : chooser;
    map_->setMetric(m, shown);
    const auto best = best_sweep_cell(r, m, chooser);
    map_->setBest(best);

    const QString label = sweepMetricLabel(m);
    marks_->setText(tr("□ outline: the app's current parameters · ★ best by %1%2 · hatched: "
                       "cannot run · hover a cell for its figures, click it to apply its "
                       "parameters")
                        .arg(label, split ? tr(" on the first part") : QString()));
    const SymbolData& swept = *outcome_->job.data;
    const PerformanceOptions& options = outcome_->job.performance;
    const QString timeframe = timeframeCaption(swept);
    const QString setting =
        tr("%1%2, %3 bars; %4, cost %5 bps.")
            .arg(swept.name,
                 timeframe.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(timeframe),
                 groupedCount(swept.barCount()), sweepModeText(options))
            .arg(options.cost_bps);
    QString text;
    if (!best) {
        text = tr("No cell has a %1.").arg(label);
    } else if (!split) {
        const SweepCell& cell = r.cells[*best];
        text = tr("<b>Best by %1: %2 (%3).</b> This overstates what the signal will do: the "
                  "cell was chosen on the same bars it is judged on, so its parameters fit "
                  "their noise as well as their trend. Tick <i>Choose on the first … %</i> to "
                  "choose on the first bars and check the choice on the rest.")
                   .arg(label, sweepCellName(r, cell).toHtmlEscaped(),
                        sweepMetricText(m, sweep_metric_value(*cell.figures, m)));
    } else {
        const SweepCell& cell = r.cells[*best];
        const QString until = r.split_bar ? barLabel(swept, *r.split_bar) : QString();
        const QString checked = cell.out_of_sample
                                    ? sweepMetricText(m, sweep_metric_value(*cell.out_of_sample, m))
                                    : QStringLiteral("—");
        text = tr("<b>Best by %1 on the first %2 % (to %3): %4 (%5).</b> On the rest, which "
                  "played no part in the choice, the same cell has a %1 of <b>%6</b>: that is "
                  "closer to what the signal may do. The best choosing figure overstates it.")
                   .arg(label)
                   .arg(100.0 * *outcome_->job.split, 0, 'f', 0)
                   .arg(until, sweepCellName(r, cell).toHtmlEscaped(),
                        sweepMetricText(m, sweep_metric_value(*cell.in_sample, m)), checked);
    }
    caption_->setText(text + QStringLiteral("<br>") + setting.toHtmlEscaped());
}

void SweepWindow::setCurrentParams(const AtcParams& params) {
    current_ = params;
    if (!result_)
        return;
    std::optional<std::size_t> marked;
    for (std::size_t i = 0; i < result_->cells.size(); ++i) {
        if (result_->cells[i].params == params) {
            marked = i;
            break;
        }
    }
    map_->setMarked(marked);
}

void SweepWindow::onCellClicked(std::size_t cell) {
    const AtcParams params = result_->cells[cell].params;
    setCurrentParams(params);
    emit paramsChosen(params);
}

void SweepWindow::closeEvent(QCloseEvent* event) {
    // A sweep nobody looks at any more stops.
    runner_->cancel();
    QWidget::closeEvent(event);
}

void SweepWindow::hideEvent(QHideEvent* event) {
    settings_.setValue(QStringLiteral("sweep/geometry"), saveGeometry());
    QWidget::hideEvent(event);
}

}  // namespace atc::ui
