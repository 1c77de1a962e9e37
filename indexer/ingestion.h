#pragma once
// Turns input files into stored, indexed documents.
#include <filesystem>
#include <string>
#include <vector>

#include "document_store.h"
#include "progress.h"
#include "source_record.h"
#include "storage_paths.h"

namespace techbridge {

struct IngestionOptions {
    bool strict = false;  // reject the whole run when any record is rejected
    ProgressCallback progress;
    std::string command = "index";  // recorded with the run
};

struct IngestionReport {
    std::size_t files = 0;
    std::size_t records = 0;
    IngestionRunSummary summary;
    std::vector<SourceProblem> rejected;  // one entry per problem, in file order
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
    Ingestion(StoragePaths paths, IngestionOptions options);

    IngestionReport run(const std::vector<std::filesystem::path>& inputs);

    /// The input files the given paths stand for, in the order they are read.
    static std::vector<std::filesystem::path> collect_files(const std::vector<std::filesystem::path>& inputs);

private:
    StoragePaths paths_;
    IngestionOptions options_;
};

/// Opens (creating if needed) the database directory's store.
DocumentStore open_store(const StoragePaths& paths);

}  // namespace techbridge
