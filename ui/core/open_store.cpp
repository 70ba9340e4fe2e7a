// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/open_store.hpp"

#include <unistd.h>

#include <string>

#include "atc/bundled_samples.hpp"
#include "atc/store/database_location.hpp"
#include "atc/store/symbol_store.hpp"

namespace atc::ui {

OpenedStore openStore(const std::filesystem::path& file) {
    OpenedStore opened;
    opened.file = file;
    try {
        store::Database db = store::Database::open(file, &opened.report);
        opened.location = db.path();
        // A read-only file is shown as it is; only a writable one is seeded.
        if (opened.report.access == store::Access::ReadWrite) {
            store::SymbolStore symbols(db);
            opened.seeded = store::seed_if_empty(symbols, bundled_samples());
        }
        return opened;
    } catch (const store::StoreError& e) {
        if (!e.is_unwritable())
            throw;
        opened.report = {};
        opened.report.access = store::Access::Memory;
        opened.report.not_writable = store::why_not_writable(file, e);
    }
    // Named after the process: one store per process, and the name says whose.
    store::Database memory =
        store::Database::open_memory("atc-studio-" + std::to_string(::getpid()));
    store::SymbolStore symbols(memory);
    opened.seeded = store::seed_if_empty(symbols, bundled_samples());
    opened.report.created = true;
    opened.location = memory.path();
    opened.keeper.emplace(std::move(memory));
    return opened;
}

}  // namespace atc::ui
