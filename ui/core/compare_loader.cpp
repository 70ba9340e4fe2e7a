// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/compare_loader.hpp"

#include <QMetaObject>
#include <exception>
#include <stdexcept>

#include "atc/resample.hpp"
#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"

namespace atc::ui {

CompareLoader::CompareLoader(std::filesystem::path database, QObject* parent)
    : QObject(parent), database_(std::move(database)) {
    qRegisterMetaType<std::shared_ptr<const CompareSeries>>();
    pool_.setMaxThreadCount(1);
}

CompareLoader::~CompareLoader() {
    pool_.waitForDone();
}

void CompareLoader::request(const QStringList& names, std::shared_ptr<const SymbolData> main) {
    if (!main)
        return;
    for (const QString& name : names) {
        pool_.start([this, name, main] {
            std::shared_ptr<const CompareSeries> series;
            QString error;
            try {
                series = load(name, *main);
            } catch (const std::exception& e) {
                error = QString::fromStdString(e.what());
            }
            QMetaObject::invokeMethod(
                this,
                [this, name, series, error] {
                    if (series)
                        emit loaded(series);
                    else
                        emit failed(name, error);
                },
                Qt::QueuedConnection);
        });
    }
}

std::shared_ptr<const CompareSeries> CompareLoader::load(const QString& name,
                                                         const SymbolData& main) const {
    // Its own connection: SQLite connections are not shared between threads.
    store::Database db = store::Database::connect(database_);
    store::SymbolStore store(db);
    PriceSeries stored = store.load(name.toStdString());
    // The main chart's timeframe where this data can give it; a coarser or
    // undated series is matched as it is (by time, or bar by bar).
    SymbolData other;
    try {
        setBarsAt(other, stored, main.timeframe);
    } catch (const std::exception&) {
        setBarsAt(other, std::move(stored), QString());
    }
    auto series = std::make_shared<CompareSeries>();
    series->name = name;
    series->main_name = main.name;
    series->main_timeframe = main.timeframe;
    series->closes = alignedCloses(main.bars, other.bars, series->by_time);
    if (!series->by_time)
        series->note = tr("%1 is compared bar by bar from the last bar: %2 has no dates.")
                           .arg(name, other.bars.time_ms.empty() ? name : main.name);
    return series;
}

}  // namespace atc::ui
