// SPDX-License-Identifier: GPL-3.0-or-later
// Opening the symbol store for a command: the --db option or the default
// location, the user told about a damaged file that was moved aside or a file
// that can only be read, and the bundled sample data loaded into a new, empty
// store.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "atc/store/database.hpp"
#include "atc/store/symbol_store.hpp"

namespace atc::cli {

// The option every store command takes.
inline constexpr std::string_view kDbOption = "--db";
inline constexpr std::string_view kDbHelp =
    "  --db PATH           the database file (default: $ATC_DB, else\n"
    "                      ~/.local/share/atc-studio/atc-studio.sqlite)\n";

class StoreSession {
public:
    // `command` prefixes the notices printed on stderr ("atc list: ...").
    StoreSession(std::string_view command, const std::optional<std::string>& db_option);

    store::Database& database() { return db_; }
    store::SymbolStore& symbols() { return store_; }
    // Whether the file is written (access), and if not, why (not_writable).
    const store::OpenReport& report() const { return report_; }

private:
    store::OpenReport report_;
    store::Database db_;
    store::SymbolStore store_;
};

}  // namespace atc::cli
