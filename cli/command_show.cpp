#include <iostream>

#include "arguments.h"
#include "commands.h"
#include <algorithm>

#include "dictionaries.h"
#include "document_json.h"
#include "document_view.h"
#include "document_store.h"
#include "general_dictionary.h"
#include "knowledge_base.h"
#include "storage_paths.h"
#include "store_access.h"

namespace techbridge::cli {

namespace {

const CommandSpec show_spec{
    "show",
    "usage: techbridge show --db DIR [--json] ID\n"
    "\n"
    "Shows a stored document with every field, where it came from and its revision.\n",
    {"db"},
    {"json"}};

const CommandSpec stats_spec{
    "stats",
    "usage: techbridge stats --db DIR [--json]\n"
    "\n"
    "Counts the stored documents by kind and by language, the knowledge base's\n"
    "concepts, sectors and regions, and per language the share of documents tagged\n"
    "with at least 3 concepts.\n",
    {"db"},
    {"json"}};

}  // namespace

int run_show(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(show_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths{args.required("db")};
    if (args.positional().size() != 1) throw UsageError("give exactly one document id");
    const std::string& id = args.positional().front();
    DocumentStore store = open_existing_store(paths, StoreAccess::read_only);
    const DocumentView view = show_document(store, id);
    const auto* stored = &view.stored;
    const DocumentTags& tags = view.tags;
    if (args.flag("json")) {
        std::cout << to_json(view, KnowledgeBase::builtin()).dump(2) << '\n';
        return exit_ok;
    }
    const nlohmann::json out = stored->document.to_json();
    for (const auto& [key, value] : out.items()) {
        if (key == "body") continue;
        std::cout << key << ": " << (value.is_string() ? value.get<std::string>() : value.dump()) << '\n';
    }
    std::cout << "concepts:";
    for (const auto& mention : tags.concepts) std::cout << ' ' << mention.concept_id << "×" << mention.count;
    std::cout << "\nsectors:";
    for (const auto& sector : tags.sectors) std::cout << ' ' << sector.id << " (" << to_string(sector.provenance) << ")";
    std::cout << "\nregions:";
    for (const auto& region : tags.regions) std::cout << ' ' << region.id << " (" << to_string(region.provenance) << ")";
    std::cout << "\nsource: " << stored->source.path << ":" << stored->source.line << " (revision " << stored->revision
              << ")\n\n"
              << stored->document.body << '\n';
    return exit_ok;
}

int run_stats(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(stats_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths{args.required("db")};
    DocumentStore store = open_existing_store(paths, StoreAccess::read_only);
    const DocumentCounts counts = store.counts();
    const KnowledgeBase& knowledge = KnowledgeBase::builtin();
    const auto& concepts = knowledge.thesaurus().concepts();
    const auto trilingual = std::count_if(concepts.begin(), concepts.end(),
                                          [](const Concept& entry) { return entry.labels.complete(); });
    const GeneralDictionary& dictionary = Dictionaries::installed().general();
    nlohmann::json tagged = nlohmann::json::object();
    for (const auto& [lang, share] : store.share_with_concepts(3)) tagged[lang] = share;
    const nlohmann::json out = {
        {"documents", {{"total", counts.total}, {"by_kind", counts.by_kind}, {"by_lang", counts.by_lang}}},
        {"concepts", {{"total", concepts.size()}, {"trilingual", trilingual}}},
        {"sectors", knowledge.sectors().sectors().size()},
        {"regions", knowledge.regions().regions().size()},
        {"tagged_3plus", tagged},
        {"dictionaries", {{"zh_en_words", dictionary.chinese_entries()}, {"en_ru_headwords", dictionary.english_headwords()},
                          {"status", dictionary.status()}}}};
    if (args.flag("json")) {
        std::cout << out.dump(2) << '\n';
        return exit_ok;
    }
    std::cout << counts.total << " document(s)\n";
    for (const auto& [kind, n] : counts.by_kind) std::cout << "  " << kind << ": " << n << '\n';
    for (const auto& [lang, n] : counts.by_lang) std::cout << "  " << lang << ": " << n << '\n';
    std::cout << concepts.size() << " concept(s), " << knowledge.sectors().sectors().size() << " sector(s), "
              << knowledge.regions().regions().size() << " region(s)\nshare of documents with 3+ concepts:";
    for (const auto& [lang, share] : tagged.items()) std::cout << ' ' << lang << ' ' << share.get<double>();
    std::cout << "\ndictionaries: " << dictionary.status() << '\n';
    return exit_ok;
}

}  // namespace techbridge::cli
