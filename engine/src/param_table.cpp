// SPDX-License-Identifier: GPL-3.0-or-later
// The rows of the parameter table. The texts are those the parameter panel
// shows; the editor ranges are the panel's (what a trader would type), the
// allowed ranges check_params'.

#include "atc/param_table.hpp"

#include <type_traits>

namespace atc {
namespace {

template <class T>
constexpr ParamType type_of() {
    if constexpr (std::is_same_v<T, bool>) {
        return ParamType::Flag;
    } else if constexpr (std::is_enum_v<T>) {
        return ParamType::Choice;
    } else if constexpr (std::is_same_v<T, int>) {
        return ParamType::Integer;
    } else {
        static_assert(std::is_same_v<T, double>,
                      "a parameter is an int, a double, an enum or a bool");
        return ParamType::Number;
    }
}

template <class T>
double to_value(T v) {
    if constexpr (std::is_enum_v<T>) {
        return static_cast<double>(static_cast<int>(v));
    } else {
        return static_cast<double>(v);
    }
}

template <class T>
T from_value(double v) {
    if constexpr (std::is_same_v<T, bool>) {
        return v != 0.0;
    } else if constexpr (std::is_enum_v<T>) {
        return static_cast<T>(static_cast<int>(v));
    } else {
        return static_cast<T>(v);
    }
}

// The field params.*Member; its type decides the parameter's.
template <auto Member>
constexpr ParamField field() {
    using T = std::remove_cvref_t<decltype(std::declval<AtcParams&>().*Member)>;
    return {type_of<T>(), [](const AtcParams& p) { return to_value(p.*Member); },
            [](AtcParams& p, double v) { p.*Member = from_value<T>(v); }};
}

// Element I of the per-family array params.*Array.
template <auto Array, std::size_t I>
constexpr ParamField element() {
    using T = typename std::remove_cvref_t<decltype(std::declval<AtcParams&>().*Array)>::value_type;
    return {type_of<T>(), [](const AtcParams& p) { return to_value((p.*Array)[I]); },
            [](AtcParams& p, double v) { (p.*Array)[I] = from_value<T>(v); }};
}

template <std::size_t I>
constexpr ParamDescriptor length_row(std::string_view label) {
    return {.key = kLengthKeys[I],
            .label = label,
            .group = ParamGroup::Families,
            .family = static_cast<MaType>(I),
            .column = "Length",
            .unit = "bars",
            // 1 is the hard floor of any length; the robustness-dependent minimum
            // is check_params', so its message can explain it.
            .min = 1,
            .max = kMaxLength,
            .step = 1,
            .help = "Base length B; the nine members use B and B ± the robustness offsets",
            .field = element<&AtcParams::lengths, I>()};
}

template <std::size_t I>
constexpr ParamDescriptor weight_row(std::string_view label) {
    return {.key = kWeightKeys[I],
            .label = label,
            .group = ParamGroup::Families,
            .family = static_cast<MaType>(I),
            .column = "Weight",
            .min = 0.001,  // > 0: the editor cannot reach 0
            .max = 1000.0,
            .step = 0.1,
            .help = "Initial Layer-2 equity of the family (its starting vote weight); > 0",
            .field = element<&AtcParams::weights, I>()};
}

// "Medium  (±1, 2, 4, 6)".
std::string robustness_label(std::size_t index) {
    const auto r = static_cast<Robustness>(index);
    const auto o = robustness_offsets(r);
    return std::string(robustness_name(r)) + "  (±" + std::to_string(o[0]) + ", " +
           std::to_string(o[1]) + ", " + std::to_string(o[2]) + ", " + std::to_string(o[3]) + ")";
}

std::string profile_label(std::size_t index) {
    static constexpr std::array<std::string_view, 2> kLabels = {"Reference (Python)",
                                                                "Pine (TradingView)"};
    return std::string(kLabels.at(index));
}

constexpr std::array<std::string_view, 2> kFlagNames = {"false", "true"};

constexpr std::array kTable = {
    length_row<0>("EMA length"),
    length_row<1>("HMA length"),
    length_row<2>("WMA length"),
    length_row<3>("DEMA length"),
    length_row<4>("LSMA length"),
    length_row<5>("KAMA length"),
    weight_row<0>("EMA weight"),
    weight_row<1>("HMA weight"),
    weight_row<2>("WMA weight"),
    weight_row<3>("DEMA weight"),
    weight_row<4>("LSMA weight"),
    weight_row<5>("KAMA weight"),
    ParamDescriptor{.key = "robustness",
                    .label = "Robustness",
                    .group = ParamGroup::Members,
                    .help =
                        "How far the eight extra members of each family sit from the base length. "
                        "Every member must be at least 1 bar, so wider settings need longer bases.",
                    .choices = kRobustnessNames,
                    .choice_label = robustness_label,
                    .field = field<&AtcParams::robustness>()},
    ParamDescriptor{
        .key = "La",
        .label = "Growth La",
        .group = ParamGroup::Equity,
        .min = -100.0,
        .max = 100.0,
        .step = 0.01,
        .help = "La: growth of the return weighting. Bar i's return counts e^(La/1000 · (i − "
                "cutout)) times, so later bars weigh more; the family table shows the "
                "multiplier at the last bar.",
        .field = field<&AtcParams::lambda>()},
    ParamDescriptor{
        .key = "De",
        .label = "Decay De",
        .group = ParamGroup::Equity,
        .unit = "%",
        .min = 0.0,  // percent per bar: the editor enforces [0, 100]
        .max = 100.0,
        .step = 0.01,
        .help = "De: equity lost per bar, in percent (0 to 100), so old performance fades.",
        .field = field<&AtcParams::decay>()},
    ParamDescriptor{.key = "cutout",
                    .label = "Cutout",
                    .group = ParamGroup::Equity,
                    .unit = "bars",
                    .min = 0,  // "fewer than the bars" is checked per symbol (check_series)
                    .max = 10'000'000,
                    .step = 1,
                    .help =
                        "Leading bars left out of the equity curves and signals (0 or more, fewer "
                        "than the symbol's bars).",
                    .field = field<&AtcParams::cutout>()},
    // The Average signal lies in [-1, 1]; thresholds outside would never fire.
    ParamDescriptor{.key = "long_threshold",
                    .label = "Long threshold",
                    .group = ParamGroup::Signal,
                    .min = -1.0,
                    .max = 1.0,
                    .step = 0.01,
                    .help =
                        "A family votes long when its Layer-1 signal is above this; the Average "
                        "crossing above it draws a long arrow. Must be above the short threshold.",
                    .field = field<&AtcParams::long_threshold>()},
    ParamDescriptor{.key = "short_threshold",
                    .label = "Short threshold",
                    .group = ParamGroup::Signal,
                    .min = -1.0,
                    .max = 1.0,
                    .step = 0.01,
                    .help = "A family votes short when its Layer-1 signal is below this.",
                    .field = field<&AtcParams::short_threshold>()},
    ParamDescriptor{.key = "strategy_mode",
                    .label = "Strategy mode (act on the next bar)",
                    .group = ParamGroup::Signal,
                    .help = "Shift the Average signal one bar later, as a strategy that "
                            "trades on the bar after the signal would see it.",
                    .choices = kFlagNames,
                    .field = field<&AtcParams::strategy_mode>()},
    ParamDescriptor{
        .key = "profile",
        .label = "Profile",
        .group = ParamGroup::Members,
        .help = "Reference reproduces the original Python module (true Hull average, LSMA at "
                "the second-newest bar); Pine follows the TradingView script (SMA in the Hull "
                "slot, LSMA at the newest bar).",
        .choices = kProfileNames,
        .choice_label = profile_label,
        .field = field<&AtcParams::profile>()},
};

}  // namespace

std::string_view param_group_title(ParamGroup group) {
    switch (group) {
        case ParamGroup::Families:
            return "Lengths & initial weights";
        case ParamGroup::Members:
            return "Members";
        case ParamGroup::Equity:
            return "Equity curves";
        case ParamGroup::Signal:
            return "Signal";
    }
    return "?";
}

std::span<const ParamDescriptor> param_table() {
    return kTable;
}

const ParamDescriptor* find_param(std::string_view key) {
    for (const ParamDescriptor& param : kTable) {
        if (param.key == key)
            return &param;
    }
    return nullptr;
}

}  // namespace atc
