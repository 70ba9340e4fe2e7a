#include "io/csv_header.hpp"

#include <array>

#include "atc/price_csv.hpp"
#include "io/csv_tokenizer.hpp"

namespace atc::detail {

namespace {

// Names (normalized) of the columns that can label the bars, in no order: the
// first such column in the header wins. "year" labels the sample data's
// fractional years, which are not calendar times.
constexpr std::array<std::string_view, 7> kLabelNames = {"date", "time",  "datetime", "timestamp",
                                                         "bar",  "index", "year"};
constexpr std::array<std::string_view, 4> kTimeNames = {"date", "time", "datetime", "timestamp"};

template <std::size_t N>
bool is_one_of(std::string_view name, const std::array<std::string_view, N>& names) {
    for (const auto candidate : names) {
        if (name == candidate)
            return true;
    }
    return false;
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

// Remembers `index` as the column for `role`, refusing a second one: with two
// close columns we could only guess which one the user means.
void claim(std::optional<std::size_t>& slot, std::size_t index, std::string_view role,
           const HeaderLayout& layout, std::size_t line_number, const std::string& source) {
    if (slot) {
        throw CsvError(source, line_number, layout.names[index],
                       "the header has two columns named " + std::string(role) + " (columns " +
                           std::to_string(*slot + 1) + " and " + std::to_string(index + 1) + ")");
    }
    slot = index;
}

}  // namespace

std::string normalize_column_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (const char c : name) {
        if (c == ' ' || c == '_' || c == '\t')
            continue;
        out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
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
    for (const auto& field : raw)
        layout.names.push_back(decode(field));

    std::optional<std::size_t> close;
    for (std::size_t i = 0; i < layout.names.size(); ++i) {
        const std::string name = normalize_column_name(layout.names[i]);
        if (name == "close") {
            claim(close, i, "close", layout, line_number, source);
        } else if (name == "open") {
            claim(layout.open_index, i, "open", layout, line_number, source);
        } else if (name == "high") {
            claim(layout.high_index, i, "high", layout, line_number, source);
        } else if (name == "low") {
            claim(layout.low_index, i, "low", layout, line_number, source);
        } else if (name == "volume") {
            claim(layout.volume_index, i, "volume", layout, line_number, source);
        }
        if (!layout.label_index && is_one_of(name, kLabelNames))
            layout.label_index = i;
        if (is_one_of(name, kTimeNames))
            layout.time_candidates.push_back(i);
    }
    if (!close) {
        throw CsvError(source, line_number, "close",
                       "no column named close in the header (columns found: " +
                           list_columns(layout.names) + ")");
    }
    layout.close_index = *close;
    return layout;
}

}  // namespace atc::detail
