// SPDX-License-Identifier: GPL-3.0-or-later
// Binance's JSON answers, read with nlohmann-json, checked field by field:
// an answer that is not exactly what the documentation describes is refused
// whole, so nothing of it is stored.
#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>

#include "atc/feeds/binance.hpp"

namespace atc::feeds {
namespace {

using nlohmann::json;

[[noreturn]] void refuse(std::string_view url, const std::string& problem) {
    throw FeedError(FeedError::Kind::BadResponse,
                    "GET " + std::string(url) + ": unexpected answer: " + problem);
}

json parse_json(std::string_view body, std::string_view url) {
    try {
        return json::parse(body);
    } catch (const json::parse_error& e) {
        refuse(url, "not valid JSON (" + std::string(e.what()) + ")");
    }
}

std::string where(std::size_t row, std::size_t field) {
    return "candle " + std::to_string(row + 1) + ", field " + std::to_string(field + 1);
}

std::int64_t time_field(const json& candle, std::size_t row, std::size_t field,
                        std::string_view url) {
    const json& value = candle[field];
    if (!value.is_number_integer())
        refuse(url, where(row, field) + " is not a time in milliseconds");
    return value.get<std::int64_t>();
}

// Prices and volumes are decimal strings ("0.01634790"), so no precision is
// lost in transit; from_chars reads them exactly as strtod would, locale-free.
double decimal_field(const json& candle, std::size_t row, std::size_t field, std::string_view url) {
    const json& value = candle[field];
    if (!value.is_string())
        refuse(url, where(row, field) + " is not a decimal string");
    const auto& text = value.get_ref<const std::string&>();
    double number = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(number))
        refuse(url, where(row, field) + " is not a number: \"" + text + "\"");
    return number;
}

}  // namespace

std::vector<Kline> parse_klines(std::string_view body, std::string_view url) {
    const json doc = parse_json(body, url);
    if (!doc.is_array())
        refuse(url, "klines are not a JSON array");
    std::vector<Kline> klines;
    klines.reserve(doc.size());
    for (std::size_t row = 0; row < doc.size(); ++row) {
        const json& candle = doc[row];
        // Binance documents 12 fields; the first 7 are read, later ones may be added.
        if (!candle.is_array() || candle.size() < 7)
            refuse(url, "candle " + std::to_string(row + 1) + " is not an array of 12 fields");
        Kline k;
        k.open_time_ms = time_field(candle, row, 0, url);
        k.open = decimal_field(candle, row, 1, url);
        k.high = decimal_field(candle, row, 2, url);
        k.low = decimal_field(candle, row, 3, url);
        k.close = decimal_field(candle, row, 4, url);
        k.volume = decimal_field(candle, row, 5, url);
        k.close_time_ms = time_field(candle, row, 6, url);
        if (!(k.open > 0 && k.high > 0 && k.low > 0 && k.close > 0) || k.volume < 0)
            refuse(url, "candle " + std::to_string(row + 1) + " has a price <= 0 or a volume < 0");
        if (k.close_time_ms < k.open_time_ms)
            refuse(url, "candle " + std::to_string(row + 1) + " closes before it opens");
        if (!klines.empty() && k.open_time_ms <= klines.back().open_time_ms)
            refuse(url, "candle " + std::to_string(row + 1) + " is not after the one before");
        klines.push_back(k);
    }
    return klines;
}

std::vector<ListedSymbol> parse_exchange_info(std::string_view body, std::string_view url) {
    const json doc = parse_json(body, url);
    const auto symbols = doc.is_object() ? doc.find("symbols") : doc.end();
    if (!doc.is_object() || symbols == doc.end() || !symbols->is_array())
        refuse(url, "exchangeInfo has no \"symbols\" array");
    std::vector<ListedSymbol> listed;
    listed.reserve(symbols->size());
    const auto text = [&url](const json& entry, const char* key) {
        const auto it = entry.find(key);
        if (it == entry.end() || !it->is_string())
            refuse(url, std::string("a symbol has no \"") + key + "\"");
        return it->get<std::string>();
    };
    for (const json& entry : *symbols) {
        if (!entry.is_object())
            refuse(url, "a symbol is not a JSON object");
        listed.push_back({text(entry, "symbol"), text(entry, "baseAsset"),
                          text(entry, "quoteAsset"), text(entry, "status")});
    }
    return listed;
}

}  // namespace atc::feeds
