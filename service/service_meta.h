#pragma once
// Use cases about the service itself: what the page needs to know (sectors, regions,
// cooperation types, kinds, languages) and how the service is (health).
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "knowledge_base.h"
#include "startup_indexing.h"

namespace techbridge {

/// {"ui_language", "sectors", "regions", "cooperation_types", "kinds", "languages"}: the
/// domain's vocabularies defined once, for the page to build its filters from.
nlohmann::json meta_json(const KnowledgeBase& knowledge, const std::string& ui_language);

struct HealthReport {
    std::string store_problem;  // why nothing can be stored now; empty when all is well
    std::int64_t documents = 0;
    nlohmann::json dictionaries;          // GeneralDictionary::status()
    std::optional<StartupIndexingProgress> indexing;  // the start-up indexing, when the server runs one
};

/// {"status": "ok"|"store_unavailable", "documents", "dictionaries", "error", and, when the
/// server runs a start-up indexing, "indexing": {"state", "pending", "done", "message"}}.
nlohmann::json to_json(const HealthReport& health);

}  // namespace techbridge
