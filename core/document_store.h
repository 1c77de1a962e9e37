#pragma once
// The SQLite document store: the source of truth from which the index is derived.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <unordered_map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"
#include "document_tags.h"
#include "file_identity.h"
#include "sqlite_connection.h"
#include "writer_lock.h"

namespace techbridge {

/// Where a stored document came from: the file, the line its record starts on, and
/// the record exactly as it was read.
struct DocumentSource {
    std::string path;
    std::int64_t line = 0;
    std::string raw;
};

struct StoredDocument {
    Document document;
    DocumentSource source;
    std::int64_t revision = 0;  // grows by one each time the document changes
    std::int64_t run_id = 0;    // the ingestion run that stored this revision
    std::string created_at;
    std::string updated_at;
};

/// What a list of documents shows of each one (a search hit), read without parsing the
/// whole stored document.
struct DocumentSummary {
    DocumentKind kind = DocumentKind::offer;
    Language lang = Language::en;
    std::string title;
    std::string organization;
    std::string region;  // as stated
    std::optional<int> trl;
    std::string body;
    std::string published;  // ISO date, or empty
    std::vector<Translation> translations;  // the author's own titles and summaries in other languages
};

enum class PutOutcome { added, updated, unchanged };

/// Where an ingestion run stands, as the runs table records it.
enum class RunStatus {
    running,           // begun, not finished (or killed: see mark_interrupted_runs)
    completed,         // stored what it accepted
    rejected_strict,   // --strict met a bad record and stored nothing
    interrupted,       // found still running after its process was gone
};
/// The text the runs table holds ("running", "completed", "rejected (strict)", "interrupted").
std::string_view to_string(RunStatus status);
/// The status a runs-table text names; nullopt for a text no version wrote.
std::optional<RunStatus> parse_run_status(std::string_view text);

/// One execution of an ingestion command, recorded with what it did.
struct IngestionRunSummary {
    std::int64_t added = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;
    RunStatus status = RunStatus::running;
};

struct DocumentCounts {
    std::int64_t total = 0;
    std::map<std::string, std::int64_t> by_kind;
    std::map<std::string, std::int64_t> by_lang;
};

/// How a DocumentStore opens its file.
enum class StoreAccess {
    /// Read and write, making a new store when there is none, except beside an existing index
    /// (DIR/index): a store missing there was deleted or moved, and a new empty one would
    /// silently stand in for every document the index holds. That is a StoreError saying so.
    create_if_missing,
    /// Read and write a store that exists; a StoreError when there is none.
    existing,
    /// Read only, for commands and servers that only read: works in a read-only directory too
    /// (opened immutable when no other process can be writing). Writes fail.
    read_only,
};

/// Documents with their sources and history, ingestion runs and their rejections,
/// in one SQLite file (WAL mode, schema migrated on open). Every statement is
/// prepared with bound parameters. A replaced document's previous version is kept
/// in the history table, so nothing imported is ever lost.
class DocumentStore {
public:
    static constexpr int schema_version = 2;

    explicit DocumentStore(const std::filesystem::path& file, StoreAccess access = StoreAccess::create_if_missing);
    /// Opens for writing (StoreAccess::create_if_missing) as the holder of the writer lock, and
    /// marks the runs killed imports left "running" as interrupted (mark_interrupted_runs).
    DocumentStore(const std::filesystem::path& file, const WriterLock& held);

    SqliteConnection& connection() { return connection_; }
    const std::filesystem::path& file() const { return connection_.file(); }

    /// Whether the file this store has open is still the one at its path: false once it was
    /// deleted, moved away or replaced (say by a restored backup), when what others write
    /// through the path no longer reaches this store.
    bool file_in_place() const;

    /// Adds or replaces `document`. A document equal to the stored one is left as is.
    PutOutcome put(const Document& document, const DocumentSource& source, std::int64_t run_id);
    std::optional<StoredDocument> get(const std::string& id);
    std::optional<DocumentSummary> summary(const std::string& id);
    bool remove(const std::string& id, std::int64_t run_id);

    /// Ids of the documents of one kind ("offer", "demand", "knowledge"), in id order.
    std::vector<std::string> ids_of_kind(const std::string& kind);
    /// Visits every document in id order.
    void for_each(const std::function<void(const StoredDocument&)>& visit);
    /// Documents by kind and language: reads every row, so not for every request.
    DocumentCounts counts();
    /// How many documents there are, from the kind index alone.
    std::int64_t document_count();

    /// Ids whose current revision the index does not yet hold, and bookkeeping for it.
    std::vector<std::string> ids_pending_index();
    /// The same with each one's current revision.
    std::vector<std::pair<std::string, std::int64_t>> revisions_pending_index();
    void mark_indexed(const std::string& id, std::int64_t revision);
    void mark_all_unindexed();
    /// Marks one document as not indexed, so the next sync indexes it again.
    void mark_unindexed(const std::string& id);
    /// Every stored document's id, in id order.
    std::vector<std::string> all_ids();
    /// Each stored document's JSON exactly as stored, in id order (for export).
    void for_each_json(const std::function<void(const std::string& id, const std::string& json)>& visit);
    /// SQLite's own check of the database file ("ok" when sound).
    std::string integrity_check();
    /// A consistent copy of the store into `file` while others may keep reading and writing.
    void backup_to(const std::filesystem::path& file);

    /// The concepts, sectors and regions the document was tagged with at indexing time.
    void replace_tags(const std::string& id, const DocumentTags& tags);
    DocumentTags tags(const std::string& id);
    /// The tags of each of `ids` at once (a search page's hits), as tags() gives them; an id
    /// the store does not hold has empty tags.
    std::map<std::string, DocumentTags> tags_of(const std::vector<std::string>& ids);
    /// Until the snapshot ends, reads see one state of the store and take its read lock once
    /// (a page of hits read together).
    SqliteReadSnapshot read_snapshot() { return SqliteReadSnapshot(connection_); }
    /// Per language, the share (0-1) of documents tagged with at least `minimum` concepts.
    std::map<std::string, double> share_with_concepts(int minimum);
    /// How many documents carry each concept.
    std::map<std::string, std::int64_t> concept_document_counts();

    std::int64_t begin_run(const std::string& command);
    /// The id of the latest ingestion run (0 before any): it changes whenever the
    /// documents may have, so it keys caches of derived figures.
    std::int64_t latest_run_id();
    void record_rejection(std::int64_t run_id, const std::string& path, std::int64_t line, const std::string& field,
                          const std::string& message);
    void finish_run(std::int64_t run_id, const IngestionRunSummary& summary);
    /// Marks the runs still "running" as "interrupted" (finished now) and returns how many.
    /// Every run begins and ends under the writer lock, so while `held` is this process's,
    /// no run still "running" has a live process: it was killed or crashed.
    std::int64_t mark_interrupted_runs(const WriterLock& held);
    /// The status of run `run_id`; nullopt when there is no such run. Throws StoreError for a
    /// status text this program does not know (a newer version wrote it).
    std::optional<RunStatus> run_status(std::int64_t run_id);

    std::optional<std::string> meta(const std::string& key);
    void set_meta(const std::string& key, const std::string& value);

private:
    /// A statement prepared once per store and reset for reuse (ingestion runs the same few
    /// statements for every document). A caller that reads rows resets it when done, or the
    /// connection keeps reading an old snapshot.
    SqliteStatement& prepared(const char* sql);
    void migrate();
    /// For a read-only store, which cannot migrate: refuses a schema other than the current one.
    void require_current_schema();
    /// Copies the current version of `id` into document_history before it is replaced or removed.
    void keep_in_history(const std::string& id, std::int64_t run_id, const std::string& now);
    StoredDocument read_row(SqliteStatement& row);

    SqliteConnection connection_;
    std::optional<FileIdentity> opened_;  // the file opened, to tell when the path names another
    std::unordered_map<const char*, std::unique_ptr<SqliteStatement>> statements_;
};

}  // namespace techbridge
