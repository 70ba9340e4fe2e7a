// SPDX-License-Identifier: GPL-3.0-or-later
#include "utc_text.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace atc::cli {

std::string utc_text(std::int64_t time_ms, const char* format) {
    const auto seconds = static_cast<std::time_t>(time_ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, format, &utc);
    return text;
}

std::optional<std::int64_t> parse_utc_time(std::string_view text) {
    if (text.ends_with('Z'))
        text.remove_suffix(1);
    const std::string s(text);
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0, used = 0;
    const bool date_only = std::sscanf(s.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &used) == 3 &&
                           used == static_cast<int>(s.size());
    const bool minutes =
        !date_only &&
        std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &used) == 5 &&
        used == static_cast<int>(s.size());
    const bool seconds = !date_only && !minutes &&
                         std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi,
                                     &sec, &used) == 6 &&
                         used == static_cast<int>(s.size());
    using namespace std::chrono;
    const year_month_day day{year(y), month(static_cast<unsigned>(mo)),
                             std::chrono::day(static_cast<unsigned>(d))};
    if (!(date_only || minutes || seconds) || !day.ok() || h > 23 || mi > 59 || sec > 59 || h < 0 ||
        mi < 0 || sec < 0)
        return std::nullopt;
    const auto time =
        sys_days(day) + hours(h) + std::chrono::minutes(mi) + std::chrono::seconds(sec);
    return duration_cast<milliseconds>(time.time_since_epoch()).count();
}

}  // namespace atc::cli
