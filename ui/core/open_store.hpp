// SPDX-License-Identifier: GPL-3.0-or-later
// Opening the symbol store for the desktop app so that it always starts: the
// file read-write; else, if the file is there but cannot be written, read-only;
// else (it cannot be created at all) a database in memory with the bundled
// sample data. The report says which, and why, for the notices.
#pragma once

#include <filesystem>
#include <optional>

#include "atc/store/database.hpp"
#include "atc/store/importer.hpp"

namespace atc::ui {

struct OpenedStore {
    std::filesystem::path file;      // the database file asked for
    std::filesystem::path location;  // what every connection opens (a URI if not read-write)
    store::OpenReport report;        // access and not_writable say what is saved
    store::SeedReport seeded;
    // Holds an in-memory store alive (it ends with its last connection); empty
    // for a file.
    std::optional<store::Database> keeper;
};

// Throws store::StoreError for what the user must fix and no fallback covers:
// a damaged file that cannot be moved aside, another application's database, a
// newer schema, a lock held past the busy timeout.
OpenedStore openStore(const std::filesystem::path& file);

}  // namespace atc::ui
