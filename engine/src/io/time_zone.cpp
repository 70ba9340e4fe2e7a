// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/time_zone.hpp"

#include <date/tz.h>

#include <chrono>
#include <exception>

namespace atc::detail {

CsvResult<LocalZone> LocalZone::find(std::string_view name) {
    LocalZone zone;
    if (name.empty() || name == "UTC")
        return zone;
    try {
        zone.zone_ = date::locate_zone(name);
    } catch (const std::exception&) {
        return CsvProblem{"the time zone \"" + std::string(name) +
                          "\" is not in the time zone database (use an IANA name such as "
                          "Europe/Berlin or America/New_York)"};
    }
    zone.name_ = std::string(name);
    return zone;
}

std::int64_t LocalZone::to_utc(std::int64_t local_ms) const {
    if (!zone_)
        return local_ms;
    const date::local_time<std::chrono::milliseconds> local{std::chrono::milliseconds{local_ms}};
    return zone_->to_sys(local, date::choose::earliest).time_since_epoch().count();
}

}  // namespace atc::detail
