// Whether searching a Chinese word finds the documents that contain it. ICU cuts the same
// characters differently in different sentences, so a word that occurs in a document may
// not be one of its index terms (风电叶片 as 风/电/叶/片). This program takes the CC-CEDICT
// words (two to four Han characters) that occur in the Chinese documents of a database, a
// fixed sample of them by hash, and checks for each that the search for it matches a
// document it occurs in.
//
//   build/bench/segmentation_recall --db DIR [--words N] [--list]
//
// DIR: a database built from Chinese documents, e.g. `make index` (build/corpus-db).
// --list prints the words whose document is missed.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include "dictionaries.h"
#include "document_store.h"
#include "general_dictionary.h"
#include "index_layout.h"
#include "knowledge_base.h"
#include "query_builder.h"
#include "storage_paths.h"

using namespace techbridge;

namespace {

std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t hash = 1469598103934665603ull;
    for (const unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
    return hash;
}

bool is_han(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_HAN;
}

// Each dictionary word of 2-4 Han characters in `text`, with the first document it occurs in.
void collect_words(const std::string& id, const std::string& text, const GeneralDictionary& dictionary,
                   std::map<std::string, std::string>& first_document) {
    const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
    std::vector<int32_t> starts;
    for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1)) starts.push_back(i);
    starts.push_back(unicode.length());
    for (std::size_t from = 0; from + 1 < starts.size(); ++from) {
        for (std::size_t length = 2; length <= 4 && from + length < starts.size(); ++length) {
            if (!is_han(unicode.char32At(starts[from + length - 1])) || !is_han(unicode.char32At(starts[from]))) break;
            std::string word;
            unicode.tempSubStringBetween(starts[from], starts[from + length]).toUTF8String(word);
            if (!dictionary.english_for_chinese(word).empty()) first_document.emplace(word, id);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::string db;
    std::size_t sample = 616;
    bool list = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--db") && i + 1 < argc) db = argv[++i];
        else if (!std::strcmp(argv[i], "--words") && i + 1 < argc) sample = std::stoul(argv[++i]);
        else if (!std::strcmp(argv[i], "--list")) list = true;
        else {
            std::fprintf(stderr, "usage: segmentation_recall --db DIR [--words N] [--list]\n");
            return 2;
        }
    }
    if (db.empty()) {
        std::fprintf(stderr, "segmentation_recall: give --db DIR (a database with Chinese documents)\n");
        return 2;
    }
    const StoragePaths paths{db};
    const GeneralDictionary& dictionary = Dictionaries::installed().general();
    if (!dictionary.has_chinese_english()) {
        std::fprintf(stderr, "segmentation_recall: %s\n", dictionary.status().c_str());
        return 1;
    }
    std::map<std::string, std::string> first_document;
    DocumentStore store(paths.store_file());
    store.for_each([&](const StoredDocument& stored) {
        if (stored.document.lang != Language::zh) return;
        collect_words(stored.document.id, stored.document.title + "\n" + stored.document.body, dictionary, first_document);
    });
    std::vector<std::pair<std::uint64_t, std::string>> ordered;
    for (const auto& [word, id] : first_document) ordered.emplace_back(fnv1a(word), word);
    std::sort(ordered.begin(), ordered.end());
    if (ordered.size() > sample) ordered.resize(sample);

    Xapian::Database index(paths.index_dir().string());
    TextAnalyzer analyzer(KnowledgeBase::builtin().han_words());
    QueryBuilder queries(analyzer, KnowledgeBase::builtin(), Dictionaries::installed());
    std::size_t missed = 0;
    for (const auto& [hash, word] : ordered) {
        const std::string& id = first_document.at(word);
        const AnalyzedQuery built = queries.build(word);
        const Xapian::Query condition = built.matching.empty() ? built.query : built.matching;
        Xapian::Enquire enquire(index);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, condition, Xapian::Query(index_layout::id_term(id))));
        if (enquire.get_mset(0, 1).empty()) {
            ++missed;
            if (list) std::printf("missed: %s in %s\n", word.c_str(), id.c_str());
        }
    }
    std::printf("dictionary words in Chinese documents: %zu; sampled %zu; search misses the document for %zu (%.1f%%)\n",
                first_document.size(), ordered.size(), missed,
                ordered.empty() ? 0.0 : 100.0 * static_cast<double>(missed) / static_cast<double>(ordered.size()));
    return 0;
}
