#include "match_csv.h"

#include <cstdio>
#include <string>

#include "match_json.h"

namespace techbridge {

namespace {

/// RFC 4180 quoting; a cell a spreadsheet would take for a formula gets a leading quote.
std::string csv_field(const std::string& text) {
    std::string cell = text;
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) cell.insert(0, "'");
    if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
    std::string out = "\"";
    for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

double component(const MatchCandidate& candidate, const std::string& factor) {
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
                      component(candidate, "concepts"), component(candidate, "text"), component(candidate, "sector"),
                      component(candidate, "trl"), component(candidate, "cooperation"), component(candidate, "region"));
        out << csv_field(result.source_id) << ',' << to_string(result.source_kind) << ','
            << to_string(result.source_lang) << ',' << ++rank << ',' << csv_field(candidate.id) << ','
            << to_string(candidate.kind) << ',' << to_string(candidate.lang) << ',' << numbers << ','
            << (result.no_strong_candidate ? "yes" : "no") << ','
            << csv_field(shared_concepts_text(candidate, result.source_lang)) << ',' << csv_field(candidate.title)
            << '\n';
    }
}

}  // namespace techbridge
