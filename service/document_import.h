#pragma once
// Use case: check an uploaded file of documents, or store and index it.
#include <string>

#include <nlohmann/json.hpp>

#include "ingestion.h"
#include "knowledge_base.h"
#include "storage_paths.h"

namespace techbridge {

struct ImportRequest {
    std::string filename;  // the file's name as the user knows it: only a label in reports
    std::string format;    // "jsonl" or "markdown"
    std::string body;      // the file's bytes
    bool confirm = false;  // false: check every record and store nothing
};

struct ImportOutcome {
    bool confirmed = false;
    IngestionReport report;
};

/// Throws InvalidInputError naming the field (format), InvalidBodyError naming the line
/// (invalid UTF-8), before
/// anything is read into the store; the caller holds the writer lock when `confirm` is set.
ImportOutcome import_documents(const StoragePaths& paths, const ImportRequest& request, const KnowledgeBase& knowledge);

/// {"confirmed", "records", "valid", "documents": [{"line", "id", "kind", "lang", "title"}],
///  "problems": [{"line", "field", "message"}], "stored", "added", "updated", "unchanged"}
nlohmann::json to_json(const ImportOutcome& outcome);

}  // namespace techbridge
