// SPDX-License-Identifier: GPL-3.0-or-later
#include "charts/value_scale.hpp"

namespace atc::ui {

QString priceScaleName(PriceScale scale) {
    switch (scale) {
        case PriceScale::Log:
            return QStringLiteral("log");
        case PriceScale::Percent:
            return QStringLiteral("percent");
        case PriceScale::Linear:
            break;
    }
    return QStringLiteral("linear");
}

std::optional<PriceScale> parsePriceScale(QStringView text) {
    for (PriceScale s : {PriceScale::Linear, PriceScale::Log, PriceScale::Percent}) {
        if (text.compare(priceScaleName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return std::nullopt;
}

}  // namespace atc::ui
