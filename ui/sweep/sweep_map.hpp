// SPDX-License-Identifier: GPL-3.0-or-later
// The Sweep window's picture of a run_sweep result: for two parameters a heat
// map (a row per value of the first, a column per value of the second, the
// first's values upwards as on a chart), for one a line of the metric against
// the value. Colours follow the metric around a midpoint (0 for returns and
// ratios, 50 % for the win rate, the cells' median for drawdown and trades):
// green better, red worse, whichever way the metric counts as better; a cell
// whose parameters cannot run is hatched grey. The cell of the app's current
// parameters is outlined, the best cell starred. Hovering a cell tells its
// figures; clicking it emits cellClicked. It shows the engine's figures only.
#pragma once

#include <QString>
#include <QWidget>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "atc/sweep.hpp"
#include "atc/sweep_metric.hpp"
#include "theme/theme.hpp"

namespace atc::ui {

// "Decay De (%)": a parameter's name with its unit, as axes and boxes show it.
QString sweepParamTitle(const ParamDescriptor& param);
// "Sharpe", "Max drawdown": the metric for people.
QString sweepMetricLabel(SweepMetric metric);
// The metric as the window writes it: "1.23", "+45.2 %", "−23.4 %" (a
// drawdown is a loss), "55 %" (win rate), "42" (trades); an em dash for NaN.
QString sweepMetricText(SweepMetric metric, double value);
// The count with its noun: "1 cell", "2,500 cells".
QString sweepCountText(std::size_t count, const QString& one, const QString& many);
// "La = 0.02 · De = 0.03".
QString sweepCellName(const SweepResult& sweep, const SweepCell& cell);

class SweepMap : public QWidget {
    Q_OBJECT

public:
    explicit SweepMap(QWidget* parent = nullptr);

    // What to show; `split_percent` names the parts in the tooltips (0: no split).
    void setSweep(std::shared_ptr<const SweepResult> sweep, double split_percent);
    void clear();
    // The metric the colours and the line follow, over `shown` (Whole, or with
    // a split the choosing or the checking part).
    void setMetric(SweepMetric metric, SweepPart shown);
    void setMarked(std::optional<std::size_t> cell);
    void setBest(std::optional<std::size_t> cell);
    void setTheme(const Theme& theme);

    std::shared_ptr<const SweepResult> sweep() const { return sweep_; }
    std::optional<std::size_t> marked() const { return marked_; }
    std::optional<std::size_t> best() const { return best_; }
    SweepPart shownPart() const { return shown_; }
    // The cell under `pos`, or nullopt.
    std::optional<std::size_t> cellAt(QPoint pos) const;
    // Where a cell is drawn (its centre), for tests and the tooltip.
    QPoint cellCenter(std::size_t cell) const;
    // What hovering the cell shows.
    QString cellToolTip(std::size_t cell) const;

    QSize sizeHint() const override { return {720, 560}; }
    QSize minimumSizeHint() const override { return {360, 280}; }

signals:
    void cellClicked(std::size_t cell);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    // Where things go for the current size and labels.
    struct Layout {
        QRectF plot;    // the cells, or the line's plot area
        QRectF legend;  // the colour scale
        std::size_t rows = 1;
        std::size_t columns = 1;
    };
    Layout layoutFor() const;
    bool isLine() const { return sweep_ && sweep_->axes.size() == 1; }
    // The shown figure of a cell (NaN when it has none).
    double valueOf(std::size_t cell) const;
    QColor colorOf(double value) const;
    QRectF cellRect(const Layout& layout, std::size_t cell) const;
    // The line's value axis: lowest to highest figure with some room.
    std::pair<double, double> lineSpan() const;
    QPointF linePoint(const Layout& layout, std::size_t cell) const;
    double lineY(const Layout& layout, double value) const;
    void paintHeatMap(QPainter& p, const Layout& layout) const;
    void paintLine(QPainter& p, const Layout& layout) const;
    void paintAxisLabels(QPainter& p, const Layout& layout) const;
    void paintLegend(QPainter& p, const Layout& layout) const;
    void paintMarks(QPainter& p, const Layout& layout) const;
    // The colour scale: the middle and how far either side reaches.
    void rescale();

    std::shared_ptr<const SweepResult> sweep_;
    double split_percent_ = 0.0;
    SweepMetric metric_ = SweepMetric::Sharpe;
    SweepPart shown_ = SweepPart::Whole;
    std::optional<std::size_t> marked_;
    std::optional<std::size_t> best_;
    std::optional<std::size_t> hovered_;
    Theme theme_;
    double middle_ = 0.0;
    double reach_ = 1.0;
    double low_ = 0.0;  // the lowest and highest shown figures
    double high_ = 0.0;
};

}  // namespace atc::ui
