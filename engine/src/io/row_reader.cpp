// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/row_reader.hpp"

#include <algorithm>
#include <utility>

#include "atc/memory_limits.hpp"

namespace atc::detail {

namespace {

constexpr std::string_view kNull = "null";

}  // namespace

// A line too long for a row of prices is refused at its line rather than
// held whole; a carriage return inside a line means CR-only line ends
// (classic Mac OS) that would otherwise show up as a puzzling "no close
// column" or a value with an invisible character in it.
CsvResult<> check_line_shape(std::string_view line, std::size_t number) {
    if (line.size() > kMaxCsvLineBytes) {
        return CsvProblem{"the line is " + format_bytes(line.size()) +
                              " long; a row of prices is at most " +
                              format_bytes(kMaxCsvLineBytes) + " (is this a price file?)",
                          number};
    }
    if (line.find('\r') != std::string_view::npos) {
        return CsvProblem{
            "the line holds a carriage return (CR) inside it: the file has CR-only "
            "line ends (classic Mac OS); save it with LF or CRLF line ends",
            number};
    }
    return {};
}

RowReader::RowReader(const ColumnLayout& layout, char delimiter, NumberStyle style,
                     std::optional<TimeColumn> time, std::size_t expected_rows)
    : layout_(layout),
      delimiter_(delimiter),
      style_(style),
      time_(std::move(time)),
      expected_rows_(expected_rows),
      plain_(plain_plan(layout, delimiter, style, time_)) {
    PriceSeries& s = rows_.bars;
    const auto add = [this](const std::optional<std::size_t>& index, std::vector<double>& dest,
                            ValueRule rule) {
        if (index)
            columns_.push_back({*index, &dest, rule});
    };
    add(layout.open, s.open, ValueRule::Price);
    add(layout.high, s.high, ValueRule::Price);
    add(layout.low, s.low, ValueRule::Price);
    add(layout.volume, s.volume, ValueRule::Volume);
    s.close.reserve(expected_rows);
    rows_.lines.reserve(expected_rows);
    for (const ValueColumn& column : columns_)
        column.values->reserve(expected_rows);
    if (layout.label)
        s.label_column = layout.name(*layout.label);
    if (time_) {
        s.time_column = time_->name();
        s.time_ms.reserve(expected_rows);
    }
    fields_.reserve(layout.field_count());
}

PlainRowPlan RowReader::plain_plan(const ColumnLayout& layout, char delimiter, NumberStyle style,
                                   const std::optional<TimeColumn>& time) {
    // The order of columns_ (the constructor's): close first, then open,
    // high, low and volume where the file has them.
    std::vector<PlainRowPlan::NumberColumn> numbers{{*layout.close, ValueRule::Price}};
    for (const auto& [index, rule] :
         {std::pair{layout.open, ValueRule::Price}, std::pair{layout.high, ValueRule::Price},
          std::pair{layout.low, ValueRule::Price}, std::pair{layout.volume, ValueRule::Volume}}) {
        if (index)
            numbers.push_back({*index, rule});
    }
    return PlainRowPlan(layout, numbers, time ? std::optional(time->index()) : std::nullopt,
                        time ? time->time_of_day_index() : std::nullopt, delimiter, style);
}

// The row that plain_ has read, stored; false (nothing stored) when its time
// is not one the time column reads, which the general path then words.
bool RowReader::add_plain_row(std::size_t n) {
    PriceSeries& s = rows_.bars;
    if (time_) {
        std::int64_t ms = 0;
        if (!time_->read_date_only(plain_row_.time, n, ms)) {
            auto read = time_->read(plain_row_.time, plain_row_.time_of_day, n);
            if (!read)
                return false;
            ms = *read;
        }
        s.time_ms.push_back(ms);
    }
    s.close.push_back(plain_row_.numbers[0]);
    for (std::size_t k = 0; k < columns_.size(); ++k)
        columns_[k].values->push_back(plain_row_.numbers[k + 1]);
    if (layout_.label)
        add_label(plain_row_.label);
    rows_.lines.push_back(n);
    return true;
}

// Yahoo writes holidays as rows whose every value is "null".
bool RowReader::is_null_row() const {
    if (trim(fields_[*layout_.close].text) != kNull)
        return false;
    return std::all_of(columns_.begin(), columns_.end(), [this](const ValueColumn& c) {
        return trim(fields_[c.index].text) == kNull;
    });
}

void RowReader::add_label(std::string_view label) {
    LabelColumn& labels = rows_.bars.labels;
    // Room for every row's label at the first one's length (dates and times
    // have one length), so that the column grows in place.
    if (labels.empty())
        labels.reserve(expected_rows_, expected_rows_ * (label.size() + 1));
    labels.push_back(label);
}

void RowReader::add_ticker(std::string_view ticker) {
    // Rows of one ticker come together: compare with the last one first.
    auto& tickers = rows_.tickers;
    if (tickers.empty() || ticker != tickers[last_ticker_]) {
        const auto found = std::find(tickers.begin(), tickers.end(), ticker);
        last_ticker_ = static_cast<std::uint32_t>(found - tickers.begin());
        if (found == tickers.end())
            tickers.emplace_back(ticker);
    }
    rows_.ticker_of.push_back(last_ticker_);
}

// The general path: a line with quotes, a carriage return or text beyond
// ASCII, checked before it is split.
CsvResult<> RowReader::split_general(std::string_view line, std::size_t n) {
    if (auto is_text = check_is_text(line); !is_text)
        return is_text;
    if (auto shape = check_line_shape(line, n); !shape)
        return shape;
    if (auto split = split_fields(line, delimiter_, fields_); !split)
        return CsvProblem{std::move(split.problem().text), n};
    return {};
}

CsvResult<> RowReader::read(std::string_view line, std::size_t n, const char* text_end) {
    if (plain_.enabled() &&
        plain_.read(line, text_end ? text_end : line.data() + line.size(), plain_row_) &&
        add_plain_row(n))
        return {};
    if (!split_plain_fields(line, delimiter_, fields_)) {
        if (auto split = split_general(line, n); !split)
            return split;
    }
    if (fields_.size() != layout_.field_count()) {
        return CsvProblem{"line has " + std::to_string(fields_.size()) +
                              " fields but the header has " + std::to_string(layout_.field_count()),
                          n};
    }
    if (is_null_row()) {
        if (rows_.null_rows.count++ == 0)
            rows_.null_rows.first_line = n;
        return {};
    }
    PriceSeries& s = rows_.bars;
    if (time_) {
        const std::string_view time_of_day =
            time_->time_of_day_index()
                ? field_value(fields_[*time_->time_of_day_index()], time_of_day_scratch_)
                : std::string_view();
        auto ms = time_->read(field_value(fields_[time_->index()], scratch_), time_of_day, n);
        if (!ms) {
            ms.problem().line = n;
            return std::move(ms.problem());
        }
        s.time_ms.push_back(*ms);
    }

    // Only a quoted close is decoded (into scratch_); the common case parses in place.
    auto close = parse_close(field_value(fields_[*layout_.close], scratch_), style_);
    if (!close)
        return CsvProblem{std::move(close.problem().text), n, layout_.name(*layout_.close)};
    s.close.push_back(*close);

    for (const ValueColumn& column : columns_) {
        const std::string& name = layout_.name(column.index);
        auto value = parse_column_value(field_value(fields_[column.index], scratch_), column.rule,
                                        name, style_);
        if (!value)
            return CsvProblem{std::move(value.problem().text), n, name};
        column.values->push_back(*value);
    }
    if (layout_.label)
        add_label(field_value(fields_[*layout_.label], scratch_));
    if (layout_.ticker)
        add_ticker(field_value(fields_[*layout_.ticker], scratch_));
    rows_.lines.push_back(n);
    return {};
}

}  // namespace atc::detail
