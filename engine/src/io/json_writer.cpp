#include "atc/json_writer.hpp"

#include <stdexcept>

#include "atc/json_text.hpp"

namespace atc {

void JsonWriter::newline() {
    out_ += '\n';
    out_.append(2 * first_.size(), ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (!first_.empty()) {
        if (!first_.back())
            out_ += ',';
        first_.back() = false;
        newline();
    }
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    first_.push_back(true);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty)
        newline();
    out_ += '}';
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    const bool empty = first_.back();
    first_.pop_back();
    if (!empty)
        newline();
    out_ += ']';
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
    before_value();
    append_json_string(out_, name);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
    before_value();
    append_json_string(out_, text);
    return *this;
}

JsonWriter& JsonWriter::number(double v) {
    before_value();
    append_json_number(out_, v);
    return *this;
}

JsonWriter& JsonWriter::integer(std::uint64_t v) {
    before_value();
    out_ += std::to_string(v);
    return *this;
}

JsonWriter& JsonWriter::signed_integer(std::int64_t v) {
    before_value();
    out_ += std::to_string(v);
    return *this;
}

JsonWriter& JsonWriter::boolean(bool v) {
    before_value();
    out_ += v ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    before_value();
    while (!json.empty() && (json.back() == '\n' || json.back() == ' '))
        json.remove_suffix(1);
    const std::string indent(2 * first_.size(), ' ');
    for (const char c : json) {
        out_ += c;
        if (c == '\n')
            out_ += indent;
    }
    return *this;
}

JsonWriter& JsonWriter::number_array(std::span<const double> values) {
    before_value();
    out_ += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            out_ += ", ";
        append_json_number(out_, values[i]);
    }
    out_ += ']';
    return *this;
}

JsonWriter& JsonWriter::string_array(std::span<const std::string> values) {
    before_value();
    out_ += '[';
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0)
            out_ += ", ";
        append_json_string(out_, values[i]);
    }
    out_ += ']';
    return *this;
}

std::string JsonWriter::finish() {
    if (!first_.empty())
        throw std::logic_error("JsonWriter: a container is still open");
    out_ += '\n';
    return std::move(out_);
}

}  // namespace atc
