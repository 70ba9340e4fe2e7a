// Strict CSV reader for price series. The text is checked once for binary
// content, then read line by line: each physical line is one record (a quoted
// field may not span lines, so every error points at the line that has it).

#include "atc/price_csv.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <system_error>

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
    : std::runtime_error(format_csv_error(source, line, problem)),
      source_(std::move(source)),
      line_(line),
      problem_(std::move(problem)) {}

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Header names that identify the column holding each bar's date or index.
constexpr std::array<std::string_view, 7> kLabelNames = {"date", "time",  "datetime", "timestamp",
                                                         "bar",  "index", "year"};

bool is_blank_char(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_blank_char(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_blank_char(s.back()))
        s.remove_suffix(1);
    return s;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) {
            return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        };
        if (lower(a[i]) != lower(b[i]))
            return false;
    }
    return true;
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is invalid
// (bad lead byte, truncated, overlong, surrogate or beyond U+10FFFF).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = byte(i);
    std::size_t len = 0;
    unsigned char lo = 0x80;  // allowed range of the second byte
    unsigned char hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        len = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        len = 3;
        if (lead == 0xE0)
            lo = 0xA0;  // overlong
        if (lead == 0xED)
            hi = 0x9F;  // UTF-16 surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        len = 4;
        if (lead == 0xF0)
            lo = 0x90;  // overlong
        if (lead == 0xF4)
            hi = 0x8F;  // beyond U+10FFFF
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < len; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF)
            return 0;
    }
    return len;
}

// Refuses anything that is not UTF-8 text before parsing starts, so that a
// spreadsheet or zip file gets "not a text file" instead of a confusing
// complaint about its "header".
void reject_binary(std::string_view text, const std::string& source) {
    if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) {
        throw CsvError(source, 0, "the file is UTF-16 text; save it as UTF-8 (or plain CSV)");
    }
    std::size_t line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            ++i;
        } else if (c == 0) {
            break;
        } else if (c < 0x80) {
            ++i;
        } else {
            const std::size_t len = utf8_sequence_length(text, i);
            if (len == 0)
                break;
            i += len;
        }
    }
    if (i < text.size()) {
        throw CsvError(source, 0,
                       "not a text file (binary data at line " + std::to_string(line) + ")");
    }
}

// One field of a record: its text as it appears in the line (quotes included)
// and whether it was quoted. Decoding is deferred to the few fields we use.
struct RawField {
    std::string_view text;
    bool quoted = false;
};

// Splits one line into fields (RFC 4180 quoting; spaces around a quoted field
// are tolerated). Returns an error text for broken quoting, or empty.
std::string split_fields(std::string_view line, char delimiter, std::vector<RawField>& fields) {
    fields.clear();
    const auto is_padding = [delimiter](char c) { return c != delimiter && is_blank_char(c); };
    std::size_t i = 0;
    while (true) {
        std::size_t start = i;
        while (start < line.size() && is_padding(line[start]))
            ++start;
        if (start < line.size() && line[start] == '"') {
            std::size_t j = start + 1;
            while (true) {
                const std::size_t quote = line.find('"', j);
                if (quote == std::string_view::npos) {
                    return "broken quoting: a quoted field is not closed on this line";
                }
                if (quote + 1 < line.size() && line[quote + 1] == '"') {
                    j = quote + 2;  // a doubled quote stands for one quote
                    continue;
                }
                j = quote + 1;
                break;
            }
            const std::size_t end = j;
            while (j < line.size() && is_padding(line[j]))
                ++j;
            if (j < line.size() && line[j] != delimiter) {
                return "broken quoting: unexpected text after a closing quote";
            }
            fields.push_back({line.substr(start, end - start), true});
            if (j >= line.size())
                return {};
            i = j + 1;
        } else {
            const std::size_t next = line.find(delimiter, i);
            const std::size_t end = next == std::string_view::npos ? line.size() : next;
            const std::string_view text = line.substr(i, end - i);
            if (text.find('"') != std::string_view::npos) {
                return "broken quoting: a quote inside an unquoted field";
            }
            fields.push_back({text, false});
            if (next == std::string_view::npos)
                return {};
            i = next + 1;
        }
    }
}

// The field's value: unquoted fields trimmed, quoted ones unescaped.
std::string decode(const RawField& field) {
    if (!field.quoted)
        return std::string(trim(field.text));
    const std::string_view inner = field.text.substr(1, field.text.size() - 2);
    std::string out;
    out.reserve(inner.size());
    for (std::size_t i = 0; i < inner.size(); ++i) {
        out.push_back(inner[i]);
        if (inner[i] == '"')
            ++i;  // skip the second quote of a doubled pair
    }
    return out;
}

// The header decides the delimiter: the first ',', ';' or TAB outside quotes.
char detect_delimiter(std::string_view header) {
    bool in_quotes = false;
    for (const char c : header) {
        if (c == '"')
            in_quotes = !in_quotes;
        if (!in_quotes && (c == ',' || c == ';' || c == '\t'))
            return c;
    }
    return ',';  // a single column; any delimiter in a data row is then an error
}

// Splits the text into physical lines, tracking 1-based line numbers.
class LineReader {
public:
    explicit LineReader(std::string_view text) : text_(text) {}

    // Next non-blank line with its CR stripped; nullopt at the end.
    std::optional<std::string_view> next() {
        while (pos_ < text_.size()) {
            const std::size_t nl = text_.find('\n', pos_);
            const std::size_t end = nl == std::string_view::npos ? text_.size() : nl;
            std::string_view line = text_.substr(pos_, end - pos_);
            pos_ = nl == std::string_view::npos ? text_.size() : nl + 1;
            ++line_number_;
            if (line.ends_with('\r'))
                line.remove_suffix(1);
            if (!trim(line).empty())
                return line;
        }
        return std::nullopt;
    }

    std::size_t line_number() const { return line_number_; }

private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t line_number_ = 0;
};

struct HeaderLayout {
    char delimiter = ',';
    std::size_t field_count = 0;
    std::size_t close_index = 0;
    std::optional<std::size_t> label_index;
    std::string label_column;
};

std::string list_columns(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& name : names) {
        if (!out.empty())
            out += ", ";
        out += '"' + name + '"';
    }
    return out;
}

HeaderLayout read_header(std::string_view line, std::size_t line_number,
                         const std::string& source) {
    HeaderLayout layout;
    layout.delimiter = detect_delimiter(line);
    std::vector<RawField> raw;
    if (auto error = split_fields(line, layout.delimiter, raw); !error.empty()) {
        throw CsvError(source, line_number, "header: " + error);
    }
    std::vector<std::string> names;
    for (const auto& field : raw)
        names.push_back(decode(field));
    layout.field_count = names.size();

    std::optional<std::size_t> close;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (equals_ignoring_case(names[i], "close")) {
            if (close) {
                throw CsvError(source, line_number,
                               "the header has two columns named close (columns " +
                                   std::to_string(*close + 1) + " and " + std::to_string(i + 1) +
                                   ")");
            }
            close = i;
        }
    }
    if (!close) {
        throw CsvError(
            source, line_number,
            "no column named close in the header (columns found: " + list_columns(names) + ")");
    }
    layout.close_index = *close;

    for (std::size_t i = 0; i < names.size() && !layout.label_index; ++i) {
        for (const auto label : kLabelNames) {
            if (equals_ignoring_case(names[i], label)) {
                layout.label_index = i;
                layout.label_column = names[i];
                break;
            }
        }
    }
    return layout;
}

bool looks_like_decimal_comma(std::string_view s) {
    const std::size_t comma = s.find(',');
    if (comma == std::string_view::npos || comma == 0 || comma + 1 == s.size())
        return false;
    const auto digits = [](std::string_view part) {
        return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    std::string_view before = s.substr(0, comma);
    if (before.front() == '+' || before.front() == '-')
        before.remove_prefix(1);
    return !before.empty() && digits(before) && digits(s.substr(comma + 1));
}

// Parses one close price; the message says what is wrong with it, or is empty.
// std::from_chars converts the decimal text exactly and ignores the locale.
std::string parse_close(std::string_view raw, double& value) {
    const std::string_view text = trim(raw);
    if (text.empty())
        return "close is empty";
    std::string_view number = text;
    if (number.front() == '+')
        number.remove_prefix(1);  // from_chars knows only '-'
    const char* last = number.data() + number.size();
    const auto [end, ec] = std::from_chars(number.data(), last, value);
    const bool second_sign = number.size() < text.size() && !number.empty() &&
                             (number.front() == '-' || number.front() == '+');
    if (ec == std::errc::result_out_of_range) {
        return "close is " + std::string(text) + ": the number is out of range";
    }
    if (ec != std::errc() || end != last || second_sign) {
        std::string message = "close is \"";
        message.append(text).append("\", not a number");
        if (looks_like_decimal_comma(text))
            message += " (use a point as the decimal separator)";
        return message;
    }
    if (!std::isfinite(value))
        return "close is " + std::string(text) + ": prices must be finite";
    if (value <= 0.0) {
        return "close is " + std::string(text) + ": prices must be greater than 0";
    }
    return {};
}

std::size_t estimate_rows(std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

}  // namespace

PriceSeries parse_price_csv(std::string_view text, std::string_view source_view) {
    const std::string source(source_view);
    if (text.starts_with(kUtf8Bom))
        text.remove_prefix(kUtf8Bom.size());
    reject_binary(text, source);

    LineReader lines(text);
    const auto header_line = lines.next();
    if (!header_line)
        throw CsvError(source, 0, "no price rows: the file is empty");
    const HeaderLayout layout = read_header(*header_line, lines.line_number(), source);

    PriceSeries series;
    series.label_column = layout.label_column;
    const std::size_t expected_rows = estimate_rows(text);
    series.close.reserve(expected_rows);
    if (layout.label_index)
        series.labels.reserve(expected_rows);

    std::vector<RawField> fields;
    fields.reserve(layout.field_count);
    while (const auto line = lines.next()) {
        const std::size_t n = lines.line_number();
        if (auto error = split_fields(*line, layout.delimiter, fields); !error.empty()) {
            throw CsvError(source, n, error);
        }
        if (fields.size() != layout.field_count) {
            throw CsvError(source, n,
                           "line has " + std::to_string(fields.size()) +
                               " fields but the header has " + std::to_string(layout.field_count));
        }
        const RawField& close_field = fields[layout.close_index];
        double value = 0.0;
        // Only a quoted close needs a decoded copy; the common case parses in place.
        const std::string error = close_field.quoted ? parse_close(decode(close_field), value)
                                                     : parse_close(close_field.text, value);
        if (!error.empty())
            throw CsvError(source, n, error);
        series.close.push_back(value);
        if (layout.label_index)
            series.labels.push_back(decode(fields[*layout.label_index]));
    }
    if (series.close.empty()) {
        throw CsvError(source, 0, "no price rows: the file has a header but no data");
    }
    return series;
}

namespace {

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

std::string read_all(const std::filesystem::path& file) {
    const std::string name = file.string();
    std::unique_ptr<std::FILE, FileCloser> f(std::fopen(name.c_str(), "rb"));
    if (!f)
        throw CsvError(name, 0, std::string("cannot open the file: ") + std::strerror(errno));
    std::string content;
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec)
        content.reserve(static_cast<std::size_t>(size));
    std::array<char, 1 << 16> buffer;
    while (true) {
        const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), f.get());
        content.append(buffer.data(), got);
        if (got < buffer.size())
            break;
    }
    if (std::ferror(f.get())) {
        throw CsvError(name, 0, std::string("cannot read the file: ") + std::strerror(errno));
    }
    return content;
}

}  // namespace

PriceSeries read_price_csv(const std::filesystem::path& file) {
    return parse_price_csv(read_all(file), file.string());
}

}  // namespace atc
