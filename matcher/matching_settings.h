#pragma once
// The weights and thresholds of matching, from corpus/matching.json.
#include <string_view>
#include <vector>

namespace techbridge {

struct MatchingSettings {
    // Component weights; the score is their weighted mean.
    double concepts_weight = 0.45;
    double text_weight = 0.25;
    double sector_weight = 0.14;
    double trl_weight = 0.05;
    double cooperation_weight = 0.05;
    double region_weight = 0.06;

    double concept_related_credit = 0.5;  // a broader, narrower or sibling concept instead of the same one
    // The concept value is the share of the source's concepts (rarity-weighted) the candidate
    // covers, times the evidence: the credited number of shared concepts, up to this
    // saturation (one concept in common is less evidence than several).
    double concept_evidence_saturation = 2.0;
    // Share of the concept value taken from the candidate's side: how much of what the
    // candidate is about (rarity-weighted) the source asks for. 0 looks at the source only.
    double concept_candidate_share = 0.0;
    int distinctive_terms = 30;            // the source's own most distinctive terms put in the text query
    // The content words outside the thesaurus rendered through the dictionaries (the rarer
    // first), at most this many: a bound for speed, above the words of most texts.
    int dictionary_words = 8;
    double concept_words_weight = 0;       // the weight of the words of the source's concepts' labels
    int concept_words_concepts = 5;        // ... of so many of them, the weightiest
    double common_word_share = 1;          // label words and renderings more documents have are left out
    double dictionary_weight = 0.4;        // the weight of a word's renderings against its own terms
    // Text similarity is a candidate's weight over the best candidate's, but never over less
    // than this share of the query's maximum possible weight: a query whose best match is
    // weak keeps low similarities instead of crowning a poor best match with 1.
    double text_reference_share = 0.1;
    double sector_related_credit = 0.5;
    double sector_unknown = 0.5;
    double trl_penalty_per_level = 0.25;
    double trl_unknown = 0.5;
    double cooperation_unknown = 0.5;
    double region_neighbour = 1.0;
    double region_same = 1.0;
    double region_near = 0.7;  // a Far Eastern subject and a Northeast-Chinese province that do not border
    /// Groups of macro-regions (region ids) whose subjects and provinces count as near each
    /// other across the border: a Far Eastern subject and a Northeast-Chinese province.
    std::vector<std::vector<std::string>> near_macro_regions;
    double region_far = 0.4;
    double region_unknown = 0.5;
    double expired_factor = 0.5;
    double no_strong_candidate_below = 0.35;
    int candidates_rescored = 300;

    /// Parses the settings file; throws DataError naming the field at fault.
    static MatchingSettings parse(std::string_view path, std::string_view json);
    /// The settings compiled into this program (corpus/matching.json), or those of the file
    /// named by TECHBRIDGE_MATCHING_CONFIG when it is set.
    static const MatchingSettings& builtin();
};

}  // namespace techbridge
