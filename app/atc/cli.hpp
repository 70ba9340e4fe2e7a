// SPDX-License-Identifier: GPL-3.0-or-later
// Shared pieces of the `atc` command line: exit codes, the subcommand table,
// option parsing and the error type for command-line mistakes.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace atc::cli {

// Exit codes. Scripts tell "the data was bad" (1) from "the call was wrong" (2).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// A mistake in how the program was called (unknown option, missing or bad value).
// main() prints it with the command's usage and exits with kExitUsage.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct OptionSpec {
    std::string_view name;  // with the leading "--"
    bool takes_value = true;
    // May be given several times, each value kept (`atc sweep --vary` twice).
    bool repeatable = false;
};

// Options of one command line, after parsing: "--name" -> value ("" for flags).
class ParsedOptions {
public:
    bool has(std::string_view name) const;
    std::optional<std::string> value(std::string_view name) const;
    // The value of an option the command cannot run without.
    std::string required(std::string_view name) const;
    // Every value of a repeatable option, in command-line order.
    std::vector<std::string> all(std::string_view name) const;

    std::map<std::string, std::string, std::less<>> values;
    std::map<std::string, std::vector<std::string>, std::less<>> repeated;
    std::vector<std::string> positionals;  // only when the command accepts them
};

// One command's options from groups that several commands share.
template <std::size_t A, std::size_t B>
constexpr std::array<OptionSpec, A + B> join_options(const std::array<OptionSpec, A>& a,
                                                     const std::array<OptionSpec, B>& b) {
    std::array<OptionSpec, A + B> all{};
    for (std::size_t i = 0; i < A; ++i)
        all[i] = a[i];
    for (std::size_t i = 0; i < B; ++i)
        all[A + i] = b[i];
    return all;
}

// Parses `args` (everything after the subcommand) against `specs`. Accepts
// "--name value" and "--name=value". Unknown options, options given twice
// (unless repeatable), missing
// values and (unless `allow_positionals`) positional arguments throw UsageError
// naming the culprit.
ParsedOptions parse_options(std::span<const std::string> args, std::span<const OptionSpec> specs,
                            bool allow_positionals = false);

// Number parsing for option values; the whole text must be the number.
// UsageError names the option and what is expected.
double parse_non_negative_double(std::string_view option, std::string_view text);
std::size_t parse_positive_count(std::string_view option, std::string_view text);

struct Command {
    std::string_view name;
    std::string_view summary;  // one line for the overview
    std::string_view usage;    // "atc NAME ..." synopsis
    std::string_view details;  // option descriptions for `atc help NAME`
    int (*run)(std::span<const std::string> args);
    bool uses_store = false;          // takes --db (its help is added to `details`)
    bool takes_timeframe = false;     // takes --timeframe and --timezone (help added too)
    bool judges_performance = false;  // takes --mode and --cost-bps (help added too)
};

std::span<const Command> commands();
const Command* find_command(std::string_view name);

// Texts for --help, `atc help NAME` and usage errors.
std::string program_usage();
std::string command_help(const Command& command);
std::string version_text();

// Writes all of `text` to stdout; false if the stream failed (closed pipe, full disk).
bool write_stdout(std::string_view text);

}  // namespace atc::cli
