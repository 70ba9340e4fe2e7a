// SPDX-License-Identifier: GPL-3.0-or-later
// The import detector: reads a price file in steps, each deciding one thing
// from the content and recording it in ImportDetection (price_import.hpp
// lists them). Every step returns a CsvResult (csv_result.hpp); the public
// CsvError is built in one place, prices_or_error() below.

#include "atc/price_import.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "atc/memory_limits.hpp"
#include "atc/timeframe.hpp"
#include "io/bar_checks.hpp"
#include "io/bar_order.hpp"
#include "io/column_roles.hpp"
#include "io/csv_dialect.hpp"
#include "io/csv_result.hpp"
#include "io/csv_tokenizer.hpp"
#include "io/date_order.hpp"
#include "io/known_formats.hpp"
#include "io/read_file.hpp"
#include "io/row_reader.hpp"
#include "io/text_encoding.hpp"
#include "io/time_column.hpp"
#include "io/time_zone.hpp"

namespace atc {

namespace {

using detail::CsvProblem;
using detail::CsvResult;

// The text read whole, plus the bars parsed from it: per row up to six
// doubles, a time, its line number and a label, which for rows of typical
// length comes to about twice the text.
constexpr std::uint64_t kReadBytesPerFileByte = 3;

// The first lines of the text, for the steps that decide from a sample.
struct Sample {
    std::vector<std::string_view> lines;
    std::vector<std::size_t> numbers;  // their 1-based line numbers
};

CsvResult<Sample> sample_lines(std::string_view text) {
    Sample sample;
    detail::LineReader lines(text);
    while (sample.lines.size() < detail::kDialectSampleLines) {
        const auto line = lines.next();
        if (!line)
            break;
        if (auto shape = detail::check_line_shape(*line, lines.line_number()); !shape)
            return std::move(shape.problem());
        sample.lines.push_back(*line);
        sample.numbers.push_back(lines.line_number());
    }
    if (sample.lines.empty())
        return CsvProblem{"no price rows: the file is empty"};
    return sample;
}

CsvResult<std::vector<std::string>> decoded_fields(std::string_view line, char delimiter,
                                                   std::size_t number, const char* what) {
    std::vector<detail::RawField> raw;
    if (auto split = detail::split_fields(line, delimiter, raw); !split)
        return CsvProblem{what + split.problem().text, number};
    std::vector<std::string> fields;
    fields.reserve(raw.size());
    for (const auto& field : raw)
        fields.push_back(detail::decode(field));
    return fields;
}

// The header: how many rows, what each column is, what export it looks like.
struct Header {
    std::size_t rows = 0;
    detail::ColumnLayout layout;
    std::string format;
};

CsvResult<Header> read_header(const Sample& sample, char delimiter, const ImportOptions& options) {
    // A first line with broken quoting is taken for a header: its problems
    // read "header: ...".
    auto first = decoded_fields(sample.lines[0], delimiter, sample.numbers[0], "header: ");
    if (!first)
        return std::move(first.problem());
    Header header;
    if (detail::is_data_row(*first)) {
        if (auto known = detail::headerless_layout(*first)) {
            header.layout = std::move(known->layout);
            header.format = known->format;
        } else if (!options.columns.empty()) {
            for (std::size_t i = 0; i < first->size(); ++i)
                header.layout.names.push_back(detail::numbered_column_name(i));
            header.format = "headerless, columns as given";
        } else {
            return CsvProblem{detail::unknown_headerless_layout(first->size()), sample.numbers[0]};
        }
        return header;
    }
    std::vector<std::string> names = std::move(*first);
    header.rows = 1;
    if (sample.lines.size() >= 3) {
        auto second = decoded_fields(sample.lines[1], delimiter, sample.numbers[1], "header: ");
        auto third = decoded_fields(sample.lines[2], delimiter, sample.numbers[2], "header: ");
        if (second && third) {
            if (auto yfinance = detail::yfinance_header(names, *second, *third)) {
                names = std::move(*yfinance);
                header.rows = 3;
                header.format = "yfinance (three header rows)";
            }
        }
    }
    if (header.format.empty()) {
        std::vector<std::string> normalized;
        for (const auto& name : names)
            normalized.push_back(detail::normalize_column_name(name));
        header.format = detail::format_of_header(normalized);
    }
    auto layout = detail::layout_from_names(std::move(names), sample.numbers[0]);
    if (!layout)
        return std::move(layout.problem());
    header.layout = std::move(*layout);
    return header;
}

// The values of the price and volume columns in the sample's data rows.
std::vector<std::string> sample_values(const Sample& sample, std::size_t header_rows,
                                       const detail::ColumnLayout& layout, char delimiter) {
    std::vector<std::string> values;
    std::vector<detail::RawField> fields;
    for (std::size_t i = header_rows; i < sample.lines.size(); ++i) {
        if (!detail::split_fields(sample.lines[i], delimiter, fields) ||
            fields.size() != layout.field_count()) {
            continue;
        }
        for (const auto& index :
             {layout.open, layout.high, layout.low, layout.close, layout.volume}) {
            if (index)
                values.push_back(detail::decode(fields[*index]));
        }
    }
    return values;
}

// Every value of column `column` with its line: for slashed dates, whose
// order only the whole file can tell.
std::vector<detail::TimeText> column_texts(std::string_view text, std::size_t header_rows,
                                           std::size_t column, char delimiter) {
    std::vector<detail::TimeText> values;
    detail::LineReader lines(text);
    std::vector<detail::RawField> fields;
    std::size_t skipped = 0;
    while (const auto line = lines.next()) {
        if (skipped < header_rows) {
            ++skipped;
            continue;
        }
        if (detail::split_fields(*line, delimiter, fields) && column < fields.size())
            values.push_back({detail::decode(fields[column]), lines.line_number()});
    }
    return values;
}

// Drops the roles of optional columns (time, open, high, low, volume) that are
// empty on every row: a spreadsheet's unused column, or `atc export` of a
// series that had no times or no volume. Only a column empty on the first row
// is looked at further (one more pass over the file, in that rare case); one
// empty on some rows only is left to the row reader, which refuses it.
void drop_empty_columns(detail::ColumnLayout& layout, std::string_view text,
                        std::size_t header_rows, char delimiter,
                        const std::vector<std::string>& first_row) {
    std::vector<std::size_t> suspects;  // empty on the first row
    const auto suspect = [&](std::size_t column) {
        if (detail::trim(first_row[column]).empty() &&
            std::find(suspects.begin(), suspects.end(), column) == suspects.end())
            suspects.push_back(column);
    };
    for (const auto* role : {&layout.time, &layout.time_of_day, &layout.open, &layout.high,
                             &layout.low, &layout.volume}) {
        if (*role)
            suspect(**role);
    }
    for (const std::size_t column : layout.time_candidates)
        suspect(column);
    if (suspects.empty())
        return;

    // One pass for all of them, ending as soon as each has shown a value.
    detail::LineReader lines(text);
    std::vector<detail::RawField> fields;
    std::size_t skipped = 0;
    while (!suspects.empty()) {
        const auto line = lines.next();
        if (!line)
            break;
        if (skipped < header_rows) {
            ++skipped;
            continue;
        }
        if (!detail::split_fields(*line, delimiter, fields))
            continue;  // the row reader names that line
        std::erase_if(suspects, [&](std::size_t column) {
            return column < fields.size() && !detail::trim(detail::decode(fields[column])).empty();
        });
    }
    const auto empty = [&](std::size_t column) {
        return std::find(suspects.begin(), suspects.end(), column) != suspects.end();
    };
    if (layout.label && empty(*layout.label))
        layout.label.reset();  // labels of nothing would only hide the bar numbers
    for (auto* role : {&layout.time, &layout.time_of_day, &layout.open, &layout.high, &layout.low,
                       &layout.volume}) {
        if (*role && empty(**role))
            role->reset();
    }
    std::erase_if(layout.time_candidates, empty);
}

// How many rows to reserve for: the text's size over the sample's mean line
// length, with a margin (counting the line ends would be another pass over
// the whole text).
std::size_t estimate_rows(std::string_view text, const Sample& sample) {
    std::size_t sampled = 0;
    for (const std::string_view line : sample.lines)
        sampled += line.size() + 1;
    return text.size() / std::max<std::size_t>(1, sampled / sample.lines.size()) * 11 / 10 + 16;
}

// The file's rows, split by ticker when it has a ticker column.
std::vector<NamedSeries> split_by_ticker(detail::FileRows& rows,
                                         std::vector<std::vector<std::size_t>>& lines) {
    std::vector<NamedSeries> series;
    if (rows.tickers.size() <= 1) {
        series.push_back(
            {rows.tickers.empty() ? std::string() : rows.tickers.front(), std::move(rows.bars)});
        lines.push_back(std::move(rows.lines));
        return series;
    }
    const PriceSeries& all = rows.bars;
    series.resize(rows.tickers.size());
    lines.resize(rows.tickers.size());
    for (std::size_t t = 0; t < rows.tickers.size(); ++t) {
        series[t].name = rows.tickers[t];
        series[t].bars.label_column = all.label_column;
        series[t].bars.time_column = all.time_column;
    }
    const auto copy = [](const std::vector<double>& from, std::vector<double>& to, std::size_t i) {
        if (!from.empty())
            to.push_back(from[i]);
    };
    for (std::size_t i = 0; i < all.close.size(); ++i) {
        PriceSeries& s = series[rows.ticker_of[i]].bars;
        copy(all.close, s.close, i);
        copy(all.open, s.open, i);
        copy(all.high, s.high, i);
        copy(all.low, s.low, i);
        copy(all.volume, s.volume, i);
        if (!all.time_ms.empty())
            s.time_ms.push_back(all.time_ms[i]);
        if (!all.labels.empty())
            s.labels.push_back(all.labels[i]);
        lines[rows.ticker_of[i]].push_back(rows.lines[i]);
    }
    return series;
}

void summarize(ImportedPrices& out, const detail::FileRows& rows, const SkippedRows& repeats) {
    ImportDetection& d = out.detection;
    for (const NamedSeries& s : out.series) {
        d.bar_count += s.bars.close.size();
        if (!s.bars.time_ms.empty()) {
            const std::int64_t first = s.bars.time_ms.front();
            const std::int64_t last = s.bars.time_ms.back();
            d.first_time_ms = d.first_time_ms ? std::min(*d.first_time_ms, first) : first;
            d.last_time_ms = d.last_time_ms ? std::max(*d.last_time_ms, last) : last;
        }
    }
    d.timeframe = infer_timeframe(out.series.front().bars.time_ms);
    for (const SkippedRows* skipped : {&rows.null_rows, &repeats}) {
        if (skipped->count > 0)
            d.skipped.push_back(*skipped);
    }
    if (rows.tickers.size() > 1)
        d.tickers = rows.tickers;
}

// Everything after decoding. The text is checked for binary data only where
// it is read: the header rows here, each data row by the row reader (in the
// same pass that splits it); read_prices checks the rest when this fails.
CsvResult<ImportedPrices> read_text_prices(std::string_view text, const ImportOptions& options) {
    ImportedPrices out;
    ImportDetection& d = out.detection;

    auto sample = sample_lines(text);
    if (!sample)
        return std::move(sample.problem());
    d.delimiter = options.delimiter ? *options.delimiter : detail::detect_delimiter(sample->lines);

    auto header = read_header(*sample, d.delimiter, options);
    if (!header)
        return std::move(header.problem());
    detail::ColumnLayout& layout = header->layout;
    d.format = header->format;
    d.header_rows = header->rows;
    d.column_headers = layout.names;
    if (auto chosen = detail::apply_column_choices(layout, options.columns); !chosen)
        return std::move(chosen.problem());
    if (auto close = detail::check_roles(layout, sample->numbers[0]); !close)
        return std::move(close.problem());
    if (sample->lines.size() <= header->rows)
        return CsvProblem{"no price rows: the file has a header but no data"};
    const std::size_t first_line = sample->numbers[header->rows];

    const detail::NumberStyle style =
        detail::detect_number_style(sample_values(*sample, header->rows, layout, d.delimiter),
                                    d.delimiter, d.thousands_separator);
    d.decimal_separator = style.decimal;

    auto zone = detail::LocalZone::find(options.timezone);
    if (!zone)
        return std::move(zone.problem());
    auto first_row = decoded_fields(sample->lines[header->rows], d.delimiter, first_line, "");
    if (!first_row)
        return std::move(first_row.problem());
    if (first_row->size() != layout.field_count()) {
        return CsvProblem{"line has " + std::to_string(first_row->size()) +
                              " fields but the header has " + std::to_string(layout.field_count()),
                          first_line};
    }
    drop_empty_columns(layout, text, header->rows, d.delimiter, *first_row);
    auto time = detail::choose_time_column(layout, *first_row, first_line, *zone);
    if (!time)
        return std::move(time.problem());
    if (*time && (*time)->format().date == detail::DateShape::SlashEither &&
        !(*time)->format().epoch) {
        auto order = detail::decide_date_order(
            column_texts(text, header->rows, (*time)->index(), d.delimiter), options.date_order,
            (*time)->name());
        if (!order)
            return std::move(order.problem());
        (*time)->set_date_shape(*order);
        d.date_order = *order == detail::DateShape::SlashDmy ? DateOrder::DayMonthYear
                                                             : DateOrder::MonthDayYear;
    }
    d.timezone = zone->name();

    detail::RowReader reader(layout, d.delimiter, style, std::move(*time),
                             estimate_rows(text, *sample));
    detail::LineReader lines(text);
    for (std::size_t skipped = 0; skipped < header->rows; ++skipped)
        lines.next();
    if (auto head = detail::check_is_text(text.substr(0, lines.position())); !head)
        return std::move(head.problem());
    while (const auto line = lines.next()) {
        if (auto row = reader.read(*line, lines.line_number(), text.data() + text.size()); !row)
            return std::move(row.problem());
    }
    detail::FileRows& rows = reader.rows();
    if (rows.bars.close.empty())
        return CsvProblem{"no price rows: the file has a header but no data"};
    if (options.symbol && rows.tickers.size() > 1) {
        return CsvProblem{"--symbol names one symbol but the file holds " +
                          std::to_string(rows.tickers.size()) +
                          " tickers; import it without --symbol to name each by its ticker"};
    }
    if (reader.time()) {
        rows.bars.time_kind = reader.time()->kind();
        d.time_format = reader.time()->description();
    }
    d.columns = detail::detected_columns(layout);

    std::vector<std::vector<std::size_t>> lines_of;
    out.series = split_by_ticker(rows, lines_of);
    SkippedRows repeats{"an exact repeat of an earlier row"};
    for (std::size_t i = 0; i < out.series.size(); ++i) {
        PriceSeries& bars = out.series[i].bars;
        bars.time_kind = rows.bars.time_kind;
        if (reader.time()) {
            if (auto order = detail::put_in_time_order(bars, lines_of[i], repeats); !order)
                return std::move(order.problem());
        }
        detail::warn_about_inconsistent_bars(bars, lines_of[i]);
        if (options.symbol)
            out.series[i].name = *options.symbol;
    }
    summarize(out, rows, repeats);
    // With one series, what was skipped is said with its warnings too.
    if (out.series.size() == 1) {
        for (const SkippedRows& skipped : d.skipped)
            out.series.front().bars.warnings.push_back(describe_skipped(skipped));
    }
    return out;
}

CsvResult<ImportedPrices> read_prices(std::string_view bytes, const ImportOptions& options) {
    auto decoded = detail::decode_text(bytes);
    if (!decoded)
        return std::move(decoded.problem());
    auto prices = read_text_prices(decoded->text(), options);
    if (!prices) {
        // Binary data anywhere is the problem shown, before anything a step
        // found in the text read so far (a spreadsheet is "not a text file",
        // not a file with a strange header).
        if (auto is_text = detail::check_is_text(decoded->text()); !is_text)
            return std::move(is_text.problem());
        return prices;
    }
    prices->detection.encoding = decoded->encoding;
    return prices;
}

CsvResult<ImportedPrices> read_price_file(const std::filesystem::path& file,
                                          const ImportOptions& options) {
    std::error_code size_error;
    const std::uint64_t size = std::filesystem::file_size(file, size_error);
    if (!size_error) {
        if (auto shortfall = memory_shortfall("reading this " + format_bytes(size) + " file",
                                              size * kReadBytesPerFileByte))
            return CsvProblem{std::move(*shortfall)};
    }
    try {
        const detail::FileBytes file_bytes(file);
        return read_prices(file_bytes.bytes(), options);
    } catch (const detail::ReadFileError& e) {
        return CsvProblem{e.problem()};
    }
}

// The one place where the reader's problem becomes the public CsvError.
ImportedPrices prices_or_error(CsvResult<ImportedPrices> result, const std::string& source) {
    if (!result) {
        CsvProblem& problem = result.problem();
        throw CsvError(source, problem.line, std::move(problem.column), std::move(problem.text));
    }
    return std::move(*result);
}

}  // namespace

std::string describe_skipped(const SkippedRows& skipped) {
    return std::to_string(skipped.count) + (skipped.count == 1 ? " row was" : " rows were") +
           " skipped: " + skipped.reason + " (first at line " + std::to_string(skipped.first_line) +
           ")";
}

ImportedPrices import_price_text(std::string_view bytes, std::string_view source,
                                 const ImportOptions& options) {
    return prices_or_error(read_prices(bytes, options), std::string(source));
}

ImportedPrices import_price_file(const std::filesystem::path& file, const ImportOptions& options) {
    return prices_or_error(read_price_file(file, options), file.string());
}

ImportDetection detect_price_file(const std::filesystem::path& file, const ImportOptions& options) {
    return import_price_file(file, options).detection;
}

}  // namespace atc
