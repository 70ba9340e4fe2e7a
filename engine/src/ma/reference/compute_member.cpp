// SPDX-License-Identifier: GPL-3.0-or-later
// Which reference kernel defines a family's member under each profile.
#include "atc/reference_moving_averages.hpp"

namespace atc::ma::reference {

void compute_member(MaType type, MaProfile profile, std::span<const double> x, int length,
                    std::span<double> out, MaScratch& scratch) {
    switch (type) {
        case MaType::EMA:
            ema(x, length, out);
            return;
        case MaType::HMA:
            if (profile == MaProfile::Pine) {
                sma(x, length, out);
            } else {
                hma(x, length, out, scratch);
            }
            return;
        case MaType::WMA:
            wma(x, length, out);
            return;
        case MaType::DEMA:
            dema(x, length, out, scratch);
            return;
        case MaType::LSMA:
            lsma(x, length, out, profile == MaProfile::Pine);
            return;
        case MaType::KAMA:
            kama(x, length, out);
            return;
    }
}

}  // namespace atc::ma::reference
