#pragma once
// The JSON form of a stored document with its ties to the knowledge base, shared by
// `techbridge show --json` and the HTTP API.
#include <nlohmann/json.hpp>

#include "document_store.h"
#include "document_tags.h"
#include "knowledge_base.h"

namespace techbridge {

/// {"document": every field (unknown ones too), "lang_detected", "revision", "updated_at",
///  "source": {"path", "line"}, "concepts": [{"id", "mentions", "labels"}],
///  "sectors": [{"id", "provenance", "labels"}], "regions": [{"id", "provenance", "labels"}]}
nlohmann::json to_json(const StoredDocument& stored, const DocumentTags& tags, const KnowledgeBase& knowledge);

}  // namespace techbridge
