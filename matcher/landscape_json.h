#pragma once
// The JSON form of the supply-and-demand landscape, shared by the CLI and the HTTP API.
#include <nlohmann/json.hpp>

#include "knowledge_base.h"
#include "landscape.h"

namespace techbridge {

/// {"by_sector": [{"id", "labels", "demands", "offers", "demands_without_strong_candidate"}],
///  "by_region": [...], "unmatched_demands": [ids]}; "labels" is absent for the "" row.
nlohmann::json to_json(const Landscape& landscape, const KnowledgeBase& knowledge);

}  // namespace techbridge
