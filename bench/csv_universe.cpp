// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv_universe.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>

#include "universe.hpp"

namespace atc::bench {
namespace {

namespace fs = std::filesystem;

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};

// A small deterministic generator for the bars' shape (the closes come from
// the universe); a plain LCG is random enough for wicks and volumes.
class BarNoise {
public:
    explicit BarNoise(std::uint64_t seed) : state_(seed * 0x9E3779B97F4A7C15ULL + 1) {}
    // 0, 1, ..., n - 1.
    unsigned below(unsigned n) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<unsigned>((state_ >> 33) % n);
    }

private:
    std::uint64_t state_;
};

// Monday to Friday from 2016-01-04 (a Monday): the date of business day `i`.
std::chrono::year_month_day business_day(std::size_t i) {
    using namespace std::chrono;
    constexpr sys_days kFirst = sys_days(year(2016) / January / 4);
    const auto weeks = static_cast<int>(i / 5);
    const auto weekday = static_cast<int>(i % 5);
    return year_month_day(kFirst + days(weeks * 7 + weekday));
}

// Prices are whole cents: the tick grid that the closes are on.
long cents(double price) {
    return std::lround(price * 100.0);
}

void write_symbol_file(const fs::path& file, std::span<const double> closes, std::uint64_t seed) {
    const std::unique_ptr<std::FILE, FileCloser> out(std::fopen(file.c_str(), "wb"));
    if (!out)
        throw std::runtime_error("cannot write " + file.string());
    std::fputs("Date,Open,High,Low,Close,Volume\n", out.get());
    BarNoise noise(seed);
    long previous = cents(closes.front());
    for (std::size_t i = 0; i < closes.size(); ++i) {
        const long close = cents(closes[i]);
        const long open = previous;  // the day opens where the last one closed
        const long high = std::max(open, close) + noise.below(250);
        const long low = std::max(1L, std::min(open, close) - static_cast<long>(noise.below(250)));
        const unsigned volume = 10'000 + noise.below(990'000);
        const std::chrono::year_month_day day = business_day(i);
        std::fprintf(out.get(), "%04d-%02u-%02u,%ld.%02ld,%ld.%02ld,%ld.%02ld,%ld.%02ld,%u\n",
                     static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                     static_cast<unsigned>(day.day()), open / 100, open % 100, high / 100,
                     high % 100, low / 100, low % 100, close / 100, close % 100, volume);
        previous = close;
    }
    if (std::ferror(out.get()))
        throw std::runtime_error("cannot write " + file.string());
}

fs::path symbol_file(const fs::path& dir, std::size_t symbol) {
    char name[32];
    std::snprintf(name, sizeof name, "S%04zu.csv", symbol);
    return dir / name;
}

}  // namespace

void write_csv_universe(const fs::path& dir, std::size_t symbols, std::size_t bars) {
    const Universe universe(symbols, bars);
    for (std::size_t s = 0; s < symbols; ++s)
        write_symbol_file(symbol_file(dir, s), universe.series()[s], s + 1);
}

CsvUniverseFolder::CsvUniverseFolder(std::size_t symbols, std::size_t bars) : folder_("csv") {
    write_csv_universe(folder_.path(), symbols, bars);
    for (std::size_t s = 0; s < symbols; ++s) {
        files_.push_back(symbol_file(folder_.path(), s));
        total_bytes_ += fs::file_size(files_.back());
    }
}

}  // namespace atc::bench
