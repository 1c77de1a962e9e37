#pragma once
// A thin RAII layer over the SQLite C API: connections, prepared statements and
// transactions. Only prepared statements with bound parameters are offered.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace techbridge {

class SqliteConnection;

class SqliteStatement {
public:
    SqliteStatement(SqliteConnection& connection, std::string_view sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bind(int index, std::int64_t number);
    SqliteStatement& bind_null(int index);
    SqliteStatement& bind_optional(int index, const std::optional<std::int64_t>& number);

    /// Advances to the next row; false when done. Throws StoreError on failure.
    bool step();
    /// Runs a statement that returns no rows.
    void run();
    void reset();

    std::string text(int column) const;
    std::int64_t integer(int column) const;
    double real(int column) const;
    bool is_null(int column) const;

private:
    SqliteConnection& connection_;
    sqlite3_stmt* statement_ = nullptr;
};

/// How a connection opens its file.
enum class SqliteOpenMode {
    read_write_create,  // read and write, creating the file when missing
    read_write,         // read and write an existing file
    read_only,          // read only; in WAL mode it needs the -shm file or a writable folder
    immutable,          // read only, assuming nothing else changes the file (no -shm needed)
};

class SqliteConnection {
public:
    explicit SqliteConnection(const std::filesystem::path& file,
                              SqliteOpenMode mode = SqliteOpenMode::read_write_create);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    /// Runs SQL text without parameters (schema statements and pragmas only).
    void execute(std::string_view sql);
    std::int64_t last_insert_rowid() const;
    /// Rows changed by the last statement.
    int changes() const;
    sqlite3* handle() const { return db_; }
    std::string error_message() const;
    const std::filesystem::path& file() const { return file_; }

private:
    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
};

/// Reads of the connection in one snapshot of the database while it lives (a deferred
/// transaction that only reads): they see one state, and take the read lock once.
class SqliteReadSnapshot {
public:
    explicit SqliteReadSnapshot(SqliteConnection& connection);
    ~SqliteReadSnapshot();
    SqliteReadSnapshot(const SqliteReadSnapshot&) = delete;
    SqliteReadSnapshot& operator=(const SqliteReadSnapshot&) = delete;

private:
    SqliteConnection& connection_;
};

/// Rolls back unless committed; nests are not supported.
class SqliteTransaction {
public:
    explicit SqliteTransaction(SqliteConnection& connection);
    ~SqliteTransaction();
    SqliteTransaction(const SqliteTransaction&) = delete;
    SqliteTransaction& operator=(const SqliteTransaction&) = delete;
    void commit();

private:
    SqliteConnection& connection_;
    bool open_ = true;
};

}  // namespace techbridge
