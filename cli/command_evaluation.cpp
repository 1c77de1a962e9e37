#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "arguments.h"
#include "commands.h"
#include "document_validation.h"
#include "evaluation.h"
#include "query_evaluation.h"
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
    "usage: techbridge eval --db DIR [--qrels FILE...] [--demands-of FILE...] [--as-of YYYY-MM-DD]\n"
    "                      [--queries FILE...] [--json]\n"
    "\n"
    "With --qrels, measures match quality against judged relevance: nDCG@10, MRR and Recall@20 overall\n"
    "and per language pair (zh→ru, zh→en, en→ru, ...), beside a plain same-language BM25\n"
    "baseline and the search page (each demand's title as the query, offers only), and how\n"
    "often demands without a suitable offer get \"no strong candidate\".\n"
    "The judged demands must be indexed in DIR (e.g. tests/eval/demands.jsonl).\n"
    "--qrels FILE: demand_id<TAB>offer_id<TAB>grade lines, the header line optional (2 solves,\n"
    "  1 partly; offer \"-\" grade 0: none); give --qrels once per file to join several.\n"
    "--demands-of FILE: the evaluation's documents (.jsonl) for sets that list only relevant\n"
    "  pairs: each demand in FILE without a qrels line counts as having no suitable offer.\n"
    "Judgments are about technology, not dates: offers count as expired only with --as-of.\n"
    "--queries FILE: judged keyword queries (qid<TAB>lang<TAB>query<TAB>id,id,... lines, e.g.\n"
    "  tests/eval/queries.tsv), run through the search: nDCG@10 and recall@10 of the relevant\n"
    "  documents in the query's language and in the others, per query language.\n",
    {"db", "qrels", "demands-of", "as-of", "queries"},
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
    Qrels qrels;
    for (const auto& path : qrels_files) read_qrels_into(qrels, path, file_content(path));
    for (const auto& path : args.values("demands-of")) judge_unlisted_as_unmatched(qrels, demand_ids_of(path));
    return qrels;
}


nlohmann::json match_report_json(const EvaluationReport& report) {
    nlohmann::json demands = nlohmann::json::array();
    for (const auto& outcome : report.demands)
        demands.push_back({{"id", outcome.id},
                           {"has_suitable_offer", outcome.has_suitable_offer},
                           {"top_score", outcome.top_score},
                           {"no_strong_candidate", outcome.no_strong_candidate},
                           {"ndcg@10", outcome.ndcg10}});
    return {{"techbridge", metrics_json(report.techbridge)},
            {"baseline_bm25", metrics_json(report.baseline)},
            {"search_by_title", metrics_json(report.search)},
            {"no_match_demands", report.no_match_demands},
            {"no_match_flagged", report.no_match_flagged},
            {"matched_demands", report.matched_demands},
            {"matched_but_flagged", report.matched_but_flagged},
            {"demands", demands}};
}

void print_match_report(const EvaluationReport& report) {
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
}

nlohmann::json query_report_json(const QueryEvaluationReport& report) {
    nlohmann::json sets = nlohmann::json::object();
    for (const auto& [name, set] : report.sets)
        sets[name] = {{"queries", set.queries},
                      {"ndcg@10", set.ndcg10},
                      {"same_language", {{"relevant", set.same_language_relevant}, {"found", set.same_language_found},
                                         {"recall@10", set.same_language_recall10()}}},
                      {"other_language", {{"relevant", set.other_language_relevant}, {"found", set.other_language_found},
                                          {"recall@10", set.other_language_recall10()}}}};
    nlohmann::json queries = nlohmann::json::array();
    for (const auto& outcome : report.queries)
        queries.push_back({{"id", outcome.id}, {"ndcg@10", outcome.ndcg10}, {"top10", outcome.top10}, {"missed", outcome.missed}});
    return {{"sets", sets}, {"queries", queries}, {"unknown_documents", report.unknown_documents}};
}

void print_query_report(const QueryEvaluationReport& report) {
    std::printf("keyword queries   | nDCG@10 | recall@10 same language | recall@10 other languages\n");
    for (const auto& [name, set] : report.sets)
        std::printf("%-4s %5zu queries |   %5.3f |   %5.3f (%3zu of %3zu)   |   %5.3f (%3zu of %3zu)\n", name.c_str(),
                    set.queries, set.ndcg10, set.same_language_recall10(), set.same_language_found,
                    set.same_language_relevant, set.other_language_recall10(), set.other_language_found,
                    set.other_language_relevant);
    if (!report.unknown_documents.empty())
        std::printf("judged documents the database does not hold (left out): %zu, e.g. %s\n",
                    report.unknown_documents.size(), report.unknown_documents.front().c_str());
}

std::vector<JudgedQuery> judged_queries_of(const Arguments& args) {
    std::vector<JudgedQuery> queries;
    for (const auto& path : args.values("queries"))
        for (JudgedQuery& query : read_judged_queries(path, file_content(path))) queries.push_back(std::move(query));
    return queries;
}

}  // namespace

int run_eval(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(eval_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths{args.required("db")};
    open_existing_store(paths);
    if (args.values("qrels").empty() && args.values("queries").empty())
        throw UsageError("give --qrels FILE (matching), --queries FILE (search) or both");
    EvaluationOptions options;
    options.as_of = args.value("as-of").value_or("");
    if (!options.as_of.empty() && !is_iso_date(options.as_of))
        throw UsageError("--as-of must be a date like 2026-05-31, got \"" + options.as_of + "\"");
    const ServiceContext context = ServiceContext::builtin();
    nlohmann::json out = nlohmann::json::object();
    if (!args.values("qrels").empty()) {
        const EvaluationReport report = evaluate(paths, context.matching_data(), judgments_of(args), options);
        if (args.flag("json")) out.update(match_report_json(report));
        else print_match_report(report);
    }
    if (!args.values("queries").empty()) {
        const QueryEvaluationReport report = evaluate_queries(paths, context.matching_data(), judged_queries_of(args));
        if (args.flag("json")) out["keyword_queries"] = query_report_json(report);
        else {
            if (!args.values("qrels").empty()) std::printf("\n");
            print_query_report(report);
        }
    }
    if (args.flag("json")) std::cout << out.dump(2) << '\n';
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
