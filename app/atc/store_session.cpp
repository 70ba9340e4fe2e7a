// SPDX-License-Identifier: GPL-3.0-or-later
#include "store_session.hpp"

#include <cstdio>

#include "atc/bundled_samples.hpp"
#include "atc/store/default_location.hpp"
#include "atc/store/importer.hpp"

namespace atc::cli {
namespace {

std::filesystem::path database_path(const std::optional<std::string>& db_option) {
    return db_option ? std::filesystem::path(*db_option) : store::default_database_path();
}

store::Database open_and_report(std::string_view command, const std::filesystem::path& path,
                                store::OpenReport& report) {
    store::Database db = store::Database::open(path, &report);
    if (report.access == store::Access::ReadOnly) {
        std::fprintf(stderr, "%.*s: %s: reading the database as it is, nothing will be saved\n",
                     static_cast<int>(command.size()), command.data(), report.not_writable.c_str());
    }
    if (!report.moved_aside.empty()) {
        std::fprintf(stderr,
                     "%.*s: the database %s was damaged (%s); it was kept as %s and a new one "
                     "was started\n",
                     static_cast<int>(command.size()), command.data(), path.c_str(),
                     report.problem.c_str(), report.moved_aside.c_str());
    }
    return db;
}

}  // namespace

StoreSession::StoreSession(std::string_view command, const std::optional<std::string>& db_option)
    : db_(open_and_report(command, database_path(db_option), report_)), store_(db_) {
    if (report_.access != store::Access::ReadWrite)
        return;  // shown as it is
    const store::SeedReport seeded = store::seed_if_empty(store_, bundled_samples());
    if (seeded.seeded) {
        std::fprintf(stderr,
                     "%.*s: new database %s: loaded the bundled sample data (%zu real series, "
                     "%zu generated)\n",
                     static_cast<int>(command.size()), command.data(), db_.path().c_str(),
                     seeded.real, seeded.generated);
    }
}

}  // namespace atc::cli
