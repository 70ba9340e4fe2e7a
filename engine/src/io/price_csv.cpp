// Strict CSV reader for price series. The text is checked once for binary
// content, then read line by line (csv_tokenizer); the header says which column
// is what (csv_header); each row's values are checked here as they are read, so
// every error names its line; finally the bars are put in time order
// (bar_order).
//
// Errors, one convention for the whole reader (this file, csv_tokenizer,
// csv_header, csv_values, time_parse, bar_order): every step that can refuse
// the file returns a CsvResult (csv_result.hpp), its value or the CsvProblem
// that ends the read, and its caller passes the problem up, adding the line and
// column when the step could not know them. CsvError, the public exception, is
// built in exactly one place, series_or_error() below. read_file, shared with
// the params reader, throws ReadFileError; read_price_file() turns it into a
// CsvProblem at once (utf8 only measures sequences and refuses nothing
// itself). Why results and not a thrown error: the per-field steps
// (a value, a time) are pure functions of their text that know neither the
// file nor the line, so they return what is wrong and the row reader says
// where; on a good row a result costs one test of a flag, and nothing
// allocates until a problem's message is written.

#include "atc/price_csv.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "atc/memory_limits.hpp"
#include "io/bar_order.hpp"
#include "io/csv_header.hpp"
#include "io/csv_result.hpp"
#include "io/csv_tokenizer.hpp"
#include "io/csv_values.hpp"
#include "io/read_file.hpp"
#include "io/time_parse.hpp"
#include "io/utf8.hpp"

namespace atc {

namespace {

std::string format_csv_error(const std::string& source, std::size_t line,
                             const std::string& problem) {
    if (line == 0)
        return source + ": " + problem;
    return source + ":" + std::to_string(line) + ": " + problem;
}

}  // namespace

CsvError::CsvError(std::string source, std::size_t line, std::string problem)
    : CsvError(std::move(source), line, std::string(), std::move(problem)) {}

CsvError::CsvError(std::string source, std::size_t line, std::string column, std::string problem)
    : std::runtime_error(format_csv_error(source, line, problem)),
      source_(std::move(source)),
      line_(line),
      column_(std::move(column)),
      problem_(std::move(problem)) {}

std::string_view time_kind_name(TimeKind kind) {
    switch (kind) {
        case TimeKind::None:
            return "none";
        case TimeKind::Date:
            return "date";
        case TimeKind::DateTime:
            return "datetime";
        case TimeKind::EpochSeconds:
            return "epoch_s";
        case TimeKind::EpochMilliseconds:
            return "epoch_ms";
    }
    return "none";
}

namespace {

using detail::CsvProblem;
using detail::CsvResult;
using detail::RawField;

// An optional numeric column (open, high, low, volume).
struct ValueColumn {
    std::size_t index = 0;
    std::vector<double>* values = nullptr;
    detail::ValueRule rule = detail::ValueRule::Price;
};

// ---------------------------------------------------------------------------
// Time.

constexpr std::string_view kIsoExpected = "(expected YYYY-MM-DD or ISO-8601 date-time)";
constexpr std::string_view kUnixExpected =
    "(expected whole seconds or milliseconds since 1970-01-01 UTC)";

// The time column and how its first value says it is written.
class TimeColumn {
public:
    TimeColumn(std::size_t index, std::string name, detail::TimeShape shape, std::int64_t first)
        : index_(index), name_(std::move(name)), shape_(shape) {
        if (shape_ == detail::TimeShape::UnixDigits)
            milliseconds_ = first >= detail::kUnixMillisecondsFrom;
    }

    std::size_t index() const { return index_; }
    const std::string& name() const { return name_; }

    TimeKind kind() const {
        if (shape_ == detail::TimeShape::UnixDigits)
            return milliseconds_ ? TimeKind::EpochMilliseconds : TimeKind::EpochSeconds;
        return any_time_of_day_ ? TimeKind::DateTime : TimeKind::Date;
    }

    // One row's time in UTC ms. The problem's text names the column; the
    // caller places it on the line.
    CsvResult<std::int64_t> read(std::string_view text, std::size_t line) {
        if (line_of_first_ == 0)
            line_of_first_ = line;
        const bool unix_time = shape_ == detail::TimeShape::UnixDigits;
        if (text.empty()) {
            return CsvProblem{"column \"" + name_ + "\": the field is empty " +
                              std::string(unix_time ? kUnixExpected : kIsoExpected)};
        }
        return unix_time ? read_unix(text) : read_iso(text);
    }

private:
    // "column "NAME": "TEXT"", the start of every message about one value.
    std::string about(std::string_view text) const {
        return "column \"" + name_ + "\": " + detail::quote(text);
    }

    CsvResult<std::int64_t> read_iso(std::string_view text) {
        auto t = detail::parse_iso8601(text);
        if (!t) {
            const bool has_time_part = text.size() > 10;
            std::string message =
                about(text) + " is not a " + (has_time_part ? "date-time" : "date");
            if (const std::string& range = t.problem().text; !range.empty())
                message += ": " + range;
            return CsvProblem{message + " " + std::string(kIsoExpected)};
        }
        any_time_of_day_ = any_time_of_day_ || t->has_time;
        return t->ms;
    }

    CsvResult<std::int64_t> read_unix(std::string_view text) const {
        std::int64_t value = 0;
        if (!detail::parse_unix_digits(text, value))
            return CsvProblem{about(text) + " is not a Unix time " + std::string(kUnixExpected)};
        if (value < detail::kUnixSecondsFrom) {
            return CsvProblem{about(text) +
                              " is too small for a Unix time (times before 1973-03-03 are not "
                              "read)"};
        }
        // The first row fixed the unit; a second unit would shift bars by a
        // factor of 1000 without anyone noticing.
        const bool in_ms = value >= detail::kUnixMillisecondsFrom;
        if (in_ms != milliseconds_) {
            return CsvProblem{about(text) + " is in " + (in_ms ? "milliseconds" : "seconds") +
                              " but the first time (line " + std::to_string(line_of_first_) +
                              ") is in " + (milliseconds_ ? "milliseconds" : "seconds") +
                              "; a file must use one unit"};
        }
        const std::int64_t ms = in_ms ? value : value * detail::kMsPerSecond;
        if (ms > detail::kMaxTimeMs)
            return CsvProblem{about(text) + " is after the year 9999"};
        return ms;
    }

    std::size_t index_;
    std::string name_;
    detail::TimeShape shape_;
    bool milliseconds_ = false;
    bool any_time_of_day_ = false;
    std::size_t line_of_first_ = 0;
};

// Picks the time column from the first data row: the first candidate whose
// value looks like a time. When a candidate exists but none looks like one, the
// bars get no time and the user is told why.
std::optional<TimeColumn> choose_time_column(const detail::HeaderLayout& layout,
                                             const std::vector<RawField>& fields, std::size_t line,
                                             PriceSeries& series) {
    std::string scratch;
    for (const std::size_t i : layout.time_candidates) {
        const std::string_view text = detail::field_value(fields[i], scratch);
        const detail::TimeShape shape = detail::classify_time_text(text);
        if (shape != detail::TimeShape::Other) {
            std::int64_t first = 0;
            if (shape == detail::TimeShape::UnixDigits)
                detail::parse_unix_digits(text, first);
            return TimeColumn(i, layout.names[i], shape, first);
        }
    }
    if (!layout.time_candidates.empty()) {
        const std::size_t i = layout.time_candidates.front();
        series.warnings.push_back(
            "column \"" + layout.names[i] +
            "\" is not read as time: " + detail::quote(detail::field_value(fields[i], scratch)) +
            " on line " + std::to_string(line) +
            " is neither an ISO-8601 date (YYYY-MM-DD) nor a Unix time, so the bars have no "
            "times");
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------
// Bars that contradict themselves. Vendors do ship them (bad ticks, adjusted
// closes next to unadjusted ranges), so they are counted, not refused.

class BarChecks {
public:
    void check(const PriceSeries& s, std::size_t line) {
        const std::size_t i = s.close.size() - 1;
        const bool has_high = !s.high.empty();
        const bool has_low = !s.low.empty();
        if (!has_high && !has_low)
            return;
        const double hi = has_high ? s.high[i] : std::numeric_limits<double>::infinity();
        const double lo = has_low ? s.low[i] : -std::numeric_limits<double>::infinity();
        const auto outside = [lo, hi](double v) { return v < lo || v > hi; };
        if (hi < lo) {
            count(high_below_low_, first_high_below_low_, line);
        } else if (outside(s.close[i]) || (!s.open.empty() && outside(s.open[i]))) {
            count(outside_range_, first_outside_range_, line);
        }
    }

    void add_warnings(PriceSeries& s) const {
        if (high_below_low_ > 0) {
            s.warnings.push_back(bars(high_below_low_) + " a high below the low (first at line " +
                                 std::to_string(first_high_below_low_) +
                                 "); they were kept as they are");
        }
        if (outside_range_ > 0) {
            const char* what = s.open.empty() ? " a close" : " an open or close";
            s.warnings.push_back(
                bars(outside_range_) + what + " outside the low-high range (first at line " +
                std::to_string(first_outside_range_) + "); they were kept as they are");
        }
    }

private:
    static void count(std::size_t& counter, std::size_t& first, std::size_t line) {
        if (counter++ == 0)
            first = line;
    }

    static std::string bars(std::size_t n) {
        return std::to_string(n) + (n == 1 ? " bar has" : " bars have");
    }

    std::size_t high_below_low_ = 0;
    std::size_t first_high_below_low_ = 0;
    std::size_t outside_range_ = 0;
    std::size_t first_outside_range_ = 0;
};

std::size_t estimate_rows(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

// What no price row holds, checked before its fields are: a line too long
// for a row of prices (the reader's own limit, so that a file that is not a
// price table is refused at its line rather than held whole), and a carriage
// return inside the line, which means CR-only line ends (classic Mac OS)
// that would otherwise show up as a puzzling "no close column" or a value
// with an invisible character in it.
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

// The text read whole, plus the bars parsed from it: per row up to six
// doubles, a time, its line number and a label, which for rows of typical
// length comes to about twice the text.
constexpr std::uint64_t kReadBytesPerFileByte = 3;

std::vector<ValueColumn> value_columns(const detail::HeaderLayout& layout, PriceSeries& series) {
    std::vector<ValueColumn> columns;
    const auto add = [&columns](const std::optional<std::size_t>& index, std::vector<double>& dest,
                                detail::ValueRule rule) {
        if (index)
            columns.push_back({*index, &dest, rule});
    };
    add(layout.open_index, series.open, detail::ValueRule::Price);
    add(layout.high_index, series.high, detail::ValueRule::Price);
    add(layout.low_index, series.low, detail::ValueRule::Price);
    add(layout.volume_index, series.volume, detail::ValueRule::Volume);
    return columns;
}

// Reads the data rows one at a time into a series, checking every value as it
// is read so that a problem names its line.
class RowReader {
public:
    RowReader(const detail::HeaderLayout& layout, std::size_t expected_rows)
        : layout_(layout),
          close_name_(layout.names[layout.close_index]),
          expected_rows_(expected_rows),
          columns_(value_columns(layout, series_)) {
        if (layout.label_index)
            series_.label_column = layout.names[*layout.label_index];
        series_.close.reserve(expected_rows);
        if (layout.label_index)
            series_.labels.reserve(expected_rows);
        for (const ValueColumn& column : columns_)
            column.values->reserve(expected_rows);
        fields_.reserve(layout.field_count());
    }
    // columns_ points into series_.
    RowReader(const RowReader&) = delete;
    RowReader& operator=(const RowReader&) = delete;

    // Adds the bar of `line`, line number `n` of the file.
    CsvResult<> read(std::string_view line, std::size_t n) {
        if (auto shape = check_line_shape(line, n); !shape)
            return shape;
        if (auto split = detail::split_fields(line, layout_.delimiter, fields_); !split)
            return CsvProblem{std::move(split.problem().text), n};
        if (fields_.size() != layout_.field_count()) {
            return CsvProblem{"line has " + std::to_string(fields_.size()) +
                                  " fields but the header has " +
                                  std::to_string(layout_.field_count()),
                              n};
        }
        if (series_.close.empty()) {
            time_ = choose_time_column(layout_, fields_, n, series_);
            if (time_)
                time_lines_.reserve(expected_rows_);
        }
        if (time_) {
            auto ms = time_->read(detail::field_value(fields_[time_->index()], scratch_), n);
            if (!ms)
                return CsvProblem{std::move(ms.problem().text), n, time_->name()};
            series_.time_ms.push_back(*ms);
            time_lines_.push_back(n);
        }

        const RawField& close_field = fields_[layout_.close_index];
        // Only a quoted close needs a decoded copy; the common case parses in place.
        auto close = close_field.quoted ? detail::parse_close(detail::decode(close_field))
                                        : detail::parse_close(close_field.text);
        if (!close)
            return CsvProblem{std::move(close.problem().text), n, close_name_};
        series_.close.push_back(*close);

        for (const ValueColumn& column : columns_) {
            const std::string& name = layout_.names[column.index];
            auto value = detail::parse_column_value(
                detail::field_value(fields_[column.index], scratch_), column.rule, name);
            if (!value)
                return CsvProblem{std::move(value.problem().text), n, name};
            column.values->push_back(*value);
        }
        if (layout_.label_index)
            series_.labels.push_back(detail::decode(fields_[*layout_.label_index]));
        checks_.check(series_, n);
        return {};
    }

    // The series once every row is read: in time order, with its warnings.
    CsvResult<PriceSeries> finish() {
        if (series_.close.empty())
            return CsvProblem{"no price rows: the file has a header but no data"};
        if (time_) {
            series_.time_column = time_->name();
            series_.time_kind = time_->kind();
            if (auto order = detail::put_in_time_order(series_, time_lines_); !order)
                return std::move(order.problem());
        }
        checks_.add_warnings(series_);
        return std::move(series_);
    }

private:
    const detail::HeaderLayout& layout_;
    const std::string& close_name_;
    std::size_t expected_rows_;
    PriceSeries series_;
    std::vector<ValueColumn> columns_;
    std::optional<TimeColumn> time_;
    std::vector<std::size_t> time_lines_;  // file line of each bar, for messages after sorting
    BarChecks checks_;
    std::vector<RawField> fields_;
    std::string scratch_;
};

CsvResult<PriceSeries> read_series(std::string_view text) {
    if (text.starts_with(detail::kUtf8Bom))
        text.remove_prefix(detail::kUtf8Bom.size());
    if (auto is_text = detail::check_is_text(text); !is_text)
        return std::move(is_text.problem());

    detail::LineReader lines(text);
    const auto header_line = lines.next();
    if (!header_line)
        return CsvProblem{"no price rows: the file is empty"};
    if (auto shape = check_line_shape(*header_line, lines.line_number()); !shape)
        return std::move(shape.problem());
    auto header = detail::read_header(*header_line, lines.line_number());
    if (!header)
        return std::move(header.problem());

    RowReader rows(*header, estimate_rows(text));
    while (const auto line = lines.next()) {
        if (auto row = rows.read(*line, lines.line_number()); !row)
            return std::move(row.problem());
    }
    return rows.finish();
}

CsvResult<PriceSeries> read_price_file(const std::filesystem::path& file) {
    std::error_code size_error;
    const std::uint64_t size = std::filesystem::file_size(file, size_error);
    if (!size_error) {
        if (auto shortfall = memory_shortfall("reading this " + format_bytes(size) + " file",
                                              size * kReadBytesPerFileByte))
            return CsvProblem{std::move(*shortfall)};
    }
    std::string text;
    try {
        text = detail::read_file(file);
    } catch (const detail::ReadFileError& e) {
        return CsvProblem{e.problem()};
    }
    return read_series(text);
}

// The one place where the reader's problem becomes the public CsvError.
PriceSeries series_or_error(CsvResult<PriceSeries> result, const std::string& source) {
    if (!result) {
        CsvProblem& problem = result.problem();
        throw CsvError(source, problem.line, std::move(problem.column), std::move(problem.text));
    }
    return std::move(*result);
}

}  // namespace

PriceSeries parse_price_csv(std::string_view text, std::string_view source) {
    return series_or_error(read_series(text), std::string(source));
}

PriceSeries read_price_csv(const std::filesystem::path& file) {
    return series_or_error(read_price_file(file), file.string());
}

}  // namespace atc
