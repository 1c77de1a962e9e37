#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "arguments.h"
#include "commands.h"
#include "document_validation.h"
#include "evaluation.h"
#include "jsonl_reader.h"
#include "knowledge_base.h"
#include "landscape.h"
#include "landscape_json.h"
#include "service_context.h"
#include "store_access.h"

namespace techbridge::cli {

namespace {

const CommandSpec eval_spec{
    "eval",
    "usage: techbridge eval --db DIR --qrels FILE... [--demands-of FILE...] [--as-of YYYY-MM-DD] [--json]\n"
    "\n"
    "Measures match quality against judged relevance: nDCG@10, MRR and Recall@20 overall\n"
    "and per language pair (zh→ru, zh→en, en→ru, ...), beside a plain same-language BM25\n"
    "baseline and the search page (each demand's title as the query, offers only), and how\n"
    "often demands without a suitable offer get \"no strong candidate\".\n"
    "The judged demands must be indexed in DIR (e.g. tests/eval/demands.jsonl).\n"
    "--qrels FILE: demand_id<TAB>offer_id<TAB>grade lines, the header line optional (2 solves,\n"
    "  1 partly; offer \"-\" grade 0: none); give --qrels once per file to join several.\n"
    "--demands-of FILE: the evaluation's documents (.jsonl) for sets that list only relevant\n"
    "  pairs: each demand in FILE without a qrels line counts as having no suitable offer.\n"
    "Judgments are about technology, not dates: offers count as expired only with --as-of.\n",
    {"db", "qrels", "demands-of", "as-of"},
    {"json"}};

const CommandSpec landscape_spec{
    "landscape",
    "usage: techbridge landscape --db DIR [--json]\n"
    "\n"
    "Per sector and per province or federal subject: the number of demands and offers and\n"
    "the demands with no strong candidate — the gap map.\n",
    {"db"},
    {"json"}};

nlohmann::json metrics_json(const std::map<std::string, MetricSet>& sets) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& [name, set] : sets)
        out[name] = {{"queries", set.queries}, {"ndcg@10", set.ndcg10}, {"mrr", set.mrr}, {"recall@20", set.recall20}};
    return out;
}

std::string region_name(const std::string& id) {
    if (id.empty()) return "(no region)";
    const Region* region = KnowledgeBase::builtin().regions().find(id);
    return region ? id + " " + region->labels.preferred(Language::en) : id;
}

std::string sector_name(const std::string& id) {
    if (id.empty()) return "(no sector)";
    const Sector* sector = KnowledgeBase::builtin().sectors().find(id);
    return sector ? sector->names.preferred(Language::en) : id;
}

std::string file_content(const std::string& path) {
    std::ifstream input(path, std::ios::binary);
    if (!input) throw Error("cannot read " + path + ": check the path");
    std::ostringstream content;
    content << input.rdbuf();
    return content.str();
}

std::vector<std::string> demand_ids_of(const std::string& path) {
    std::ifstream input(path, std::ios::binary);
    if (!input) throw Error("cannot read " + path + ": check the path");
    const SourceFileContent content = read_json_lines(path, input);
    if (!content.problems.empty()) throw InvalidInputError(content.problems.front().to_string());
    std::vector<std::string> ids;
    for (const auto& record : content.records) {
        const auto kind = record.fields.find("kind");
        const auto id = record.fields.find("id");
        if (kind != record.fields.end() && id != record.fields.end() && kind->is_string() && id->is_string() &&
            *kind == "demand")
            ids.push_back(id->get<std::string>());
    }
    return ids;
}

Qrels judgments_of(const Arguments& args) {
    const auto qrels_files = args.values("qrels");
    if (qrels_files.empty()) throw UsageError("--qrels FILE is required");
    Qrels qrels;
    for (const auto& path : qrels_files) read_qrels_into(qrels, path, file_content(path));
    for (const auto& path : args.values("demands-of")) judge_unlisted_as_unmatched(qrels, demand_ids_of(path));
    return qrels;
}

}  // namespace

int run_eval(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(eval_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths{args.required("db")};
    open_existing_store(paths);
    const Qrels qrels = judgments_of(args);
    EvaluationOptions options;
    options.as_of = args.value("as-of").value_or("");
    if (!options.as_of.empty() && !is_iso_date(options.as_of))
        throw UsageError("--as-of must be a date like 2026-05-31, got \"" + options.as_of + "\"");
    const EvaluationReport report = evaluate(paths, ServiceContext::builtin().matching_data(), qrels, options);

    if (args.flag("json")) {
        nlohmann::json demands = nlohmann::json::array();
        for (const auto& outcome : report.demands)
            demands.push_back({{"id", outcome.id},
                               {"has_suitable_offer", outcome.has_suitable_offer},
                               {"top_score", outcome.top_score},
                               {"no_strong_candidate", outcome.no_strong_candidate},
                               {"ndcg@10", outcome.ndcg10}});
        const nlohmann::json out = {{"techbridge", metrics_json(report.techbridge)},
                                    {"baseline_bm25", metrics_json(report.baseline)},
                                    {"search_by_title", metrics_json(report.search)},
                                    {"no_match_demands", report.no_match_demands},
                                    {"no_match_flagged", report.no_match_flagged},
                                    {"matched_demands", report.matched_demands},
                                    {"matched_but_flagged", report.matched_but_flagged},
                                    {"demands", demands}};
        std::cout << out.dump(2) << '\n';
        return exit_ok;
    }
    std::printf("%-8s %7s | %-28s | %-28s | %-28s\n", "", "", "TechBridge", "BM25 baseline (same words)",
                "search, the title as query");
    std::printf("%-8s %7s | %8s %8s %10s | %8s %8s %10s | %8s %8s %10s\n", "pair", "queries", "nDCG@10", "MRR",
                "Recall@20", "nDCG@10", "MRR", "Recall@20", "nDCG@10", "MRR", "Recall@20");
    for (const auto& [name, set] : report.techbridge) {
        const MetricSet& base = report.baseline.at(name);
        const MetricSet& search = report.search.at(name);
        std::printf("%-8s %7zu | %8.3f %8.3f %10.3f | %8.3f %8.3f %10.3f | %8.3f %8.3f %10.3f\n", name.c_str(),
                    set.queries, set.ndcg10, set.mrr, set.recall20, base.ndcg10, base.mrr, base.recall20, search.ndcg10,
                    search.mrr, search.recall20);
    }
    std::printf("\ndemands without a suitable offer answered \"no strong candidate\": %zu of %zu\n",
                report.no_match_flagged, report.no_match_demands);
    std::printf("demands with a suitable offer answered \"no strong candidate\": %zu of %zu\n",
                report.matched_but_flagged, report.matched_demands);
    return exit_ok;
}

int run_landscape(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(landscape_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths{args.required("db")};
    open_existing_store(paths);
    const Landscape landscape = build_landscape(paths, ServiceContext::builtin().matching_data());
    if (args.flag("json")) {
        std::cout << to_json(landscape, KnowledgeBase::builtin()).dump(2) << '\n';
        return exit_ok;
    }
    auto print = [](const char* heading, const std::vector<LandscapeRow>& rows, auto name) {
        std::printf("%-40s %8s %8s %10s\n", heading, "demands", "offers", "unmatched");
        for (const auto& row : rows)
            std::printf("%-40s %8zu %8zu %10zu\n", name(row.id).c_str(), row.demands, row.offers, row.unmatched_demands);
        std::printf("\n");
    };
    print("sector", landscape.by_sector, sector_name);
    print("province / federal subject", landscape.by_region, region_name);
    std::printf("%zu demand(s) without a strong candidate\n", landscape.unmatched.size());
    return exit_ok;
}

}  // namespace techbridge::cli
