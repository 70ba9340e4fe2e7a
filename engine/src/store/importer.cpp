#include "atc/store/importer.hpp"

#include <algorithm>

namespace atc::store {
namespace {

constexpr int kImportedSortOrder = 100;

// Largest unit that divides the gap exactly: "1d" rather than "24h".
std::string format_gap(std::int64_t gap_ms) {
    struct Unit {
        std::int64_t ms;
        const char* suffix;
    };
    constexpr Unit kUnits[] = {
        {7LL * 86'400'000, "w"}, {86'400'000, "d"}, {3'600'000, "h"}, {60'000, "m"}, {1'000, "s"}};
    for (const Unit& u : kUnits) {
        if (gap_ms % u.ms == 0)
            return std::to_string(gap_ms / u.ms) + u.suffix;
    }
    return std::to_string(gap_ms) + "ms";
}

}  // namespace

std::string infer_timeframe(std::span<const std::int64_t> time_ms) {
    if (time_ms.size() < 2)
        return "";
    std::vector<std::int64_t> gaps;
    gaps.reserve(time_ms.size() - 1);
    for (std::size_t i = 1; i < time_ms.size(); ++i)
        gaps.push_back(time_ms[i] - time_ms[i - 1]);
    std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2),
                     gaps.end());
    const std::int64_t median = gaps[gaps.size() / 2];
    if (median <= 0)
        return "";
    // Month-end data has gaps of 28..31 days; call it monthly.
    if (median >= 28LL * 86'400'000 && median <= 31LL * 86'400'000)
        return "1M";
    return format_gap(median);
}

ImportReport import_csv_file(SymbolStore& store, const std::filesystem::path& file,
                             const std::optional<std::string>& symbol) {
    // Parse completely before touching the database: a bad file changes nothing.
    PriceSeries bars = read_price_csv(file);
    const std::string name = symbol ? *symbol : file.stem().string();
    if (name.empty())
        throw StoreError("cannot import " + file.string() + ": empty symbol name");
    ImportReport report;
    const std::optional<SymbolInfo> existing = store.find(name);
    report.replaced = existing.has_value();
    SymbolMeta meta;
    // A re-import keeps the symbol's place in the watchlist; new ones follow
    // the bundled series.
    meta.sort_order = existing ? existing->meta.sort_order : kImportedSortOrder;
    meta.name = name;
    meta.source = std::filesystem::absolute(file).string();
    meta.timeframe = infer_timeframe(bars.time_ms);
    meta.provenance = "Imported from " + file.filename().string();
    meta.kind = SymbolKind::Imported;
    report.warnings = bars.warnings;
    report.symbol = store.save(meta, bars);
    return report;
}

SeedReport seed_if_empty(SymbolStore& store, std::span<const BundledSeries> bundled,
                         const UniverseSpec& universe) {
    SeedReport report;
    if (store.count() > 0)
        return report;
    std::vector<std::pair<SymbolMeta, PriceSeries>> symbols;
    int order = 0;
    for (const BundledSeries& b : bundled) {
        PriceSeries bars = parse_price_csv(b.csv_text, b.file_name);
        SymbolMeta meta{std::string(b.name),           "bundled:" + std::string(b.file_name),
                        infer_timeframe(bars.time_ms), std::string(b.provenance),
                        SymbolKind::Bundled,           order++};
        if (meta.timeframe.empty())
            meta.timeframe = "1d";  // the bundled sets are daily
        symbols.emplace_back(std::move(meta), std::move(bars));
    }
    report.real = symbols.size();
    const std::string provenance = generated_provenance(universe);
    for (GeneratedSymbol& g : generate_universe(universe)) {
        SymbolMeta meta{g.name, "generator", "1d", provenance, SymbolKind::Generated, 0};
        symbols.emplace_back(std::move(meta), std::move(g.bars));
    }
    report.generated = symbols.size() - report.real;
    store.save_all(symbols);
    report.seeded = true;
    return report;
}

}  // namespace atc::store
