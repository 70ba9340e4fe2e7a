// SPDX-License-Identifier: GPL-3.0-or-later
#include "scan_source.hpp"

#include <algorithm>
#include <cctype>
#include <system_error>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "store_session.hpp"
#include "timeframe_option.hpp"

namespace atc::cli {
namespace {

namespace fs = std::filesystem;

bool has_csv_extension(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".csv";
}

std::string describe(const CsvError& e) {
    return e.line() == 0 ? e.problem() : "line " + std::to_string(e.line()) + ": " + e.problem();
}

// The text of what names a bar, by the rule of ScanSource::bar_text.
std::string bar_name_text(const store::BarName& name) {
    // The time first, as the app names bars: a file's label may be any text
    // (epoch seconds, "20240105 1400"), the time is one format everywhere.
    if (name.time_ms)
        return bar_time_text(*name.time_ms, name.time_kind);
    if (name.label)
        return *name.label;
    return {};
}

template <typename T>
std::uint64_t vector_bytes(const std::vector<T>& v) {
    return v.capacity() * sizeof(T);
}

// A scan of the data's own bars reads the closes, and names a bar by its
// label or time (bar_text); the other columns were read and checked with the
// file and are let go at once, so that the next file this thread reads
// reuses their memory instead of touching new pages (and a chunk holds less).
void drop_unscanned_columns(PriceSeries& series) {
    for (std::vector<double>* column : {&series.open, &series.high, &series.low, &series.volume}) {
        column->clear();
        column->shrink_to_fit();
    }
}

}  // namespace

ScanSource::ScanSource(ScanSource&&) noexcept = default;
ScanSource& ScanSource::operator=(ScanSource&&) noexcept = default;
ScanSource::~ScanSource() = default;

ScanSource ScanSource::csv_dir(const fs::path& dir) {
    std::error_code ec;
    if (!fs::exists(dir, ec)) {
        throw ScanError("directory not found: " + dir.string());
    }
    if (!fs::is_directory(dir, ec)) {
        throw ScanError("not a directory: " + dir.string());
    }
    std::vector<fs::path> files;
    // The throwing iterator reports an unreadable folder with the OS's reason.
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
        std::error_code entry_ec;
        // is_regular_file follows symbolic links, so linked price files count too.
        if (entry.is_regular_file(entry_ec) && has_csv_extension(entry.path())) {
            files.push_back(entry.path());
        }
    }
    if (files.empty()) {
        throw ScanError("no CSV files (*.csv) in " + dir.string());
    }
    // Sorted by file name so runs are reproducible.
    std::sort(files.begin(), files.end(),
              [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
    ScanSource source;
    source.location_ = dir;
    for (const fs::path& file : files)
        source.entries_.push_back({file.stem().string(), file.string(), 0});
    return source;
}

ScanSource ScanSource::database(const std::optional<std::string>& db_option) {
    ScanSource source;
    source.store_ = std::make_unique<StoreSession>("atc scan", db_option);
    source.location_ = source.store_->database().path();
    for (const store::SymbolInfo& info : source.store_->symbols().list())
        source.entries_.push_back({info.meta.name, info.meta.name, info.bar_count});
    if (source.entries_.empty())
        throw ScanError("the database has no symbols: import some with 'atc import'");
    return source;
}

std::optional<fs::path> ScanSource::cache_database() const {
    if (!store_ || store_->report().access != store::Access::ReadWrite)
        return std::nullopt;
    return location_;
}

std::string ScanSource::cache_off_reason() const {
    return store_ ? store_->report().not_writable : std::string();
}

std::string ScanSource::kind() const {
    return store_ ? "database" : "csv-dir";
}

store::ScanBarsReader& ScanSource::reader() {
    if (!reader_)
        reader_ = std::make_unique<store::ScanBarsReader>(store_->database());
    return *reader_;
}

std::vector<std::optional<cache::SeriesDigest>> ScanSource::closes_digests() {
    std::vector<std::optional<cache::SeriesDigest>> digests;
    if (!store_ || timeframe_)
        return digests;
    digests.resize(entries_.size());
    for (std::size_t i = 0; i < entries_.size(); ++i) {
        try {
            digests[i] = reader().closes_digest(entries_[i].symbol);
        } catch (const store::StoreError&) {
            // Loading the symbol reports it.
        }
    }
    return digests;
}

void ScanSource::load(std::span<const std::size_t> which, std::vector<LoadedSeries>& loaded) {
    loaded.resize(which.size());
    for (LoadedSeries& out : loaded)
        out.error.clear();
    if (store_) {
        // One connection: the symbols are read one after the other.
        for (std::size_t k = 0; k < which.size(); ++k) {
            LoadedSeries& out = loaded[k];
            const std::string& symbol = entries_[which[k]].symbol;
            try {
                // Resampling needs every column; the data's own bars need the closes alone.
                if (!timeframe_)
                    reader().read_closes(symbol, out.series.close);
                else
                    out.series = store_->symbols().load(symbol);
            } catch (const store::StoreError& e) {
                out.error = e.what();
            }
        }
    } else {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, which.size()),
                          [&](const tbb::blocked_range<std::size_t>& range) {
                              for (std::size_t k = range.begin(); k != range.end(); ++k) {
                                  LoadedSeries& out = loaded[k];
                                  // One bad file must not stop the others: keep the reason.
                                  try {
                                      out.series = read_price_csv(entries_[which[k]].origin);
                                      if (!timeframe_)
                                          drop_unscanned_columns(out.series);
                                  } catch (const CsvError& e) {
                                      out.error = describe(e);
                                  } catch (const std::exception& e) {
                                      out.error = e.what();
                                  }
                              }
                          });
    }
    if (timeframe_)
        resample_loaded(loaded);
}

std::string ScanSource::bar_text(std::size_t entry, const PriceSeries& series, std::size_t bar) {
    if (reader_ && !timeframe_)
        return bar_name_text(reader_->bar_name(entries_[entry].symbol, bar));
    store::BarName name;
    if (bar < series.labels.size())
        name.label = series.labels[bar];
    if (bar < series.time_ms.size()) {
        name.time_ms = series.time_ms[bar];
        name.time_kind = series.time_kind;
    }
    return bar_name_text(name);
}

void ScanSource::resample_loaded(std::vector<LoadedSeries>& loaded) const {
    tbb::parallel_for(std::size_t{0}, loaded.size(), [&](std::size_t i) {
        LoadedSeries& out = loaded[i];
        if (!out.error.empty())
            return;
        try {
            out.series = resample(out.series, timeframe_->target, timeframe_->options).bars;
            // The entry markers' bars are named by their buckets' times.
            label_by_time(out.series);
        } catch (const ResampleError& e) {
            out.error = e.what();
        }
    });
}

std::uint64_t price_series_bytes(const PriceSeries& series) {
    return sizeof(PriceSeries) + vector_bytes(series.close) + series.labels.heap_bytes() +
           vector_bytes(series.time_ms) + vector_bytes(series.open) + vector_bytes(series.high) +
           vector_bytes(series.low) + vector_bytes(series.volume);
}

}  // namespace atc::cli
