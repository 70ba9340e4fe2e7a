// SPDX-License-Identifier: GPL-3.0-or-later
#include "command_store.hpp"

#include <algorithm>
#include <array>
#include <cinttypes>
#include <cstdio>
#include <ctime>
#include <optional>
#include <stdexcept>
#include <string>

#include "atc/price_csv.hpp"
#include "atc/price_import.hpp"
#include "atc/store/importer.hpp"
#include "cli.hpp"
#include "downloaded_file.hpp"
#include "store_session.hpp"
#include "utc_text.hpp"

namespace atc::cli {
namespace {

constexpr std::array<OptionSpec, 7> kImportOptions = {{{"--symbol", true},
                                                       {kDbOption, true},
                                                       {"--dry-run", false},
                                                       {"--columns", true},
                                                       {"--delimiter", true},
                                                       {"--date-order", true},
                                                       {"--timezone", true}}};
constexpr std::array<OptionSpec, 1> kListOptions = {{{kDbOption, true}}};

// "2024-01-31" for a UTC time, "" for none.
std::string date_of(const std::optional<std::int64_t>& time_ms) {
    return time_ms ? utc_text(*time_ms, "%Y-%m-%d") : std::string();
}

// "," ";" and TAB as the user may type them: the character, or "tab" / "\t".
char delimiter_option(const std::string& text) {
    if (text == "," || text == ";")
        return text[0];
    if (text == "\t" || text == "tab" || text == "\\t")
        return '\t';
    throw UsageError("--delimiter must be ',', ';' or tab, not \"" + text + "\"");
}

ImportOptions import_options(const ParsedOptions& options) {
    ImportOptions out;
    out.symbol = options.value("--symbol");
    if (const auto columns = options.value("--columns")) {
        try {
            out.columns = parse_column_choices(*columns);
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--columns: ") + e.what());
        }
    }
    if (const auto delimiter = options.value("--delimiter"))
        out.delimiter = delimiter_option(*delimiter);
    if (const auto order = options.value("--date-order")) {
        const auto parsed = parse_date_order(*order);
        if (!parsed || *parsed == DateOrder::Auto)
            throw UsageError("--date-order must be dmy or mdy, not \"" + *order + "\"");
        out.date_order = *parsed;
    }
    if (const auto zone = options.value("--timezone"))
        out.timezone = *zone;
    return out;
}

std::string delimiter_name(char delimiter) {
    return delimiter == '\t' ? "tab" : std::string("'") + delimiter + "'";
}

// What --dry-run prints: every decision of the detector, one per line.
std::string describe(const ImportDetection& d, const std::string& file) {
    std::string out = file + ":\n";
    const auto line = [&out](const char* label, const std::string& value) {
        out += "  ";
        out += label;
        out.append(12 - std::min<std::size_t>(12, std::string_view(label).size()), ' ');
        out += value + "\n";
    };
    line("format", d.format);
    line("encoding", d.encoding);
    line("delimiter", delimiter_name(d.delimiter));
    line("header", d.header_rows == 0 ? "none" : std::to_string(d.header_rows) + " row(s)");
    std::string columns;
    for (const DetectedColumn& c : d.columns) {
        columns += (columns.empty() ? "" : ", ") + std::string(column_role_name(c.role)) + "=" +
                   std::to_string(c.column + 1) + " (" + c.header + ")";
    }
    line("columns", columns);
    std::string numbers = std::string("decimal '") + d.decimal_separator + "'";
    if (d.thousands_separator != 0)
        numbers += std::string(", thousands '") + d.thousands_separator + "'";
    line("numbers", numbers);
    line("time", d.time_format.empty() ? "none" : d.time_format);
    if (d.date_order != DateOrder::Auto)
        line("date order", std::string(date_order_name(d.date_order)));
    line("time zone", d.timezone);
    line("bars", std::to_string(d.bar_count));
    if (d.first_time_ms)
        line("first", utc_text(*d.first_time_ms, "%Y-%m-%d %H:%M:%S UTC"));
    if (d.last_time_ms)
        line("last", utc_text(*d.last_time_ms, "%Y-%m-%d %H:%M:%S UTC"));
    line("timeframe", d.timeframe.empty() ? "unknown" : d.timeframe);
    for (const SkippedRows& skipped : d.skipped)
        line("skipped", describe_skipped(skipped));
    if (!d.tickers.empty()) {
        std::string tickers;
        for (const std::string& t : d.tickers)
            tickers += (tickers.empty() ? "" : ", ") + t;
        line("tickers", tickers);
    }
    return out;
}

void print_imported(const store::ImportReport& r, const std::string& file) {
    for (const store::ImportedSymbol& s : r.symbols) {
        std::printf("%s %s: %zu bars%s%s from %s\n", s.replaced ? "replaced" : "imported",
                    s.symbol.meta.name.c_str(), s.symbol.bar_count,
                    s.symbol.meta.timeframe.empty() ? "" : ", ", s.symbol.meta.timeframe.c_str(),
                    file.c_str());
    }
    for (const std::string& w : r.warnings)
        std::fprintf(stderr, "atc import: warning: %s: %s\n", file.c_str(), w.c_str());
}

}  // namespace

int run_import(std::span<const std::string> args) {
    const ParsedOptions options = parse_options(args, kImportOptions, true);
    if (options.positionals.empty())
        throw UsageError("no file to import");
    const ImportOptions import = import_options(options);
    if (import.symbol && options.positionals.size() > 1)
        throw UsageError("--symbol names one symbol: import one file with it");
    const bool dry_run = options.has("--dry-run");
    // A dry run reads the files only: no database is opened or created.
    std::optional<StoreSession> session;
    if (!dry_run)
        session.emplace("atc import", options.value(kDbOption));
    int failed = 0;
    // Each file is its own transaction: a bad file is reported and changes
    // nothing; the good ones are imported.
    for (const std::string& file : options.positionals) {
        try {
            // A link is downloaded first, then read exactly as a file is.
            std::optional<DownloadedFile> download;
            if (is_url(file))
                download.emplace(file);
            const std::filesystem::path path =
                download ? download->path() : std::filesystem::path(file);
            if (dry_run) {
                const std::string text = describe(detect_price_file(path, import), file);
                if (!write_stdout(text))
                    return kExitFailure;
                continue;
            }
            print_imported(store::import_csv_file(session->symbols(), path, import,
                                                  download ? file : std::string()),
                           file);
        } catch (const DownloadError& e) {
            std::fprintf(stderr, "atc import: %s (nothing imported from it)\n", e.what());
            ++failed;
        } catch (const CsvError& e) {
            std::fprintf(stderr, "atc import: %s (nothing imported from it)\n", e.what());
            ++failed;
        } catch (const store::StoreError& e) {
            std::fprintf(stderr, "atc import: %s: %s (nothing imported from it)\n", file.c_str(),
                         e.what());
            ++failed;
        }
    }
    std::fflush(stdout);
    return failed == 0 ? kExitOk : kExitFailure;
}

int run_list(std::span<const std::string> args) {
    const ParsedOptions options = parse_options(args, kListOptions);
    StoreSession session("atc list", options.value(kDbOption));
    std::string out = "symbol       kind       bars  timeframe  first       last        source\n";
    for (const store::SymbolInfo& s : session.symbols().list()) {
        char line[512];
        std::snprintf(line, sizeof line, "%-12s %-9s %6zu  %-9s  %-10s  %-10s  %s\n",
                      s.meta.name.c_str(),
                      std::string(store::symbol_kind_name(s.meta.kind)).c_str(), s.bar_count,
                      s.meta.timeframe.c_str(), date_of(s.first_time_ms).c_str(),
                      date_of(s.last_time_ms).c_str(), s.meta.source.c_str());
        out += line;
    }
    return write_stdout(out) ? kExitOk : kExitFailure;
}

}  // namespace atc::cli
