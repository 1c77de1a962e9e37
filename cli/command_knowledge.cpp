#include <algorithm>
#include <cstdio>
#include <iostream>

#include "arguments.h"
#include "dictionaries.h"
#include "general_dictionary.h"
#include "label_agreement.h"
#include "commands.h"
#include "concept_listing.h"
#include "coverage_report.h"
#include "document_store.h"
#include "storage_paths.h"
#include "store_access.h"

namespace techbridge::cli {

namespace {

const CommandSpec concepts_spec{
    "concepts",
    "usage: techbridge concepts --db DIR [--sector S] [--json] [QUERY...]\n"
    "       techbridge concepts --check [--sector S] [--json]\n"
    "\n"
    "Lists thesaurus concepts with their labels in Chinese, Russian and English and the\n"
    "number of stored documents tagged with each. With QUERY (any language), the\n"
    "concepts the query mentions and those whose id or label contains it.\n"
    "\n"
    "  --sector S   only concepts of this sector (an id or an ISIC/OKVED2 code)\n"
    "  --check      compare each concept's labels with the general dictionaries: a Chinese\n"
    "               label's CC-CEDICT glosses against the English labels, the English labels'\n"
    "               Mueller renderings against the Russian ones; lists the concepts whose\n"
    "               labels disagree, for review, and the share that agree (goal: 70%)\n"
    "  --json       {\"sector\", \"total\", \"concepts\": [{\"id\", \"broader\", \"sectors\", \"labels\": {\"zh\", \"ru\", \"en\"},\n"
    "               \"variants\", \"documents\"}]}, as /api/concepts;\n"
    "               with --check {\"concepts\", \"judged\", \"agreeing\", \"share\", \"disagreeing\": [...]}\n",
    {"db", "sector"},
    {"json", "check"}};

const CommandSpec coverage_spec{
    "coverage",
    "usage: techbridge coverage --db DIR [--limit N] [--json]\n"
    "\n"
    "How well the thesaurus covers the stored documents: per language, the share of\n"
    "documents tagged with at least 3 concepts and the words most often left untagged\n"
    "(by the number of documents they occur in), to decide what to add to the thesaurus.\n"
    "\n"
    "  --limit N    untagged words per language (default 30)\n",
    {"db", "limit"},
    {"json"}};

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

}  // namespace

std::string pair_verdict(bool known, bool agrees) { return !known ? "unknown" : agrees ? "agrees" : "disagrees"; }

int run_concept_check(const Arguments& args) {
    const KnowledgeBase& knowledge = KnowledgeBase::builtin();
    const GeneralDictionary& dictionary = Dictionaries::installed().general();
    if (!dictionary.has_chinese_english() || !dictionary.has_english_russian())
        throw Error("concepts --check needs both dictionaries: " + dictionary.status());
    std::vector<Concept> concepts;
    std::string sector;
    if (const auto asked = args.value("sector")) {
        const auto resolved = knowledge.sectors().resolve(*asked);
        if (!resolved) throw UsageError("--sector: unknown sector \"" + *asked + "\"; `techbridge stats` lists them");
        sector = *resolved;
    }
    for (const auto& entry : knowledge.thesaurus().concepts())
        if (sector.empty() || std::find(entry.sectors.begin(), entry.sectors.end(), sector) != entry.sectors.end())
            concepts.push_back(entry);
    const LabelAgreementReport report = check_label_agreement(concepts, dictionary);
    nlohmann::json disagreeing = nlohmann::json::array();
    for (const auto& judged : report.judged) {
        if (judged.agrees()) continue;
        const MultilingualLabels& labels = judged.subject->labels;
        disagreeing.push_back({{"id", judged.subject->id},
                               {"zh", labels.preferred(Language::zh)},
                               {"ru", labels.preferred(Language::ru)},
                               {"en", labels.preferred(Language::en)},
                               {"zh_en", pair_verdict(judged.chinese_known, judged.chinese_agrees)},
                               {"en_ru", pair_verdict(judged.russian_known, judged.russian_agrees)},
                               {"glosses", judged.glosses},
                               {"renderings", judged.renderings}});
    }
    if (args.flag("json")) {
        std::cout << nlohmann::json{{"concepts", report.concepts}, {"judged", report.judged.size()},
                                    {"agreeing", report.agreeing()}, {"share", report.share()},
                                    {"disagreeing", disagreeing}}.dump(2)
                  << '\n';
        return exit_ok;
    }
    for (const auto& entry : disagreeing) {
        std::cout << entry["id"].get<std::string>() << "  " << entry["zh"].get<std::string>() << " / "
                  << entry["ru"].get<std::string>() << " / " << entry["en"].get<std::string>() << "\n";
        if (entry["zh_en"] == "disagrees")
            std::cout << "    zh-en: CC-CEDICT glosses " << joined(entry["glosses"].get<std::vector<std::string>>(), "; ") << "\n";
        if (entry["en_ru"] == "disagrees")
            std::cout << "    en-ru: Mueller renders " << joined(entry["renderings"].get<std::vector<std::string>>(), "; ") << "\n";
    }
    std::printf("labels agree with the dictionaries in %zu of %zu concepts the dictionaries know (%.1f%%; goal 70%%); "
                "%zu concepts in all, %zu listed above for review\n",
                report.agreeing(), report.judged.size(), 100 * report.share(), report.concepts, disagreeing.size());
    return exit_ok;
}

int run_concepts(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(concepts_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    if (args.flag("check")) return run_concept_check(args);
    const StoragePaths paths{args.required("db")};
    std::string query;
    for (const auto& word : args.positional()) query += (query.empty() ? "" : " ") + word;

    std::map<std::string, std::int64_t> counts;
    if (std::filesystem::exists(paths.store_file())) counts = DocumentStore(paths.store_file()).concept_document_counts();
    const ConceptListing listing =
        list_concepts(KnowledgeBase::builtin(), counts, {query, args.value("sector").value_or("")});

    if (args.flag("json")) {
        std::cout << to_json(listing).dump(2) << '\n';
        return exit_ok;
    }
    for (const ListedConcept& listed : listing.concepts) {
        const Concept& entry = *listed.entry;
        std::cout << entry.id << "  [" << joined(entry.sectors, ", ") << "]"
                  << (entry.broader.empty() ? "" : "  ⊂ " + entry.broader) << "  documents: " << listed.documents << '\n';
        for (const Language language : all_languages)
            std::cout << "   " << to_string(language) << ": " << joined(entry.labels.of(language), " | ") << '\n';
    }
    std::cout << listing.concepts.size() << " concept(s)\n";
    return exit_ok;
}

int run_coverage(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(coverage_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths{args.required("db")};
    DocumentStore store = open_existing_store(paths);
    const KnowledgeBase& knowledge = KnowledgeBase::builtin();
    TextAnalyzer analyzer(knowledge.han_words());
    DocumentTagger tagger(knowledge, analyzer);
    const auto coverage = measure_coverage(store, tagger, static_cast<std::size_t>(args.number("limit", 30, 1, 10000)));

    if (args.flag("json")) {
        nlohmann::json out = nlohmann::json::object();
        for (const auto& [lang, entry] : coverage) {
            nlohmann::json words = nlohmann::json::array();
            for (const auto& [word, documents] : entry.untagged) words.push_back({{"word", word}, {"documents", documents}});
            out[lang] = {{"documents", entry.documents},
                         {"tagged_3plus", entry.documents ? double(entry.with_three_concepts) / entry.documents : 0.0},
                         {"untagged", words}};
        }
        std::cout << out.dump(2) << '\n';
        return exit_ok;
    }
    for (const auto& [lang, entry] : coverage) {
        std::cout << lang << ": " << entry.with_three_concepts << " of " << entry.documents
                  << " document(s) carry 3 or more concepts\n  most frequent untagged words (documents):";
        for (const auto& [word, documents] : entry.untagged) std::cout << ' ' << word << " (" << documents << ")";
        std::cout << "\n\n";
    }
    return exit_ok;
}

}  // namespace techbridge::cli
