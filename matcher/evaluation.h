#pragma once
// Measuring match quality against judged relevance (qrels).
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "matcher.h"
#include "storage_paths.h"

namespace techbridge {

/// Judged relevance: demand id -> offer id -> grade (2 solves the need, 1 partly relevant).
/// A demand judged to have no suitable offer has an empty map.
struct Qrels {
    std::map<std::string, std::map<std::string, int>> judgments;
};

/// Reads `demand_id<TAB>offer_id<TAB>grade` lines (TREC style: the header line
/// `demand_id offer_id grade` may come first or be left out; # lines are comments); offer id
/// "-" with grade 0 marks a demand without a suitable offer. Adds to what `qrels` holds, so
/// several files make one set. Throws InvalidInputError naming the file and line of a bad line.
void read_qrels_into(Qrels& qrels, const std::string& path, std::string_view content);
Qrels read_qrels(const std::string& path, std::string_view content);

/// Sets whose judgments list only the pairs that are relevant leave the demands without a
/// suitable offer out; given the evaluation's demand ids, each one without a line becomes a
/// judged demand with no suitable offer.
void judge_unlisted_as_unmatched(Qrels& qrels, const std::vector<std::string>& demand_ids);

/// nDCG@k with gains 2^grade - 1 (0 when nothing is relevant).
/// The cells of a tab-separated line, each trimmed; one cell for a line without a tab.
std::vector<std::string_view> tab_cells(std::string_view line);

double ndcg_at(const std::vector<std::string>& ranking, const std::map<std::string, int>& grades, std::size_t k);
/// 1 / rank of the first relevant item (0 when none is ranked).
double reciprocal_rank(const std::vector<std::string>& ranking, const std::map<std::string, int>& grades);
/// Share of the relevant items ranked within the first k.
double recall_at(const std::vector<std::string>& ranking, const std::map<std::string, int>& grades, std::size_t k);

struct MetricSet {
    std::size_t queries = 0;
    double ndcg10 = 0;
    double mrr = 0;
    double recall20 = 0;
};

struct DemandOutcome {
    std::string id;
    bool has_suitable_offer = false;
    double top_score = 0;
    bool no_strong_candidate = false;
    double ndcg10 = 0;  // of the matcher's ranking; 0 for a demand without a suitable offer
};

struct EvaluationReport {
    std::vector<DemandOutcome> demands;  // every judged demand, in id order
    // "all" and language pairs such as "zh→ru"; for TechBridge and for the baseline.
    std::map<std::string, MetricSet> techbridge;
    std::map<std::string, MetricSet> baseline;
    /// The search page with each demand's title typed in, offers only: "all" and per language pair.
    std::map<std::string, MetricSet> search;
    std::size_t no_match_demands = 0;
    std::size_t no_match_flagged = 0;      // of those, answered "no strong candidate"
    std::size_t matched_demands = 0;
    std::size_t matched_but_flagged = 0;   // demands with a judged offer answered "no strong candidate"
};

struct EvaluationOptions {
    /// The date (YYYY-MM-DD) against which offers count as expired. Empty: expiry is left
    /// out, because a judgment says whether a technology solves a need, not when; otherwise
    /// the same gold set would score lower every day as the sample offers expire.
    std::string as_of;
};

/// Ranks offers for every judged demand with the matcher and with a plain BM25 baseline
/// (the demand's own words against the offers, no concepts, no dictionaries), overall and
/// per language pair (ranking only offers in the target language); and the search with each
/// demand's title as the query, as a user of the search page would look for partners.
EvaluationReport evaluate(const StoragePaths& paths, const MatchingData& data, const Qrels& qrels,
                          const EvaluationOptions& options = {});

}  // namespace techbridge
