#include <iostream>

#include "arguments.h"
#include "commands.h"
#include "dictionaries.h"
#include "search_json.h"
#include "searcher.h"
#include "store_access.h"

namespace techbridge::cli {

namespace {

const CommandSpec search_spec{
    "search",
    "usage: techbridge search --db DIR [--kind K] [--lang L] [--sector S] [--region R]\n"
    "                         [--limit N] [--offset N] [--json] QUERY...\n"
    "\n"
    "Searches documents in any of Chinese, Russian and English. Words may match in any\n"
    "inflected form; \"quoted words\" must appear as a phrase; -word excludes.\n"
    "\n"
    "  --kind K     offer, demand or knowledge\n"
    "  --lang L     zh, ru or en (the document's language)\n"
    "  --sector S   a sector code\n"
    "  --region R   a region code\n"
    "  --limit N    hits to show (default 10, at most 1000)\n"
    "  --offset N   hits to skip (for paging)\n"
    "  --order O    relevance (default), trl (highest first) or published (newest first),\n"
    "               each after the number of the query's words a document has\n"
    "  --index LOCS   the index split into shards: folders or tcp://host:port of\n"
    "                 xapian-tcpsrv, comma-separated (documents still come from --db)\n"
    "  --json       {\"query\", \"total\", \"complete\", \"partial\", \"parts\", \"hits\": [{\"id\", \"kind\", \"lang\",\n"
    "               \"title\", \"score\", \"parts_met\", \"snippet\"}]} (docs/api.md)\n",
    {"db", "kind", "lang", "sector", "region", "limit", "offset", "order", "index"},
    {"json"}};

}  // namespace

int run_search(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(search_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths = storage_paths(args);
    SearchRequest request;
    for (const auto& word : args.positional()) {
        if (!request.query.empty()) request.query += ' ';
        request.query += word;
    }
    if (const auto kind = args.value("kind")) {
        request.filters.kind = parse_document_kind(*kind);
        if (!request.filters.kind) throw UsageError("--kind must be offer, demand or knowledge, got \"" + *kind + "\"");
    }
    if (const auto lang = args.value("lang")) {
        request.filters.lang = parse_language(*lang);
        if (!request.filters.lang) throw UsageError("--lang must be zh, ru or en, got \"" + *lang + "\"");
    }
    request.filters.sector = args.value("sector").value_or("");
    request.filters.region = args.value("region").value_or("");
    request.limit = static_cast<std::size_t>(args.number("limit", 10, 1, Searcher::max_limit));
    request.offset = static_cast<std::size_t>(args.number("offset", 0, 0, 1000000));
    if (const auto order = args.value("order")) {
        const auto parsed_order = parse_search_order(*order);
        if (!parsed_order) throw UsageError("--order must be relevance, trl or published, got \"" + *order + "\"");
        request.order = *parsed_order;
    }

    Searcher searcher(paths, KnowledgeBase::builtin(), Dictionaries::installed());
    const SearchResult result = searcher.search(request);
    if (args.flag("json")) {
        std::cout << to_json(result).dump(2) << '\n';
        return exit_ok;
    }
    std::size_t rank = request.offset;
    for (const auto& hit : result.hits) {
        std::cout << ++rank << ". " << hit.title << "\n   " << hit.id << " · " << to_string(hit.kind) << " · "
                  << to_string(hit.lang) << " · " << hit.score << "\n   " << hit.snippet.text << "\n\n";
    }
    if (result.suggestion) std::cout << "did you mean: " << *result.suggestion << '\n';
    std::cout << result.hits.size() << " shown of about " << result.total << " match(es)\n";
    if (result.relaxed && result.total > 0) std::cout << "no document has enough of the words: these have some of them\n";
    else if (result.partial > 0)
        std::cout << result.complete << " with every word (in some language), " << result.partial << " with some of them, after\n";
    return exit_ok;
}

}  // namespace techbridge::cli
