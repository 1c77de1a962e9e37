#include "match_csv.h"

#include <cstdio>
#include <string>

#include "csv_cell.h"
#include "match_json.h"

namespace techbridge {

namespace {

double component(const MatchCandidate& candidate, ScoreFactor factor) {
    for (const auto& part : candidate.components)
        if (part.factor == factor) return part.value;
    return 0;
}

}  // namespace

void write_match_csv_header(std::ostream& out) {
    out << "source_id,source_kind,source_lang,rank,candidate_id,candidate_kind,candidate_lang,score,"
           "concepts,text,sector,trl,cooperation,region,no_strong_candidate,shared_concepts,candidate_title\n";
}

void write_match_csv_rows(std::ostream& out, const MatchResult& result) {
    std::size_t rank = 0;
    for (const auto& candidate : result.candidates) {
        char numbers[160];
        std::snprintf(numbers, sizeof numbers, "%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f", candidate.score,
                      component(candidate, ScoreFactor::concepts), component(candidate, ScoreFactor::text), component(candidate, ScoreFactor::sector),
                      component(candidate, ScoreFactor::trl), component(candidate, ScoreFactor::cooperation), component(candidate, ScoreFactor::region));
        out << csv_cell(result.source_id) << ',' << to_string(result.source_kind) << ','
            << to_string(result.source_lang) << ',' << ++rank << ',' << csv_cell(candidate.id) << ','
            << to_string(candidate.kind) << ',' << to_string(candidate.lang) << ',' << numbers << ','
            << (result.no_strong_candidate ? "yes" : "no") << ','
            << csv_cell(shared_concepts_text(candidate, result.source_lang)) << ',' << csv_cell(candidate.title)
            << '\n';
    }
}

}  // namespace techbridge
