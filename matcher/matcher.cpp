#include "matcher.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "document_validation.h"
#include "errors.h"
#include "filter_terms.h"
#include "index_layout.h"
#include "search_index.h"
#include "utc_clock.h"

namespace techbridge {

namespace layout = index_layout;

namespace {

bool has_prefix(const std::string& term, std::string_view prefix) { return term.compare(0, prefix.size(), prefix) == 0; }

// Index terms that carry words: unprefixed words and Z stems (not ids, filters, concepts).
bool is_word_term(const std::string& term) {
    if (term.empty()) return false;
    if (has_prefix(term, layout::stem_prefix)) return true;
    return !(term[0] >= 'A' && term[0] <= 'Z');
}

// The keyword baseline queries with this many of the source's words, the matcher with fewer.
constexpr std::size_t baseline_terms = 200;

void keep_most_distinctive(std::vector<std::pair<std::string, double>>& terms, std::size_t count) {
    std::sort(terms.begin(), terms.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (terms.size() > count) terms.resize(count);
}

DocumentKind opposite(DocumentKind kind) {
    return kind == DocumentKind::demand ? DocumentKind::offer : DocumentKind::demand;
}

}  // namespace

struct Matcher::Profile {
    std::string id;
    std::string title;  // of a stored source
    DocumentKind kind = DocumentKind::demand;
    Language lang = Language::en;
    std::optional<int> trl;
    std::vector<std::string> cooperation;
    std::vector<std::pair<const Concept*, double>> concepts;  // with weight: rarity × mentions
    // Per source concept, in the same order: its broader concept, narrower concepts and siblings.
    struct Related {
        const Concept* broader = nullptr;
        std::vector<const Concept*> narrower;
        std::vector<const Concept*> siblings;
    };
    std::vector<Related> related;
    std::vector<std::string> sectors;
    std::string region;  // first-level region id
    std::vector<std::pair<std::string, double>> terms;  // distinctive index terms, tf-idf
    std::vector<Token> dictionary_words;                // distinctive words outside the thesaurus
};

struct Matcher::Features {
    std::string id;
    DocumentKind kind = DocumentKind::offer;
    Language lang = Language::en;
    std::unordered_set<std::string> concepts;
    std::vector<std::string> sectors;
    std::vector<std::string> regions;
    std::vector<std::string> cooperation;
    std::optional<int> trl;
    std::string expires;
};

Matcher::Matcher(const StoragePaths& paths, const MatchingData& data)
    : paths_(paths),
      reader_(paths),
      store_(paths.store_file(), StoreAccess::read_only),
      analyzer_(data.knowledge.han_words()),
      knowledge_(data.knowledge),
      settings_(data.settings),
      tagger_(knowledge_, analyzer_),
      queries_(analyzer_, knowledge_, data.dictionaries),
      today_(utc_now("%Y-%m-%d")),
      sharded_(!paths.index_shards.empty()) {}

MatchResult Matcher::match(const MatchRequest& request) {
    for (int attempt = 0;; ++attempt) {
        try {
            if (reader_.catch_up()) forget_index_statistics();
            return run(request);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 3) throw IndexError("the index kept changing during matching; try again");
        } catch (const Xapian::Error& error) {
            throw IndexError("matching failed: " + error.get_description());
        }
    }
}

std::string_view to_string(ScoreFactor factor) {
    switch (factor) {
        case ScoreFactor::concepts: return "concepts";
        case ScoreFactor::text: return "text";
        case ScoreFactor::sector: return "sector";
        case ScoreFactor::trl: return "trl";
        case ScoreFactor::cooperation: return "cooperation";
        case ScoreFactor::region: return "region";
    }
    return "text";
}

std::string_view to_string(ConceptRelation relation) {
    switch (relation) {
        case ConceptRelation::same: return "same";
        case ConceptRelation::broader: return "broader";
        case ConceptRelation::narrower: return "narrower";
        case ConceptRelation::sibling: return "sibling";
    }
    return "same";
}

void Matcher::forget_index_statistics() {
    rarity_.clear();
    features_.clear();
    concept_words_.clear();
    renderings_.clear();
}

void Matcher::add_distinctive_terms(Profile& profile, const std::vector<Token>& tokens) {
    const double documents = std::max<double>(1, index_.get_doccount());
    std::unordered_map<std::string, double> frequency;
    for (const Token& token : tokens) {
        if (token.role != TokenRole::word || token.stopword) continue;
        const std::string term = token.stem.empty() ? token.term : std::string(layout::stem_prefix) + token.stem;
        if (term.size() <= layout::max_term_bytes) frequency[term] += 1;
    }
    for (const auto& [term, count] : frequency) {
        const double df = index_.get_termfreq(term);
        if (df == 0) continue;  // a word no document has cannot find a candidate
        profile.terms.emplace_back(term, (1 + std::log(count)) * std::log(1 + documents / df));
    }
    keep_most_distinctive(profile.terms, baseline_terms);
}

namespace {

constexpr std::size_t max_dictionary_text_bytes = 8000;

// Distinct words outside the thesaurus, the rarer in the index first.
std::vector<Token> rare_untagged(std::vector<Token> words, const Xapian::Database& index, std::size_t limit) {
    std::set<std::string> seen;
    std::vector<std::pair<double, Token>> ranked;
    for (auto& word : words) {
        if (!seen.insert(word.term).second) continue;
        const std::string term = word.stem.empty() ? word.term : std::string(layout::stem_prefix) + word.stem;
        ranked.emplace_back(static_cast<double>(index.get_termfreq(term)), std::move(word));
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Token> out;
    for (auto& [df, word] : ranked) {
        if (out.size() >= limit) break;
        out.push_back(std::move(word));
    }
    return out;
}

// The part of a stored document whose words the dictionaries render: its title and summary,
// and its body up to a length that keeps the query within the speed limits.
std::string dictionary_text(const Document& document) {
    std::string text = document.title + "\n" + document.summary + "\n" + document.body;
    if (text.size() > max_dictionary_text_bytes) {
        std::size_t cut = max_dictionary_text_bytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
        text.resize(cut);
    }
    return text;
}

}  // namespace

void Matcher::apply_tags(Profile& profile, const DocumentTags& tags) {
    for (const auto& mention : tags.concepts) {
        const Concept* entry = knowledge_.thesaurus().find(mention.concept_id);
        if (entry) profile.concepts.emplace_back(entry, concept_rarity(entry->id) * (1 + std::log(mention.count)));
    }
    for (const auto& sector : tags.sectors) profile.sectors.push_back(sector.id);
    if (!tags.regions.empty()) profile.region = tags.regions.front().id;
}

Matcher::Profile Matcher::profile_of_stored(const std::string& id) {
    const auto stored = store_.get(id);
    if (!stored) throw NotFoundError("no document with id \"" + id + "\"");
    const Document& document = stored->document;
    Profile profile;
    profile.id = id;
    profile.title = document.title;
    profile.kind = document.kind;
    profile.lang = document.lang;
    profile.trl = document.trl;
    profile.cooperation = document.cooperation;
    const DocumentTags tags = store_.tags(id);
    apply_tags(profile, tags);
    // The source is indexed: its distinctive terms come from its own term list.
    const double documents = std::max<double>(1, index_.get_doccount());
    Xapian::PostingIterator posting = index_.postlist_begin(layout::id_term(id));
    if (posting != index_.postlist_end(layout::id_term(id))) {
        const Xapian::Document indexed = index_.get_document(*posting);
        for (auto term = indexed.termlist_begin(); term != indexed.termlist_end(); ++term) {
            const std::string value = *term;
            if (!is_word_term(value)) continue;
            // A term list's own frequencies are those of the document's shard: over shards,
            // ask the combined database.
            const double df = std::max<double>(1, sharded_ ? index_.get_termfreq(value) : term.get_termfreq());
            profile.terms.emplace_back(value, (1 + std::log(term.get_wdf())) * std::log(1 + documents / df));
        }
        keep_most_distinctive(profile.terms, baseline_terms);
    }
    profile.dictionary_words = rare_untagged(tagger_.untagged_tokens(dictionary_text(document)), index_,
                                             static_cast<std::size_t>(settings_.dictionary_words));
    return profile;
}

Matcher::Profile Matcher::profile_of_text(const std::string& text, DocumentKind kind) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw InvalidInputError("text: is empty");
    Document document;
    document.id = "text";
    document.kind = kind;
    document.lang = detect_language(text);
    document.title = text.substr(0, 0);
    document.body = text;
    Profile profile;
    profile.kind = kind;
    profile.lang = document.lang;
    const AnalyzedDocument analyzed = AnalyzedDocument::analyze(document, analyzer_);
    const DocumentTags tags = tagger_.tag(document, analyzed);
    apply_tags(profile, tags);
    add_distinctive_terms(profile, analyzed.body);
    profile.dictionary_words = rare_untagged(tagger_.untagged_tokens(text.substr(0, max_dictionary_text_bytes)), index_,
                                             static_cast<std::size_t>(settings_.dictionary_words));
    return profile;
}

Xapian::Query Matcher::candidate_query(const Profile& profile, bool words_only) {
    std::vector<Xapian::Query> parts;
    const std::size_t terms = words_only ? profile.terms.size()
                                         : std::min(profile.terms.size(), static_cast<std::size_t>(settings_.distinctive_terms));
    for (std::size_t i = 0; i < terms; ++i) parts.emplace_back(profile.terms[i].first);
    if (words_only) return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    // Every indexed document is tagged, so the concepts' own terms find them; labels are not needed.
    std::vector<std::pair<double, const Concept*>> by_weight;
    for (const auto& [entry, weight] : profile.concepts) {
        parts.push_back(queries_.concept_terms_query(*entry));
        by_weight.emplace_back(weight, entry);
    }
    std::stable_sort(by_weight.begin(), by_weight.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    // The label words of the weightiest concepts only: each group is a long posting list.
    if (by_weight.size() > static_cast<std::size_t>(settings_.concept_words_concepts))
        by_weight.resize(static_cast<std::size_t>(settings_.concept_words_concepts));
    if (settings_.concept_words_weight > 0)
        for (const auto& [weight, entry] : by_weight)
            if (Xapian::Query words = concept_words_query(*entry, profile.lang); !words.empty())
                parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, words, settings_.concept_words_weight);
    for (const Token& word : profile.dictionary_words) {
        Xapian::Query rendered = dictionary_query(word);
        if (!rendered.empty()) parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, rendered, settings_.dictionary_weight);
    }
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query Matcher::restricted(const Xapian::Query& wanted, const MatchRequest& request,
                                 const std::vector<DocumentKind>& targets) {
    DocumentFilters filters = request.filters;
    filters.kind.reset();
    const std::vector<Xapian::Query> parts = filter_queries(filters, knowledge_, tagger_);
    Xapian::Query query = wanted;
    if (!parts.empty())
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
    // The kinds not wanted, left out, rather than the wanted ones required: offers are most of
    // a collection, and checking each match against the few others is the cheaper test.
    std::vector<Xapian::Query> unwanted;
    for (const DocumentKind kind : {DocumentKind::offer, DocumentKind::demand, DocumentKind::knowledge})
        if (std::find(targets.begin(), targets.end(), kind) == targets.end())
            unwanted.emplace_back(layout::boolean_term(layout::kind_prefix, to_string(kind)));
    if (unwanted.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(Xapian::Query::OP_OR, unwanted.begin(), unwanted.end()));
}

Matcher::Features Matcher::features_of(const Xapian::Document& document) const {
    Features features;
    features.id = document.get_data();
    Xapian::TermIterator term = document.termlist_begin();
    term.skip_to(std::string(layout::kind_prefix));
    for (; term != document.termlist_end(); ++term) {
        const std::string value = *term;
        if (has_prefix(value, layout::kind_prefix)) {
            if (auto kind = parse_document_kind(value.substr(layout::kind_prefix.size()))) features.kind = *kind;
        } else if (has_prefix(value, layout::lang_prefix)) {
            if (auto lang = parse_language(value.substr(layout::lang_prefix.size()))) features.lang = *lang;
        } else if (has_prefix(value, layout::concept_prefix)) {
            features.concepts.insert(value.substr(layout::concept_prefix.size()));
        } else if (has_prefix(value, layout::cooperation_prefix)) {
            features.cooperation.push_back(value.substr(layout::cooperation_prefix.size()));
        } else if (has_prefix(value, layout::region_prefix)) {
            features.regions.push_back(value.substr(layout::region_prefix.size()));
        } else if (has_prefix(value, layout::sector_prefix)) {
            features.sectors.push_back(value.substr(layout::sector_prefix.size()));
        } else if (static_cast<unsigned char>(value[0]) > 'X') {
            break;  // past the filter terms: only Z stems and words remain
        }
    }
    const std::string trl = document.get_value(layout::trl_slot);
    if (!trl.empty()) features.trl = static_cast<int>(Xapian::sortable_unserialise(trl));
    features.expires = document.get_value(layout::expires_slot);
    return features;
}

const Matcher::Features& Matcher::cached_features(Xapian::docid docid, const Xapian::MSetIterator& match) {
    // Matching every demand meets the same offers again and again: read each one once.
    if (const auto it = features_.find(docid); it != features_.end()) return *it->second;
    if (features_.size() >= max_cached_features) features_.clear();
    auto read = std::make_shared<const Features>(features_of(match.get_document()));
    return *features_.emplace(docid, std::move(read)).first->second;
}

double Matcher::concept_rarity(const std::string& concept_id) const {
    if (const auto it = rarity_.find(concept_id); it != rarity_.end()) return it->second;
    const double documents = std::max<double>(1, index_.get_doccount());
    const double df = std::max<double>(1, index_.get_termfreq(layout::boolean_term(layout::concept_prefix, concept_id)));
    return rarity_[concept_id] = std::log(1 + documents / df);
}

bool Matcher::near_each_other(const std::string& one, const std::string& other) const {
    if (one == other) return false;
    for (const auto& group : settings_.near_macro_regions) {
        const auto holds = [&group](const std::string& id) { return std::find(group.begin(), group.end(), id) != group.end(); };
        if (holds(one) && holds(other)) return true;
    }
    return false;
}

Xapian::Query Matcher::dictionary_query(const Token& word) {
    const std::string key = std::to_string(static_cast<int>(word.script)) + ":" + word.term;
    if (const auto it = renderings_.find(key); it != renderings_.end()) return it->second;
    if (renderings_.size() > max_cached_renderings) renderings_.clear();
    // As for label words: a rendering most documents have costs more than it tells.
    const RenderingFilter filter{&index_, common_words_above()};
    return renderings_[key] = queries_.render_in_other_languages(word, filter);
}

double Matcher::common_words_above() const {
    return settings_.common_word_share * static_cast<double>(index_.get_doccount());
}

Xapian::Query Matcher::concept_words_query(const Concept& entry, Language source) {
    const std::string key = entry.id + "/" + std::string(to_string(source));
    if (const auto it = concept_words_.find(key); it != concept_words_.end()) return it->second;
    // A word most documents have (нефть in an oil collection) says little and costs a long
    // posting list in every query that names the concept.
    const double common = common_words_above();
    std::vector<Xapian::Query> synonyms;
    for (const Language language : all_languages) {
        if (language == source) continue;
        for (const std::string& term : queries_.concept_label_terms(entry, language))
            if (const double df = index_.get_termfreq(term); df > 0 && df <= common) synonyms.emplace_back(term);
    }
    return concept_words_[key] = Xapian::Query(Xapian::Query::OP_SYNONYM, synonyms.begin(), synonyms.end());
}

MatchCandidate Matcher::score(const Profile& profile, const Features& features, double text_similarity) const {
    MatchCandidate candidate;
    candidate.id = features.id;
    candidate.kind = features.kind;
    candidate.lang = features.lang;
    candidate.trl = features.trl;
    candidate.sectors = features.sectors;
    if (!profile.concepts.empty()) add_concepts_component(profile, features, candidate);
    candidate.components.push_back({ScoreFactor::text, std::clamp(text_similarity, 0.0, 1.0), settings_.text_weight});
    candidate.components.push_back({ScoreFactor::sector, sector_fit(profile, features, candidate), settings_.sector_weight});
    candidate.components.push_back({ScoreFactor::trl, readiness_fit(profile, features), settings_.trl_weight});
    candidate.components.push_back({ScoreFactor::cooperation, cooperation_fit(profile, features, candidate), settings_.cooperation_weight});
    candidate.components.push_back({ScoreFactor::region, region_fit(profile, features, candidate), settings_.region_weight});

    double weights = 0, sum = 0;
    for (const auto& component : candidate.components) {
        weights += component.weight;
        sum += component.contribution();
    }
    // Weights are shares of the score: normalise them for the components present.
    for (auto& component : candidate.components) component.weight = weights > 0 ? component.weight / weights : 0;
    candidate.score = weights > 0 ? sum / weights : 0;
    candidate.expired = !features.expires.empty() && features.expires < today_;
    if (candidate.expired) candidate.score *= settings_.expired_factor;
    return candidate;
}

SharedConcept Matcher::shared_concept(const Profile& profile, std::size_t index, const Features& features) const {
    const Concept* entry = profile.concepts[index].first;
    const Profile::Related& related = profile.related[index];
    auto first_held = [&](const std::vector<const Concept*>& options) -> const Concept* {
        for (const Concept* option : options)
            if (features.concepts.contains(option->id)) return option;
        return nullptr;
    };
    if (features.concepts.contains(entry->id)) return {entry, entry, ConceptRelation::same, 1.0};
    if (related.broader && features.concepts.contains(related.broader->id))
        return {entry, related.broader, ConceptRelation::broader, settings_.concept_related_credit};
    if (const Concept* narrower = first_held(related.narrower))
        return {entry, narrower, ConceptRelation::narrower, settings_.concept_related_credit};
    if (const Concept* sibling = first_held(related.siblings))
        return {entry, sibling, ConceptRelation::sibling, settings_.concept_related_credit / 2};
    return {entry, nullptr, ConceptRelation::same, 0};
}

void Matcher::add_concepts_component(const Profile& profile, const Features& features, MatchCandidate& candidate) const {
    // Shared concepts, by rarity, with partial credit through the hierarchy.
    double total = 0, credited = 0, shared_count = 0;
    for (std::size_t i = 0; i < profile.concepts.size(); ++i) {
        const double weight = profile.concepts[i].second;
        total += weight;
        const SharedConcept shared = shared_concept(profile, i, features);
        if (!shared.candidate) continue;
        credited += weight * shared.credit;
        shared_count += shared.credit;
        candidate.concepts.push_back(shared);
    }
    double coverage = total > 0 ? credited / total : 0;
    if (settings_.concept_candidate_share > 0 && !features.concepts.empty()) {
        double theirs = 0, asked = 0;
        for (const auto& id : features.concepts) theirs += concept_rarity(id);
        for (const auto& shared : candidate.concepts) asked += concept_rarity(shared.candidate->id) * shared.credit;
        const double candidate_coverage = theirs > 0 ? std::min(1.0, asked / theirs) : 0;
        coverage = (1 - settings_.concept_candidate_share) * coverage + settings_.concept_candidate_share * candidate_coverage;
    }
    const double evidence = settings_.concept_evidence_saturation > 0
                                ? std::min(1.0, shared_count / settings_.concept_evidence_saturation)
                                : 1.0;
    candidate.components.push_back({ScoreFactor::concepts, coverage * evidence, settings_.concepts_weight});
    std::stable_sort(candidate.concepts.begin(), candidate.concepts.end(),
                     [](const SharedConcept& a, const SharedConcept& b) { return a.credit > b.credit; });
}

double Matcher::sector_fit(const Profile& profile, const Features& features, MatchCandidate& candidate) const {
    if (profile.sectors.empty() || features.sectors.empty()) return settings_.sector_unknown;
    candidate.sector_relation = SectorRelation::unrelated;
    for (const auto& a : profile.sectors)
        for (const auto& b : features.sectors) {
            const SectorRelation relation = knowledge_.sectors().relation(a, b);
            if (relation == SectorRelation::same) candidate.sector_relation = SectorRelation::same;
            else if (relation == SectorRelation::related && candidate.sector_relation != SectorRelation::same)
                candidate.sector_relation = SectorRelation::related;
        }
    return candidate.sector_relation == SectorRelation::same      ? 1.0
           : candidate.sector_relation == SectorRelation::related ? settings_.sector_related_credit
                                                                  : 0.0;
}

double Matcher::readiness_fit(const Profile& profile, const Features& features) const {
    // An offer at or above the readiness the demand asks for fits.
    if (!profile.trl || !features.trl) return settings_.trl_unknown;
    const int offered = profile.kind == DocumentKind::offer ? *profile.trl : *features.trl;
    const int asked = profile.kind == DocumentKind::offer ? *features.trl : *profile.trl;
    return std::max(0.0, 1.0 - settings_.trl_penalty_per_level * std::max(0, asked - offered));
}

double Matcher::cooperation_fit(const Profile& profile, const Features& features, MatchCandidate& candidate) const {
    if (profile.cooperation.empty() || features.cooperation.empty()) return settings_.cooperation_unknown;
    for (const auto& type : profile.cooperation)
        if (std::find(features.cooperation.begin(), features.cooperation.end(), type) != features.cooperation.end())
            candidate.shared_cooperation.push_back(type);
    return candidate.shared_cooperation.empty() ? 0 : 1;
}

double Matcher::region_fit(const Profile& profile, const Features& features, MatchCandidate& candidate) const {
    // Neighbours across the border are closest.
    const Region* theirs = features.regions.empty() ? nullptr : knowledge_.regions().first_level(features.regions.front());
    const Region* ours = profile.region.empty() ? nullptr : knowledge_.regions().first_level(profile.region);
    if (theirs) candidate.region = theirs->id;
    if (!ours || !theirs) return settings_.region_unknown;
    if (ours == theirs) return settings_.region_same;
    if (knowledge_.regions().are_neighbours(ours->id, theirs->id)) return settings_.region_neighbour;
    if (near_each_other(ours->parent, theirs->parent)) return settings_.region_near;
    return settings_.region_far;
}

MatchResult Matcher::run(const MatchRequest& request) {
    if (request.id.empty() == request.text.empty())
        throw InvalidInputError("give either a stored document id or a text to match");
    Profile profile = request.id.empty() ? profile_of_text(request.text, request.kind) : profile_of_stored(request.id);

    const Thesaurus& thesaurus = knowledge_.thesaurus();
    for (const auto& [entry, weight] : profile.concepts) {
        Profile::Related related;
        related.broader = entry->broader.empty() ? nullptr : thesaurus.find(entry->broader);
        related.narrower = thesaurus.narrower(entry->id);
        if (related.broader)
            for (const Concept* sibling : thesaurus.narrower(related.broader->id))
                if (sibling != entry) related.siblings.push_back(sibling);
        profile.related.push_back(std::move(related));
    }

    MatchResult result;
    result.source_id = profile.id;
    result.source_title = profile.title;
    result.source_kind = profile.kind;
    result.source_lang = profile.lang;
    result.source_trl = profile.trl;
    result.threshold = settings_.no_strong_candidate_below;
    for (const auto& [entry, weight] : profile.concepts) result.source_concepts.push_back(entry->id);

    std::vector<DocumentKind> targets;
    if (request.target) targets.push_back(*request.target);
    else if (profile.kind == DocumentKind::knowledge) targets = {DocumentKind::offer, DocumentKind::demand};
    else targets.push_back(opposite(profile.kind));

    const Xapian::Query wanted = candidate_query(profile, request.words_only);
    if (wanted.empty()) return result;
    Xapian::Enquire enquire(index_);
    // Ties in weight may come back in any order, which lets Xapian stop earlier.
    enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
    enquire.set_query(restricted(wanted, request, targets));
    const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(settings_.candidates_rescored));
    const double reference = std::max(matches.get_max_attained(),
                                      settings_.text_reference_share * matches.get_max_possible());

    for (auto it = matches.begin(); it != matches.end(); ++it) {
        const Features& features = cached_features(*it, it);
        if (features.id == profile.id) continue;
        const double similarity = reference > 0 ? it.get_weight() / reference : 0;
        if (request.words_only) {
            MatchCandidate candidate;
            candidate.id = features.id;
            candidate.kind = features.kind;
            candidate.lang = features.lang;
            candidate.score = std::min(1.0, similarity);
            candidate.components.push_back({ScoreFactor::text, candidate.score, 1.0});
            result.candidates.push_back(std::move(candidate));
            continue;
        }
        result.candidates.push_back(score(profile, features, similarity));
    }
    std::stable_sort(result.candidates.begin(), result.candidates.end(),
                     [](const MatchCandidate& a, const MatchCandidate& b) { return a.score > b.score; });
    if (result.candidates.size() > request.limit) result.candidates.resize(request.limit);
    for (auto& candidate : result.candidates) {
        if (const auto stored = store_.get(candidate.id)) candidate.title = stored->document.title;
    }
    result.no_strong_candidate = result.candidates.empty() || result.candidates.front().score < result.threshold;
    return result;
}

}  // namespace techbridge
