// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/signal_pane.hpp"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include "charts/chart_format.hpp"
#include "charts/state_line_item.hpp"

namespace atc::ui {
namespace {

QLineSeries* addLine(QChart* chart, QValueAxis* x, QValueAxis* y, const QString& object_name,
                     const QString& name) {
    auto* series = new QLineSeries(chart);
    series->setObjectName(object_name);
    series->setName(name);
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    return series;
}

}  // namespace

SignalPane::SignalPane(QWidget* parent) : ChartPane(parent) {
    // Thresholds first, so that the signals are drawn over them.
    long_threshold_ = addLine(chart(), xAxis(), yAxis(), QStringLiteral("long_threshold"),
                              QStringLiteral("Long threshold"));
    short_threshold_ = addLine(chart(), xAxis(), yAxis(), QStringLiteral("short_threshold"),
                               QStringLiteral("Short threshold"));
    for (StateLineItem*& family : families_) {
        family = new StateLineItem(chart(), xAxis(), yAxis());
        family->setZValue(PlotOverlay::kBackLineZ);  // under the thresholds and the Average
        family->setLineWidth(1.0);
        addOverlay(family);
    }
    average_ = addLine(chart(), xAxis(), yAxis(), QStringLiteral("Average_Signal"),
                       QStringLiteral("Average"));
    // Signal ticks at the halves: -1, -0.5, 0, 0.5, 1.
}

void SignalPane::setSymbol(std::shared_ptr<const SymbolData> data) {
    if (data) {
        const AtcResult& result = *data->result;
        for (MaType t : kAllFamilies)
            families_[static_cast<std::size_t>(t)]->setSeries(data, result.family(t).signal);
        bindSeries(average_, data, result.average);
        // Two points spanning the data are a horizontal line at any zoom.
        const double last = static_cast<double>(data->barCount()) - 0.5;
        long_threshold_->replace({QPointF(-0.5, data->params.long_threshold),
                                  QPointF(last, data->params.long_threshold)});
        short_threshold_->replace({QPointF(-0.5, data->params.short_threshold),
                                   QPointF(last, data->params.short_threshold)});
    } else {
        for (StateLineItem* family : families_)
            family->clear();
        long_threshold_->clear();
        short_threshold_->clear();
    }
    ChartPane::setSymbol(std::move(data));
}

std::vector<LegendLine> SignalPane::legendLines(std::size_t bar) const {
    const AtcResult& result = *data()->result;
    LegendLine line;
    line.push_back({QStringLiteral("Signals"), {}, theme().text, {}, true});
    for (MaType t : kAllFamilies) {
        const double s = result.family(t).signal[bar];
        line.push_back({familyLabel(t), formatSignal(s), theme().familyColor(t),
                        theme().stateColor(s > 0.0 ? 1 : (s < 0.0 ? -1 : 0))});
    }
    const double avg = result.average[bar];
    line.push_back({QStringLiteral("Average"), formatAverage(avg), theme().average,
                    avg > data()->params.long_threshold
                        ? theme().bull
                        : (avg < data()->params.short_threshold ? theme().bear : theme().text),
                    true});
    return {line};
}

QString SignalPane::formatLevel(double y) const {
    return formatSignal(y);
}

void SignalPane::applyContentTheme(const Theme& theme) {
    // The six family signals jump between -1 and +1 often; drawn translucent they
    // read as a background of agreement, with the Average clearly on top.
    for (MaType t : kAllFamilies) {
        QColor c = theme.familyColor(t);
        c.setAlphaF(0.4f);
        families_[static_cast<std::size_t>(t)]->setColor(c);
    }
    average_->setPen(QPen(theme.average, emphasisWidth(2.0)));
    QPen dashed(theme.threshold, 1.0, Qt::DashLine);
    long_threshold_->setPen(dashed);
    short_threshold_->setPen(dashed);
}

}  // namespace atc::ui
