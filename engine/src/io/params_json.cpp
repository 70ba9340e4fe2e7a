// Parameters as JSON. The whole document is parsed first (json_object.cpp, so
// a syntax error anywhere wins over a complaint about a value), then each member
// is applied to AtcParams in file order, then check_params judges the result.

#include "atc/params_json.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <optional>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "atc/json_text.hpp"
#include "atc/memory_limits.hpp"
#include "atc/validation.hpp"
#include "io/json_object.hpp"
#include "io/read_file.hpp"

namespace atc {

using detail::JsonSyntaxError;
using detail::JsonValue;
using detail::kind_name;
using detail::located;
using detail::Member;
using detail::parse_json_object;
using detail::position_of;

ParamsError::ParamsError(std::string source, std::string key, const std::string& message)
    : std::runtime_error(message), source_(std::move(source)), key_(std::move(key)) {}

namespace {

constexpr std::array<std::string_view, kFamilyCount> kLengthKeys = {
    "ema_len", "hull_len", "wma_len", "dema_len", "lsma_len", "kama_len"};
constexpr std::array<std::string_view, kFamilyCount> kWeightKeys = {"ema_w",  "hma_w",  "wma_w",
                                                                    "dema_w", "lsma_w", "kama_w"};

// Every key in the golden files' order; params_to_json writes them in this order.
constexpr std::array<std::string_view, 20> kAllKeys = {
    "ema_len",       "hull_len", "wma_len", "dema_len", "lsma_len",       "kama_len",
    "ema_w",         "hma_w",    "wma_w",   "dema_w",   "lsma_w",         "kama_w",
    "robustness",    "La",       "De",      "cutout",   "long_threshold", "short_threshold",
    "strategy_mode", "profile"};

// ---------------------------------------------------------------------------
// Meaning: each member applied to AtcParams.

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

bool looks_numeric(const std::string& s) {
    double ignored = 0.0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), ignored);
    return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

// The parsed text and its name, for locating members in messages.
struct Document {
    std::string_view text;
    std::string source;
};

class MemberReader {
public:
    MemberReader(const Document& doc, const Member& member) : doc_(doc), member_(member) {}

    [[noreturn]] void fail(const std::string& what) const {
        throw ParamsError(doc_.source, member_.key,
                          located(doc_.source, position_of(doc_.text, member_.offset), what));
    }

    void require(JsonValue::Kind kind, std::string_view wanted) const {
        const JsonValue& v = member_.value;
        if (v.kind == kind)
            return;
        std::string message = member_.key + " must be " + std::string(wanted) + ", not " +
                              std::string(kind_name(v.kind));
        // "28" in quotes is the most common slip; say how to fix it.
        if (kind == JsonValue::Kind::Number && v.kind == JsonValue::Kind::String &&
            looks_numeric(v.text)) {
            message += " (write the number without quotes)";
        }
        fail(message);
    }

    double number() const {
        require(JsonValue::Kind::Number, "a number");
        return member_.value.number;
    }

    // Whole numbers only: 28 and 28.0 (or 2.8e1) are fine, 28.5 is not.
    int integer(std::string_view unit) const {
        require(JsonValue::Kind::Number, "a whole number");
        const double v = member_.value.number;
        const std::string written(member_.value.number_text);
        if (v != std::floor(v)) {
            fail(member_.key + " = " + written + " is not a whole number of " + std::string(unit));
        }
        if (v < static_cast<double>(INT_MIN) || v > static_cast<double>(INT_MAX)) {
            fail(member_.key + " = " + written +
                 " is out of range: it must be a whole number from " + std::to_string(INT_MIN) +
                 " to " + std::to_string(INT_MAX));
        }
        return static_cast<int>(v);
    }

    bool boolean() const {
        require(JsonValue::Kind::Bool, "true or false");
        return member_.value.boolean;
    }

    // One of `names` (any case); its index.
    template <std::size_t N>
    std::size_t choice(const std::array<std::string_view, N>& names) const {
        std::string allowed;
        for (const auto name : names) {
            allowed += (allowed.empty() ? "\"" : ", \"") + std::string(name) + "\"";
        }
        require(JsonValue::Kind::String, "one of " + allowed);
        for (std::size_t i = 0; i < N; ++i) {
            if (equals_ignoring_case(member_.value.text, names[i]))
                return i;
        }
        fail(member_.key + " = \"" + member_.value.text + "\" is not allowed: use one of " +
             allowed);
    }

private:
    const Document& doc_;
    const Member& member_;
};

std::optional<std::size_t> index_of(const std::array<std::string_view, kFamilyCount>& keys,
                                    std::string_view key) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (keys[i] == key)
            return i;
    }
    return std::nullopt;
}

std::string unknown_key_message(const std::string& key) {
    std::string allowed;
    std::string hint;
    for (const auto known : kAllKeys) {
        if (!allowed.empty())
            allowed += ", ";
        allowed += known;
        if (equals_ignoring_case(known, key)) {
            hint = " (keys are case-sensitive: did you mean \"" + std::string(known) + "\"?)";
        }
    }
    return "unknown key \"" + key + "\"" + hint + "; allowed keys are " + allowed;
}

void apply_member(const Member& member, const Document& doc, AtcParams& params) {
    const MemberReader read(doc, member);
    const std::string& key = member.key;
    if (const auto i = index_of(kLengthKeys, key)) {
        params.lengths[*i] = read.integer("bars");
    } else if (const auto w = index_of(kWeightKeys, key)) {
        params.weights[*w] = read.number();
    } else if (key == "robustness") {
        static constexpr std::array<std::string_view, 3> kNames = {"Narrow", "Medium", "Wide"};
        params.robustness = static_cast<Robustness>(read.choice(kNames));
    } else if (key == "La") {
        params.lambda = read.number();
    } else if (key == "De") {
        params.decay = read.number();
    } else if (key == "cutout") {
        params.cutout = read.integer("bars");
    } else if (key == "long_threshold") {
        params.long_threshold = read.number();
    } else if (key == "short_threshold") {
        params.short_threshold = read.number();
    } else if (key == "strategy_mode") {
        params.strategy_mode = read.boolean();
    } else if (key == "profile") {
        static constexpr std::array<std::string_view, 2> kNames = {"reference", "pine"};
        params.profile = static_cast<MaProfile>(read.choice(kNames));
    } else {
        read.fail(unknown_key_message(key));
    }
}

// A second value for a key would silently override the first; refuse it.
void reject_duplicates(const std::vector<Member>& members, const Document& doc) {
    std::unordered_map<std::string_view, std::size_t> first_offset;
    for (const Member& member : members) {
        const auto [it, inserted] = first_offset.emplace(member.key, member.offset);
        if (!inserted) {
            const std::size_t first_line = position_of(doc.text, it->second).line;
            MemberReader(doc, member)
                .fail("duplicate key \"" + member.key + "\" (first given on line " +
                      std::to_string(first_line) + ")");
        }
    }
}

}  // namespace

AtcParams parse_params_json(std::string_view text, std::string_view source_view) {
    const Document doc{text, std::string(source_view)};
    const std::string& source = doc.source;
    std::vector<Member> members;
    try {
        members = parse_json_object(text, source, "the parameters object");
    } catch (const JsonSyntaxError& e) {
        throw ParamsError(source, {}, e.what());
    }
    reject_duplicates(members, doc);
    AtcParams params;
    for (const Member& member : members)
        apply_member(member, doc, params);
    const auto issues = check_params(params);
    if (!issues.empty()) {
        throw ParamsError(source, issues.front().key, source + ": " + issues.front().message);
    }
    return params;
}

AtcParams read_params_json(const std::filesystem::path& file) {
    // Checked before reading: a wrong path (a price file, a disk image) must
    // not be read whole only to fail at its first character.
    std::error_code size_error;
    const std::uint64_t size = std::filesystem::file_size(file, size_error);
    if (!size_error && size > kMaxParamsFileBytes) {
        throw ParamsError(file.string(), {},
                          file.string() + ": the file is " + format_bytes(size) +
                              "; a parameters file is a small JSON object of at most " +
                              format_bytes(kMaxParamsFileBytes));
    }
    std::string text;
    try {
        text = detail::read_file(file);
    } catch (const detail::ReadFileError& e) {
        throw ParamsError(e.path(), {}, e.what());
    }
    return parse_params_json(text, file.string());
}

std::string params_to_json(const AtcParams& p) {
    std::vector<std::pair<std::string_view, std::string>> members;
    for (std::size_t i = 0; i < kFamilyCount; ++i) {
        members.emplace_back(kLengthKeys[i], std::to_string(p.lengths[i]));
    }
    for (std::size_t i = 0; i < kFamilyCount; ++i) {
        members.emplace_back(kWeightKeys[i], json_number(p.weights[i]));
    }
    members.emplace_back("robustness", json_string(robustness_name(p.robustness)));
    members.emplace_back("La", json_number(p.lambda));
    members.emplace_back("De", json_number(p.decay));
    members.emplace_back("cutout", std::to_string(p.cutout));
    members.emplace_back("long_threshold", json_number(p.long_threshold));
    members.emplace_back("short_threshold", json_number(p.short_threshold));
    members.emplace_back("strategy_mode", p.strategy_mode ? "true" : "false");
    members.emplace_back("profile", json_string(profile_name(p.profile)));

    std::string out = "{\n";
    for (std::size_t i = 0; i < members.size(); ++i) {
        out += "  " + json_string(members[i].first) + ": " + members[i].second;
        out += i + 1 < members.size() ? ",\n" : "\n";
    }
    out += "}\n";
    return out;
}

}  // namespace atc
