#pragma once
// Ranking transfer candidates across languages, by sector and technology, with reasons.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "document.h"
#include "document_store.h"
#include "document_tagger.h"
#include "filter_terms.h"
#include "knowledge_base.h"
#include "matching_settings.h"
#include "query_builder.h"
#include "search_index.h"
#include "storage_paths.h"
#include "text_analyzer.h"

namespace techbridge {

using MatchFilters = DocumentFilters;  // `kind` is not used: see MatchRequest::target

struct MatchRequest {
    std::string id;    // a stored document to find partners for, or
    std::string text;  // a need or an offer in any language, not stored
    DocumentKind kind = DocumentKind::demand;  // the kind of `text`
    std::optional<DocumentKind> target;        // candidates' kind; by default the opposite one
    MatchFilters filters;
    std::size_t limit = 10;
    /// Rank by plain BM25 on the source's own words only (no concepts, no dictionaries):
    /// the keyword-search baseline the evaluation compares against.
    bool words_only = false;
};

/// The factors of a candidate's score (docs/matching.md).
enum class ScoreFactor { concepts, text, sector, trl, cooperation, region };
std::string_view to_string(ScoreFactor factor);

/// How the candidate's concept stands to the source's: the same one, the source's broader
/// concept, one of its narrower concepts, or another concept under the same broader one.
enum class ConceptRelation { same, broader, narrower, sibling };
std::string_view to_string(ConceptRelation relation);

/// One factor of a candidate's score.
struct ScoreComponent {
    ScoreFactor factor = ScoreFactor::text;
    double value = 0;    // 0-1
    double weight = 0;   // its share of the score
    double contribution() const { return value * weight; }
};

/// A concept of the source and what the candidate has for it.
struct SharedConcept {
    const Concept* source = nullptr;
    const Concept* candidate = nullptr;
    ConceptRelation relation = ConceptRelation::same;
    double credit = 0;
};

struct MatchCandidate {
    std::string id;
    DocumentKind kind = DocumentKind::offer;
    Language lang = Language::en;
    std::string title;
    double score = 0;  // 0-1, comparable across queries
    std::vector<ScoreComponent> components;
    std::vector<SharedConcept> concepts;
    SectorRelation sector_relation = SectorRelation::unrelated;
    std::vector<std::string> sectors;
    std::string region;
    std::optional<int> trl;
    std::vector<std::string> shared_cooperation;  // cooperation types both sides state
    bool expired = false;
};

struct MatchResult {
    std::string source_id;  // empty for free text
    std::string source_title;
    DocumentKind source_kind = DocumentKind::demand;
    Language source_lang = Language::en;
    std::optional<int> source_trl;
    std::vector<std::string> source_concepts;
    std::vector<MatchCandidate> candidates;
    double threshold = 0;
    bool no_strong_candidate = true;  // no candidate reaches the threshold
};

/// What matching reads besides the index: the knowledge base the index was built with and
/// the weights and thresholds of corpus/matching.json.
struct MatchingData {
    const KnowledgeBase& knowledge;
    const MatchingSettings& settings;
    const Dictionaries& dictionaries;  // renderings of the words outside the thesaurus
};

/// Ranks documents of the opposite kind for a stored document or a free text.
/// Candidates come from one Xapian query (the source's concepts as synonym groups in
/// all languages, its own distinctive terms, dictionary renderings of its words outside
/// the thesaurus); each is then scored from what the index holds about it: shared
/// concepts (weighted by how rare they are, with partial credit through broader,
/// narrower and sibling concepts), sector relation, text similarity, TRL fit,
/// cooperation types, region proximity and expiry. Weights: corpus/matching.json.
///
/// Holds an open index, store and analyser: one Matcher per thread.
class Matcher {
public:
    Matcher(const StoragePaths& paths, const MatchingData& data);

    MatchResult match(const MatchRequest& request);

    /// Today's date as YYYY-MM-DD, against which expiry is judged (settable for tests).
    void set_today(std::string today) { today_ = std::move(today); }

private:
    struct Profile;
    struct Features;

    MatchResult run(const MatchRequest& request);
    void forget_index_statistics();  // after the index changed
    Profile profile_of_stored(const std::string& id);
    Profile profile_of_text(const std::string& text, DocumentKind kind);
    void apply_tags(Profile& profile, const DocumentTags& tags);
    void add_distinctive_terms(Profile& profile, const std::vector<Token>& tokens);
    Xapian::Query candidate_query(const Profile& profile, bool words_only);
    /// The candidate query limited to the target kinds and the request's filters.
    Xapian::Query restricted(const Xapian::Query& wanted, const MatchRequest& request,
                             const std::vector<DocumentKind>& targets);
    Features features_of(const Xapian::Document& document) const;
    const Features& cached_features(Xapian::docid docid, const Xapian::MSetIterator& match);
    double concept_rarity(const std::string& concept_id) const;
    /// The words of the concept's labels in the languages other than the source's (its own
    /// words are in the query already) that are not common in the index, as one synonym
    /// group; empty if none.
    Xapian::Query concept_words_query(const Concept& entry, Language source);
    /// The word's dictionary renderings (QueryBuilder::render_in_other_languages) that are
    /// not common in the index.
    Xapian::Query dictionary_query(const Token& word);
    double common_words_above() const;
    /// Two macro-regions (the parents of first-level regions) that corpus/matching.json
    /// counts as near each other.
    bool near_each_other(const std::string& one, const std::string& other) const;  // the number of documents that makes a word common
    MatchCandidate score(const Profile& profile, const Features& features, double text_similarity) const;
    // The score's components, each 0-1 (docs/matching.md); some also fill in the candidate's reasons.
    SharedConcept shared_concept(const Profile& profile, std::size_t index, const Features& features) const;
    void add_concepts_component(const Profile& profile, const Features& features, MatchCandidate& candidate) const;
    double sector_fit(const Profile& profile, const Features& features, MatchCandidate& candidate) const;
    double readiness_fit(const Profile& profile, const Features& features) const;
    double cooperation_fit(const Profile& profile, const Features& features, MatchCandidate& candidate) const;
    double region_fit(const Profile& profile, const Features& features, MatchCandidate& candidate) const;

    StoragePaths paths_;
    CatchingUpIndex reader_;
    Xapian::Database& index_ = reader_.database();
    DocumentStore store_;
    TextAnalyzer analyzer_;
    const KnowledgeBase& knowledge_;
    const MatchingSettings& settings_;
    DocumentTagger tagger_;
    QueryBuilder queries_;
    std::string today_;
    bool sharded_ = false;
    mutable std::unordered_map<std::string, double> rarity_;  // concept id -> log(1 + N/df), per index revision
    std::unordered_map<Xapian::docid, std::shared_ptr<const Features>> features_;  // per index revision
    std::unordered_map<std::string, Xapian::Query> concept_words_;  // concept id -> query, per index revision
    std::unordered_map<std::string, Xapian::Query> renderings_;     // word -> its renderings, per index revision
    static constexpr std::size_t max_cached_renderings = 200000;
    static constexpr std::size_t max_cached_features = 200000;  // about 100 MB at most
};

}  // namespace techbridge
