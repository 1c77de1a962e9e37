#pragma once
// The JSON form of match results and their explanations, shared by the CLI and the API.
#include <optional>

#include <nlohmann/json.hpp>

#include "knowledge_base.h"
#include "matcher.h"

namespace techbridge {

/// Why a candidate ranks where it does: one entry per factor, with its value (0-1), its
/// contribution to the score and a sentence; shared concepts in both documents' languages.
/// `source_trl`: the source's readiness, said in the TRL reason beside the candidate's.
nlohmann::json explain(const MatchCandidate& candidate, Language source_lang, const KnowledgeBase& knowledge,
                       std::optional<int> source_trl = std::nullopt);

/// {"id", "kind", "lang", "concepts", "threshold", "no_strong_candidate",
///  "candidates": [{"id", "kind", "lang", "title", "score", "reasons": [...]}]}
nlohmann::json to_json(const MatchResult& result, const KnowledgeBase& knowledge);

/// "激光焊接 ↔ лазерная сварка; сварка (broader) ↔ ..." for a one-line summary.
std::string shared_concepts_text(const MatchCandidate& candidate, Language source_lang);

}  // namespace techbridge
