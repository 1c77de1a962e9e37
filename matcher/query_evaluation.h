#pragma once
// Search quality on judged keyword queries: what a user typing a few words in one language
// finds of the relevant documents in every language.
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "language.h"
#include "matcher.h"
#include "storage_paths.h"

namespace techbridge {

/// One line of a *-queries.tsv: `qid<TAB>lang<TAB>query<TAB>id,id,...` (the header line
/// `qid lang query ids` optional), every listed document relevant, the rest not.
struct JudgedQuery {
    std::string id;
    Language lang = Language::en;
    std::string text;
    std::set<std::string> relevant;
};

/// Throws InvalidInputError naming the file and line of a malformed line.
std::vector<JudgedQuery> read_judged_queries(const std::string& path, std::string_view content);

/// Figures of a set of queries. Recall is counted over documents (found / relevant, summed
/// over the queries), apart for documents in the query's language and in the others.
struct QuerySetMetrics {
    std::size_t queries = 0;
    double ndcg10 = 0;                     // mean over the queries, binary relevance
    std::size_t same_language_relevant = 0, same_language_found = 0;    // found: in the top 10
    std::size_t other_language_relevant = 0, other_language_found = 0;

    double same_language_recall10() const;
    double other_language_recall10() const;
};

struct QueryOutcome {
    std::string id;
    double ndcg10 = 0;
    std::vector<std::string> top10;   // the ids found, best first
    std::vector<std::string> missed;  // relevant ids not in the top 10
};

struct QueryEvaluationReport {
    std::map<std::string, QuerySetMetrics> sets;  // "all" and per query language ("zh", "ru", "en")
    std::vector<QueryOutcome> queries;
    std::vector<std::string> unknown_documents;   // judged ids the database does not hold
};

/// Runs each query through the search as the page does (no filters, first page of 10).
QueryEvaluationReport evaluate_queries(const StoragePaths& paths, const MatchingData& data,
                                       const std::vector<JudgedQuery>& queries);

}  // namespace techbridge
