#include "knowledge_base.h"

#include <mutex>

#include "document_tagger.h"
#include "errors.h"
#include "han_word_lexicon.h"
#include "text_analyzer.h"

namespace techbridge {

struct KnowledgeBase::Derived {
    std::once_flag han_words_built;
    std::once_flag labels_built;
    std::unique_ptr<const HanWordLexicon> han_words;
    std::unique_ptr<const KnowledgeLabels> labels;
};

KnowledgeBase::KnowledgeBase() : derived_(std::make_unique<Derived>()) {}
KnowledgeBase::KnowledgeBase(KnowledgeBase&&) noexcept = default;
KnowledgeBase& KnowledgeBase::operator=(KnowledgeBase&&) noexcept = default;
KnowledgeBase::~KnowledgeBase() = default;

const HanWordLexicon& KnowledgeBase::han_words() const {
    std::call_once(derived_->han_words_built, [this] {
        derived_->han_words = std::make_unique<const HanWordLexicon>(HanWordLexicon::from_knowledge(*this, TextNormalizer()));
    });
    return *derived_->han_words;
}

const KnowledgeLabels& KnowledgeBase::labels() const {
    std::call_once(derived_->labels_built, [this] { derived_->labels = std::make_unique<const KnowledgeLabels>(*this); });
    return *derived_->labels;
}

KnowledgeBase KnowledgeBase::load(std::span<const EmbeddedFile> files, std::vector<LocatedProblem>& problems) {
    KnowledgeBase kb;
    auto content_of = [&](std::string_view path) -> std::string_view {
        for (const auto& file : files)
            if (file.path == path) return file.content;
        problems.push_back({std::string(path), 0, "file", "missing from the knowledge data"});
        return {};
    };
    kb.codes_.load_isic("corpus/classifications/isic4.tsv", content_of("corpus/classifications/isic4.tsv"), problems);
    kb.codes_.load_okved("corpus/classifications/okved2.tsv", content_of("corpus/classifications/okved2.tsv"), problems);
    kb.sectors_.load("corpus/sectors.tsv", content_of("corpus/sectors.tsv"), kb.codes_, problems);
    kb.regions_.load("corpus/regions.tsv", content_of("corpus/regions.tsv"), problems);
    try {
        kb.tagging_ = TaggingSettings::parse("corpus/tagging.json", content_of("corpus/tagging.json"));
    } catch (const DataError& error) {
        problems.push_back({"corpus/tagging.json", 0, "file", error.what()});
    }
    try {
        kb.search_ = SearchSettings::parse("corpus/search.json", content_of("corpus/search.json"));
    } catch (const DataError& error) {
        problems.push_back({"corpus/search.json", 0, "file", error.what()});
    }
    bool any_thesaurus = false;
    for (const auto& file : files) {
        if (!file.path.starts_with("corpus/thesaurus/") || !file.path.ends_with(".tsv")) continue;
        any_thesaurus = true;
        kb.thesaurus_.load(file.path, file.content, kb.sectors_, problems);
    }
    if (!any_thesaurus) problems.push_back({"corpus/thesaurus/", 0, "file", "no thesaurus file"});
    kb.thesaurus_.finish(problems);
    kb.version_ = "k";
    for (const auto& file : files) {
        kb.version_ += '-';
        kb.version_ += file.sha256.substr(0, 8);
    }
    return kb;
}

const KnowledgeBase& KnowledgeBase::builtin() {
    static const KnowledgeBase instance = [] {
        std::vector<LocatedProblem> problems;
        KnowledgeBase kb = load(knowledge_data_files(), problems);
        if (!problems.empty()) {
            std::string message = "the built-in knowledge data has " + std::to_string(problems.size()) + " problem(s):";
            for (std::size_t i = 0; i < problems.size() && i < 20; ++i) message += "\n  " + problems[i].to_string();
            throw DataError(message);
        }
        return kb;
    }();
    return instance;
}

}  // namespace techbridge
