// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/session_state.hpp"

#include <QStringList>
#include <QVariantMap>
#include <algorithm>
#include <cmath>
#include <exception>

#include "atc/params_json.hpp"
#include "atc/timeframe.hpp"
#include "charts/chart_format.hpp"
#include "charts/chart_stack.hpp"
#include "panels/performance_panel.hpp"

namespace atc::ui {
namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kThemeKey = QStringLiteral("view/theme");
const QString kCandlesKey = QStringLiteral("view/candles");
const QString kPriceScaleKey = QStringLiteral("view/price_scale");
const QString kSymbolKey = QStringLiteral("session/symbol");
const QString kParamsKey = QStringLiteral("session/params");
const QString kVersionKey = QStringLiteral("session/version");
const QString kHiddenMaKey = QStringLiteral("view/hidden_ma");
const QString kEquityKey = QStringLiteral("view/equity");
const QString kCalibrationKey = QStringLiteral("view/calibration");
const QString kRangesKey = QStringLiteral("view/ranges");
const QString kCollapsedPanesKey = QStringLiteral("view/collapsed_panes");
const QString kTimeframesKey = QStringLiteral("view/timeframes");
const QString kCompareKey = QStringLiteral("view/compare");
const QString kPerformanceModeKey = QStringLiteral("performance/mode");
const QString kPerformanceCostKey = QStringLiteral("performance/cost_bps");
const QString kScannerTimeframeKey = QStringLiteral("scanner/timeframe");
const QString kRangeSymbolKey = QStringLiteral("symbol");
const QString kRangeFirstKey = QStringLiteral("first");
const QString kRangeLastKey = QStringLiteral("last");
const QString kScannerTiesKey = QStringLiteral("scanner/ties");
const QString kLongHeaderKey = QStringLiteral("scanner/long_header");
const QString kShortHeaderKey = QStringLiteral("scanner/short_header");
const QString kScannerColumnsKey = QStringLiteral("scanner/columns");

// The values when no family is chosen: the equity pane's six Layer-2 curves,
// the calibration pane hidden.
const QString kLayer2Equity = QStringLiteral("families");
const QString kCalibrationOff = QStringLiteral("off");

std::optional<MaType> familyNamed(const QString& name) {
    for (const MaType t : kAllFamilies) {
        if (familyLabel(t) == name)
            return t;
    }
    return std::nullopt;
}

// An INI file keeps booleans as text; anything but true or false is damage.
bool boolOr(const QVariant& value, bool fallback) {
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    const QString text = value.toString();
    if (text == QStringLiteral("true"))
        return true;
    if (text == QStringLiteral("false"))
        return false;
    return fallback;
}

std::optional<double> finiteNumber(const QVariant& value) {
    bool ok = false;
    const double x = value.toDouble(&ok);
    if (!ok || !std::isfinite(x))
        return std::nullopt;
    return x;
}

ChartViewState readChartView(const QSettings& s) {
    ChartViewState view;
    view.candles = boolOr(s.value(kCandlesKey), view.candles);
    view.price_scale =
        parsePriceScale(s.value(kPriceScaleKey).toString()).value_or(view.price_scale);
    for (const QString& name : s.value(kHiddenMaKey).toStringList()) {
        if (const std::optional<MaType> family = familyNamed(name))
            view.ma_visible[static_cast<std::size_t>(*family)] = false;
    }
    view.equity_family = familyNamed(s.value(kEquityKey).toString());
    view.calibration_family = familyNamed(s.value(kCalibrationKey).toString());
    return view;
}

void writeChartView(QSettings& s, const ChartViewState& view) {
    s.setValue(kCandlesKey, view.candles);
    s.setValue(kPriceScaleKey, priceScaleName(view.price_scale));
    QStringList hidden;
    for (const MaType t : kAllFamilies) {
        if (!view.ma_visible[static_cast<std::size_t>(t)])
            hidden << familyLabel(t);
    }
    s.setValue(kHiddenMaKey, hidden);
    s.setValue(kEquityKey, view.equity_family ? familyLabel(*view.equity_family) : kLayer2Equity);
    s.setValue(kCalibrationKey,
               view.calibration_family ? familyLabel(*view.calibration_family) : kCalibrationOff);
}

// A range only needs to be one: the chart clamps it to the symbol's bars.
SymbolRanges readRanges(QSettings& s) {
    const int saved = s.beginReadArray(kRangesKey);
    const int count = std::clamp(saved, 0, static_cast<int>(SymbolRanges::kCapacity));
    SymbolRanges ranges;
    // Oldest first, so that the most recent ends up first again.
    for (int i = count - 1; i >= 0; --i) {
        s.setArrayIndex(i);
        const QString symbol = s.value(kRangeSymbolKey).toString();
        const std::optional<double> first = finiteNumber(s.value(kRangeFirstKey));
        const std::optional<double> last = finiteNumber(s.value(kRangeLastKey));
        if (!symbol.isEmpty() && first && last && *first < *last)
            ranges.remember(symbol, {*first, *last});
    }
    s.endArray();
    return ranges;
}

void writeRanges(QSettings& s, const SymbolRanges& ranges) {
    s.remove(kRangesKey);  // no entries of a longer list left behind
    s.beginWriteArray(kRangesKey, static_cast<int>(ranges.entries().size()));
    int i = 0;
    for (const SymbolRanges::Entry& entry : ranges.entries()) {
        s.setArrayIndex(i++);
        s.setValue(kRangeSymbolKey, entry.symbol);
        s.setValue(kRangeFirstKey, entry.range.first);
        s.setValue(kRangeLastKey, entry.range.last);
    }
    s.endArray();
}

std::optional<AtcParams> readParams(const QSettings& s) {
    const QString text = s.value(kParamsKey).toString();
    if (text.isEmpty())
        return std::nullopt;
    try {
        return parse_params_json(text.toStdString(), "saved session");
    } catch (const std::exception&) {
        // Parameters from another version that no longer validate: the defaults.
        return std::nullopt;
    }
}

// Names of panes that exist, each once; anything else in the file is dropped.
QStringList readCollapsedPanes(QSettings& s) {
    QStringList panes;
    for (const QString& name : s.value(kCollapsedPanesKey).toStringList()) {
        if (ChartStack::paneNames().contains(name) && !panes.contains(name))
            panes << name;
    }
    return panes;
}

// The canonical name of a saved timeframe; "" for anything that is not one.
QString timeframeNamed(const QString& text) {
    const std::optional<Timeframe> tf = parse_timeframe(text.toStdString());
    return tf ? QString::fromStdString(tf->name()) : QString();
}

QHash<QString, QString> readTimeframes(QSettings& s) {
    QHash<QString, QString> timeframes;
    const QVariantMap saved = s.value(kTimeframesKey).toMap();
    for (auto it = saved.begin(); it != saved.end(); ++it) {
        const QString tf = timeframeNamed(it.value().toString());
        if (!it.key().isEmpty() && !tf.isEmpty())
            timeframes.insert(it.key(), tf);
    }
    return timeframes;
}

void writeTimeframes(QSettings& s, const QHash<QString, QString>& timeframes) {
    QVariantMap map;
    for (auto it = timeframes.begin(); it != timeframes.end(); ++it)
        map.insert(it.key(), it.value());
    s.setValue(kTimeframesKey, map);
}

PerformanceOptions readPerformance(const QSettings& s) {
    PerformanceOptions options;
    options.mode = parse_position_mode(s.value(kPerformanceModeKey).toString().toStdString())
                       .value_or(options.mode);
    if (const std::optional<double> cost = finiteNumber(s.value(kPerformanceCostKey));
        cost && *cost >= 0.0 && *cost <= PerformancePanel::kMaxCostBps)
        options.cost_bps = *cost;
    return options;
}

void writePerformance(QSettings& s, const PerformanceOptions& options) {
    const std::string_view name = position_mode_name(options.mode);
    s.setValue(kPerformanceModeKey,
               QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size())));
    s.setValue(kPerformanceCostKey, options.cost_bps);
}

}  // namespace

SessionState readSession(QSettings& s) {
    SessionState session;
    session.window_geometry = s.value(kGeometryKey).toByteArray();
    session.window_state = s.value(kStateKey).toByteArray();
    session.theme = s.value(kThemeKey).toString() == QStringLiteral("light") ? ThemeKind::Light
                                                                             : ThemeKind::Dark;
    session.params = readParams(s);
    session.symbol = s.value(kSymbolKey).toString();
    session.chart = readChartView(s);
    session.ranges = readRanges(s);
    session.collapsed_panes = readCollapsedPanes(s);
    session.timeframes = readTimeframes(s);
    session.compared = s.value(kCompareKey).toStringList();
    session.compared.removeAll(QString());
    session.compared.removeDuplicates();
    session.performance = readPerformance(s);
    session.scanner_timeframe = timeframeNamed(s.value(kScannerTimeframeKey).toString());
    session.scanner_ties =
        tieBreakFromKey(s.value(kScannerTiesKey).toString()).value_or(ScanTieBreak::BarsSinceEntry);
    session.scanner_long_header = s.value(kLongHeaderKey).toByteArray();
    session.scanner_short_header = s.value(kShortHeaderKey).toByteArray();
    session.scanner_columns = s.value(kScannerColumnsKey).toInt();
    return session;
}

void writeSession(QSettings& s, const SessionState& session) {
    s.setValue(kVersionKey, kSessionVersion);
    s.setValue(kGeometryKey, session.window_geometry);
    s.setValue(kStateKey, session.window_state);
    s.setValue(kThemeKey, session.theme == ThemeKind::Light ? QStringLiteral("light")
                                                            : QStringLiteral("dark"));
    if (session.params)
        s.setValue(kParamsKey, QString::fromStdString(params_to_json(*session.params)));
    else
        s.remove(kParamsKey);
    s.setValue(kSymbolKey, session.symbol);
    writeChartView(s, session.chart);
    writeRanges(s, session.ranges);
    s.setValue(kCollapsedPanesKey, session.collapsed_panes);
    writeTimeframes(s, session.timeframes);
    s.setValue(kCompareKey, session.compared);
    writePerformance(s, session.performance);
    s.setValue(kScannerTimeframeKey, session.scanner_timeframe);
    s.setValue(kScannerTiesKey, tieBreakKey(session.scanner_ties));
    s.setValue(kLongHeaderKey, session.scanner_long_header);
    s.setValue(kShortHeaderKey, session.scanner_short_header);
    s.setValue(kScannerColumnsKey, session.scanner_columns);
}

}  // namespace atc::ui
