#pragma once
// Match results as CSV, one row per candidate: `techbridge match-all` and the page's export.
#include <ostream>

#include "matcher.h"

namespace techbridge {

/// source_id, source_kind, source_lang, rank, candidate_id, candidate_kind, candidate_lang,
/// score, the component values (concepts, text, sector, trl, cooperation, region),
/// no_strong_candidate, shared_concepts, candidate_title.
void write_match_csv_header(std::ostream& out);
void write_match_csv_rows(std::ostream& out, const MatchResult& result);

}  // namespace techbridge
