#pragma once
// Settings from corpus/: sector and region inference (tagging.json), query widening (search.json).
#include <string_view>

namespace techbridge {

struct TaggingSettings {
    double sector_min_score = 1.5;   // a sector needs at least this score to be inferred
    double sector_share_of_top = 0.5;  // ... and at least this share of the best sector's score
    int max_inferred_sectors = 3;
    double region_organization_weight = 3;
    double region_title_weight = 2;
    double region_body_weight = 1;

    /// Parses the JSON settings file; throws DataError naming the field at fault.
    static TaggingSettings parse(std::string_view path, std::string_view json);
};

/// How queries are widened, from corpus/search.json.
struct SearchSettings {
    double concept_weight = 1.0;     // weight of a concept's synonym group
    double covered_word_weight = 0.2;  // weight of a query word a concept covers, beside the concept's group
    double dictionary_weight = 0.4;  // weight of a word's general-dictionary renderings
    double bigram_weight = 0.05;     // weight of a Chinese word's character bigrams (all of them)
    int max_renderings = 3;          // renderings taken per word and per step
    int facet_count_limit = 10000;   // matches counted for facets; beyond, counts are of a sample
    int result_cache_entries = 2000;  // search results a server keeps for repeated requests
    double length_normalization = 0.5;  // BM25's b for search ranking: 0 (none) to 1 (full)
    int gloss_concepts = 3;         // the concepts a hit's gloss names at most
    int nearest_concepts = 6;       // the concepts a search that found nothing offers at most
    double partial_share = 0.5;  // of a query's parts, the share a document must meet to match (at least one)

    static SearchSettings parse(std::string_view path, std::string_view json);
};

}  // namespace techbridge
