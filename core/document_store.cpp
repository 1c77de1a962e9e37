#include "document_store.h"

#include <ctime>
#include <functional>

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include "document_validation.h"
#include "errors.h"
#include "storage_paths.h"
#include "utc_clock.h"

namespace techbridge {
namespace {

std::string now_utc() { return utc_now("%Y-%m-%dT%H:%M:%SZ"); }

constexpr const char* schema_v1 = R"sql(
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',
    added INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    lang TEXT NOT NULL,
    lang_detected INTEGER NOT NULL DEFAULT 0,
    title TEXT NOT NULL,
    doc_json TEXT NOT NULL,
    source_path TEXT NOT NULL,
    source_line INTEGER NOT NULL,
    source_raw TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    indexed_revision INTEGER,
    run_id INTEGER REFERENCES runs(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX documents_kind ON documents(kind);
CREATE INDEX documents_pending ON documents(indexed_revision) WHERE indexed_revision IS NULL;
CREATE TABLE document_history (
    id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    doc_json TEXT NOT NULL,
    source_path TEXT NOT NULL,
    source_line INTEGER NOT NULL,
    source_raw TEXT NOT NULL,
    run_id INTEGER,
    replaced_at TEXT NOT NULL,
    replaced_by_run INTEGER,
    PRIMARY KEY (id, revision)
);
CREATE TABLE rejections (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    source_path TEXT NOT NULL,
    line INTEGER NOT NULL,
    field TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql";

constexpr const char* schema_v2 = R"sql(
CREATE TABLE document_concepts (
    doc_id TEXT NOT NULL,
    concept_id TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (doc_id, concept_id)
);
CREATE INDEX document_concepts_concept ON document_concepts(concept_id);
CREATE TABLE document_sectors (
    doc_id TEXT NOT NULL,
    sector_id TEXT NOT NULL,
    provenance TEXT NOT NULL CHECK (provenance IN ('stated', 'inferred')),
    PRIMARY KEY (doc_id, sector_id)
);
CREATE TABLE document_regions (
    doc_id TEXT NOT NULL,
    region_id TEXT NOT NULL,
    provenance TEXT NOT NULL CHECK (provenance IN ('stated', 'inferred')),
    PRIMARY KEY (doc_id, region_id)
);
)sql";

/// Whether this process may create files in `dir` (the -wal and -shm files of a WAL store).
bool can_create_files_in(const std::filesystem::path& dir) {
    return ::faccessat(AT_FDCWD, dir.empty() ? "." : dir.c_str(), W_OK, AT_EACCESS) == 0;
}

std::uintmax_t size_or_zero(const std::filesystem::path& file) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    return error ? 0 : size;
}

/// How to open a store read-only. SQLite reads a WAL store through its -shm file, which it
/// must create when missing (the last connection to close removes it); in a folder nobody
/// may write to, no other process can be writing either, so the file is opened immutable.
SqliteOpenMode read_only_mode(const std::filesystem::path& file) {
    const std::filesystem::path dir = file.parent_path();
    const std::filesystem::path wal = file.string() + "-wal", shm = file.string() + "-shm";
    if (can_create_files_in(dir) || std::filesystem::exists(shm)) return SqliteOpenMode::read_only;
    if (size_or_zero(wal) > 0) {
        throw StoreError("the document store " + file.string() + " has changes in " + wal.string() +
                             " that cannot be read while its folder " + dir.string() +
                             " is read-only: make the folder writable and open the database once (the changes are "
                             "then written into the store), then make it read-only again",
                         Remedy::flush_store_changes, dir);
    }
    return SqliteOpenMode::immutable;
}

SqliteOpenMode open_mode(const std::filesystem::path& file, StoreAccess access) {
    if (!std::filesystem::exists(file)) {
        const std::filesystem::path index = StoragePaths{file.parent_path()}.index_dir();
        if (std::filesystem::exists(index)) {
            throw StoreError("the document store " + file.string() + " is missing but the index " + index.string() +
                                 " exists: the store was deleted or moved. Restore store.sqlite from a backup and restart "
                                 "the server; to start an empty database instead, remove " + index.string() + " too",
                             Remedy::restore_store, file.parent_path());
        }
        if (access != StoreAccess::create_if_missing) {
            throw StoreError("no document store at " + file.string() + ": import some documents into the database first",
                             Remedy::import_documents, file.parent_path());
        }
    }
    switch (access) {
        case StoreAccess::create_if_missing: return SqliteOpenMode::read_write_create;
        case StoreAccess::existing: return SqliteOpenMode::read_write;
        case StoreAccess::read_only: return read_only_mode(file);
    }
    return SqliteOpenMode::read_write;
}

constexpr const char* select_columns =
    "SELECT id, doc_json, lang_detected, source_path, source_line, source_raw, revision, run_id, created_at, "
    "updated_at FROM documents";

}  // namespace

SqliteStatement& DocumentStore::prepared(const char* sql) {
    auto& statement = statements_[sql];
    if (!statement) statement = std::make_unique<SqliteStatement>(connection_, sql);
    else statement->reset();
    return *statement;
}

DocumentStore::DocumentStore(const std::filesystem::path& file, StoreAccess access)
    : connection_(file, open_mode(file, access)) {
    if (access == StoreAccess::read_only) {
        require_current_schema();
        opened_ = FileIdentity::of(file);
        return;
    }
    connection_.execute("PRAGMA journal_mode=WAL");
    // Every commit of a writable store acknowledges user data: an import's documents, its run
    // record, the index bookkeeping. In WAL mode NORMAL syncs only at checkpoints, so a power
    // loss may roll back the last acknowledged commits; FULL syncs the WAL at each commit.
    // Imports commit once per batch of documents, so this costs a few syncs per import:
    // bench/index_throughput --docs 10000 measured 277 docs/s with NORMAL and 283 with FULL,
    // and bench/small_imports.sh showed no difference beyond its noise (about 160 ms a run).
    connection_.execute("PRAGMA synchronous=FULL");
    connection_.execute("PRAGMA foreign_keys=ON");
    migrate();
    opened_ = FileIdentity::of(file);  // SQLite holds the file open from the first statement on
}

DocumentStore::DocumentStore(const std::filesystem::path& file, const WriterLock& held)
    : DocumentStore(file, StoreAccess::create_if_missing) {
    mark_interrupted_runs(held);
}

bool DocumentStore::file_in_place() const { return opened_ && FileIdentity::of(connection_.file()) == opened_; }

void DocumentStore::require_current_schema() {
    SqliteStatement version_query(connection_, "PRAGMA user_version");
    version_query.step();
    const auto version = version_query.integer(0);
    if (version == schema_version) return;
    if (version > schema_version) {
        throw StoreError("the document store " + connection_.file().string() + " has schema version " +
                         std::to_string(version) + ", newer than this program understands; use a newer TechBridge");
    }
    throw StoreError("the document store " + connection_.file().string() + " has schema version " + std::to_string(version) +
                         ", older than this program's " + std::to_string(schema_version) +
                         ": it is upgraded the first time the database is opened for writing (an import or a reindex)",
                     Remedy::upgrade_store, connection_.file().parent_path());
}

void DocumentStore::migrate() {
    SqliteStatement version_query(connection_, "PRAGMA user_version");
    version_query.step();
    const auto version = version_query.integer(0);
    if (version > schema_version) {
        throw StoreError("the document store " + connection_.file().string() + " has schema version " +
                         std::to_string(version) + ", newer than this program understands (" +
                         std::to_string(schema_version) + "); use a newer techbridge");
    }
    if (version == schema_version) return;
    SqliteTransaction transaction(connection_);
    if (version < 1) connection_.execute(schema_v1);
    if (version < 2) connection_.execute(schema_v2);
    // Later migrations go here, each guarded by `version < N`.
    connection_.execute("PRAGMA user_version=" + std::to_string(schema_version));
    transaction.commit();
}

PutOutcome DocumentStore::put(const Document& document, const DocumentSource& source, std::int64_t run_id) {
    const std::string json = document.to_json().dump();
    const std::string now = now_utc();

    SqliteStatement& existing = prepared("SELECT doc_json, lang_detected, revision FROM documents WHERE id = ?1");
    existing.bind(1, document.id);
    const bool exists = existing.step();
    std::int64_t revision = 0;
    if (exists) {
        const bool same = existing.text(0) == json && (existing.integer(1) != 0) == document.lang_detected;
        revision = existing.integer(2) + 1;
        existing.reset();
        if (same) return PutOutcome::unchanged;
        keep_in_history(document.id, run_id, now);
    } else {
        // A document removed earlier comes back with the revision after its last one in history.
        existing.reset();
        SqliteStatement& last = prepared("SELECT COALESCE(MAX(revision), 0) + 1 FROM document_history WHERE id = ?1");
        last.bind(1, document.id);
        last.step();
        revision = last.integer(0);
        last.reset();
    }

    SqliteStatement& upsert = prepared(
                           "INSERT INTO documents (id, kind, lang, lang_detected, title, doc_json, source_path, "
                           "source_line, source_raw, revision, run_id, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12) "
                           "ON CONFLICT(id) DO UPDATE SET kind = ?2, lang = ?3, lang_detected = ?4, title = ?5, "
                           "doc_json = ?6, source_path = ?7, source_line = ?8, source_raw = ?9, revision = ?10, "
                           "run_id = ?11, updated_at = ?12");
    upsert.bind(1, document.id)
        .bind(2, to_string(document.kind))
        .bind(3, to_string(document.lang))
        .bind(4, std::int64_t{document.lang_detected})
        .bind(5, document.title)
        .bind(6, json)
        .bind(7, source.path)
        .bind(8, source.line)
        .bind(9, source.raw)
        .bind(10, revision)
        .bind(11, run_id)
        .bind(12, now);
    upsert.run();
    return exists ? PutOutcome::updated : PutOutcome::added;
}

void DocumentStore::keep_in_history(const std::string& id, std::int64_t run_id, const std::string& now) {
    SqliteStatement& keep = prepared(
                         "INSERT OR REPLACE INTO document_history (id, revision, doc_json, source_path, source_line, "
                         "source_raw, run_id, replaced_at, replaced_by_run) SELECT id, revision, doc_json, "
                         "source_path, source_line, source_raw, run_id, ?2, ?3 FROM documents WHERE id = ?1");
    keep.bind(1, id).bind(2, now).bind(3, run_id);
    keep.run();
}

StoredDocument DocumentStore::read_row(SqliteStatement& row) {
    StoredDocument stored;
    const std::string id = row.text(0);
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(row.text(1));
    } catch (const nlohmann::json::exception& error) {
        throw StoreError("document store: document " + id + " holds unreadable JSON: " + error.what());
    }
    DocumentParse parsed = parse_document(json);
    if (!parsed.ok()) {
        throw StoreError("document store: document " + id + " no longer validates: " + parsed.problems.front().field +
                         ": " + parsed.problems.front().message);
    }
    stored.document = std::move(parsed.document);
    stored.document.lang_detected = row.integer(2) != 0;
    stored.source = {row.text(3), row.integer(4), row.text(5)};
    stored.revision = row.integer(6);
    stored.run_id = row.integer(7);
    stored.created_at = row.text(8);
    stored.updated_at = row.text(9);
    return stored;
}

std::optional<StoredDocument> DocumentStore::get(const std::string& id) {
    static const std::string select_by_id = std::string(select_columns) + " WHERE id = ?1";
    SqliteStatement& query = prepared(select_by_id.c_str());
    query.bind(1, id);
    std::optional<StoredDocument> found;
    if (query.step()) found = read_row(query);
    query.reset();  // a statement left mid-result would pin this connection to an old snapshot
    return found;
}

namespace {

// The translations from json_extract's array of title and summary per language, in
// all_languages order (null where absent).
std::vector<Translation> translations_of(const std::string& extracted) {
    std::vector<Translation> translations;
    const nlohmann::json values = nlohmann::json::parse(extracted, nullptr, false);
    if (!values.is_array() || values.size() != 2 * all_languages.size()) return translations;
    auto text = [&values](std::size_t i) { return values[i].is_string() ? values[i].get<std::string>() : std::string(); };
    for (std::size_t i = 0; i < all_languages.size(); ++i) {
        Translation translation{all_languages[i], text(2 * i), text(2 * i + 1)};
        if (!translation.title.empty() || !translation.summary.empty()) translations.push_back(std::move(translation));
    }
    return translations;
}

}  // namespace

std::optional<DocumentSummary> DocumentStore::summary(const std::string& id) {
    SqliteStatement& query = prepared(
        "SELECT kind, lang, title, json_extract(doc_json, '$.organization'), json_extract(doc_json, '$.region'), "
        "json_extract(doc_json, '$.trl'), json_extract(doc_json, '$.body'), json_extract(doc_json, '$.published'), "
        "json_extract(doc_json, '$.title_zh', '$.summary_zh', '$.title_ru', '$.summary_ru', '$.title_en', '$.summary_en') "
        "FROM documents WHERE id = ?1");
    query.bind(1, id);
    std::optional<DocumentSummary> found;
    if (query.step()) {
        const auto kind = parse_document_kind(query.text(0));
        const auto lang = parse_language(query.text(1));
        if (!kind || !lang) throw StoreError("document store: document " + id + " has an unknown kind or language");
        found = DocumentSummary{*kind,
                                *lang,
                                query.text(2),
                                query.text(3),
                                query.text(4),
                                query.is_null(5) ? std::nullopt : std::optional<int>(static_cast<int>(query.integer(5))),
                                query.text(6),
                                query.text(7),
                                translations_of(query.text(8))};
    }
    query.reset();  // a statement left mid-result would pin this connection to an old snapshot
    return found;
}

bool DocumentStore::remove(const std::string& id, std::int64_t run_id) {
    keep_in_history(id, run_id, now_utc());
    SqliteStatement erase(connection_, "DELETE FROM documents WHERE id = ?1");
    erase.bind(1, id);
    erase.step();
    const bool removed = connection_.changes() > 0;
    erase.reset();
    replace_tags(id, {});
    return removed;
}

std::vector<std::string> DocumentStore::ids_of_kind(const std::string& kind) {
    std::vector<std::string> ids;
    SqliteStatement query(connection_, "SELECT id FROM documents WHERE kind = ?1 ORDER BY id");
    query.bind(1, kind);
    while (query.step()) ids.push_back(query.text(0));
    return ids;
}

void DocumentStore::for_each(const std::function<void(const StoredDocument&)>& visit) {
    SqliteStatement query(connection_, std::string(select_columns) + " ORDER BY id");
    while (query.step()) visit(read_row(query));
}

DocumentCounts DocumentStore::counts() {
    DocumentCounts counts;
    SqliteStatement query(connection_, "SELECT kind, lang, COUNT(*) FROM documents GROUP BY kind, lang");
    while (query.step()) {
        const auto n = query.integer(2);
        counts.total += n;
        counts.by_kind[query.text(0)] += n;
        counts.by_lang[query.text(1)] += n;
    }
    return counts;
}

std::int64_t DocumentStore::document_count() {
    SqliteStatement& query = prepared("SELECT COUNT(*) FROM documents INDEXED BY documents_kind");
    query.step();
    const std::int64_t count = query.integer(0);
    query.reset();
    return count;
}

std::vector<std::string> DocumentStore::ids_pending_index() {
    std::vector<std::string> ids;
    SqliteStatement query(connection_,
                          "SELECT id FROM documents WHERE indexed_revision IS NULL OR indexed_revision != revision "
                          "ORDER BY id");
    while (query.step()) ids.push_back(query.text(0));
    return ids;
}

std::vector<std::pair<std::string, std::int64_t>> DocumentStore::revisions_pending_index() {
    std::vector<std::pair<std::string, std::int64_t>> pending;
    SqliteStatement query(connection_,
                          "SELECT id, revision FROM documents WHERE indexed_revision IS NULL OR indexed_revision != revision "
                          "ORDER BY id");
    while (query.step()) pending.emplace_back(query.text(0), query.integer(1));
    return pending;
}

void DocumentStore::mark_indexed(const std::string& id, std::int64_t revision) {
    SqliteStatement& update = prepared("UPDATE documents SET indexed_revision = ?2 WHERE id = ?1");
    update.bind(1, id).bind(2, revision);
    update.run();
}

void DocumentStore::mark_all_unindexed() { connection_.execute("UPDATE documents SET indexed_revision = NULL"); }

void DocumentStore::mark_unindexed(const std::string& id) {
    SqliteStatement update(connection_, "UPDATE documents SET indexed_revision = NULL WHERE id = ?1");
    update.bind(1, id);
    update.run();
}

std::vector<std::string> DocumentStore::all_ids() {
    std::vector<std::string> ids;
    SqliteStatement query(connection_, "SELECT id FROM documents ORDER BY id");
    while (query.step()) ids.push_back(query.text(0));
    return ids;
}

void DocumentStore::for_each_json(const std::function<void(const std::string&, const std::string&)>& visit) {
    SqliteStatement query(connection_, "SELECT id, doc_json FROM documents ORDER BY id");
    while (query.step()) visit(query.text(0), query.text(1));
}

std::string DocumentStore::integrity_check() {
    SqliteStatement query(connection_, "PRAGMA quick_check");
    std::string out;
    while (query.step()) out += (out.empty() ? "" : "; ") + query.text(0);
    return out;
}

void DocumentStore::backup_to(const std::filesystem::path& file) {
    SqliteConnection target(file);
    sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", connection_.handle(), "main");
    if (!backup) throw StoreError("cannot back up the store to " + file.string() + ": " + sqlite3_errmsg(target.handle()));
    int status = SQLITE_OK;
    do {
        status = sqlite3_backup_step(backup, 256);
        if (status == SQLITE_BUSY || status == SQLITE_LOCKED) sqlite3_sleep(20);
    } while (status == SQLITE_OK || status == SQLITE_BUSY || status == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    if (status != SQLITE_DONE) throw StoreError("backing up the store to " + file.string() + " failed: " + sqlite3_errstr(status));
}

std::int64_t DocumentStore::begin_run(const std::string& command) {
    SqliteStatement insert(connection_, "INSERT INTO runs (command, started_at) VALUES (?1, ?2)");
    insert.bind(1, command).bind(2, now_utc());
    insert.run();
    return connection_.last_insert_rowid();
}

std::int64_t DocumentStore::latest_run_id() {
    SqliteStatement& query = prepared("SELECT COALESCE(MAX(id), 0) FROM runs");
    const std::int64_t id = query.step() ? query.integer(0) : 0;
    query.reset();  // a statement left mid-result would pin this connection to an old snapshot
    return id;
}

void DocumentStore::record_rejection(std::int64_t run_id, const std::string& path, std::int64_t line,
                                     const std::string& field, const std::string& message) {
    SqliteStatement insert(connection_,
                           "INSERT INTO rejections (run_id, source_path, line, field, message) VALUES (?1, ?2, ?3, ?4, ?5)");
    insert.bind(1, run_id).bind(2, path).bind(3, line).bind(4, field).bind(5, message);
    insert.run();
}

void DocumentStore::finish_run(std::int64_t run_id, const IngestionRunSummary& summary) {
    SqliteStatement update(connection_,
                           "UPDATE runs SET finished_at = ?2, status = ?3, added = ?4, updated = ?5, unchanged = ?6, "
                           "rejected = ?7 WHERE id = ?1");
    update.bind(1, run_id)
        .bind(2, now_utc())
        .bind(3, std::string(to_string(summary.status)))
        .bind(4, summary.added)
        .bind(5, summary.updated)
        .bind(6, summary.unchanged)
        .bind(7, summary.rejected);
    update.run();
}

std::int64_t DocumentStore::mark_interrupted_runs(const WriterLock&) {
    SqliteStatement update(connection_, "UPDATE runs SET status = ?2, finished_at = ?1 WHERE status = ?3");
    update.bind(1, now_utc())
        .bind(2, std::string(to_string(RunStatus::interrupted)))
        .bind(3, std::string(to_string(RunStatus::running)));
    update.step();
    const std::int64_t marked = connection_.changes();
    update.reset();
    return marked;
}

std::optional<RunStatus> DocumentStore::run_status(std::int64_t run_id) {
    SqliteStatement query(connection_, "SELECT status FROM runs WHERE id = ?1");
    query.bind(1, run_id);
    if (!query.step()) return std::nullopt;
    const std::string text = query.text(0);
    if (const auto status = parse_run_status(text)) return status;
    throw StoreError("run " + std::to_string(run_id) + " has the status \"" + text +
                     "\", which this version does not know; use the version that made the store");
}

namespace {
constexpr std::pair<RunStatus, std::string_view> run_status_texts[] = {
    {RunStatus::running, "running"},
    {RunStatus::completed, "completed"},
    {RunStatus::rejected_strict, "rejected (strict)"},
    {RunStatus::interrupted, "interrupted"},
};
}  // namespace

std::string_view to_string(RunStatus status) {
    for (const auto& [value, text] : run_status_texts)
        if (value == status) return text;
    return "running";
}

std::optional<RunStatus> parse_run_status(std::string_view text) {
    for (const auto& [value, text_of_value] : run_status_texts)
        if (text_of_value == text) return value;
    return std::nullopt;
}

std::optional<std::string> DocumentStore::meta(const std::string& key) {
    SqliteStatement query(connection_, "SELECT value FROM meta WHERE key = ?1");
    query.bind(1, key);
    if (!query.step()) return std::nullopt;
    return query.text(0);
}

void DocumentStore::set_meta(const std::string& key, const std::string& value) {
    SqliteStatement upsert(connection_,
                           "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2");
    upsert.bind(1, key).bind(2, value);
    upsert.run();
}

}  // namespace techbridge

namespace techbridge {

void DocumentStore::replace_tags(const std::string& id, const DocumentTags& tags) {
    for (const char* sql : {"DELETE FROM document_concepts WHERE doc_id = ?1", "DELETE FROM document_sectors WHERE doc_id = ?1",
                            "DELETE FROM document_regions WHERE doc_id = ?1"}) {
        SqliteStatement& erase = prepared(sql);
        erase.bind(1, id);
        erase.run();
    }
    SqliteStatement& concept_row =
        prepared("INSERT INTO document_concepts (doc_id, concept_id, mentions) VALUES (?1, ?2, ?3)");
    for (const auto& mention : tags.concepts) {
        concept_row.bind(1, id).bind(2, mention.concept_id).bind(3, std::int64_t{mention.count});
        concept_row.run();
    }
    SqliteStatement& sector_row =
        prepared("INSERT OR IGNORE INTO document_sectors (doc_id, sector_id, provenance) VALUES (?1, ?2, ?3)");
    for (const auto& sector : tags.sectors) {
        sector_row.bind(1, id).bind(2, sector.id).bind(3, to_string(sector.provenance));
        sector_row.run();
    }
    SqliteStatement& region_row =
        prepared("INSERT OR IGNORE INTO document_regions (doc_id, region_id, provenance) VALUES (?1, ?2, ?3)");
    for (const auto& region : tags.regions) {
        region_row.bind(1, id).bind(2, region.id).bind(3, to_string(region.provenance));
        region_row.run();
    }
}

namespace {

Provenance parse_provenance(const std::string& text) {
    return text == "inferred" ? Provenance::inferred : Provenance::stated;
}

}  // namespace

DocumentTags DocumentStore::tags(const std::string& id) { return std::move(tags_of({id})[id]); }

std::map<std::string, DocumentTags> DocumentStore::tags_of(const std::vector<std::string>& ids) {
    // Three statements for any number of documents, kept prepared: a search page asks for
    // the tags of all its hits. The ids travel as one JSON array.
    std::map<std::string, DocumentTags> tags;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& id : ids) {
        list.push_back(id);
        tags[id];
    }
    const std::string ids_json = list.dump();
    auto each_row = [&](const char* sql, const std::function<void(SqliteStatement&, DocumentTags&)>& read) {
        SqliteStatement& rows = prepared(sql);
        rows.bind(1, ids_json);
        while (rows.step()) read(rows, tags[rows.text(0)]);
        rows.reset();  // a statement left mid-result would pin this connection to an old snapshot
    };
    each_row("SELECT doc_id, concept_id, mentions FROM document_concepts WHERE doc_id IN (SELECT value FROM json_each(?1)) "
             "ORDER BY doc_id, mentions DESC, concept_id",
             [](SqliteStatement& row, DocumentTags& of) {
                 of.concepts.push_back({row.text(1), static_cast<int>(row.integer(2))});
             });
    each_row("SELECT doc_id, sector_id, provenance FROM document_sectors WHERE doc_id IN (SELECT value FROM json_each(?1)) "
             "ORDER BY rowid",
             [](SqliteStatement& row, DocumentTags& of) { of.sectors.push_back({row.text(1), parse_provenance(row.text(2))}); });
    each_row("SELECT doc_id, region_id, provenance FROM document_regions WHERE doc_id IN (SELECT value FROM json_each(?1)) "
             "ORDER BY rowid",
             [](SqliteStatement& row, DocumentTags& of) { of.regions.push_back({row.text(1), parse_provenance(row.text(2))}); });
    return tags;
}

std::map<std::string, double> DocumentStore::share_with_concepts(int minimum) {
    std::map<std::string, double> shares;
    SqliteStatement query(connection_,
                          "SELECT d.lang, AVG(CASE WHEN (SELECT COUNT(*) FROM document_concepts c "
                          "WHERE c.doc_id = d.id) >= ?1 THEN 1.0 ELSE 0.0 END) FROM documents d GROUP BY d.lang");
    query.bind(1, std::int64_t{minimum});
    while (query.step()) shares[query.text(0)] = query.real(1);
    return shares;
}

std::map<std::string, std::int64_t> DocumentStore::concept_document_counts() {
    std::map<std::string, std::int64_t> counts;
    SqliteStatement query(connection_, "SELECT concept_id, COUNT(*) FROM document_concepts GROUP BY concept_id");
    while (query.step()) counts[query.text(0)] = query.integer(1);
    return counts;
}

}  // namespace techbridge
