#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "dictionaries.h"
#include "document_store.h"
#include "ingestion.h"
#include "knowledge_base.h"
#include "searcher.h"
#include "test_support.h"
#include "text_analyzer.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

// Three concepts in place of the built-in thesaurus; the rest of the knowledge data (sectors,
// regions, code lists, settings) is the built-in one. The built-in thesaurus calls the first
// one winter-road: a document tagged river-ice-crossing was tagged with this knowledge base.
constexpr const char* tiny_thesaurus =
    "id\tbroader\tsectors\tzh\tru\ten\n"
    "river-ice-crossing\t\tlogistics-ports\t冰上道路|冰上通道\tледовая переправа|ледовой переправы\tice crossing|river ice crossing\n"
    "ice-thickness-radar\triver-ice-crossing\tlogistics-ports\t冰层测厚雷达\tгеорадар толщины льда\tice thickness radar\n"
    "ferry-pontoon\t\tlogistics-ports\t浮箱码头\tпонтонная переправа\tpontoon crossing\n";

struct TinyKnowledge {
    std::vector<EmbeddedFile> files;
    KnowledgeBase knowledge;
    std::vector<LocatedProblem> problems;

    TinyKnowledge() : knowledge(load()) {}

    KnowledgeBase load() {
        for (const EmbeddedFile& file : knowledge_data_files())
            if (!file.path.starts_with("corpus/thesaurus/")) files.push_back(file);
        files.push_back({"corpus/thesaurus/tiny.tsv", tiny_thesaurus, "0123456789abcdef"});
        return KnowledgeBase::load(files, problems);
    }
};

constexpr const char* documents =
    R"({"id":"tiny-off-ru","kind":"offer","lang":"ru","title":"Ледовая переправа через Амур","body":"Георадар толщины льда для ледовой переправы: измеряет лёд каждые 10 метров и показывает, где переправа безопасна."})"
    "\n"
    R"({"id":"tiny-off-en","kind":"offer","lang":"en","title":"Pontoon crossing for spring floods","body":"A pontoon crossing that replaces the ice road when the river opens."})"
    "\n";

}  // namespace

TEST_CASE("a tiny knowledge base of its own indexes and searches, not the built-in one") {
    TinyKnowledge tiny;
    REQUIRE(tiny.problems.empty());
    CHECK(tiny.knowledge.thesaurus().concepts().size() == 3);
    CHECK(tiny.knowledge.version() != KnowledgeBase::builtin().version());

    TempDir dir;
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}, tiny.knowledge).run({dir.write("in/docs.jsonl", documents)});
    {
        DocumentStore store(paths.store_file());
        const DocumentTags tags = store.tags("tiny-off-ru");
        std::vector<std::string> concepts;
        for (const auto& mention : tags.concepts) concepts.push_back(mention.concept_id);
        CHECK(std::find(concepts.begin(), concepts.end(), "river-ice-crossing") != concepts.end());
        CHECK(std::find(concepts.begin(), concepts.end(), "ice-thickness-radar") != concepts.end());
        CHECK(std::find(concepts.begin(), concepts.end(), "winter-road") == concepts.end());
    }

    const Dictionaries no_dictionaries({}, LexiconSettings{});  // only the tiny thesaurus bridges languages
    Searcher searcher(paths, tiny.knowledge, no_dictionaries);
    SearchRequest request;
    request.query = "冰上道路";  // Chinese for the ice crossing: the Russian offer has no Chinese word
    const SearchResult result = searcher.search(request);
    REQUIRE(!result.concepts.empty());
    REQUIRE(result.concepts.front());
    CHECK(result.concepts.front()->id == "river-ice-crossing");
    REQUIRE(!result.hits.empty());
    CHECK(result.hits.front().id == "tiny-off-ru");
}

TEST_CASE("the analyser keeps the Chinese labels of the knowledge base it is given whole") {
    TinyKnowledge tiny;
    REQUIRE(tiny.problems.empty());
    auto words_of = [](const KnowledgeBase& knowledge) {
        TextAnalyzer analyzer(knowledge.han_words());
        std::vector<std::string> words;
        for (const Token& token : analyzer.analyze("冰层测厚雷达")) words.push_back(token.term);
        return words;
    };
    const auto tiny_words = words_of(tiny.knowledge);
    CHECK(std::find(tiny_words.begin(), tiny_words.end(), "冰层测厚雷达") != tiny_words.end());
    const auto builtin_words = words_of(KnowledgeBase::builtin());
    CHECK(std::find(builtin_words.begin(), builtin_words.end(), "冰层测厚雷达") == builtin_words.end());
}
