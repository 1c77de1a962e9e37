#pragma once
// The JSON form of knowledge-base entries (concepts, sectors, regions), shared by the
// CLI and the HTTP API.
#include <nlohmann/json.hpp>

#include "knowledge_base.h"

namespace techbridge {

/// {"zh": preferred label, "ru": ..., "en": ...}
nlohmann::json labels_json(const MultilingualLabels& labels);
/// {"id", "broader", "sectors", "labels"}
nlohmann::json concept_json(const Concept& entry);
/// {"id", "labels"}
nlohmann::json sector_json(const Sector& sector);
/// {"id", "type", "parent", "country" ("" for a border crossing), "labels"}
nlohmann::json region_json(const Region& region, const RegionGazetteer& gazetteer);

}  // namespace techbridge
