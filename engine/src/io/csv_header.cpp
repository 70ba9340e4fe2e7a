#include "io/csv_header.hpp"

#include <array>

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

// Where the column for the role that `name` (normalized) names is kept: close,
// open, high, low or volume; nullptr for any other name.
std::optional<std::size_t>* role_slot(const std::string& name, HeaderLayout& layout,
                                      std::optional<std::size_t>& close) {
    if (name == "close")
        return &close;
    if (name == "open")
        return &layout.open_index;
    if (name == "high")
        return &layout.high_index;
    if (name == "low")
        return &layout.low_index;
    if (name == "volume")
        return &layout.volume_index;
    return nullptr;
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

CsvResult<HeaderLayout> read_header(std::string_view line, std::size_t line_number) {
    HeaderLayout layout;
    layout.delimiter = detect_delimiter(line);
    std::vector<RawField> raw;
    if (auto split = split_fields(line, layout.delimiter, raw); !split)
        return CsvProblem{"header: " + split.problem().text, line_number};
    for (const auto& field : raw)
        layout.names.push_back(decode(field));

    std::optional<std::size_t> close;
    for (std::size_t i = 0; i < layout.names.size(); ++i) {
        const std::string name = normalize_column_name(layout.names[i]);
        if (auto* slot = role_slot(name, layout, close)) {
            // A second column for a role is refused: with two close columns we
            // could only guess which one the user means.
            if (*slot) {
                return CsvProblem{"the header has two columns named " + name + " (columns " +
                                      std::to_string(**slot + 1) + " and " + std::to_string(i + 1) +
                                      ")",
                                  line_number, layout.names[i]};
            }
            *slot = i;
        }
        if (!layout.label_index && is_one_of(name, kLabelNames))
            layout.label_index = i;
        if (is_one_of(name, kTimeNames))
            layout.time_candidates.push_back(i);
    }
    if (!close) {
        return CsvProblem{"no column named close in the header (columns found: " +
                              list_columns(layout.names) + ")",
                          line_number, "close"};
    }
    layout.close_index = *close;
    return layout;
}

}  // namespace atc::detail
