// SPDX-License-Identifier: GPL-3.0-or-later
// Writes result cache entries (and now and then a symbol) to a database in an
// endless loop, printing a line after each commit, until it is killed:
//
//     cache_writer_child DATABASE SEED
//
// test_crash_recovery kills it with SIGKILL at different moments and checks
// that the file opens consistent, with every committed entry and symbol. It
// opens the database the way the applications do (Database::open, then a
// ResultCache connected to it), so the kill lands in the product's own writes.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <span>
#include <string>

#include "atc/batch.hpp"
#include "atc/cache/result_cache.hpp"
#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"
#include "crash_child_data.hpp"

int main(int argc, char* argv[]) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: cache_writer_child DATABASE SEED\n");
        return 2;
    }
    const std::string database = argv[1];
    const auto seed = static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10));
    try {
        atc::store::Database db = atc::store::Database::open(database);
        atc::store::SymbolStore symbols(db);
        atc::cache::ResultCacheOptions options;
        options.database = database;
        // Any failure would make "committed" a lie: stop at once, loudly.
        options.on_disk_error = [](const std::string& message) {
            std::fprintf(stderr, "cache_writer_child: %s\n", message.c_str());
            std::_Exit(3);
        };
        atc::cache::ResultCache cache(options);
        atc::BatchOptions keep;
        keep.keep_series = true;  // entries of ~70 KB: the kill often lands mid-write
        for (std::size_t i = 0;; ++i) {
            const std::vector<double> close = atc::test::child_close(seed, i);
            const std::span<const double> one[] = {close};
            auto scan = std::make_shared<const atc::SymbolScan>(
                std::move(atc::compute_batch(one, atc::AtcParams{}, keep).symbols.front()));
            cache.store(cache.key(atc::cache::EntryKind::Scan, close, atc::AtcParams{}), scan);
            std::printf("cache %zu\n", i);
            if (i % atc::test::kChildSymbolEvery == 0) {
                symbols.save({atc::test::child_symbol_name(seed, i), "child", "1d", "",
                              atc::store::SymbolKind::Imported, 0},
                             atc::test::child_bars(seed, i));
                std::printf("symbol %zu\n", i);
            }
            std::fflush(stdout);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cache_writer_child: %s\n", e.what());
        return 1;
    }
}
