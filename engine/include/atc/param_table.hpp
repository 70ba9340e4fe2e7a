// SPDX-License-Identifier: GPL-3.0-or-later
// The ATC parameters described once: for each its params.json key, its name
// for people, type, unit, the range an editor offers, help text, and how to read
// and write it in AtcParams. The params.json reader and writer, validation, the
// parameter panel and the reports take their keys, names and help from here, so a
// new parameter is one row of this table (plus its AtcParams field, its rule in
// check_params if it has one, and its use in the math).
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "atc/params.hpp"
#include "atc/validation.hpp"

namespace atc {

// params.json keys of the per-family parameters, indexed by MaType.
inline constexpr std::array<std::string_view, kFamilyCount> kLengthKeys = {
    "ema_len", "hull_len", "wma_len", "dema_len", "lsma_len", "kama_len"};
inline constexpr std::array<std::string_view, kFamilyCount> kWeightKeys = {
    "ema_w", "hma_w", "wma_w", "dema_w", "lsma_w", "kama_w"};

// Follows the field's C++ type: int, double, an enum, bool.
enum class ParamType { Integer, Number, Choice, Flag };

// How a descriptor reaches its field. Values travel as double: an enum as its
// index, a bool as 0 or 1. `set` is unchecked: an Integer's value must be whole
// and fit an int, a Choice's an index of its choices (set_param checks).
struct ParamField {
    ParamType type;
    double (*get)(const AtcParams&);
    void (*set)(AtcParams&, double);
};

// Where the parameter panel shows a parameter; its boxes come in this order.
enum class ParamGroup { Families, Members, Equity, Signal };
inline constexpr std::array<ParamGroup, 4> kParamGroups = {
    ParamGroup::Families, ParamGroup::Members, ParamGroup::Equity, ParamGroup::Signal};
// "Lengths & initial weights", "Members", ...
std::string_view param_group_title(ParamGroup group);

struct ParamDescriptor {
    std::string_view key;    // in params.json; check_params names issues by it
    std::string_view label;  // for people: "EMA length", "Growth La"
    ParamGroup group;
    // Set for the per-family parameters (group Families), which the panel lays
    // out as a grid: one row per family, one `column` ("Length") per parameter.
    std::optional<MaType> family{};
    std::string_view column{};
    std::string_view unit{};  // "bars", "%", or empty
    // Integer and Number: the range an editor offers and its step. What is
    // allowed is check_params' call: it may be narrower (lengths depend on the
    // robustness) or wider (La may be any finite number).
    double min = 0.0;
    double max = 0.0;
    double step = 1.0;
    std::string_view help{};
    // Choice and Flag: the names params.json writes, indexed by value (a Flag's
    // are "false", "true"), and for a Choice the name for people of each value.
    std::span<const std::string_view> choices{};
    std::string (*choice_label)(std::size_t index) = nullptr;
    ParamField field;

    ParamType type() const { return field.type; }
    double get(const AtcParams& p) const { return field.get(p); }
    void set(AtcParams& p, double value) const { field.set(p, value); }
    // The value in AtcParams{}.
    double default_value() const { return field.get(AtcParams{}); }
};

// Every parameter, in the order params.json files list them.
std::span<const ParamDescriptor> param_table();

// The parameter with this params.json key (case-sensitive), or null.
const ParamDescriptor* find_param(std::string_view key);

// Why `key` names no parameter: "unknown key "la" (keys are case-sensitive: did
// you mean "La"?); allowed keys are ema_len, ...".
std::string unknown_param_message(std::string_view key);

// The value as text that set_param_from_text reads back to the same value:
// "28", "0.02" (the shortest text of the double), "Medium", "true".
std::string param_value_text(const ParamDescriptor& param, const AtcParams& params);

// Sets one parameter, checking the value against its type alone: an Integer
// must be whole and fit an int, a Choice or Flag must be one of its choices (by
// index here, by name ignoring case from text). On a problem `params` is
// unchanged and the issue, worded as the params.json reader words it, is
// returned. Ranges and relations between parameters (a length too short for
// the robustness) are check_params' job once every parameter is set: whether a
// value is allowed can depend on the others.
std::optional<ParamIssue> set_param(AtcParams& params, const ParamDescriptor& param, double value);
// From text as a command line gives it: "28", "0.05", "1e-3", "wide", "true".
std::optional<ParamIssue> set_param_from_text(AtcParams& params, const ParamDescriptor& param,
                                              std::string_view text);

}  // namespace atc
