// SPDX-License-Identifier: GPL-3.0-or-later
// Where the database lives when nobody says otherwise.
#pragma once

#include <filesystem>

namespace atc::store {

// Environment variable that overrides the location (tests, scripts, a second profile).
inline constexpr const char* kDatabaseEnvVar = "ATC_DB";
inline constexpr const char* kDatabaseFileName = "atc-studio.sqlite";

// $ATC_DB if set and non-empty; else the user's data directory as the XDG base
// directory spec defines it ($XDG_DATA_HOME, or ~/.local/share) + "atc-studio/"
// — the same folder Qt's QStandardPaths::AppDataLocation gives the desktop app
// (application name "atc-studio", no organisation), so both share one store.
// Never next to the binary: an installed program's folder is not writable.
std::filesystem::path default_database_path();

}  // namespace atc::store
