#include "cli.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "command_compute.hpp"
#include "command_scan.hpp"
#include "command_store.hpp"
#include "store_session.hpp"

#ifndef ATC_VERSION
#error "ATC_VERSION must be defined by the build (see app/atc/CMakeLists.txt)"
#endif

namespace atc::cli {

namespace {

constexpr std::array<Command, 4> kCommands = {{
    {"compute", "compute the ATC signals of one price series and write them as CSV",
     "atc compute --csv FILE [--params FILE.json] --out FILE.csv",
     "  --csv FILE          price series (a CSV file with a 'close' column)\n"
     "  --params FILE.json  ATC parameters; missing keys keep their defaults\n"
     "  --out FILE.csv      where to write the signals, '-' for standard output;\n"
     "                      an existing file is replaced only when all went well\n"
     "\n"
     "Output columns: bar, the six <TYPE>_Signal (Layer 1), the six <TYPE>_S\n"
     "(Layer 2 equities) and Average_Signal; an empty field means not defined yet.\n",
     run_compute},
    {"scan", "rank symbols by their latest ATC signal",
     "atc scan [--csv-dir DIR | --db PATH] [--params FILE.json] [--min-signal X] [--top N]",
     "  --csv-dir DIR       scan a folder of price files (*.csv); the symbol is the\n"
     "                      file name. Without it, every symbol in the database.\n"
     "  --params FILE.json  ATC parameters; missing keys keep their defaults\n"
     "  --min-signal X      list only symbols with |signal| >= X (X >= 0)\n"
     "  --top N             list at most N symbols per table\n"
     "\n"
     "Prints a LONG and a SHORT table ranked by |signal|. Files that cannot be\n"
     "read or computed are reported on stderr and the exit code is 1.\n",
     run_scan, true},
    {"import", "import CSV price files into the symbol database",
     "atc import FILE... [--symbol NAME] [--db PATH]",
     "  FILE...             CSV files with a close column (and optionally date/time,\n"
     "                      open, high, low, volume); one symbol per file\n"
     "  --symbol NAME       the symbol's name (one file only; default: the file name)\n",
     run_import, true},
    {"list", "list the symbols in the database", "atc list [--db PATH]", "", run_list, true},
}};

}  // namespace

bool ParsedOptions::has(std::string_view name) const {
    return values.find(name) != values.end();
}

std::optional<std::string> ParsedOptions::value(std::string_view name) const {
    const auto it = values.find(name);
    if (it == values.end()) {
        return std::nullopt;
    }
    return it->second;
}

std::string ParsedOptions::required(std::string_view name) const {
    auto v = value(name);
    if (!v) {
        throw UsageError("missing required option " + std::string(name));
    }
    return *v;
}

ParsedOptions parse_options(std::span<const std::string> args, std::span<const OptionSpec> specs,
                            bool allow_positionals) {
    ParsedOptions parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
            if (!allow_positionals)
                throw UsageError("unexpected argument '" + arg + "'");
            parsed.positionals.push_back(arg);
            continue;
        }
        const std::size_t eq = arg.find('=');
        const std::string name = arg.substr(0, eq);
        const OptionSpec* spec = nullptr;
        for (const OptionSpec& s : specs) {
            if (s.name == name) {
                spec = &s;
            }
        }
        if (spec == nullptr) {
            throw UsageError("unknown option '" + name + "'");
        }
        if (parsed.has(name)) {
            // A second value would silently win; better to say so.
            throw UsageError("option " + name + " given more than once");
        }
        std::string value;
        if (!spec->takes_value) {
            if (eq != std::string::npos) {
                throw UsageError("option " + name + " takes no value");
            }
        } else if (eq != std::string::npos) {
            value = arg.substr(eq + 1);
        } else {
            // "--out --csv x" is far more likely a forgotten value than a file
            // named "--csv"; "--name=--csv" remains possible for the odd case.
            if (i + 1 >= args.size() || args[i + 1].compare(0, 2, "--") == 0) {
                throw UsageError("option " + name + " needs a value");
            }
            value = args[++i];
        }
        if (spec->takes_value && value.empty()) {
            throw UsageError("option " + name + " needs a non-empty value");
        }
        parsed.values.emplace(name, std::move(value));
    }
    return parsed;
}

double parse_non_negative_double(std::string_view option, std::string_view text) {
    double v = 0.0;
    const char* first = text.data();
    // from_chars refuses a leading '+', which people do type ("--min-signal +0.5").
    if (text.size() > 1 && text.front() == '+' && text[1] != '-') {
        ++first;
    }
    const char* last = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(first, last, v);
    if (ec != std::errc() || ptr != last || !std::isfinite(v) || v < 0.0) {
        throw UsageError("invalid value for " + std::string(option) + ": '" + std::string(text) +
                         "' (expected a number >= 0)");
    }
    return v;
}

std::size_t parse_positive_count(std::string_view option, std::string_view text) {
    std::size_t v = 0;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(first, last, v);
    if (ec != std::errc() || ptr != last || v == 0) {
        throw UsageError("invalid value for " + std::string(option) + ": '" + std::string(text) +
                         "' (expected a whole number >= 1)");
    }
    return v;
}

std::span<const Command> commands() {
    return kCommands;
}

const Command* find_command(std::string_view name) {
    for (const Command& c : kCommands) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

std::string program_usage() {
    std::string text =
        "Usage: atc COMMAND [OPTIONS]\n"
        "       atc help COMMAND | atc --help | atc --version\n"
        "\n"
        "Adaptive Trend Classification from the command line.\n"
        "\n"
        "Commands:\n";
    for (const Command& c : kCommands) {
        text += "  ";
        text += c.name;
        text.append(c.name.size() < 10 ? 10 - c.name.size() : 1, ' ');
        text += c.summary;
        text += '\n';
    }
    text += "\nRun 'atc help COMMAND' for the options of a command.\n";
    return text;
}

std::string command_help(const Command& command) {
    std::string text = "Usage: ";
    text += command.usage;
    text += "\n\n";
    // The summary is written for the command list; as a sentence it needs a capital.
    std::string sentence(command.summary);
    if (!sentence.empty()) {
        sentence.front() =
            static_cast<char>(std::toupper(static_cast<unsigned char>(sentence.front())));
    }
    text += sentence;
    text += ".\n\nOptions:\n";
    text += command.details;
    if (command.uses_store)
        text += kDbHelp;
    return text;
}

std::string version_text() {
    return std::string("atc (ATC Studio) ") + ATC_VERSION + "\n";
}

bool write_stdout(std::string_view text) {
    if (!text.empty() && std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
        return false;
    }
    return std::fflush(stdout) == 0;
}

}  // namespace atc::cli
