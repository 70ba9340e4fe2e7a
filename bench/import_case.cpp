// SPDX-License-Identifier: GPL-3.0-or-later
#include "import_case.hpp"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "atc/store/database.hpp"
#include "atc/store/importer.hpp"
#include "atc/store/symbol_store.hpp"
#include "temp_folder.hpp"

namespace atc::bench {
namespace {

namespace fs = std::filesystem;

// A random-looking walk with Binance's eight decimals; what matters for the
// reader is the shape and length of the lines, not the market.
void write_klines(const fs::path& file, std::size_t bars) {
    std::FILE* out = std::fopen(file.c_str(), "wb");
    if (!out)
        throw std::runtime_error("cannot write " + file.string());
    std::int64_t open_time = 1'704'067'200'000;  // 2024-01-01T00:00:00Z
    double price = 42'000.0;
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    for (std::size_t i = 0; i < bars; ++i, open_time += 60'000) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        const double step = (static_cast<double>(state >> 40) / 16777216.0 - 0.5) * 40.0;
        const double open = price;
        const double close = price + step;
        const double high = std::max(open, close) + 5.25;
        const double low = std::min(open, close) - 4.75;
        std::fprintf(out, "%" PRId64 ",%.8f,%.8f,%.8f,%.8f,%.8f,%" PRId64 ",%.8f,%zu,%.8f,%.8f,0\n",
                     open_time, open, high, low, close, 12.5 + static_cast<double>(i % 97),
                     open_time + 59'999, 525'000.125 + static_cast<double>(i % 89), 400 + i % 53,
                     6.25 + static_cast<double>(i % 41), 262'500.5 + static_cast<double>(i % 43));
        price = close;
    }
    std::fclose(out);
}

// A temporary folder holding a kline file of `bars` rows, removed with the object.
struct KlineFolder {
    TempFolder folder{"import"};
    fs::path file = folder.path() / "BTCUSDT-1m.csv";
    fs::path database = folder.path() / "store.sqlite";

    explicit KlineFolder(std::size_t bars) { write_klines(file, bars); }
};

}  // namespace

CaseResult run_import_case(std::size_t bars,
                           const std::function<CaseResult(const std::function<void()>&)>& measure) {
    const KlineFolder folder(bars);
    CaseResult result;
    {
        store::Database db = store::Database::open(folder.database);
        store::SymbolStore symbols(db);
        result = measure([&] { store::import_csv_file(symbols, folder.file); });
    }
    result.input_mib = static_cast<double>(fs::file_size(folder.file)) / (1024.0 * 1024.0);
    return result;
}

CaseResult run_load_case(std::size_t bars,
                         const std::function<CaseResult(const std::function<void()>&)>& measure) {
    const KlineFolder folder(bars);
    std::string name;
    {
        store::Database db = store::Database::open(folder.database);
        store::SymbolStore symbols(db);
        name = store::import_csv_file(symbols, folder.file).symbols.front().symbol.meta.name;
    }
    std::size_t columns = 0;
    CaseResult result = measure([&] {
        store::Database db = store::Database::connect(folder.database);
        const PriceSeries loaded = store::SymbolStore(db).load(name);
        columns = 1 + !loaded.open.empty() + !loaded.high.empty() + !loaded.low.empty() +
                  !loaded.volume.empty() + !loaded.time_ms.empty();
    });
    result.input_mib = static_cast<double>(bars * columns * 8) / (1024.0 * 1024.0);
    return result;
}

}  // namespace atc::bench
