#include "command_store.hpp"

#include <array>
#include <cinttypes>
#include <cstdio>
#include <ctime>

#include "atc/price_csv.hpp"
#include "atc/store/importer.hpp"
#include "cli.hpp"
#include "store_session.hpp"

namespace atc::cli {
namespace {

constexpr std::array<OptionSpec, 2> kImportOptions = {{{"--symbol", true}, {kDbOption, true}}};
constexpr std::array<OptionSpec, 1> kListOptions = {{{kDbOption, true}}};

// "2024-01-31" for a UTC time, "" for none.
std::string date_of(const std::optional<std::int64_t>& time_ms) {
    if (!time_ms)
        return "";
    const std::time_t seconds = static_cast<std::time_t>(*time_ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
    return text;
}

}  // namespace

int run_import(std::span<const std::string> args) {
    const ParsedOptions options = parse_options(args, kImportOptions, true);
    if (options.positionals.empty())
        throw UsageError("no file to import");
    const auto symbol = options.value("--symbol");
    if (symbol && options.positionals.size() > 1) {
        throw UsageError("--symbol names one symbol: import one file with it");
    }
    StoreSession session("atc import", options.value(kDbOption));
    int failed = 0;
    // Each file is its own transaction: a bad file is reported and changes
    // nothing; the good ones are imported.
    for (const std::string& file : options.positionals) {
        try {
            const store::ImportReport r = store::import_csv_file(session.symbols(), file, symbol);
            std::printf("%s %s: %zu bars%s%s from %s\n", r.replaced ? "replaced" : "imported",
                        r.symbol.meta.name.c_str(), r.symbol.bar_count,
                        r.symbol.meta.timeframe.empty() ? "" : ", ",
                        r.symbol.meta.timeframe.c_str(), file.c_str());
            for (const std::string& w : r.warnings) {
                std::fprintf(stderr, "atc import: warning: %s: %s\n", file.c_str(), w.c_str());
            }
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
