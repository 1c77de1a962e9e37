#pragma once
// Turns input files into stored, indexed documents.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "document_store.h"
#include "knowledge_base.h"
#include "progress.h"
#include "source_record.h"
#include "storage_paths.h"
#include "writer_lock.h"

namespace techbridge {

struct IngestionOptions {
    bool strict = false;  // reject the whole run when any record is rejected
    ProgressCallback progress;
    std::string command = "index";  // recorded with the run
};

/// A record that passed validation, as the report lists it.
struct ValidRecord {
    std::string path;
    std::int64_t line = 0;
    std::string id;
    DocumentKind kind = DocumentKind::offer;
    Language lang = Language::en;
    std::string title;
};

struct IngestionReport {
    std::size_t files = 0;
    std::size_t records = 0;
    IngestionRunSummary summary;
    std::vector<SourceProblem> rejected;  // one entry per problem, in file order
    std::vector<ValidRecord> valid;       // in file order
    std::size_t indexed = 0;
    bool stored = true;  // false when --strict refused the run
};

/// Collects the .md and .jsonl files under the given paths (folders are walked in
/// name order), validates every record, stores the valid ones (a changed document
/// replaces its old version, an unchanged one is left alone) and brings the index up
/// to date. Invalid records are reported as `file:line: field: what is wrong` and the
/// others still load; with `strict`, nothing is stored when anything is rejected.
/// Inputs that do not exist or are not .md/.jsonl throw InvalidInputError before
/// anything is stored.
class Ingestion {
public:
    /// `knowledge`: what documents are validated against (sectors) and tagged with.
    Ingestion(StoragePaths paths, IngestionOptions options, const KnowledgeBase& knowledge);

    IngestionReport run(const std::vector<std::filesystem::path>& inputs);

    /// Validates an uploaded file's content (`name` ends in .jsonl or .md) and stores
    /// nothing: the report says what storing it would do.
    IngestionReport check_upload(const std::string& name, const std::string& content);
    /// Validates an uploaded file's content and stores and indexes its valid documents.
    IngestionReport run_upload(const std::string& name, const std::string& content);

    /// The input files the given paths stand for, in the order they are read.
    static std::vector<std::filesystem::path> collect_files(const std::vector<std::filesystem::path>& inputs);

private:
    struct Accepted {
        Document document;
        DocumentSource source;
    };
    struct Validation {
        IngestionReport report;
        std::vector<Accepted> accepted;
        std::map<std::string, std::string> first_seen;  // id -> "file:line"
    };
    void validate(SourceFileContent content, Validation& validation) const;
    Validation validate_upload(const std::string& name, const std::string& content) const;
    IngestionReport store(Validation validation);

    StoragePaths paths_;
    IngestionOptions options_;
    const KnowledgeBase& knowledge_;
};

/// Opens the database directory's store for writing, creating the directory (0700) and the
/// store when there are none, but never a new store beside an existing index (a StoreError
/// says the store was deleted). The runs a killed import left "running" are marked
/// "interrupted": `held`, the writer lock, shows that no other writer is alive.
DocumentStore open_store(const StoragePaths& paths, const WriterLock& held);
/// The same without the writer lock, so runs are left as they are (for reading what an
/// import stored).
DocumentStore open_store(const StoragePaths& paths);

}  // namespace techbridge
