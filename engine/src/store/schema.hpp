// SPDX-License-Identifier: GPL-3.0-or-later
// The database layout and its migrations (internal to the store).
#pragma once

#include "atc/store/database.hpp"

namespace atc::store::detail {

// A file this program must not touch: another application's SQLite database,
// or one written by a newer ATC Studio. Never moved aside, never modified.
class ForeignDatabase : public StoreError {
public:
    using StoreError::StoreError;
};

// 0 for a database without our version table (a new, empty file).
int read_schema_version(Database& db);

// Throws ForeignDatabase if the file holds tables but is not ours, or if its
// schema is newer than kSchemaVersion.
void check_ownership(Database& db);

// Brings the file up to kSchemaVersion, one transaction per step. Returns the
// version it started from if it migrated an existing layout, else 0.
int migrate(Database& db);

}  // namespace atc::store::detail
