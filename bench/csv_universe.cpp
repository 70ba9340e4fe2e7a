// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_universe.hpp"
#include <cstdio>
#include <string>
#include "universe.hpp"
namespace atc::bench {
void write_csv_universe(const std::filesystem::path& dir, std::size_t symbols, std::size_t bars) {
    const Universe u(symbols, bars);
    for (std::size_t s = 0; s < symbols; ++s) {
        char name[32];
        std::snprintf(name, sizeof name, "S%04zu.csv", s);
        std::FILE* f = std::fopen((dir / name).c_str(), "wb");
        std::fprintf(f, "Date,Open,High,Low,Close,Volume\n");
        const auto& c = u.series()[s];
        for (std::size_t i = 0; i < bars; ++i) {
            const double o = i ? c[i - 1] : c[i];
            const double h = (o > c[i] ? o : c[i]) * 1.004, l = (o < c[i] ? o : c[i]) * 0.996;
            std::fprintf(f, "20%02zu-%02zu-%02zu,%.2f,%.2f,%.2f,%.2f,%zu\n", 16 + i / 336,
                         1 + (i / 28) % 12, 1 + i % 28, o, h, l, c[i], 1000 + i * 7);
        }
        std::fclose(f);
    }
}
}  // namespace atc::bench
