// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/performance_panel.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMetaObject>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "charts/performance_panes.hpp"
#include "report/performance_figures.hpp"

namespace atc::ui {
namespace {

constexpr int kFiguresWidth = 350;

}  // namespace

PerformancePanel::PerformancePanel(QWidget* parent) : QWidget(parent), theme_(darkTheme()) {
    pool_.setMaxThreadCount(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    auto* left = new QVBoxLayout;
    left->setSpacing(4);
    buildControls();
    // One row of controls: the dock is short, the figures need its height.
    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(new QLabel(tr("Position"), this));
    controls->addWidget(mode_, 1);
    controls->addSpacing(6);
    controls->addWidget(new QLabel(tr("Costs"), this));
    controls->addWidget(cost_);
    left->addLayout(controls);
    left->addWidget(table_, 1);
    left->addWidget(notice_);
    auto* figures = new QWidget(this);
    figures->setLayout(left);
    figures->setFixedWidth(kFiguresWidth);
    layout->addWidget(figures);

    plots_ = new QSplitter(Qt::Vertical, this);
    plots_->setChildrenCollapsible(false);
    plots_->setHandleWidth(3);
    equity_ = new StrategyEquityPane(plots_);
    equity_->setObjectName(QStringLiteral("strategyEquity"));
    underwater_ = new UnderwaterPane(plots_);
    underwater_->setObjectName(QStringLiteral("underwater"));
    plots_->addWidget(equity_);
    plots_->addWidget(underwater_);
    plots_->setStretchFactor(0, 3);
    plots_->setStretchFactor(1, 2);
    // The dates under the lowest plot only, as in the chart stack.
    equity_->setTimeLabelsVisible(false);
    underwater_->setTimeLabelsVisible(true);
    layout->addWidget(plots_, 1);
    for (PerformancePane* pane : panes())
        connectPane(pane);
    setTheme(theme_);
}

PerformancePanel::~PerformancePanel() {
    latest_->fetch_add(1);  // whatever runs now answers no one
    pool_.waitForDone();
}

void PerformancePanel::buildControls() {
    mode_ = new QComboBox(this);
    mode_->setObjectName(QStringLiteral("performanceMode"));
    mode_->addItem(tr("Long & short"), static_cast<int>(PositionMode::LongShort));
    mode_->addItem(tr("Long only"), static_cast<int>(PositionMode::LongOnly));
    for (int i = 0; i < mode_->count(); ++i)
        mode_->setItemData(i,
                           positionModeText(static_cast<PositionMode>(mode_->itemData(i).toInt())),
                           Qt::ToolTipRole);
    cost_ = new QDoubleSpinBox(this);
    cost_->setObjectName(QStringLiteral("performanceCost"));
    cost_->setRange(0.0, kMaxCostBps);
    cost_->setDecimals(1);
    cost_->setSingleStep(1.0);
    cost_->setSuffix(tr(" bp"));
    cost_->setToolTip(
        tr("Fee and slippage per unit of position change, in basis points "
           "(1 bp = 0.01 %): entering or leaving pays it once, a flip from long "
           "to short twice."));
    // A typed cost applies on Enter or leaving the field, not at each digit.
    cost_->setKeyboardTracking(false);
    const auto changed = [this] {
        emit optionsChanged(options());
        recompute();
    };
    connect(mode_, &QComboBox::currentIndexChanged, this, changed);
    connect(cost_, &QDoubleSpinBox::valueChanged, this, changed);

    table_ = new QTableWidget(0, 3, this);
    table_->setObjectName(QStringLiteral("performanceFigures"));
    table_->setHorizontalHeaderLabels({tr("Figure"), tr("Signal"), tr("Buy & hold")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    table_->setFocusPolicy(Qt::NoFocus);
    table_->setShowGrid(false);
    table_->setAlternatingRowColors(true);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    table_->verticalHeader()->setMinimumSectionSize(1);
    table_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 1);
    table_->horizontalHeader()->setMinimumHeight(1);
    table_->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    notice_ = new QLabel(this);
    notice_->setObjectName(QStringLiteral("performanceCaption"));
    notice_->setWordWrap(true);
    notice_->hide();  // only to say that there is nothing to measure
}

void PerformancePanel::connectPane(PerformancePane* pane) {
    connect(pane, &ChartPane::hovered, this, [this, pane](int bar, double y) {
        if (bar >= static_cast<int>(barCount()))
            return;
        crosshair_bar_ = bar;
        for (PerformancePane* p : panes())
            p->setCrosshair(bar, p == pane && std::isfinite(y) ? std::optional(y) : std::nullopt);
        emit crosshairMoved(bar);
    });
    connect(pane, &ChartPane::left, this, [this] {
        setCrosshairBar(-1);
        emit crosshairMoved(-1);
    });
    // The charts own the range: a gesture here is a request to them, and their
    // answer (showRange) moves these plots with every pane.
    connect(pane, &ChartPane::panRequested, this, [this](double bars) {
        const ViewRange r = panRange(range_, bars, barCount());
        emit rangeRequested(r.first, r.last);
    });
    connect(pane, &ChartPane::zoomRequested, this, [this](double anchor, double steps) {
        const ViewRange r = zoomRange(range_, std::pow(kZoomStep, steps), anchor, barCount());
        emit rangeRequested(r.first, r.last);
    });
    connect(pane, &ChartPane::rangeRequested, this, &PerformancePanel::rangeRequested);
    connect(pane, &ChartPane::resetRequested, this, &PerformancePanel::resetRequested);
    connect(pane, &ChartPane::measureStarted, this, [this, pane] {
        for (PerformancePane* other : panes()) {
            if (other != pane)
                other->clearMeasure();
        }
    });
    connect(pane, &ChartPane::clicked, this, [this] {
        for (PerformancePane* p : panes())
            p->clearMeasure();
    });
    connect(pane, &ChartPane::layoutChanged, this, [this] {
        if (in_layout_)
            return;
        syncValueAxisWidths();
        updateTicks();
    });
}

PerformanceOptions PerformancePanel::options() const {
    PerformanceOptions o;
    o.mode = static_cast<PositionMode>(mode_->currentData().toInt());
    o.cost_bps = cost_->value();
    return o;
}

void PerformancePanel::setOptions(const PerformanceOptions& options) {
    mode_->setCurrentIndex(mode_->findData(static_cast<int>(options.mode)));
    cost_->setValue(std::clamp(options.cost_bps, 0.0, kMaxCostBps));
}

void PerformancePanel::setData(std::shared_ptr<const SymbolData> shown) {
    data_ = std::move(shown);
    recompute();
}

void PerformancePanel::recompute() {
    if (!data_)
        return;
    const std::uint64_t request = latest_->fetch_add(1) + 1;
    pool_.start([this, request, latest = latest_, data = data_, options = options()] {
        if (latest->load() != request)
            return;  // a newer request is queued behind this one
        std::shared_ptr<const PerformanceCurves> curves = computePerformanceCurves(data, options);
        QMetaObject::invokeMethod(
            this,
            [this, request, curves = std::move(curves)] {
                if (latest_->load() == request)
                    showCurves(curves);
            },
            Qt::QueuedConnection);
    });
}

void PerformancePanel::showCurves(std::shared_ptr<const PerformanceCurves> curves) {
    curves_ = std::move(curves);
    if (crosshair_bar_ >= static_cast<int>(barCount()))
        crosshair_bar_ = -1;
    for (PerformancePane* pane : panes())
        pane->setCurves(curves_);
    applyRange();
    for (PerformancePane* pane : panes())
        pane->setCrosshair(crosshair_bar_, std::nullopt);
    fillFigures();
    emit curvesShown();
}

void PerformancePanel::fillFigures() {
    const Performance* perf = curves_ && curves_->performance ? &*curves_->performance : nullptr;
    if (!perf) {
        table_->setRowCount(0);
        notice_->setText(curves_ ? tr("The Average is not defined on these bars.") : QString());
        notice_->setVisible(curves_ != nullptr);
        table_->setToolTip({});
        return;
    }
    const std::vector<PerformanceFigureRow> rows = performanceFigureRows(perf->figures);
    table_->setRowCount(static_cast<int>(rows.size()));
    const auto toned = [this](int tone) {
        return tone > 0 ? theme_.bull : (tone < 0 ? theme_.bear : theme_.text);
    };
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const PerformanceFigureRow& row = rows[r];
        const int at = static_cast<int>(r);
        auto* label = new QTableWidgetItem(row.label);
        auto* signal = new QTableWidgetItem(row.signal);
        auto* hold = new QTableWidgetItem(row.buy_and_hold);
        signal->setForeground(toned(row.signal_tone));
        hold->setForeground(toned(row.buy_and_hold_tone));
        for (QTableWidgetItem* value : {signal, hold})
            value->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (row.headline) {
            for (QTableWidgetItem* item : {label, signal, hold}) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
        }
        table_->setItem(at, 0, label);
        table_->setItem(at, 1, signal);
        table_->setItem(at, 2, hold);
    }
    notice_->hide();
    // How and from when, for the one who asks (the dock is short).
    table_->setToolTip(
        tr("From %1, the Average's first bar. ").arg(barLabel(*curves_->data, perf->first_bar)) +
        holdingText(curves_->options) + QLatin1Char(' ') + inSampleText());
}

void PerformancePanel::showRange(double first, double last) {
    range_ = {first, last};
    applyRange();
}

void PerformancePanel::applyRange() {
    // As the stack does: the axes first, the points once the axis widths are settled.
    in_layout_ = true;
    for (PerformancePane* pane : panes())
        pane->moveXRange(range_.first, range_.last);
    in_layout_ = false;
    syncValueAxisWidths();
    for (PerformancePane* pane : panes())
        pane->fillSeries();
    updateTicks();
}

void PerformancePanel::setCrosshairBar(int bar) {
    if (bar >= static_cast<int>(barCount()))
        bar = -1;
    if (bar == crosshair_bar_)
        return;  // our own hover coming back from the charts keeps its level
    crosshair_bar_ = bar;
    for (PerformancePane* pane : panes())
        pane->setCrosshair(bar, std::nullopt);
}

void PerformancePanel::syncValueAxisWidths() {
    const int width =
        std::max(equity_->requiredValueAxisWidth(), underwater_->requiredValueAxisWidth());
    in_layout_ = true;
    for (PerformancePane* pane : panes())
        pane->setValueAxisWidth(width);
    in_layout_ = false;
}

void PerformancePanel::updateTicks() {
    std::vector<TimeTick> ticks;
    if (curves_ && curves_->data)
        ticks = ticksInRange(*curves_->data, curves_->time_scale, range_.first, range_.last,
                             equity_->plotWidth(), equity_->axisFont());
    for (PerformancePane* pane : panes())
        pane->setTicks(ticks);
}

std::array<PerformancePane*, 2> PerformancePanel::panes() const {
    return {equity_, underwater_};
}

std::size_t PerformancePanel::barCount() const {
    return curves_ && curves_->data ? curves_->data->barCount() : 0;
}

void PerformancePanel::setTheme(const Theme& theme) {
    theme_ = theme;
    for (PerformancePane* pane : panes())
        pane->setTheme(theme);
    // The divider between the plots in the grid colour, as the chart stack's.
    plots_->setStyleSheet(
        QStringLiteral("QSplitter::handle { background-color: %1; }").arg(theme.grid.name()));
    QPalette muted = notice_->palette();
    muted.setColor(QPalette::WindowText, theme.muted_text);
    notice_->setPalette(muted);
    fillFigures();
}

}  // namespace atc::ui
