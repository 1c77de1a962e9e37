#include "sqlite_connection.h"

#include <sqlite3.h>

#include "errors.h"

namespace techbridge {

namespace {

/// `file` as an SQLite URI with immutable=1: "?", "#" and "%" would end or escape the path.
std::string immutable_uri(const std::filesystem::path& file) {
    std::string uri = "file:";
    for (const char c : file.string()) {
        if (c == '?') uri += "%3f";
        else if (c == '#') uri += "%23";
        else if (c == '%') uri += "%25";
        else uri += c;
    }
    return uri + "?immutable=1";
}

int open_flags(SqliteOpenMode mode) {
    switch (mode) {
        case SqliteOpenMode::read_write_create: return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        case SqliteOpenMode::read_write: return SQLITE_OPEN_READWRITE;
        case SqliteOpenMode::read_only: return SQLITE_OPEN_READONLY;
        case SqliteOpenMode::immutable: return SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    }
    return SQLITE_OPEN_READONLY;
}

}  // namespace

SqliteConnection::SqliteConnection(const std::filesystem::path& file, SqliteOpenMode mode) : file_(file) {
    const std::string name = mode == SqliteOpenMode::immutable ? immutable_uri(file) : file.string();
    const int rc = sqlite3_open_v2(name.c_str(), &db_, open_flags(mode) | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError("cannot open the document store " + file.string() + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    // Several processes (an import beside a running server) may use the store at once.
    sqlite3_busy_timeout(db_, 10000);
}

SqliteConnection::~SqliteConnection() { sqlite3_close_v2(db_); }

void SqliteConnection::execute(std::string_view sql) {
    char* error = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw StoreError("document store " + file_.string() + ": " + message);
    }
}

std::int64_t SqliteConnection::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

int SqliteConnection::changes() const { return sqlite3_changes(db_); }

std::string SqliteConnection::error_message() const { return sqlite3_errmsg(db_); }

SqliteStatement::SqliteStatement(SqliteConnection& connection, std::string_view sql) : connection_(connection) {
    if (sqlite3_prepare_v2(connection.handle(), sql.data(), static_cast<int>(sql.size()), &statement_, nullptr) !=
        SQLITE_OK) {
        throw StoreError("document store: cannot prepare statement: " + connection.error_message());
    }
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
    sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t number) {
    sqlite3_bind_int64(statement_, index, number);
    return *this;
}

SqliteStatement& SqliteStatement::bind_null(int index) {
    sqlite3_bind_null(statement_, index);
    return *this;
}

SqliteStatement& SqliteStatement::bind_optional(int index, const std::optional<std::int64_t>& number) {
    return number ? bind(index, *number) : bind_null(index);
}

bool SqliteStatement::step() {
    const int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw StoreError("document store " + connection_.file().string() + ": " + connection_.error_message());
}

void SqliteStatement::run() {
    step();
    reset();
}

void SqliteStatement::reset() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

std::string SqliteStatement::text(int column) const {
    const auto* data = sqlite3_column_text(statement_, column);
    const int size = sqlite3_column_bytes(statement_, column);
    return data ? std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size)) : std::string();
}

std::int64_t SqliteStatement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

double SqliteStatement::real(int column) const { return sqlite3_column_double(statement_, column); }

bool SqliteStatement::is_null(int column) const { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }

SqliteReadSnapshot::SqliteReadSnapshot(SqliteConnection& connection) : connection_(connection) {
    connection_.execute("BEGIN DEFERRED");
}

SqliteReadSnapshot::~SqliteReadSnapshot() {
    try {
        connection_.execute("COMMIT");
    } catch (...) {
    }
}

SqliteTransaction::SqliteTransaction(SqliteConnection& connection) : connection_(connection) {
    connection_.execute("BEGIN IMMEDIATE");
}

SqliteTransaction::~SqliteTransaction() {
    if (open_) {
        try {
            connection_.execute("ROLLBACK");
        } catch (...) {
        }
    }
}

void SqliteTransaction::commit() {
    connection_.execute("COMMIT");
    open_ = false;
}

}  // namespace techbridge
