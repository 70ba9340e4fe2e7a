// SPDX-License-Identifier: GPL-3.0-or-later
// The SQLite database file that holds the symbol store and the result cache.
//
// One Database object is one connection. SQLite connections must not be shared
// between threads that use them at the same time, so every thread (the GUI, each
// engine worker) opens its own with Database::connect(); the file is in WAL mode,
// so readers never block the writer nor each other.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_blob;
struct sqlite3_stmt;

namespace atc::store {

// Current layout of the file; Database::open migrates older files up to it.
inline constexpr int kSchemaVersion = 6;

// A database problem the user must hear about. what() names the file.
class StoreError : public std::runtime_error {
public:
    explicit StoreError(const std::string& message, int sqlite_code = 0)
        : std::runtime_error(message), sqlite_code_(sqlite_code) {}
    // SQLite's extended result code, or 0 when the error did not come from SQLite.
    int sqlite_code() const { return sqlite_code_; }
    // True when SQLite says the file's content is damaged or not a database at all
    // (as opposed to locked, missing or not permitted).
    bool is_corruption() const;
    // True when the file (or its folder) cannot be written: SQLite reports it
    // read-only, cannot open or create it, is not permitted, or the disk is full.
    bool is_unwritable() const;

private:
    int sqlite_code_;
};

// How the database could be opened.
enum class Access {
    ReadWrite,  // the file, saved as it changes
    ReadOnly,   // the file could not be written: its symbols can be read, nothing is saved
    Memory,     // no file: an in-memory database (Database::open_memory), lost at exit
};

// What happened while opening: for the status bar and for tests.
struct OpenReport {
    bool created = false;               // the file did not exist (or was moved aside) and is new
    int migrated_from = 0;              // schema version the file had, if it was migrated; else 0
    std::filesystem::path moved_aside;  // where a corrupt file was moved; empty if none
    std::string problem;                // why it was moved aside
    // Whether SQLite's quick_check read the whole existing file, and why
    // (Database::open says when); false for a new file.
    bool fully_checked = false;
    std::string full_check_reason;
    Access access = Access::ReadWrite;
    // Why the file cannot be written ("/data is read-only"), when access is not ReadWrite.
    std::string not_writable;
};

class Database {
public:
    // Opens (creating it and its folder if needed) the database at `path`,
    // checks it and brings its schema up to kSchemaVersion. A file whose content
    // is damaged (not a SQLite database, or failing SQLite's quick_check) is never
    // deleted: it is renamed to "<name>.corrupt-<UTC time>" (with its -wal/-shm
    // files), a fresh database is created, and `report` says so.
    //
    // What is checked: at every open, SQLite's quick_check of every table but
    // the bars, and the bars' b-tree down to its rows (a few milliseconds);
    // the whole file (every page, the bars' values too: tens of milliseconds
    // for 50 MB) when its -wal file holds changes (the last program using it
    // did not close it, or one uses it now), when no full check is recorded
    // in the file (older schemas) or the last is more than a day old. A full
    // check that passes is recorded (store_meta), as is a new file. Damage in
    // the bars' values between full checks is SQLite's "database disk image
    // is malformed" when that symbol is read, and found at the next full
    // check. A read-only file is always checked whole. Any other
    // problem throws StoreError and leaves the file exactly as it was: locked by
    // another program past the busy timeout, another application's database, or
    // a schema newer than this program understands.
    //
    // A file that exists but cannot be written (SQLite reports it read-only or
    // cannot create its journal; the folder or the disk refuses) is opened
    // read-only instead, if its schema is current: report->access is ReadOnly and
    // report->not_writable says why, and path() is then a read-only SQLite URI
    // (database_location.hpp) that connect() opens read-only too. Without such a
    // file the StoreError is thrown, is_unwritable() true.
    //
    // `path` may also be a SQLite "file:" URI (e.g. "file:/x.sqlite?mode=ro").
    static Database open(const std::filesystem::path& path, OpenReport* report = nullptr);

    // A new, empty database in memory under `name`, with the current schema, that
    // every connect(path()) of this process shares. It lives as long as at least
    // one connection to it is open; nothing of it is ever written to disk.
    static Database open_memory(std::string_view name);

    // Another connection to an already opened (and checked) database, for use on
    // another thread: a file path or the path() of the Database that opened it.
    static Database connect(const std::filesystem::path& path);

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    // The file, or the SQLite URI this connection was opened with.
    const std::filesystem::path& path() const { return path_; }
    sqlite3* handle() const { return db_; }
    // True when SQLite opened the main database read-only.
    bool read_only() const;

    // Runs SQL without results (several statements allowed). Throws StoreError.
    void exec(std::string_view sql);
    int schema_version();
    // Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    int changes() const;

    // Throws StoreError naming the file, the operation and SQLite's message.
    [[noreturn]] void fail(std::string_view doing) const;

private:
    Database(sqlite3* db, std::filesystem::path path);
    static Database open_read_write(const std::filesystem::path& path, OpenReport& report);
    // The existing `file`, read-only: its WAL included where SQLite can map it.
    static Database open_read_only(const std::filesystem::path& file);
    static Database open_checked_read_only(const std::filesystem::path& uri);
    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
};

// A prepared statement, finalized on destruction. Columns and parameters are
// 0-based for columns and 1-based for parameters, as in SQLite.
class Statement {
public:
    Statement(Database& db, std::string_view sql);
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind_blob(int index, std::span<const std::byte> bytes);
    Statement& bind_null(int index);

    // Advances to the next row: true if there is one, false when done. Throws StoreError.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    // Readies the statement to run again, with no values bound. Throws StoreError
    // when SQLite cannot; the error of a failed step(), which SQLite's reset
    // repeats, is not thrown again: step() has thrown it.
    void reset();

    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::span<const std::byte> blob(int column) const;  // valid until the next step()

private:
    Database* db_;
    sqlite3_stmt* stmt_ = nullptr;
    int thrown_step_error_ = 0;  // SQLite's code that step() last threw for; 0 after reset()
};

// Reads the blobs of one column straight into the caller's memory (SQLite's
// incremental blob I/O), where Statement::blob() first copies the whole value
// into memory of SQLite's own: for a million-bar column that is 8 MB more to
// allocate, fault in and copy. Rows are found by rowid; moving to another row
// is cheap. Reads see the read transaction open on the connection (a statement
// that returned a row and is not finished keeps one open), so they agree with
// what that statement read.
class BlobReader {
public:
    BlobReader(Database& db, std::string table, std::string column);
    BlobReader(const BlobReader&) = delete;
    BlobReader& operator=(const BlobReader&) = delete;
    ~BlobReader();

    // Moves to the row `rowid` and returns its blob's size in bytes. Throws
    // StoreError where there is no such row or its value is NULL.
    std::size_t open(std::int64_t rowid);
    // Copies out.size() bytes of the open blob from `offset`. Throws StoreError.
    void read(std::span<std::byte> out, std::size_t offset = 0);

private:
    Database& db_;
    std::string table_;
    std::string column_;
    sqlite3_blob* blob_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back if destroyed without commit() (an
// exception left the block), so a failed import changes nothing.
class Transaction {
public:
    explicit Transaction(Database& db);
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();
    void commit();

private:
    Database& db_;
    bool open_ = true;
};

}  // namespace atc::store
