// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/json_document.hpp"

#include <algorithm>

namespace atc {
namespace {

// A scalar (or an empty container) as nlohmann-json writes it, compact.
void append_compact(std::string& out, const Json& value) {
    out += value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void newline(std::string& out, std::size_t indent) {
    out += '\n';
    out.append(2 * indent, ' ');
}

bool all_scalars(const Json& array) {
    return std::none_of(array.begin(), array.end(),
                        [](const Json& v) { return v.is_structured() && !v.empty(); });
}

// Objects are written by JsonObjectText, whose members call back in here.
void append_json_value(std::string& out, const Json& value, std::size_t depth) {
    if (value.is_object() && !value.empty()) {
        JsonObjectText object(out, depth);
        for (const auto& [key, member] : value.items())
            object.member(key, member);
        object.close();
    } else if (value.is_array() && !value.empty() && !all_scalars(value)) {
        out += '[';
        bool first = true;
        for (const Json& element : value) {
            if (!first)
                out += ',';
            first = false;
            newline(out, depth + 1);
            append_json_value(out, element, depth + 1);
        }
        newline(out, depth);
        out += ']';
    } else {  // a scalar, an empty container or an array of scalars: one line
        append_compact(out, value);
    }
}

}  // namespace

JsonObjectText::JsonObjectText(std::string& out, std::size_t depth) : out_(out), depth_(depth) {
    out_ += '{';
}

void JsonObjectText::open_member(std::string_view key) {
    if (!empty_)
        out_ += ',';
    empty_ = false;
    newline(out_, depth_ + 1);
    append_compact(out_, Json(key));
    out_ += ": ";
}

void JsonObjectText::member(std::string_view key, const Json& value) {
    open_member(key);
    append_json_value(out_, value, depth_ + 1);
}

JsonObjectText JsonObjectText::object_member(std::string_view key) {
    open_member(key);
    return JsonObjectText(out_, depth_ + 1);
}

void JsonObjectText::close() {
    if (!empty_)
        newline(out_, depth_);
    out_ += '}';
}

std::string json_text(const Json& document) {
    std::string out;
    append_json_value(out, document, 0);
    out += '\n';
    return out;
}

}  // namespace atc
