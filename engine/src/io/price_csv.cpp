// Strict CSV reader for price series. The text is checked once for binary
// content, then read line by line (csv_tokenizer); the header says which column
// is what (csv_header); each row's values are checked here as they are read, so
// every error names its line; finally the bars are put in time order
// (bar_order).

#include "atc/price_csv.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <system_error>

#include "atc/memory_limits.hpp"
#include "io/bar_order.hpp"
#include "io/csv_header.hpp"
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

    // One row's time in UTC ms; the problem (naming the column), or empty.
    std::string read(std::string_view text, std::size_t line, std::int64_t& ms) {
        if (line_of_first_ == 0)
            line_of_first_ = line;
        const bool unix_time = shape_ == detail::TimeShape::UnixDigits;
        if (text.empty()) {
            return "column \"" + name_ + "\": the field is empty " +
                   std::string(unix_time ? kUnixExpected : kIsoExpected);
        }
        return unix_time ? read_unix(text, ms) : read_iso(text, ms);
    }

private:
    // "column "NAME": "TEXT"", the start of every message about one value.
    std::string about(std::string_view text) const {
        return "column \"" + name_ + "\": " + detail::quote(text);
    }

    std::string read_iso(std::string_view text, std::int64_t& ms) {
        const detail::IsoTime t = detail::parse_iso8601(text);
        if (!t.ok) {
            const bool has_time_part = text.size() > 10;
            std::string message =
                about(text) + " is not a " + (has_time_part ? "date-time" : "date");
            if (!t.problem.empty())
                message += ": " + t.problem;
            return message + " " + std::string(kIsoExpected);
        }
        any_time_of_day_ = any_time_of_day_ || t.has_time;
        ms = t.ms;
        return {};
    }

    std::string read_unix(std::string_view text, std::int64_t& ms) const {
        std::int64_t value = 0;
        if (!detail::parse_unix_digits(text, value))
            return about(text) + " is not a Unix time " + std::string(kUnixExpected);
        if (value < detail::kUnixSecondsFrom) {
            return about(text) +
                   " is too small for a Unix time (times before 1973-03-03 are not read)";
        }
        // The first row fixed the unit; a second unit would shift bars by a
        // factor of 1000 without anyone noticing.
        const bool in_ms = value >= detail::kUnixMillisecondsFrom;
        if (in_ms != milliseconds_) {
            return about(text) + " is in " + (in_ms ? "milliseconds" : "seconds") +
                   " but the first time (line " + std::to_string(line_of_first_) + ") is in " +
                   (milliseconds_ ? "milliseconds" : "seconds") + "; a file must use one unit";
        }
        ms = in_ms ? value : value * detail::kMsPerSecond;
        if (ms > detail::kMaxTimeMs)
            return about(text) + " is after the year 9999";
        return {};
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
void check_line_shape(std::string_view line, std::size_t number, const std::string& source) {
    if (line.size() > kMaxCsvLineBytes) {
        throw CsvError(source, number,
                       "the line is " + format_bytes(line.size()) +
                           " long; a row of prices is at most " + format_bytes(kMaxCsvLineBytes) +
                           " (is this a price file?)");
    }
    if (line.find('\r') != std::string_view::npos) {
        throw CsvError(source, number,
                       "the line holds a carriage return (CR) inside it: the file has CR-only "
                       "line ends (classic Mac OS); save it with LF or CRLF line ends");
    }
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

}  // namespace

PriceSeries parse_price_csv(std::string_view text, std::string_view source_view) {
    const std::string source(source_view);
    if (text.starts_with(detail::kUtf8Bom))
        text.remove_prefix(detail::kUtf8Bom.size());
    detail::reject_binary(text, source);

    detail::LineReader lines(text);
    const auto header_line = lines.next();
    if (!header_line)
        throw CsvError(source, 0, "no price rows: the file is empty");
    check_line_shape(*header_line, lines.line_number(), source);
    const detail::HeaderLayout layout =
        detail::read_header(*header_line, lines.line_number(), source);
    const std::string& close_name = layout.names[layout.close_index];

    PriceSeries series;
    if (layout.label_index)
        series.label_column = layout.names[*layout.label_index];
    const std::vector<ValueColumn> columns = value_columns(layout, series);
    const std::size_t expected_rows = estimate_rows(text);
    series.close.reserve(expected_rows);
    if (layout.label_index)
        series.labels.reserve(expected_rows);
    for (const ValueColumn& column : columns)
        column.values->reserve(expected_rows);

    std::optional<TimeColumn> time;
    std::vector<std::size_t> time_lines;  // file line of each bar, for messages after sorting
    BarChecks checks;
    std::vector<RawField> fields;
    fields.reserve(layout.field_count());
    std::string scratch;
    while (const auto line = lines.next()) {
        const std::size_t n = lines.line_number();
        check_line_shape(*line, n, source);
        if (auto error = detail::split_fields(*line, layout.delimiter, fields); !error.empty()) {
            throw CsvError(source, n, error);
        }
        if (fields.size() != layout.field_count()) {
            throw CsvError(source, n,
                           "line has " + std::to_string(fields.size()) +
                               " fields but the header has " +
                               std::to_string(layout.field_count()));
        }
        if (series.close.empty()) {
            time = choose_time_column(layout, fields, n, series);
            if (time)
                time_lines.reserve(expected_rows);
        }
        if (time) {
            std::int64_t ms = 0;
            const std::string error =
                time->read(detail::field_value(fields[time->index()], scratch), n, ms);
            if (!error.empty())
                throw CsvError(source, n, time->name(), error);
            series.time_ms.push_back(ms);
            time_lines.push_back(n);
        }

        double value = 0.0;
        const RawField& close_field = fields[layout.close_index];
        // Only a quoted close needs a decoded copy; the common case parses in place.
        const std::string error = close_field.quoted
                                      ? detail::parse_close(detail::decode(close_field), value)
                                      : detail::parse_close(close_field.text, value);
        if (!error.empty())
            throw CsvError(source, n, close_name, error);
        series.close.push_back(value);

        for (const ValueColumn& column : columns) {
            const std::string& name = layout.names[column.index];
            const std::string_view field = detail::field_value(fields[column.index], scratch);
            if (auto problem = detail::parse_column_value(field, column.rule, name, value);
                !problem.empty())
                throw CsvError(source, n, name, problem);
            column.values->push_back(value);
        }
        if (layout.label_index)
            series.labels.push_back(detail::decode(fields[*layout.label_index]));
        checks.check(series, n);
    }
    if (series.close.empty())
        throw CsvError(source, 0, "no price rows: the file has a header but no data");

    if (time) {
        series.time_column = time->name();
        series.time_kind = time->kind();
        detail::put_in_time_order(series, time_lines, source);
    }
    checks.add_warnings(series);
    return series;
}

PriceSeries read_price_csv(const std::filesystem::path& file) {
    std::error_code size_error;
    const std::uint64_t size = std::filesystem::file_size(file, size_error);
    if (!size_error) {
        if (auto shortfall = memory_shortfall("reading this " + format_bytes(size) + " file",
                                              size * kReadBytesPerFileByte))
            throw CsvError(file.string(), 0, *shortfall);
    }
    std::string text;
    try {
        text = detail::read_file(file);
    } catch (const detail::ReadFileError& e) {
        throw CsvError(e.path(), 0, e.problem());
    }
    return parse_price_csv(text, file.string());
}

}  // namespace atc
