// SPDX-License-Identifier: GPL-3.0-or-later
// The names of ImportOptions' choices, as the command line and the preview
// dialog spell them.

#include <array>
#include <charconv>
#include <stdexcept>
#include <string>

#include "atc/price_import.hpp"

namespace atc {

namespace {

struct RoleName {
    ColumnRole role;
    std::string_view name;
};

constexpr std::array<RoleName, 9> kRoleNames = {{{ColumnRole::Time, "time"},
                                                 {ColumnRole::Date, "date"},
                                                 {ColumnRole::TimeOfDay, "timeofday"},
                                                 {ColumnRole::Open, "open"},
                                                 {ColumnRole::High, "high"},
                                                 {ColumnRole::Low, "low"},
                                                 {ColumnRole::Close, "close"},
                                                 {ColumnRole::Volume, "volume"},
                                                 {ColumnRole::Ticker, "ticker"}}};

}  // namespace

std::string_view date_order_name(DateOrder order) {
    switch (order) {
        case DateOrder::Auto:
            return "auto";
        case DateOrder::DayMonthYear:
            return "dmy";
        case DateOrder::MonthDayYear:
            return "mdy";
    }
    return "auto";
}

std::optional<DateOrder> parse_date_order(std::string_view text) {
    for (const DateOrder order :
         {DateOrder::Auto, DateOrder::DayMonthYear, DateOrder::MonthDayYear}) {
        if (text == date_order_name(order))
            return order;
    }
    return std::nullopt;
}

std::string_view column_role_name(ColumnRole role) {
    for (const RoleName& r : kRoleNames) {
        if (r.role == role)
            return r.name;
    }
    return "";
}

std::optional<ColumnRole> parse_column_role(std::string_view text) {
    for (const RoleName& r : kRoleNames) {
        if (r.name == text)
            return r.role;
    }
    return std::nullopt;
}

std::vector<ColumnChoice> parse_column_choices(std::string_view text) {
    std::vector<ColumnChoice> choices;
    while (!text.empty()) {
        const std::size_t comma = text.find(',');
        const std::string_view item = text.substr(0, comma);
        text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
        const std::size_t equals = item.find('=');
        const auto role = parse_column_role(item.substr(0, equals));
        if (!role) {
            throw std::invalid_argument(
                "\"" + std::string(item) +
                "\": expected ROLE=N with ROLE one of time, date, timeofday, open, high, low, "
                "close, volume, ticker");
        }
        const std::string_view number =
            equals == std::string_view::npos ? std::string_view() : item.substr(equals + 1);
        std::size_t column = 0;
        const auto [end, ec] =
            std::from_chars(number.data(), number.data() + number.size(), column);
        if (number.empty() || ec != std::errc() || end != number.data() + number.size() ||
            column == 0) {
            throw std::invalid_argument("\"" + std::string(item) +
                                        "\": the column is a number from 1 (the first column)");
        }
        choices.push_back({*role, column - 1});
    }
    return choices;
}

}  // namespace atc
