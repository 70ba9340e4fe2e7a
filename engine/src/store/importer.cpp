// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/store/importer.hpp"

#include "atc/timeframe.hpp"

namespace atc::store {
namespace {

constexpr int kImportedSortOrder = 100;

}  // namespace

ImportReport import_csv_file(SymbolStore& store, const std::filesystem::path& file,
                             const ImportOptions& options, const std::string& origin) {
    // Parse completely before touching the database: a bad file changes nothing.
    return save_imported_prices(store, file, import_price_file(file, options), options.symbol,
                                origin);
}

ImportReport save_imported_prices(SymbolStore& store, const std::filesystem::path& file,
                                  const ImportedPrices& prices,
                                  const std::optional<std::string>& symbol,
                                  const std::string& origin) {
    ImportReport report;
    report.detection = prices.detection;
    const bool several = prices.series.size() > 1;
    if (several && symbol)
        throw StoreError("cannot import " + file.string() + " as one symbol: it holds " +
                         std::to_string(prices.series.size()) + " tickers");
    std::vector<SymbolMeta> metas;
    for (const NamedSeries& series : prices.series) {
        const std::string name =
            symbol ? *symbol : (series.name.empty() ? file.stem().string() : series.name);
        if (name.empty())
            throw StoreError("cannot import " + file.string() + ": empty symbol name");
        const std::optional<SymbolInfo> existing = store.find(name);
        report.symbols.push_back({SymbolInfo{}, existing.has_value()});
        SymbolMeta meta;
        // A re-import keeps the symbol's place in the watchlist; new ones follow
        // the bundled series.
        meta.sort_order = existing ? existing->meta.sort_order : kImportedSortOrder;
        meta.name = name;
        meta.source = origin.empty() ? std::filesystem::absolute(file).string() : origin;
        meta.timeframe = infer_timeframe(series.bars.time_ms);
        meta.provenance = "Imported from " + (origin.empty() ? file.filename().string() : origin);
        meta.kind = SymbolKind::Imported;
        for (const std::string& w : series.bars.warnings)
            report.warnings.push_back(several ? name + ": " + w : w);
        metas.push_back(std::move(meta));
    }
    if (several) {
        // The file's skipped rows are the file's, not one series'.
        for (const SkippedRows& skipped : report.detection.skipped)
            report.warnings.push_back(describe_skipped(skipped));
    }
    if (metas.size() == 1) {
        report.symbols.front().symbol = store.save(metas.front(), prices.series.front().bars);
        return report;
    }
    // Several tickers: one transaction for all of them.
    std::vector<std::pair<SymbolMeta, PriceSeries>> symbols;
    symbols.reserve(metas.size());
    for (std::size_t i = 0; i < metas.size(); ++i)
        symbols.emplace_back(metas[i], prices.series[i].bars);
    store.save_all(symbols);
    for (std::size_t i = 0; i < metas.size(); ++i)
        report.symbols[i].symbol = *store.find(metas[i].name);
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
