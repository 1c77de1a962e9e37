#include <algorithm>
#include <fstream>
#include <iostream>

#include "arguments.h"
#include "commands.h"
#include "document_store.h"
#include "batch_matching.h"
#include "match_csv.h"
#include "match_json.h"
#include "matcher.h"
#include "service_context.h"
#include "store_access.h"
#include "terminal_progress.h"

namespace techbridge::cli {

namespace {

const CommandSpec match_spec{
    "match",
    "usage: techbridge match --db DIR (--id ID | --text TEXT --kind offer|demand) [--target KIND]\n"
    "                        [--limit N] [--sector S] [--region R] [--lang L] [--trl-min N] [--trl-max N]\n"
    "                        [--cooperation TYPE] [--json]\n"
    "\n"
    "Ranks transfer candidates of the opposite kind (offers for a demand, demands for an\n"
    "offer; a knowledge document gets both, or --target) across languages, by shared\n"
    "technology concepts and sector, with the reasons for each. Scores are 0-1; below the\n"
    "threshold in corpus/matching.json the answer is \"no strong candidate\".\n"
    "\n"
    "  --id ID        a stored document\n"
    "  --text TEXT    a need or an offer in any language (a whole page is fine); not stored\n"
    "  --kind K       the kind of --text: offer or demand\n"
    "  --index LOCS   the index split into shards: folders or tcp://host:port of\n"
    "                 xapian-tcpsrv, comma-separated (documents still come from --db)\n"
    "  --json         {\"id\", \"candidates\": [{\"id\", \"kind\", \"lang\", \"title\", \"score\", \"reasons\"}],\n"
    "                  \"no_strong_candidate\"}\n",
    {"db", "id", "text", "kind", "target", "limit", "sector", "region", "lang", "trl-min", "trl-max", "cooperation", "index"},
    {"json"}};

const CommandSpec match_all_spec{
    "match-all",
    "usage: techbridge match-all --db DIR --out FILE.csv [--limit K]\n"
    "\n"
    "The top K candidates (default 5) for every demand and every offer, as CSV: one row per\n"
    "candidate with its score, the score's components and the shared concepts.\n",
    {"db", "out", "limit"},
    {}};

std::optional<DocumentKind> kind_option(const Arguments& args, const std::string& name) {
    const auto value = args.value(name);
    if (!value) return std::nullopt;
    const auto kind = parse_document_kind(*value);
    if (!kind) throw UsageError("--" + name + " must be offer, demand or knowledge, got \"" + *value + "\"");
    return kind;
}

void print_result(const MatchResult& result) {
    std::cout << "Candidates for " << (result.source_id.empty() ? "the text" : result.source_id) << " ("
              << to_string(result.source_kind) << ", " << to_string(result.source_lang) << ")\n\n";
    std::size_t rank = 0;
    for (const auto& candidate : result.candidates) {
        std::printf("%zu. %.2f  %s · %s · %s\n   %s\n", ++rank, candidate.score, candidate.id.c_str(),
                    std::string(to_string(candidate.kind)).c_str(), std::string(to_string(candidate.lang)).c_str(),
                    candidate.title.c_str());
        std::fflush(stdout);
        for (const auto& reason : explain(candidate, result.source_lang, KnowledgeBase::builtin(), result.source_trl))
            std::cout << "   - " << reason["text"].get<std::string>() << '\n';
        std::cout << '\n';
    }
    if (result.no_strong_candidate) {
        std::cout << "No strong candidate: " << (result.candidates.empty() ? std::string("nothing matched")
                                                                            : "the best score is below the threshold")
                  << " (" << result.threshold << ").\n";
    }
}

}  // namespace

int run_match(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(match_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths = storage_paths(args);
    MatchRequest request;
    request.id = args.value("id").value_or("");
    request.text = args.value("text").value_or("");
    if (request.id.empty() == request.text.empty()) throw UsageError("give either --id or --text");
    if (!request.text.empty()) {
        const auto kind = kind_option(args, "kind");
        if (!kind || *kind == DocumentKind::knowledge) throw UsageError("--text needs --kind offer or --kind demand");
        request.kind = *kind;
    }
    request.target = kind_option(args, "target");
    request.limit = static_cast<std::size_t>(args.number("limit", 10, 1, 1000));
    request.filters.sector = args.value("sector").value_or("");
    request.filters.region = args.value("region").value_or("");
    request.filters.cooperation = args.value("cooperation").value_or("");
    if (const auto lang = args.value("lang")) {
        request.filters.lang = parse_language(*lang);
        if (!request.filters.lang) throw UsageError("--lang must be zh, ru or en");
    }
    if (args.value("trl-min")) request.filters.trl_min = static_cast<int>(args.number("trl-min", 1, 1, 9));
    if (args.value("trl-max")) request.filters.trl_max = static_cast<int>(args.number("trl-max", 9, 1, 9));

    Matcher matcher(paths, ServiceContext::builtin().matching_data());
    const MatchResult result = matcher.match(request);
    if (args.flag("json")) {
        std::cout << to_json(result, KnowledgeBase::builtin()).dump(2) << '\n';
        return exit_ok;
    }
    print_result(result);
    return exit_ok;
}

int run_match_all(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(match_all_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths{args.required("db")};
    const std::string out_path = args.required("out");
    const auto limit = static_cast<std::size_t>(args.number("limit", 5, 1, 100));

    std::vector<std::string> sources;
    {
        DocumentStore store = open_existing_store(paths);
        for (const char* kind : {"demand", "offer"})
            for (auto& id : store.ids_of_kind(kind)) sources.push_back(std::move(id));
    }
    std::ofstream out(out_path, std::ios::binary);
    if (!out) throw Error("cannot write " + out_path);

    std::vector<MatchRequest> requests(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) {
        requests[i].id = sources[i];
        requests[i].limit = limit;
    }
    const auto progress = terminal_progress();
    const std::vector<MatchResult> results =
        match_each(paths, ServiceContext::builtin().matching_data(), requests, [&progress](std::size_t done, std::size_t total) {
            if (progress) progress("matching", done, total);
        });
    finish_terminal_progress();

    write_match_csv_header(out);
    for (const auto& result : results) write_match_csv_rows(out, result);
    std::cout << sources.size() << " document(s) matched; " << out_path << " written\n";
    return exit_ok;
}

}  // namespace techbridge::cli
