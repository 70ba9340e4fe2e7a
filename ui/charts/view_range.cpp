#include "charts/view_range.hpp"

#include <algorithm>

namespace atc::ui {
namespace {

double data_first() {
    return -0.5;
}
double data_last(std::size_t bars) {
    return static_cast<double>(bars) - 0.5;
}

double min_span(std::size_t bars) {
    return std::min(kMinSpanBars, std::max(1.0, static_cast<double>(bars)));
}

double max_span(std::size_t bars) {
    const double all = data_last(bars) - data_first();
    return std::max(1.0, all + right_margin(all));
}

}  // namespace

double right_margin(double span) {
    return 0.03 * span;
}

ViewRange initial_range(std::size_t bars) {
    if (bars == 0)
        return {};
    const double shown = static_cast<double>(std::min(bars, kInitialBars));
    const double last = data_last(bars);
    return {last - shown, last + right_margin(shown)};
}

ViewRange clamp_range(ViewRange range, std::size_t bars) {
    if (bars == 0)
        return {};
    const double span = std::clamp(range.span(), min_span(bars), max_span(bars));
    const double centre = 0.5 * (range.first + range.last);
    ViewRange r{centre - 0.5 * span, centre + 0.5 * span};
    // The right edge may show the margin of the current span, no more.
    const double hi = data_last(bars) + right_margin(span);
    if (r.last > hi)
        r = {hi - span, hi};
    if (r.first < data_first())
        r = {data_first(), data_first() + span};
    return r;
}

ViewRange zoom_range(ViewRange range, double factor, double anchor, std::size_t bars) {
    if (factor <= 0.0 || range.span() <= 0.0)
        return clamp_range(range, bars);
    const double span = range.span() / factor;
    const double clamped = std::clamp(span, min_span(bars), max_span(bars));
    const double t = std::clamp((anchor - range.first) / range.span(), 0.0, 1.0);
    const double first = anchor - t * clamped;
    return clamp_range({first, first + clamped}, bars);
}

ViewRange pan_range(ViewRange range, double delta, std::size_t bars) {
    return clamp_range({range.first + delta, range.last + delta}, bars);
}

}  // namespace atc::ui
