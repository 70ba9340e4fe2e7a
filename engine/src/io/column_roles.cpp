// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/column_roles.hpp"

#include <algorithm>
#include <array>

namespace atc::detail {

namespace {

struct Alias {
    std::string_view name;  // normalized
    ColumnRole role;        // Open, High, Low, Close, Volume or Ticker
};

// Every name a column goes by in the exports we know, normalized. The close
// is the raw close: "Adj Close" (Yahoo) and "adjClose" (Tiingo) are not in
// the table, and investing.com calls its close "Price".
constexpr std::array<Alias, 32> kAliases = {{
    {"open", ColumnRole::Open},      {"openprice", ColumnRole::Open},
    {"eröffnung", ColumnRole::Open}, {"eroeffnung", ColumnRole::Open},
    {"ouverture", ColumnRole::Open}, {"apertura", ColumnRole::Open},
    {"high", ColumnRole::High},      {"highprice", ColumnRole::High},
    {"hoch", ColumnRole::High},      {"plushaut", ColumnRole::High},
    {"massimo", ColumnRole::High},   {"low", ColumnRole::Low},
    {"lowprice", ColumnRole::Low},   {"tief", ColumnRole::Low},
    {"plusbas", ColumnRole::Low},    {"minimo", ColumnRole::Low},
    {"close", ColumnRole::Close},    {"closeprice", ColumnRole::Close},
    {"price", ColumnRole::Close},    {"last", ColumnRole::Close},
    {"schluss", ColumnRole::Close},  {"schlusskurs", ColumnRole::Close},
    {"clôture", ColumnRole::Close},  {"cloture", ColumnRole::Close},
    {"dernier", ColumnRole::Close},  {"chiusura", ColumnRole::Close},
    {"volume", ColumnRole::Volume},  {"vol", ColumnRole::Volume},
    {"volumen", ColumnRole::Volume}, {"volumes", ColumnRole::Volume},
    {"ticker", ColumnRole::Ticker},  {"symbol", ColumnRole::Ticker},
}};

// MetaTrader's tick volume: the volume only when there is no real one (its
// <VOL> is real volume where the broker has it).
constexpr std::array<std::string_view, 2> kFallbackVolumeNames = {"tickvol", "tickvolume"};

// Names of columns that may hold the time; the first whose first value is a
// date or a Unix time becomes the time column.
constexpr std::array<std::string_view, 13> kTimeNames = {
    "date",  "time",      "datetime", "timestamp", "opentime",  "datum",    "zeit",
    "heure", "date/time", "day",      "gmttime",   "localtime", "time(utc)"};

// Names of columns whose text labels the bars (the first one wins). "year"
// labels the sample data's fractional years, which are not calendar times.
constexpr std::array<std::string_view, 7> kLabelNames = {"date", "time",  "datetime", "timestamp",
                                                         "bar",  "index", "year"};

template <std::size_t N>
bool is_one_of(std::string_view name, const std::array<std::string_view, N>& names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::optional<ColumnRole> role_of(std::string_view normalized) {
    for (const Alias& alias : kAliases) {
        if (alias.name == normalized)
            return alias.role;
    }
    return std::nullopt;
}

std::optional<std::size_t>& slot_of(ColumnLayout& layout, ColumnRole role) {
    switch (role) {
        case ColumnRole::Time:
        case ColumnRole::Date:
            return layout.time;
        case ColumnRole::TimeOfDay:
            return layout.time_of_day;
        case ColumnRole::Open:
            return layout.open;
        case ColumnRole::High:
            return layout.high;
        case ColumnRole::Low:
            return layout.low;
        case ColumnRole::Close:
            return layout.close;
        case ColumnRole::Volume:
            return layout.volume;
        case ColumnRole::Ticker:
            return layout.ticker;
    }
    return layout.close;
}

std::string list_columns(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) {
        if (!out.empty())
            out += ", ";
        out += '"' + name + '"';
    }
    return out;
}

}  // namespace

std::string normalize_column_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (const char c : name) {
        if (c == ' ' || c == '_' || c == '\t' || c == '.' || c == '<' || c == '>')
            continue;
        out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

std::string numbered_column_name(std::size_t index) {
    return "column " + std::to_string(index + 1);
}

CsvResult<ColumnLayout> layout_from_names(std::vector<std::string> names, std::size_t line) {
    ColumnLayout layout;
    layout.names = std::move(names);
    std::optional<std::size_t> fallback_volume;
    for (std::size_t i = 0; i < layout.names.size(); ++i) {
        const std::string name = normalize_column_name(layout.names[i]);
        if (name.empty())
            layout.names[i] = numbered_column_name(i);
        if (const auto role = role_of(name)) {
            std::optional<std::size_t>& slot = slot_of(layout, *role);
            // A second column for a role is refused (unless --columns names
            // the one to use): with two close columns we could only guess.
            if (slot) {
                if (!layout.duplicate) {
                    layout.duplicate = DuplicateRole{
                        *role,
                        CsvProblem{"the header has two columns named " +
                                       std::string(column_role_name(*role)) + " (columns " +
                                       std::to_string(*slot + 1) + " and " + std::to_string(i + 1) +
                                       "), \"" + layout.names[*slot] + "\" and \"" +
                                       layout.names[i] + "\"; name the one to use with --columns",
                                   line, layout.names[i]}};
                }
                continue;
            }
            slot = i;
        }
        if (!fallback_volume && is_one_of(name, kFallbackVolumeNames))
            fallback_volume = i;
        if (!layout.label && is_one_of(name, kLabelNames))
            layout.label = i;
        // pandas writes its index with an empty header: a time when it reads as one.
        if (is_one_of(name, kTimeNames) || (name.empty() && i == 0))
            layout.time_candidates.push_back(i);
    }
    if (!layout.volume)
        layout.volume = fallback_volume;
    return layout;
}

CsvResult<> apply_column_choices(ColumnLayout& layout, const std::vector<ColumnChoice>& choices) {
    if (choices.empty())
        return {};
    std::array<std::optional<std::size_t>*, 8> slots = {
        &layout.time, &layout.time_of_day, &layout.open,   &layout.high,
        &layout.low,  &layout.close,       &layout.volume, &layout.ticker};
    for (const ColumnChoice& choice : choices) {
        if (choice.column >= layout.field_count()) {
            return CsvProblem{"--columns " + std::string(column_role_name(choice.role)) + "=" +
                              std::to_string(choice.column + 1) + ": the file has only " +
                              std::to_string(layout.field_count()) + " columns"};
        }
        for (std::optional<std::size_t>* slot : slots) {
            if (*slot == choice.column)
                slot->reset();
        }
        slot_of(layout, choice.role) = choice.column;
        if (layout.duplicate && layout.duplicate->role == choice.role)
            layout.duplicate.reset();
    }
    return {};
}

CsvResult<> check_roles(const ColumnLayout& layout, std::size_t line) {
    if (layout.duplicate)
        return layout.duplicate->problem;
    if (layout.close)
        return {};
    return CsvProblem{
        "no column named close in the header (columns found: " + list_columns(layout.names) +
            "); a close column is named Close, Price, Last, Schluss or Clôture "
            "(any case, <> allowed; \"Adj Close\" is not the close), or chosen "
            "with --columns close=N",
        line, "close"};
}

std::vector<DetectedColumn> detected_columns(const ColumnLayout& layout) {
    std::vector<DetectedColumn> out;
    const auto add = [&](ColumnRole role, const std::optional<std::size_t>& index) {
        if (index)
            out.push_back({role, *index, layout.names[*index]});
    };
    add(layout.time_of_day ? ColumnRole::Date : ColumnRole::Time, layout.time);
    add(ColumnRole::TimeOfDay, layout.time_of_day);
    add(ColumnRole::Open, layout.open);
    add(ColumnRole::High, layout.high);
    add(ColumnRole::Low, layout.low);
    add(ColumnRole::Close, layout.close);
    add(ColumnRole::Volume, layout.volume);
    add(ColumnRole::Ticker, layout.ticker);
    return out;
}

}  // namespace atc::detail
