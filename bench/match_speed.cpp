// Matching speed on a generated collection: latency of one `match` against all offers
// (warm, p50/p99), the time of matching every demand (match-all, all cores), and the
// process's peak resident memory.
//
//   build/bench/match_speed [--offers N] [--demands N] [--bytes B] [--queries Q] [--db DIR]
//
// The collection is generated from the sentences of the bundled corpus and indexed with
// the product's own pipeline into DIR (kept, so a second run skips the indexing).
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "corpus_sampler.h"
#include "dictionaries.h"
#include "ingestion.h"
#include "matcher.h"

using namespace techbridge;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double milliseconds(Clock::duration duration) { return std::chrono::duration<double, std::milli>(duration).count(); }

long peak_resident_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t offers = 100000, demands = 10000, bytes = 700, queries = 300;
    fs::path db = fs::temp_directory_path() / "techbridge-match-bench";
    fs::path corpus = fs::path(TECHBRIDGE_SOURCE_DIR) / "corpus" / "documents";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--offers")) offers = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--demands")) demands = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--bytes")) bytes = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--queries")) queries = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--db")) db = argv[i + 1];
        else {
            std::fprintf(stderr, "usage: match_speed [--offers N] [--demands N] [--bytes B] [--queries Q] [--db DIR]\n");
            return 2;
        }
    }
    const StoragePaths paths{db};
    if (!fs::exists(paths.index_dir())) {
        bench::CorpusSampler sampler(corpus);
        const fs::path jsonl = db.string() + ".jsonl";
        {
            std::ofstream out(jsonl, std::ios::binary);
            for (std::size_t i = 0; i < offers; ++i)
                out << sampler.generate(i, bytes, DocumentKind::offer, "offer-").to_json().dump() << '\n';
            for (std::size_t i = 0; i < demands; ++i)
                out << sampler.generate(i, bytes, DocumentKind::demand, "demand-").to_json().dump() << '\n';
        }
        const auto start = Clock::now();
        Ingestion(paths, {}, KnowledgeBase::builtin()).run({jsonl});
        fs::remove(jsonl);
        std::printf("indexed %zu offers and %zu demands (~%zu bytes each) in %.1f s\n", offers, demands, bytes,
                    milliseconds(Clock::now() - start) / 1000);
    }

    std::vector<std::string> demand_ids;
    {
        DocumentStore store(paths.store_file());
        demand_ids = store.ids_of_kind("demand");
    }
    std::mt19937 random(7);
    std::shuffle(demand_ids.begin(), demand_ids.end(), random);

    Matcher matcher(paths, MatchingData{KnowledgeBase::builtin(), MatchingSettings::builtin(), Dictionaries::installed()});
    MatchRequest request;
    request.limit = 10;
    for (std::size_t i = 0; i < std::min<std::size_t>(30, demand_ids.size()); ++i) {  // warm caches
        request.id = demand_ids[i];
        matcher.match(request);
    }
    std::vector<double> latencies;
    for (std::size_t i = 0; i < queries && i < demand_ids.size(); ++i) {
        request.id = demand_ids[(i + 30) % demand_ids.size()];
        const auto start = Clock::now();
        matcher.match(request);
        latencies.push_back(milliseconds(Clock::now() - start));
    }
    std::sort(latencies.begin(), latencies.end());
    auto percentile = [&](double p) { return latencies[static_cast<std::size_t>(p * (latencies.size() - 1))]; };
    std::printf("match (warm, %zu queries against %zu offers): p50 %.1f ms, p99 %.1f ms (goal: p50 <= 20, p99 <= 80)\n",
                latencies.size(), offers, percentile(0.5), percentile(0.99));

    const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
    std::atomic<std::size_t> next{0};
    const auto start = Clock::now();
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
        workers.emplace_back([&] {
            Matcher worker(paths, MatchingData{KnowledgeBase::builtin(), MatchingSettings::builtin(), Dictionaries::installed()});
            MatchRequest each;
            each.limit = 10;
            for (std::size_t i = next++; i < demand_ids.size(); i = next++) {
                each.id = demand_ids[i];
                worker.match(each);
            }
        });
    }
    for (auto& worker : workers) worker.join();
    std::printf("match-all: %zu demands in %.1f s on %u threads (goal: <= 60 s)\n", demand_ids.size(),
                milliseconds(Clock::now() - start) / 1000, threads);
    std::printf("peak resident memory: %.0f MB (goal: < 1024 MB)\n", peak_resident_kib() / 1024.0);
    return 0;
}
