// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/store/default_location.hpp"

#include <cstdlib>

#include "atc/store/database.hpp"

namespace atc::store {
namespace {

const char* non_empty_env(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

}  // namespace

std::filesystem::path default_database_path() {
    if (const char* explicit_path = non_empty_env(kDatabaseEnvVar))
        return explicit_path;
    std::filesystem::path data_home;
    if (const char* xdg = non_empty_env("XDG_DATA_HOME")) {
        data_home = xdg;
    } else if (const char* home = non_empty_env("HOME")) {
        data_home = std::filesystem::path(home) / ".local" / "share";
    } else {
        throw StoreError(std::string("cannot tell where to keep the database: neither ") +
                         kDatabaseEnvVar + ", XDG_DATA_HOME nor HOME is set; pass --db PATH");
    }
    return data_home / "atc-studio" / kDatabaseFileName;
}

}  // namespace atc::store
