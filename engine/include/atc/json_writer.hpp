// Writing pretty-printed JSON for the machine-readable outputs (`atc hw`,
// `atc scan --json`, the JSON reports): one member or element per line,
// two-space indents. Numbers and strings are formatted by json_text.hpp, so
// every JSON the programs write reads a double back to the same bits.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace atc {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    // The name of the next member of the current object.
    JsonWriter& key(std::string_view name);

    JsonWriter& string(std::string_view text);
    JsonWriter& number(double v);  // non-finite: null
    JsonWriter& integer(std::uint64_t v);
    JsonWriter& signed_integer(std::int64_t v);
    JsonWriter& boolean(bool v);
    JsonWriter& null();
    // A complete JSON value written elsewhere (params_to_json), re-indented to fit.
    JsonWriter& raw(std::string_view json);
    // Arrays kept on one line: a per-bar series would otherwise take a line per value.
    JsonWriter& number_array(std::span<const double> values);
    JsonWriter& string_array(std::span<const std::string> values);

    // The document, ending in a newline. Every container must be closed.
    std::string finish();

private:
    void before_value();
    void newline();

    std::string out_;
    std::vector<bool> first_;  // per open container: nothing written in it yet
    bool after_key_ = false;
};

}  // namespace atc
