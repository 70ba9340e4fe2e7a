// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/equity_pane.hpp"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "charts/chart_format.hpp"
#include "charts/plot_note.hpp"

namespace atc::ui {
namespace {

// Nine related but distinguishable colours for the members of one family: the
// family hue turned a step per offset rank (shorter lengths one way, longer the
// other), the base length in the family colour itself.
QColor memberColor(const QColor& base, int rank) {
    float h = 0.0f, s = 0.0f, l = 0.0f, a = 1.0f;
    base.getHslF(&h, &s, &l, &a);
    if (h < 0.0f)
        h = 0.0f;  // achromatic
    float hue = h + 0.035f * static_cast<float>(rank);
    hue -= std::floor(hue);
    const float light = std::clamp(l + 0.03f * static_cast<float>(rank), 0.25f, 0.8f);
    return QColor::fromHslF(hue, s, light, a);
}

}  // namespace

EquityPane::EquityPane(QWidget* parent) : ChartPane(parent) {
    note_ = new PlotNote(chart(), xAxis(), yAxis());
    note_->setFont(axisFont());
    addOverlay(note_);
}

void EquityPane::setSymbol(std::shared_ptr<const SymbolData> data) {
    // The curves point into the old data: drop them before it may go.
    unbindAllSeries();
    chart()->removeAllSeries();
    curves_.clear();
    members_.reset();
    failure_.clear();
    ChartPane::setSymbol(std::move(data));
    rebuild();
}

void EquityPane::setFamily(std::optional<MaType> family) {
    if (family == family_)
        return;
    family_ = family;
    // Alive until the curves that point into them are gone.
    const auto drawn = std::exchange(members_, nullptr);
    failure_.clear();
    redraw();
}

void EquityPane::setMembers(std::shared_ptr<const FamilyMembers> members, const QString& failure) {
    if (members == members_ && failure == failure_)
        return;
    const auto drawn = std::exchange(members_, std::move(members));
    failure_ = failure;
    redraw();
}

void EquityPane::redraw() {
    rebuild();
    refit();
    refillSeries();
}

QString EquityPane::note() const {
    return data() && family_ && !members_ ? membersNote(*family_, failure_) : QString();
}

void EquityPane::rebuild() {
    // The shown set changes with the family, so the series are made anew: at most
    // nine, and no hidden series linger in the chart (tests and exports read
    // chart()->series() as "what is shown").
    unbindAllSeries();
    chart()->removeAllSeries();
    curves_.clear();
    if (data()) {
        const AtcResult& result = *data()->result;
        if (family_ && members_) {
            for (const MemberSeries& m : *members_) {
                auto* s = new QLineSeries();
                s->setObjectName(memberEquityObjectName(*family_, m));
                curves_.push_back({s, &m.equity, memberLabel(*family_, m)});
            }
        } else if (!family_) {
            for (MaType t : kAllFamilies) {
                auto* s = new QLineSeries();
                s->setObjectName(familyLabel(t) + QStringLiteral("_S"));
                curves_.push_back({s, &result.family(t).weight_equity, familyLabel(t)});
            }
        }
        for (Curve& c : curves_) {
            c.series->setName(c.label);
            chart()->addSeries(c.series);
            c.series->attachAxis(xAxis());
            c.series->attachAxis(yAxis());
            bindSeries(c.series, data(), *c.values);
        }
    }
    note_->setText(note());
    colorCurves();
    refreshLegend();
}

void EquityPane::colorCurves() {
    if (curves_.empty())
        return;  // no data
    if (!family_) {
        for (std::size_t f = 0; f < curves_.size() && f < kFamilyCount; ++f)
            curves_[f].series->setPen(QPen(theme().family[f], 1.0));
        return;
    }
    const AtcResult& result = *data()->result;
    const FamilyResult& fam = result.family(*family_);
    // Members come as [B, B+o1..B+o4, B-o1..B-o4]; rank them -4..+4 by offset,
    // the base (rank 0) in the family colour itself, drawn thicker.
    for (std::size_t k = 0; k < curves_.size(); ++k) {
        const int offset = fam.members[k].offset;
        const int index = static_cast<int>(k);
        const int rank = index == 0 ? 0 : (index <= 4 ? index : 4 - index);
        curves_[k].series->setPen(QPen(memberColor(theme().familyColor(*family_), rank),
                                       offset == 0 ? emphasisWidth(2.0) : 1.0));
    }
}

std::optional<std::pair<double, double>> EquityPane::dataRange(std::size_t first,
                                                               std::size_t last) const {
    std::pair<double, double> r{std::numeric_limits<double>::infinity(),
                                -std::numeric_limits<double>::infinity()};
    widenToSeries(r, first, last);
    if (!(r.first <= r.second))
        return std::nullopt;
    return r;
}

std::vector<LegendLine> EquityPane::legendLines(std::size_t bar) const {
    LegendLine line;
    const QString title = family_ ? QStringLiteral("%1 member equities").arg(familyLabel(*family_))
                                  : QStringLiteral("Family equities");
    line.push_back({title, {}, theme().text, {}, true});
    if (!note().isEmpty())
        line.push_back({note(), {}, {}, {}});
    for (const Curve& c : curves_) {
        line.push_back({c.label, formatEquity((*c.values)[bar]), c.series->pen().color(), {}});
    }
    return {line};
}

QString EquityPane::formatLevel(double y) const {
    return formatEquity(y);
}

void EquityPane::applyContentTheme(const Theme& theme) {
    colorCurves();
    note_->setColor(theme.muted_text);
}

}  // namespace atc::ui
