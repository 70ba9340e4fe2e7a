// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/calibration_pane.hpp"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "charts/chart_format.hpp"
#include "charts/plot_note.hpp"
#include "charts/state_line_item.hpp"

namespace atc::ui {

CalibrationPane::CalibrationPane(QWidget* parent) : ChartPane(parent) {
    close_ = new QLineSeries(chart());
    close_->setObjectName(QStringLiteral("calibration_close"));
    close_->setName(QStringLiteral("Close"));
    chart()->addSeries(close_);
    close_->attachAxis(xAxis());
    close_->attachAxis(yAxis());
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        items_[k] = new StateLineItem(chart(), xAxis(), yAxis());
        // The base length stands out; the eight around it are thin.
        items_[k]->setLineWidth(k == 0 ? 2.0 : 1.0);
        addOverlay(items_[k]);
    }
    note_ = new PlotNote(chart(), xAxis(), yAxis());
    note_->setFont(axisFont());
    addOverlay(note_);
}

void CalibrationPane::setSymbol(std::shared_ptr<const SymbolData> data) {
    if (data) {
        decimals_ = priceDecimals(data->bars.close);
        bindSeries(close_, data, data->bars.close);
    }
    members_.reset();
    failure_.clear();
    ChartPane::setSymbol(std::move(data));
    fillMembers();
}

void CalibrationPane::setFamily(MaType family) {
    if (family != family_) {
        members_.reset();
        failure_.clear();
    }
    family_ = family;
    fillMembers();
    refit();
}

void CalibrationPane::setMembers(std::shared_ptr<const FamilyMembers> members,
                                 const QString& failure) {
    if (members == members_ && failure == failure_)
        return;
    members_ = std::move(members);
    failure_ = failure;
    fillMembers();
    refit();
}

void CalibrationPane::fillMembers() {
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        if (data() && members_) {
            const MemberSeries& m = (*members_)[k];
            items_[k]->setSeries(members_, m.ma, m.state);
        } else {
            items_[k]->clear();
        }
    }
    note_->setText(note());
    refreshLegend();
}

QString CalibrationPane::note() const {
    return data() && !members_ ? membersNote(family_, failure_) : QString();
}

std::optional<std::pair<double, double>> CalibrationPane::dataRange(std::size_t first,
                                                                    std::size_t last) const {
    std::pair<double, double> r{std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity()};
    widenToSeries(r, first, last);  // the close
    for (const StateLineItem* item : items_)
        item->widenRange(r, first, last);
    if (!(r.first <= r.second))
        return std::nullopt;
    return r;
}

std::vector<LegendLine> CalibrationPane::legendLines(std::size_t bar) const {
    LegendLine line;
    line.push_back({QStringLiteral("%1 calibration").arg(familyLabel(family_)),
                    {},
                    theme().familyColor(family_),
                    {},
                    true});
    if (!members_) {
        line.push_back({note(), {}, {}, {}});
        return {line};
    }
    for (const MemberSeries& m : *members_) {
        const int state = m.state[bar];
        line.push_back({memberLabel(family_, m),
                        formatPrice(m.ma[bar], decimals_) + QLatin1Char(' ') + stateGlyph(state),
                        {},
                        theme().stateColor(state)});
    }
    return {line};
}

QString CalibrationPane::formatLevel(double y) const {
    return formatPriceLevel(y, decimals_);
}

void CalibrationPane::applyContentTheme(const Theme& theme) {
    QColor close = theme.price;
    close.setAlphaF(0.55f);  // the price is the reference here, not the subject
    close_->setPen(QPen(close, 1.0));
    for (StateLineItem* item : items_)
        item->setColors(theme.bull, theme.bear, theme.neutral);
    note_->setColor(theme.muted_text);
}

}  // namespace atc::ui
