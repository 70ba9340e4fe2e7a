// SPDX-License-Identifier: GPL-3.0-or-later
// Parameters as JSON. The whole document is parsed first (json_object.cpp, so
// a syntax error anywhere wins over a complaint about a value), then each member
// is applied to AtcParams in file order, then check_params judges the result.

#include "atc/params_json.hpp"

#include <charconv>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

#include "atc/memory_limits.hpp"
#include "atc/param_table.hpp"
#include "atc/validation.hpp"
#include "io/json_object.hpp"
#include "io/read_file.hpp"
#include "param_values.hpp"

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

// ---------------------------------------------------------------------------
// Meaning: each member applied to AtcParams through its row of the parameter table.

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
    int integer(const ParamDescriptor& param) const {
        require(JsonValue::Kind::Number, "a whole number");
        const double v = member_.value.number;
        if (const auto problem = detail::whole_number_problem(param, v, member_.value.number_text))
            fail(*problem);
        return static_cast<int>(v);
    }

    bool boolean() const {
        require(JsonValue::Kind::Bool, "true or false");
        return member_.value.boolean;
    }

    // One of the parameter's choices (any case); its index.
    std::size_t choice(const ParamDescriptor& param) const {
        require(JsonValue::Kind::String, "one of " + detail::quoted_choices(param));
        if (const auto index = detail::choice_index(param, member_.value.text))
            return *index;
        fail(detail::choice_problem(param, member_.value.text));
    }

private:
    const Document& doc_;
    const Member& member_;
};

void apply_member(const Member& member, const Document& doc, AtcParams& params) {
    const MemberReader read(doc, member);
    const ParamDescriptor* param = find_param(member.key);
    if (param == nullptr)
        read.fail(unknown_param_message(member.key));
    switch (param->type()) {
        case ParamType::Integer:
            param->set(params, read.integer(*param));
            break;
        case ParamType::Number:
            param->set(params, read.number());
            break;
        case ParamType::Choice:
            param->set(params, static_cast<double>(read.choice(*param)));
            break;
        case ParamType::Flag:
            param->set(params, read.boolean() ? 1.0 : 0.0);
            break;
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

Json params_json_object(const AtcParams& params) {
    Json object = Json::object();
    for (const ParamDescriptor& param : param_table()) {
        const double value = param.get(params);
        Json& member = object[std::string(param.key)];
        switch (param.type()) {
            case ParamType::Integer:
                member = static_cast<int>(value);
                break;
            case ParamType::Number:
                member = value;
                break;
            case ParamType::Choice:
                member = param_value_text(param, params);
                break;
            case ParamType::Flag:
                member = value != 0.0;
                break;
        }
    }
    return object;
}

std::string params_to_json(const AtcParams& params) {
    return json_text(params_json_object(params));
}

}  // namespace atc
