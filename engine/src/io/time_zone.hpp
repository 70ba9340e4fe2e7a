// SPDX-License-Identifier: GPL-3.0-or-later
// Local times (without an offset) turned into UTC, in a zone the user names.
// The zone rules are the system's tz database, read by Howard Hinnant's date
// library: no hand-written tables.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "io/csv_result.hpp"

namespace date {
class time_zone;
}

namespace atc::detail {

class LocalZone {
public:
    // UTC: times are taken as written.
    LocalZone() = default;

    // The IANA zone `name` ("Europe/Berlin"); "" or "UTC" is UTC. Refuses a
    // name the tz database does not know, naming it.
    static CsvResult<LocalZone> find(std::string_view name);

    bool is_utc() const { return zone_ == nullptr; }
    const std::string& name() const { return name_; }

    // `local_ms` (milliseconds since the epoch as written on a wall clock in
    // this zone) in UTC. A wall time that occurs twice (the hour the clocks go
    // back) is the first of the two; one that does not occur (the hour they go
    // forward) is the moment of the change.
    std::int64_t to_utc(std::int64_t local_ms) const;

private:
    const date::time_zone* zone_ = nullptr;
    std::string name_ = "UTC";
};

}  // namespace atc::detail
