// SPDX-License-Identifier: GPL-3.0-or-later
// Where a database is: a file path, or a SQLite "file:" URI when the file must
// be opened read-only ("file:/data/atc.sqlite?mode=ro") or lives in memory
// ("file:/atc-studio-memory?vfs=memdb"). Database::open returns such a URI as
// path() when it falls back to read-only, so every later connect() of the
// application opens the file the same way without being told.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "atc/store/database.hpp"

namespace atc::store {

// True for a location SQLite must read as a URI ("file:...").
bool is_sqlite_uri(const std::filesystem::path& location);

// The file a location names: the path itself, or a URI's path percent-decoded.
// Empty for an in-memory database.
std::filesystem::path file_of(const std::filesystem::path& location);

// "file:<absolute file, percent-encoded>?<query>", e.g. query "mode=ro".
std::filesystem::path file_uri(const std::filesystem::path& file, std::string_view query);

// Why the database at `location` cannot be written, in a trader's words and
// naming the folder or file, decided from SQLite's error and what the file
// system says about the folder and the file: "the disk holding /data is full",
// "/data is read-only (Permission denied)", "/data/atc.sqlite is read-only",
// else SQLite's own message.
std::string why_not_writable(const std::filesystem::path& location, const StoreError& error);

}  // namespace atc::store
