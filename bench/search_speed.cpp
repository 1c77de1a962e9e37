// Search latency in one process, without HTTP: each query of bench/search_queries.txt
// searched in turn (first page of 10 hits, with facets), reported as p50/p99 of the whole
// search and of the same search with no hits asked for (no store reads, no snippets), so
// the two figures' difference is the cost of the page of hits.
//
//   build/bench/search_speed [--db DIR] [--rounds N] [--per-query]
//
// --per-query also prints each query's median times and its number of matches, to find the
// queries that cost the most.
//
// DIR must hold an index, e.g. the 110,000 documents build/bench/match_speed leaves in
// /tmp/techbridge-match-bench.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "dictionaries.h"
#include "search_json.h"
#include "searcher.h"

using namespace techbridge;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<std::string> read_queries(const char* path) {
    std::ifstream in(path);
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') queries.push_back(line);
    return queries;
}

struct Latency {
    std::vector<double> milliseconds;
    double percentile(double p) {
        std::sort(milliseconds.begin(), milliseconds.end());
        return milliseconds[static_cast<std::size_t>(p * static_cast<double>(milliseconds.size() - 1))];
    }
};

// The JSON the server sends for each query's first page, made and written out.
Latency measure_json(Searcher& searcher, const std::vector<std::string>& queries, int rounds) {
    std::vector<SearchResult> results;
    for (const auto& query : queries) {
        SearchRequest request;
        request.query = query;
        results.push_back(searcher.search(request));
    }
    Latency latency;
    std::size_t bytes = 0;
    for (int round = 0; round < rounds; ++round) {
        for (const auto& result : results) {
            const auto start = Clock::now();
            bytes += to_json(result).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size();
            latency.milliseconds.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        }
    }
    if (bytes == 0) std::fprintf(stderr, "no JSON written\n");
    return latency;
}

Latency measure(Searcher& searcher, const std::vector<std::string>& queries, std::size_t limit, int rounds) {
    Latency latency;
    for (int round = 0; round < rounds; ++round) {
        for (const auto& query : queries) {
            SearchRequest request;
            request.query = query;
            request.limit = limit;
            const auto start = Clock::now();
            const SearchResult result = searcher.search(request);
            latency.milliseconds.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            if (round == 0 && limit > 0 && result.hits.empty()) std::fprintf(stderr, "no hits: %s\n", query.c_str());
        }
    }
    return latency;
}

}  // namespace

int main(int argc, char** argv) {
    std::string db = "/tmp/techbridge-match-bench";
    int rounds = 20;
    bool per_query = false;
    for (int i = 1; i < argc; i += 2) {
        if (!std::strcmp(argv[i], "--per-query")) {
            per_query = true;
            --i;
        } else if (i + 1 < argc && !std::strcmp(argv[i], "--db")) db = argv[i + 1];
        else if (i + 1 < argc && !std::strcmp(argv[i], "--rounds")) rounds = std::stoi(argv[i + 1]);
        else {
            std::fprintf(stderr, "usage: search_speed [--db DIR] [--rounds N] [--per-query]\n");
            return 2;
        }
    }
    const std::vector<std::string> queries = read_queries(TECHBRIDGE_SOURCE_DIR "/bench/search_queries.txt");
    Searcher searcher(StoragePaths{db}, KnowledgeBase::builtin(), Dictionaries::installed());
    measure(searcher, queries, 10, 1);  // warm the caches

    Latency page = measure(searcher, queries, 10, rounds);
    Latency counts_only = measure(searcher, queries, 0, rounds);
    Latency json = measure_json(searcher, queries, rounds);
    std::printf("build/bench/search_speed --db %s --rounds %d: %zu queries x %d rounds, one thread\n", db.c_str(), rounds,
                queries.size(), rounds);
    std::printf("  search, 10 hits with snippets, facets: p50 %.2f ms  p99 %.2f ms\n", page.percentile(0.5),
                page.percentile(0.99));
    std::printf("  search, no hits, facets only:          p50 %.2f ms  p99 %.2f ms\n", counts_only.percentile(0.5),
                counts_only.percentile(0.99));
    std::printf("  the page as JSON, made and written:    p50 %.2f ms  p99 %.2f ms\n", json.percentile(0.5),
                json.percentile(0.99));
    if (per_query) {
        std::printf("  per query, median of %d rounds: page ms, facets-only ms, matches, query\n", rounds);
        for (const auto& query : queries) {
            const std::vector<std::string> one{query};
            Latency query_page = measure(searcher, one, 10, rounds);
            Latency query_counts = measure(searcher, one, 0, rounds);
            SearchRequest request;
            request.query = query;
            std::printf("  %7.2f %7.2f %7zu  %s\n", query_page.percentile(0.5), query_counts.percentile(0.5),
                        searcher.search(request).total, query.c_str());
        }
    }
    return 0;
}
