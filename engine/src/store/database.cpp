// SPDX-License-Identifier: GPL-3.0-or-later
#include "atc/store/database.hpp"

#include <sqlite3.h>

#include <chrono>
#include <ctime>
#include <system_error>
#include <utility>
#include <vector>

#include "atc/store/database_location.hpp"
#include "store/schema.hpp"
#include "store/wall_clock.hpp"

namespace atc::store {
namespace fs = std::filesystem;
namespace {

// How long a connection waits for another one's write lock before giving up.
constexpr int kBusyTimeoutMs = 5000;

std::string quoted_path(const fs::path& p) {
    return "\"" + p.string() + "\"";
}

// "<name>.corrupt-20261125T061500Z", with a counter if that name is taken.
fs::path aside_name(const fs::path& path) {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
    fs::path candidate = path;
    candidate += std::string(".corrupt-") + stamp;
    for (int i = 2; fs::exists(candidate); ++i) {
        candidate = path;
        candidate += std::string(".corrupt-") + stamp + "-" + std::to_string(i);
    }
    return candidate;
}

// Renames the database and its WAL/shared-memory files out of the way.
fs::path move_aside(const fs::path& path) {
    const fs::path target = aside_name(path);
    std::error_code ec;
    fs::rename(path, target, ec);
    if (ec) {
        throw StoreError("database " + quoted_path(path) +
                         " is unusable and could not be moved aside: " + ec.message());
    }
    for (const char* suffix : {"-wal", "-shm"}) {
        fs::path side = path;
        side += suffix;
        if (fs::exists(side)) {
            fs::path side_target = target;
            side_target += suffix;
            fs::rename(side, side_target, ec);  // best effort: the main file is safe already
        }
    }
    return target;
}

sqlite3* open_connection(const fs::path& path, int flags) {
    sqlite3* db = nullptr;
    if (is_sqlite_uri(path))
        flags |= SQLITE_OPEN_URI;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        const int code = db ? sqlite3_extended_errcode(db) : rc;
        sqlite3_close(db);
        throw StoreError("cannot open database " + quoted_path(path) + ": " + message, code);
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    return db;
}

// Runs `check` (a quick_check) and returns why the content is damaged: its
// first row when that is not "ok", or SQLite's message where reading found
// the file corrupt; empty when all is well. Errors that say nothing about
// the content (busy, no permission) propagate.
std::string damage_found_by(Database& db, const std::string& check) {
    try {
        Statement q(db, check);
        std::string first;
        if (q.step())
            first = q.text(0);
        if (first != "ok")
            return "SQLite's integrity check failed: " + first;
    } catch (const StoreError& e) {
        if (!e.is_corruption())
            throw;
        return e.what();
    }
    return {};
}

// SQLite's quick_check of the whole file: every page of it is read (about
// 20 ms for the 50 MB of the 505 bundled symbols).
std::string damage_of(Database& db) {
    return damage_found_by(db, "PRAGMA quick_check");
}

// Tables the check at every open leaves to the full one: the bars (about
// all of the file: with 64 KiB pages even walking their b-tree reads a third
// of it) and the result cache (a few MB; every payload carries a checksum
// that is verified when read, and a damaged row only costs a recompute).
bool checked_whole_only(const std::string& table) {
    return table == "bars" || table == "result_cache";
}

// What every open checks: the schema and every table but those above
// (SQLite's quick_check of each: their pages and indexes), in about a
// millisecond where the whole file takes tens. What it does not read is
// read by damage_of when a full check is due (full_check_due); damage there
// until then shows as SQLite's "database disk image is malformed" where a
// symbol's bars are read (that symbol is skipped with the message) and as
// a miss of the result cache.
std::string cheap_damage_of(Database& db) {
    std::vector<std::string> tables;
    try {
        Statement q(db, "SELECT name FROM sqlite_schema WHERE type = 'table'");
        while (q.step())
            tables.push_back(q.text(0));
    } catch (const StoreError& e) {
        if (!e.is_corruption())
            throw;
        return e.what();
    }
    tables.push_back("sqlite_schema");
    for (const std::string& table : tables) {
        if (checked_whole_only(table))
            continue;
        std::string quoted = "\"";
        for (const char c : table)
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        if (std::string damage = damage_found_by(db, "PRAGMA quick_check(" + quoted + "\")");
            !damage.empty()) {
            return damage;
        }
    }
    return {};
}

// The file's last full check, in store_meta (schema 6): milliseconds since
// the epoch, or nothing before schema 6 or any full check.
constexpr const char* kFullCheckName = "full_check_ms";

std::optional<std::int64_t> last_full_check_ms(Database& db) {
    Statement has(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'store_meta'");
    if (!has.step())
        return std::nullopt;
    Statement q(db, "SELECT value FROM store_meta WHERE name = ?");
    q.bind(1, std::string_view(kFullCheckName));
    if (!q.step())
        return std::nullopt;
    return q.int64(0);
}

// A full check is due after a day without one.
constexpr std::int64_t kFullCheckEveryMs = std::int64_t{24} * 3600 * 1000;

// True when the WAL file next to `file` holds something: the last program to
// use the file did not close it (it was killed, the machine lost power), or
// another one has it open now.
bool wal_left_behind(const fs::path& file) {
    fs::path wal = file;
    wal += "-wal";
    std::error_code ec;
    const auto size = fs::file_size(wal, ec);
    return !ec && size > 0;
}

// Why SQLite's quick_check must read the whole file at this open; empty when
// the cheap check is enough.
std::string full_check_due(Database& db, bool wal_found) {
    if (wal_found)
        return "the file was not closed cleanly (its -wal file holds changes)";
    const std::optional<std::int64_t> last = last_full_check_ms(db);
    if (!last)
        return "the file has no record of a full check";
    const std::int64_t age = detail::now_ms() - *last;
    // A clock set back (a negative age) checks too.
    if (age < 0 || age >= kFullCheckEveryMs)
        return "the last full check is more than a day old";
    return {};
}

}  // namespace

bool StoreError::is_corruption() const {
    const int primary = sqlite_code_ & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

bool StoreError::is_unwritable() const {
    const int primary = sqlite_code_ & 0xff;
    return primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM ||
           primary == SQLITE_FULL;
}

bool Database::read_only() const {
    return sqlite3_db_readonly(db_, "main") == 1;
}

Database::Database(sqlite3* db, fs::path path) : db_(db), path_(std::move(path)) {}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        sqlite3_close(db_);
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
    }
    return *this;
}

Database::~Database() {
    sqlite3_close(db_);
}

void Database::fail(std::string_view doing) const {
    throw StoreError("database " + quoted_path(path_) + ": " + std::string(doing) +
                         " failed: " + sqlite3_errmsg(db_),
                     sqlite3_extended_errcode(db_));
}

void Database::exec(std::string_view sql) {
    char* error = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw StoreError("database " + quoted_path(path_) + ": " + message,
                         sqlite3_extended_errcode(db_));
    }
}

int Database::changes() const {
    return sqlite3_changes(db_);
}

int Database::schema_version() {
    return detail::read_schema_version(*this);
}

Database Database::connect(const fs::path& path) {
    Database db(open_connection(path, SQLITE_OPEN_READWRITE), path);
    // The durability open() chose (synchronous is a connection's setting, not
    // the file's): without it every commit of this connection, the result
    // cache's batched writes included, waited for an fsync of the WAL.
    db.exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
    return db;
}

Database Database::open(const fs::path& path, OpenReport* report) {
    OpenReport local;
    OpenReport& r = report ? *report : local;
    r = {};
    try {
        return open_read_write(path, r);
    } catch (const StoreError& e) {
        // Only a file that is there can be read without writing; anything else
        // (a damaged or foreign file, a lock) is the caller's to hear about.
        const fs::path file = file_of(path);
        std::error_code ec;
        if (!e.is_unwritable() || file.empty() || !fs::is_regular_file(file, ec))
            throw;
        Database db = open_read_only(file);
        r = {};
        r.access = Access::ReadOnly;
        r.not_writable = why_not_writable(path, e);
        return db;
    }
}

Database Database::open_read_write(const fs::path& path, OpenReport& r) {
    const fs::path file = file_of(path);
    std::error_code ec;
    if (file.has_parent_path())
        fs::create_directories(file.parent_path(), ec);
    if (ec) {
        throw StoreError(
            "cannot create the folder for database " + quoted_path(path) + ": " + ec.message(),
            SQLITE_CANTOPEN);
    }

    const bool existed = !file.empty() && fs::exists(file);
    std::optional<Database> sound;  // the connection that checked an existing file
    if (existed) {
        // Anything wrong with an existing file is found here, before it is
        // trusted: every open checks all but the bars' values, and the whole
        // file once a day and after an unclean shutdown (full_check_due).
        const bool wal_found = wal_left_behind(file);
        std::string damage;
        {
            Database probe(open_connection(path, SQLITE_OPEN_READWRITE), path);
            damage = cheap_damage_of(probe);
            if (damage.empty()) {
                r.full_check_reason = full_check_due(probe, wal_found);
                if (!r.full_check_reason.empty()) {
                    damage = damage_of(probe);
                    r.fully_checked = true;
                }
            }
            // Someone else's database, or a newer one of ours, is never touched.
            if (damage.empty()) {
                detail::check_ownership(probe);
                sound.emplace(std::move(probe));  // no second connection to open
            }
        }
        if (!damage.empty()) {
            // A URI asks for the file as it is (read-only, say): never moved.
            if (is_sqlite_uri(path))
                throw StoreError("database " + quoted_path(path) + " is damaged: " + damage);
            r.problem = damage;
            r.moved_aside = move_aside(file);
        }
    }
    r.created = file.empty() || !fs::exists(file);

    Database db =
        sound ? std::move(*sound)
              : Database(open_connection(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE), path);
    // A symbol's bars are a few large blobs (8 bytes per bar and column): 64 KiB
    // pages write and read them in a sixteenth of the page I/O of the 4 KiB
    // default (a 1,000,000-bar import: 48 MB). Only a new file takes it; the
    // page size of an existing one is kept.
    if (r.created)
        db.exec("PRAGMA page_size = 65536");
    // WAL: readers (engine workers) and one writer (the GUI, an import) work at
    // the same time. NORMAL sync is durable at checkpoints and never corrupts.
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
    r.migrated_from = detail::migrate(db);
    // A file SQLite could only open read-only, up to date, passes all of the
    // above without writing (even BEGIN IMMEDIATE, in WAL mode): a write is
    // what it refuses. Rolled back, so it never reaches the file.
    db.exec("BEGIN IMMEDIATE; UPDATE schema_version SET version = version; ROLLBACK");
    // A new file is sound: its first full check is due in a day.
    if (r.created || r.fully_checked) {
        try {
            Statement record(db, "INSERT OR REPLACE INTO store_meta(name, value) VALUES (?, ?)");
            record.bind(1, std::string_view(kFullCheckName)).bind(2, detail::now_ms()).run();
        } catch (const StoreError&) {
            // Unrecorded (another program held the write lock past the busy
            // timeout): the next open checks the whole file again.
        }
    }
    return db;
}

Database Database::open_read_only(const fs::path& file) {
    // "mode=ro" reads the WAL too, but SQLite needs the -shm file for that and
    // cannot create it in a read-only folder. "immutable=1" then reads the main
    // file alone, which is all there is unless a -wal file holds later commits.
    try {
        return open_checked_read_only(file_uri(file, "mode=ro"));
    } catch (const StoreError& e) {
        if (!e.is_unwritable())
            throw;
        fs::path wal = file;
        wal += "-wal";
        std::error_code ec;
        if (fs::exists(wal, ec) && fs::file_size(wal, ec) > 0) {
            throw StoreError("database " + quoted_path(file) +
                                 " cannot be written, and its latest changes (in " +
                                 quoted_path(wal) + ") cannot be read without writing: " + e.what(),
                             e.sqlite_code());
        }
        return open_checked_read_only(file_uri(file, "mode=ro&immutable=1"));
    }
}

Database Database::open_checked_read_only(const fs::path& uri) {
    Database db(open_connection(uri, SQLITE_OPEN_READONLY), uri);
    if (const std::string damage = damage_of(db); !damage.empty()) {
        throw StoreError("database " + quoted_path(uri) +
                         " is damaged and cannot be written to set it aside: " + damage);
    }
    detail::check_ownership(db);
    if (const int version = detail::read_schema_version(db); version != kSchemaVersion) {
        // Upgrading the layout would need writing; the queries need the current one.
        throw StoreError(
            "database " + quoted_path(uri) + " cannot be written and " +
                (version == 0 ? std::string("holds no symbols yet")
                              : "has an older layout (schema " + std::to_string(version) + ")"),
            SQLITE_READONLY);
    }
    db.exec("PRAGMA foreign_keys = ON");
    return db;
}

Database Database::open_memory(std::string_view name) {
    // The memdb VFS shares a database between the connections of one process
    // whose names start with '/'.
    const fs::path uri = "file:/" + std::string(name) + "?vfs=memdb";
    Database db(open_connection(uri, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE), uri);
    db.exec("PRAGMA foreign_keys = ON");
    detail::migrate(db);
    return db;
}

// --- Statement ---------------------------------------------------------------

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
    if (sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_,
                           nullptr) != SQLITE_OK) {
        db.fail("preparing \"" + std::string(sql) + "\"");
    }
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      thrown_step_error_(other.thrown_step_error_) {}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK)
        db_->fail("binding a value");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK)
        db_->fail("binding a value");
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK) {
        db_->fail("binding a value");
    }
    return *this;
}

Statement& Statement::bind_blob(int index, std::span<const std::byte> bytes) {
    // A zero-length blob must still be a blob, not NULL: pass a non-null pointer.
    static const std::byte kEmpty{};
    const void* data = bytes.empty() ? &kEmpty : bytes.data();
    if (sqlite3_bind_blob64(stmt_, index, data, bytes.size(), SQLITE_TRANSIENT) != SQLITE_OK) {
        db_->fail("binding a value");
    }
    return *this;
}

Statement& Statement::bind_null(int index) {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK)
        db_->fail("binding a value");
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    thrown_step_error_ = rc;
    db_->fail("running \"" + std::string(sqlite3_sql(stmt_)) + "\"");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    const int rc = sqlite3_reset(stmt_);
    const int thrown = std::exchange(thrown_step_error_, SQLITE_OK);
    if (rc != SQLITE_OK && rc != thrown)
        db_->fail("resetting \"" + std::string(sqlite3_sql(stmt_)) + "\"");
    if (sqlite3_clear_bindings(stmt_) != SQLITE_OK)
        db_->fail("clearing the values bound to \"" + std::string(sqlite3_sql(stmt_)) + "\"");
}

bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n))
             : std::string();
}

std::span<const std::byte> Statement::blob(int column) const {
    const void* p = sqlite3_column_blob(stmt_, column);
    const int n = sqlite3_column_bytes(stmt_, column);
    return {static_cast<const std::byte*>(p), p ? static_cast<std::size_t>(n) : 0};
}

// --- BlobReader ----------------------------------------------------------------

BlobReader::BlobReader(Database& db, std::string table, std::string column)
    : db_(db), table_(std::move(table)), column_(std::move(column)) {}

BlobReader::~BlobReader() {
    sqlite3_blob_close(blob_);  // a no-op for null
}

std::size_t BlobReader::open(std::int64_t rowid) {
    const int rc = blob_ ? sqlite3_blob_reopen(blob_, rowid)
                         : sqlite3_blob_open(db_.handle(), "main", table_.c_str(), column_.c_str(),
                                             rowid, 0, &blob_);
    if (rc != SQLITE_OK) {
        // After a failed reopen the handle is aborted; after a failed open it is null.
        sqlite3_blob_close(blob_);
        blob_ = nullptr;
        db_.fail("reading " + table_ + "." + column_);
    }
    return static_cast<std::size_t>(sqlite3_blob_bytes(blob_));
}

void BlobReader::read(std::span<std::byte> out, std::size_t offset) {
    if (out.empty())
        return;
    if (!blob_ || sqlite3_blob_read(blob_, out.data(), static_cast<int>(out.size()),
                                    static_cast<int>(offset)) != SQLITE_OK) {
        db_.fail("reading " + table_ + "." + column_);
    }
}

// --- Transaction ---------------------------------------------------------------

Transaction::Transaction(Database& db) : db_(db) {
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (open_) {
        try {
            db_.exec("ROLLBACK");
        } catch (...) {
            // Nothing more can be done in a destructor; SQLite rolls back on close.
        }
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

}  // namespace atc::store
