#include "charts/calibration_pane.hpp"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>

#include "charts/chart_format.hpp"
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
        members_[k] = new StateLineItem(chart(), xAxis(), yAxis());
        // The base length stands out; the eight around it are thin.
        members_[k]->setLineWidth(k == 0 ? 2.0 : 1.0);
        addOverlay(members_[k]);
    }
}

void CalibrationPane::setSymbol(std::shared_ptr<const SymbolData> data) {
    if (data) {
        decimals_ = priceDecimals(data->bars.close);
        bindSeries(close_, data, data->bars.close);
    }
    ChartPane::setSymbol(std::move(data));
    fillMembers();
}

void CalibrationPane::setFamily(MaType family) {
    family_ = family;
    fillMembers();
    refit();
}

void CalibrationPane::fillMembers() {
    const auto& d = data();
    // Hidden (the default), the pane draws nothing: a lean result's members
    // are computed only once it is shown (showEvent).
    members_pending_ = d && isHidden();
    for (std::size_t k = 0; k < kMembersPerFamily; ++k) {
        if (d && !members_pending_) {
            const MemberSeries& m = d->memberResult()->family(family_).members[k];
            members_[k]->setSeries(d, m.ma, m.state);
        } else {
            members_[k]->clear();
        }
    }
    refreshLegend();
}

std::optional<std::pair<double, double>> CalibrationPane::dataRange(std::size_t first,
                                                                    std::size_t last) const {
    std::pair<double, double> r{std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity()};
    widenToSeries(r, first, last);  // the close
    for (const StateLineItem* item : members_)
        item->widenRange(r, first, last);
    if (!(r.first <= r.second))
        return std::nullopt;
    return r;
}

void CalibrationPane::showEvent(QShowEvent* event) {
    if (members_pending_)
        fillMembers();
    ChartPane::showEvent(event);
}

std::vector<LegendLine> CalibrationPane::legendLines(std::size_t bar) const {
    const FamilyResult& fam = data()->memberResult()->family(family_);
    LegendLine line;
    line.push_back({QStringLiteral("%1 calibration").arg(familyLabel(family_)),
                    {},
                    theme().familyColor(family_),
                    {},
                    true});
    for (const MemberSeries& m : fam.members) {
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
    for (StateLineItem* item : members_)
        item->setColors(theme.bull, theme.bear, theme.neutral);
}

}  // namespace atc::ui
