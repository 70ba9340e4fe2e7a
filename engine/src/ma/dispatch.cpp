// Picks the kernel for a family member under a profile.
#include "atc/moving_averages.hpp"

namespace atc::ma {

std::size_t first_defined(MaType type, MaProfile profile, int length) {
    switch (type) {
        case MaType::HMA:
            return profile == MaProfile::Pine ? first_defined_window(length)
                                              : first_defined_hma(length);
        case MaType::KAMA:
            return 0;
        case MaType::EMA:
        case MaType::WMA:
        case MaType::DEMA:
        case MaType::LSMA:
            return first_defined_window(length);
    }
    return first_defined_window(length);
}

void compute(MaType type, MaProfile profile, std::span<const double> x, int length,
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

}  // namespace atc::ma
