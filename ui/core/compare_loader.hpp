// SPDX-License-Identifier: GPL-3.0-or-later
// Loads the symbols compared with the chart (View → Compare…) off the GUI
// thread: each from the store, at the main chart's timeframe where its data
// can give it (its own bars otherwise), laid on the main chart's bars
// (alignedCloses). The answers come back as queued signals.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <filesystem>
#include <memory>

#include "core/compare_series.hpp"
#include "core/symbol_data.hpp"

namespace atc::ui {

class CompareLoader : public QObject {
    Q_OBJECT

public:
    explicit CompareLoader(std::filesystem::path database, QObject* parent = nullptr);
    ~CompareLoader() override;  // waits for running loads

    // Loads each of `names` for `main`; every one answers with loaded or failed.
    void request(const QStringList& names, std::shared_ptr<const SymbolData> main);

signals:
    void loaded(std::shared_ptr<const atc::ui::CompareSeries> series);
    void failed(const QString& name, const QString& message);

private:
    std::shared_ptr<const CompareSeries> load(const QString& name, const SymbolData& main) const;

    std::filesystem::path database_;
    // One at a time: a few symbols, each a read and a merge, behind the chart.
    QThreadPool pool_;
};

}  // namespace atc::ui
