// SPDX-License-Identifier: GPL-3.0-or-later
// The JSON the programs write (`atc hw`, `atc scan --json`, `atc sweep
// --json`, the JSON reports, params.json files): documents are built as
// nlohmann-json values, members in the order they are added, and printed by
// json_text in the one layout every output shares.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace atc {

// Members keep the order they were added in: a report reads top to bottom.
using Json = nlohmann::ordered_json;

// Pretty text ending in a newline: each object member and each element of an
// array of objects or arrays on its own line, two-space indents; an array of
// numbers, strings, booleans or nulls on one line, compact ([1.0,2.5]: a
// per-bar series would otherwise take a line per value). Numbers as nlohmann-json writes them
// (Grisu2): a text that reads back to exactly the same double, usually the
// shortest, now and then one digit longer (-0.25320114029497087); whole
// doubles with ".0"; NaN and infinities as null. Strings stay UTF-8; bytes that are not UTF-8
// become U+FFFD instead of failing the whole document.
std::string json_text(const Json& document);

// An object written member by member in json_text's layout, for documents
// too big to hold as one tree: a million-bar report's per-bar series are
// built and written one at a time (as one tree they doubled its memory).
class JsonObjectText {
public:
    // Opens the object at the end of `out`, `depth` levels in.
    explicit JsonObjectText(std::string& out, std::size_t depth = 0);
    void member(std::string_view key, const Json& value);
    // Opens an object as the next member's value; write its members, close
    // it, then go on with this one's.
    JsonObjectText object_member(std::string_view key);
    void close();

private:
    void open_member(std::string_view key);

    std::string& out_;
    std::size_t depth_;
    bool empty_ = true;
};

}  // namespace atc
