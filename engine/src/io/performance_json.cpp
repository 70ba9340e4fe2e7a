#include "atc/performance_json.hpp"

namespace atc {

void write_performance_json(JsonWriter& json, const PerformanceFigures& f,
                            const PerformanceOptions& options) {
    json.begin_object();
    json.key("total_return").number(f.total_return);
    json.key("cagr").number(f.cagr);
    json.key("sharpe").number(f.sharpe);
    json.key("sortino").number(f.sortino);
    json.key("max_drawdown").number(f.max_drawdown);
    json.key("time_in_market").number(f.time_in_market);
    json.key("trades").integer(f.trades);
    json.key("win_rate").number(f.win_rate);
    json.key("avg_win").number(f.avg_win);
    json.key("avg_loss").number(f.avg_loss);
    json.key("buy_and_hold_return").number(f.buy_and_hold_return);
    json.key("buy_and_hold_cagr").number(f.buy_and_hold_cagr);
    json.key("buy_and_hold_sharpe").number(f.buy_and_hold_sharpe);
    json.key("buy_and_hold_max_drawdown").number(f.buy_and_hold_max_drawdown);
    json.key("mode").string(position_mode_name(options.mode));
    json.key("cost_bps").number(options.cost_bps);
    json.end_object();
}

}  // namespace atc
