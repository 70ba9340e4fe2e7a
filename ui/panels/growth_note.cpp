// SPDX-License-Identifier: GPL-3.0-or-later
#include "panels/growth_note.hpp"

#include <QObject>

#include "atc/signals.hpp"

namespace atc::ui {

GrowthLevel growthLevel(double multiplier) {
    if (multiplier > kGrowthStrong)
        return GrowthLevel::Strong;
    if (multiplier > kGrowthWarning)
        return GrowthLevel::Warning;
    return GrowthLevel::Normal;
}

GrowthNote growthNote(std::size_t bar_count, const AtcParams& params) {
    GrowthNote note;
    const std::size_t last = bar_count > 0 ? bar_count - 1 : 0;
    const double per_bar = params.lambda / 1000.0;
    note.multiplier = growth_multiplier(last, per_bar, params.cutout);
    note.level = growthLevel(note.multiplier);
    const QString value = QString::number(note.multiplier, 'f', 3);
    note.text =
        QObject::tr("Exponential multiplier e^(L·(bars − cutout)) at the last bar: ×%1").arg(value);
    if (note.level == GrowthLevel::Warning) {
        note.text += QObject::tr(" — equity growth is amplified");
    } else if (note.level == GrowthLevel::Strong) {
        note.text += QObject::tr(" — equity growth is strongly amplified");
    }
    note.tooltip =
        QObject::tr(
            "<p>Every bar's return enters the equity curves multiplied by "
            "e^(L·(bar − cutout)), with L = La/1000 = %1 per bar. With La = %2, cutout %3 "
            "and %4 bars, the last bar's return counts <b>×%5</b>: recent returns weigh "
            "%5 times as much as those at the cutout, so the member and family weights "
            "follow recent performance more than the whole history.</p>"
            "<p>Up to ×%6 this is mild. Above it the weighting is dominated by the latest "
            "bars%7; if that is not what you want, use a smaller La or a cutout.</p>")
            .arg(QString::number(per_bar, 'g', 6), QString::number(params.lambda, 'g', 6))
            .arg(params.cutout)
            .arg(bar_count)
            .arg(value)
            .arg(kGrowthWarning)
            .arg(note.level == GrowthLevel::Strong ? QObject::tr(" (strongly so here)")
                                                   : QString());
    return note;
}

}  // namespace atc::ui
