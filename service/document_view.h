#pragma once
// Use case: show one stored document with its tags.
#include <string>

#include <nlohmann/json.hpp>

#include "document_store.h"
#include "knowledge_base.h"

namespace techbridge {

struct DocumentView {
    StoredDocument stored;
    DocumentTags tags;
};

/// Throws NotFoundError when no document has this id.
DocumentView show_document(DocumentStore& store, const std::string& id);

/// The form of /api/documents/ID and `techbridge show --json` (docs/api.md).
nlohmann::json to_json(const DocumentView& view, const KnowledgeBase& knowledge);

}  // namespace techbridge
