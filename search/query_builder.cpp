#include "query_builder.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <unicode/unistr.h>

#include "bilingual_lexicon.h"
#include "boolean_form.h"
#include "index_layout.h"

namespace techbridge {
namespace {

namespace layout = index_layout;

struct QueryPart {
    std::string text;
    bool phrase = false;
    bool excluded = false;
};

// Splits the query into plain text, "quoted phrases" and -excluded parts.
std::vector<QueryPart> split_parts(std::string_view text) {
    std::vector<QueryPart> parts;
    std::string plain;
    auto flush_plain = [&] {
        if (!plain.empty()) parts.push_back({std::move(plain), false, false});
        plain.clear();
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const bool at_word_start = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t';
        bool excluded = false;
        std::size_t j = i;
        if (at_word_start && text[j] == '-' && j + 1 < text.size() && text[j + 1] != ' ') {
            excluded = true;
            ++j;
        }
        if (text[j] == '"') {
            const std::size_t close = text.find('"', j + 1);
            const std::size_t end = close == std::string_view::npos ? text.size() : close;
            flush_plain();
            parts.push_back({std::string(text.substr(j + 1, end - j - 1)), true, excluded});
            i = close == std::string_view::npos ? text.size() : close + 1;
            continue;
        }
        if (excluded) {
            std::size_t end = text.find_first_of(" \t", j);
            if (end == std::string_view::npos) end = text.size();
            flush_plain();
            parts.push_back({std::string(text.substr(j, end - j)), false, true});
            i = end;
            continue;
        }
        plain += text[i];
        ++i;
    }
    flush_plain();
    return parts;
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// The index term a query word looks for: its stem where it has one (all inflected forms).
std::string search_term(const Token& token) {
    // Stop-words have no stemmed terms in the index.
    return !token.stem.empty() && !token.stopword ? std::string(layout::stem_prefix) + token.stem : token.term;
}

bool is_stopword(const Token& token) { return token.stopword; }

// Bigrams are recall terms of their own, asked for through bigram_query, not as words.
bool is_bigram(const Token& token) { return token.role == TokenRole::bigram; }

Xapian::Query any_of(const std::vector<Xapian::Query>& queries) {
    return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

// All the character bigrams of a Chinese word of two or more characters ("XH风电" AND "XH电叶"
// AND "XH叶片" for 风电叶片): the word, wherever the document's segmentation cut it.
Xapian::Query all_bigrams(const Token& token) {
    if (token.script != TokenScript::han || (token.role != TokenRole::word && token.role != TokenRole::compound))
        return {};
    const icu::UnicodeString word = icu::UnicodeString::fromUTF8(token.term);
    std::vector<int32_t> starts;
    for (int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) starts.push_back(i);
    starts.push_back(word.length());
    std::vector<Xapian::Query> bigrams;
    for (std::size_t i = 0; i + 2 < starts.size(); ++i) {
        std::string bigram(layout::bigram_prefix);
        word.tempSubStringBetween(starts[i], starts[i + 2]).toUTF8String(bigram);
        bigrams.emplace_back(bigram);
    }
    return Xapian::Query(Xapian::Query::OP_AND, bigrams.begin(), bigrams.end());
}

}  // namespace

Xapian::Query QueryBuilder::words_query(const std::vector<Token>& tokens, QueryTerms& terms) {
    const bool only_stopwords = std::all_of(tokens.begin(), tokens.end(), is_stopword);
    std::vector<Xapian::Query> subqueries;
    for (const Token& token : tokens) {
        if (is_bigram(token) || (token.stopword && !only_stopwords)) continue;
        if (token.term.size() > layout::max_term_bytes) continue;
        subqueries.emplace_back(search_term(token));
        if (!token.stem.empty() && !token.stopword) add_unique(terms.stems, token.stem);
        add_unique(terms.words, token.term);
        if (token.stopword) continue;
        Xapian::Query bigrams = all_bigrams(token);
        if (!bigrams.empty())
            subqueries.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, bigrams, knowledge_.search().bigram_weight);
    }
    std::map<std::uint32_t, std::vector<Xapian::Query>> runs;  // all bigrams of each Han run
    for (const Token& token : tokens)
        if (is_bigram(token)) runs[token.han_run].emplace_back(std::string(layout::bigram_prefix) + token.term);
    for (const auto& [run, bigrams] : runs)
        if (bigrams.size() > 1)
            subqueries.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_AND, bigrams.begin(), bigrams.end()),
                                    knowledge_.search().bigram_weight);
    return Xapian::Query(Xapian::Query::OP_OR, subqueries.begin(), subqueries.end());
}

std::map<std::uint32_t, std::vector<Xapian::Query>> QueryBuilder::word_alternatives(const std::vector<Token>& tokens) {
    // What may stand for the word at each position: its term (a compound and its parts share
    // a position), its bigrams, the pieces of a lexicon word together, its dictionary
    // renderings (unless it names a concept alone), a concept the word alone names. A word
    // inside a longer concept label keeps its own renderings and concept: a text in another
    // language that writes the label's words without being tagged with it ("сварка толстых
    // листов" for "thick plate welding") meets the words still.
    std::map<std::uint32_t, std::vector<Xapian::Query>> alternatives;
    // The pieces of a lexicon word, or the number and unit of a glued quantity, stand for it
    // together; pieces stand for it only when they spell it whole (the analyser drops
    // one-character pieces: 机床 alone is not 数控机床).
    std::map<std::uint32_t, std::vector<Xapian::Query>> pieces;
    std::map<std::uint32_t, std::string> spelled;  // the pieces' terms, joined
    std::map<std::uint32_t, std::string> word_at;
    std::map<std::uint32_t, std::vector<Token>> at_position;
    for (const Token& token : tokens) {
        if (is_bigram(token) || token.stopword || token.term.empty() || token.term.size() > layout::max_term_bytes) continue;
        at_position[token.position].push_back(token);
        if (token.role == TokenRole::part) {
            pieces[token.position].emplace_back(search_term(token));
            continue;
        }
        if (token.role == TokenRole::piece) {  // met in any language: its term, renderings, concept
            std::vector<Xapian::Query> piece{Xapian::Query(search_term(token))};
            Xapian::Query rendered = dictionary_query(token, knowledge_.search().dictionary_weight);
            if (!rendered.empty()) piece.push_back(std::move(rendered));
            for (const ConceptMention& mention : tagger_.concept_mentions({token}))
                for (const auto& id : mention.concept_ids)
                    if (const Concept* entry = knowledge_.thesaurus().find(id)) piece.push_back(concept_query(*entry));
            pieces[token.position].push_back(any_of(piece));
            spelled[token.position] += token.term;
            continue;
        }
        if (token.role == TokenRole::word) word_at[token.position] = token.term;
        alternatives[token.position].emplace_back(search_term(token));
        Xapian::Query bigrams = all_bigrams(token);
        if (!bigrams.empty()) alternatives[token.position].push_back(std::move(bigrams));
        // A word that names a concept alone is met in other languages by the concept's labels;
        // its dictionary renderings would only add looser words (and posting lists) to match.
        if (token.role != TokenRole::word || !tagger_.concept_mentions({token}).empty()) continue;
        Xapian::Query rendered = dictionary_query(token, knowledge_.search().dictionary_weight);
        if (!rendered.empty()) alternatives[token.position].push_back(std::move(rendered));
    }
    for (auto& [position, inner] : pieces) {
        const auto pieces_spell = spelled.find(position);
        if (pieces_spell != spelled.end() && pieces_spell->second != word_at[position]) continue;
        alternatives[position].emplace_back(Xapian::Query::OP_AND, inner.begin(), inner.end());
    }
    for (auto& [position, words] : at_position)
        for (const ConceptMention& mention : tagger_.concept_mentions(words))
            for (const auto& id : mention.concept_ids)
                if (const Concept* entry = knowledge_.thesaurus().find(id)) add_concept(alternatives[position], *entry);
    return alternatives;
}

namespace {

// The conditions of the words of a run of Han characters, or all the run's bigrams: the
// run's words as another segmentation would have cut them (要人 in 需要人工).
std::vector<Xapian::Query> or_run_bigrams(const std::vector<std::pair<std::uint32_t, Xapian::Query>>& conditions,
                                          const std::vector<Token>& tokens) {
    std::map<std::uint32_t, std::vector<Xapian::Query>> bigrams;                 // by run
    std::map<std::uint32_t, std::pair<std::uint32_t, std::uint32_t>> positions;  // of each run's words
    for (const Token& token : tokens) {
        if (token.han_run == 0) continue;
        if (is_bigram(token)) bigrams[token.han_run].emplace_back(std::string(layout::bigram_prefix) + token.term);
        auto [at, added] = positions.try_emplace(token.han_run, token.position, token.position);
        at->second.first = std::min(at->second.first, token.position);
        at->second.second = std::max(at->second.second, token.position);
    }
    std::vector<Xapian::Query> out;
    for (auto condition = conditions.begin(); condition != conditions.end();) {
        const auto run = std::find_if(positions.begin(), positions.end(), [&](const auto& entry) {
            return entry.second.first <= condition->first && condition->first <= entry.second.second;
        });
        if (run == positions.end() || !bigrams.contains(run->first)) {
            out.push_back((condition++)->second);
            continue;
        }
        std::vector<Xapian::Query> words;
        for (; condition != conditions.end() && condition->first <= run->second.second; ++condition)
            words.push_back(condition->second);
        const auto& all = bigrams[run->first];
        out.push_back(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end()),
                                    Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end())));
    }
    return out;
}

}  // namespace

std::vector<Xapian::Query> QueryBuilder::part_conditions(const std::vector<Token>& tokens,
                                                         const std::vector<ConceptMention>& mentions) {
    if (std::all_of(tokens.begin(), tokens.end(), is_stopword)) return {};  // any stop-word may match then
    const auto alternatives = word_alternatives(tokens);
    // The words a concept label covers are met by the concept, or by all of those words.
    auto mention = mentions.begin();
    std::vector<std::pair<std::uint32_t, Xapian::Query>> every;  // by the first position each covers
    for (auto word = alternatives.begin(); word != alternatives.end();) {
        while (mention != mentions.end() && mention->last_position < word->first) ++mention;
        if (mention == mentions.end() || mention->first_position > word->first) {
            every.emplace_back(word->first, any_of(word->second));
            ++word;
            continue;
        }
        const std::uint32_t first = word->first;
        std::vector<Xapian::Query> covered;
        for (; word != alternatives.end() && word->first <= mention->last_position; ++word)
            covered.push_back(any_of(word->second));
        std::vector<Xapian::Query> either{Xapian::Query(Xapian::Query::OP_AND, covered.begin(), covered.end())};
        if (mention->first_position != mention->last_position)  // a one-word label's concept is among the word's alternatives
            for (const auto& id : mention->concept_ids)
                if (const Concept* entry = knowledge_.thesaurus().find(id)) add_concept(either, *entry);
        every.emplace_back(first, any_of(either));
        ++mention;
    }
    return or_run_bigrams(every, tokens);
}

Xapian::Query QueryBuilder::phrase_query(const std::vector<Token>& tokens, QueryTerms& terms) {
    std::vector<Xapian::Query> words;
    for (const Token& token : tokens) {
        if (token.role != TokenRole::word || token.term.size() > layout::max_term_bytes) continue;
        words.emplace_back(token.term);
        add_unique(terms.words, token.term);
    }
    if (words.size() == 1) return words.front();
    return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(), static_cast<Xapian::termcount>(words.size()));
}

Xapian::Query QueryBuilder::concept_terms_query(const Concept& entry) {
    // A document about a narrower concept (hybrid laser-arc welding) is about the broader
    // one (laser welding) too: the subtree term holds both.
    return Xapian::Query(layout::boolean_term(layout::concept_subtree_prefix, entry.id));
}

Xapian::Query QueryBuilder::concept_query(const Concept& entry) {
    if (const auto it = concept_queries_.find(entry.id); it != concept_queries_.end()) return it->second;
    std::vector<std::string> terms;  // labels of one language often share a stem
    for (const Language language : all_languages) {
        for (const auto& label : entry.labels.of(language)) {
            std::vector<Token> words;
            for (auto& token : analyzer_.analyze(label))
                if (token.role == TokenRole::word) words.push_back(std::move(token));
            if (words.size() != 1 || words.front().stopword) continue;
            const std::string term = search_term(words.front());
            if (term.size() <= layout::max_term_bytes) add_unique(terms, term);
        }
    }
    std::vector<Xapian::Query> synonyms{concept_terms_query(entry)};
    for (const auto& term : terms) synonyms.emplace_back(term);
    return concept_queries_[entry.id] = Xapian::Query(Xapian::Query::OP_SYNONYM, synonyms.begin(), synonyms.end());
}

const std::vector<std::string>& QueryBuilder::concept_label_terms(const Concept& entry, Language language) {
    const std::string key = entry.id + "/" + std::string(to_string(language));
    if (const auto it = concept_label_terms_.find(key); it != concept_label_terms_.end()) return it->second;
    std::vector<std::string> terms;
    for (const auto& label : entry.labels.of(language))
        for (const Token& token : analyzer_.analyze(label))
            if (token.role == TokenRole::word && !token.stopword && token.term.size() <= layout::max_term_bytes)
                add_unique(terms, search_term(token));
    return concept_label_terms_[key] = std::move(terms);
}

void QueryBuilder::add_concept(std::vector<Xapian::Query>& alternatives, const Concept& entry) {
    alternatives.push_back(concept_query(entry));
    Xapian::Query apart = label_words_query(entry);
    if (!apart.empty()) alternatives.push_back(std::move(apart));
}

const std::vector<std::pair<std::string, std::string>>& QueryBuilder::marked_words(const std::string& key,
                                                                                   const std::vector<std::string>& texts) {
    if (const auto it = marked_words_.find(key); it != marked_words_.end()) return it->second;
    if (marked_words_.size() > 100000) marked_words_.clear();
    std::vector<std::pair<std::string, std::string>> words;
    for (const auto& text : texts)
        for (const Token& token : analyzer_.analyze(text)) {
            if (token.role != TokenRole::word || token.stopword || token.term.size() > layout::max_term_bytes) continue;
            if (token.script == TokenScript::han && icu::UnicodeString::fromUTF8(token.term).countChar32() < 2) continue;
            words.emplace_back(token.term, token.stem);
        }
    return marked_words_[key] = std::move(words);
}

void QueryBuilder::add_bridged_words(const std::vector<Token>& tokens, const std::vector<ConceptMention>& mentions,
                                     QueryTerms& terms) {
    auto add = [&terms](const std::vector<std::pair<std::string, std::string>>& words) {
        for (const auto& [term, stem] : words) {
            add_unique(terms.words, term);
            if (!stem.empty()) add_unique(terms.stems, stem);
        }
    };
    for (const ConceptMention& mention : mentions)
        for (const auto& id : mention.concept_ids) {
            const Concept* entry = knowledge_.thesaurus().find(id);
            if (!entry) continue;
            std::vector<std::string> labels;
            for (const Language language : all_languages)
                for (const auto& label : entry->labels.of(language)) labels.push_back(label);
            add(marked_words("concept:" + id, labels));
        }
    for (const Token& token : tokens) {
        if (token.role != TokenRole::word || token.stopword) continue;
        std::vector<std::string> renderings;
        for (const LanguageRenderings& language : dictionaries_.lexicon().render(token.term, token.script))
            for (const auto& rendering : language.renderings) renderings.push_back(rendering.text);
        add(marked_words("word:" + std::to_string(static_cast<int>(token.script)) + ":" + token.term, renderings));
    }
}

Xapian::Query QueryBuilder::label_words_query(const Concept& entry) {
    if (const auto it = label_words_queries_.find(entry.id); it != label_words_queries_.end()) return it->second;
    std::vector<Xapian::Query> labels;
    for (const Language language : all_languages)
        for (const auto& label : entry.labels.of(language)) {
            std::vector<Xapian::Query> words;
            for (const Token& token : analyzer_.analyze(label))
                if (token.role == TokenRole::word && !token.stopword && token.script != TokenScript::han &&
                    token.term.size() <= layout::max_term_bytes)
                    words.emplace_back(search_term(token));
            if (words.size() >= 2) labels.emplace_back(Xapian::Query::OP_AND, words.begin(), words.end());
        }
    return label_words_queries_[entry.id] = any_of(labels);
}

Xapian::Query QueryBuilder::rendering_query(std::string_view rendering, const RenderingFilter& filter) {
    std::vector<Xapian::Query> words;
    double rarest = -1;
    for (const Token& token : analyzer_.analyze(rendering)) {
        if (token.role != TokenRole::word || token.stopword || token.term.size() > layout::max_term_bytes) continue;
        const std::string term = search_term(token);
        if (filter.index) {
            const double frequency = filter.index->get_termfreq(term);
            rarest = rarest < 0 ? frequency : std::min(rarest, frequency);
        }
        words.emplace_back(term);
    }
    if (filter.index && (rarest <= 0 || rarest > filter.max_documents)) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
}

Xapian::Query QueryBuilder::dictionary_query(const Token& word, double weight) {
    const std::string key = std::to_string(static_cast<int>(word.script)) + ":" + word.term;
    auto it = dictionary_queries_.find(key);
    if (it == dictionary_queries_.end()) {
        if (dictionary_queries_.size() > 200000) dictionary_queries_.clear();
        it = dictionary_queries_.emplace(key, render_in_other_languages(word)).first;
    }
    if (it->second.empty() || weight == 1.0) return it->second;
    return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, it->second, weight);
}

Xapian::Query QueryBuilder::render_in_other_languages(const Token& word, const RenderingFilter& filter) {
    // Pirkola's structured query: a word's renderings in one language are one synonym group,
    // counted as a single term (a document with two renderings is not twice as relevant, and
    // a rare rendering does not outweigh the word), the group weighted by how far the
    // renderings are trusted.
    std::vector<Xapian::Query> groups;
    for (const LanguageRenderings& language : dictionaries_.lexicon().render(word.term, word.script)) {
        std::vector<Xapian::Query> synonyms;
        std::vector<std::string> seen;  // renderings the analysis makes one (镭射 and 雷射 are both 激光)
        for (const auto& rendering : language.renderings) {
            Xapian::Query query = rendering_query(rendering.text, filter);
            if (query.empty()) continue;
            const std::string description = query.get_description();
            if (std::find(seen.begin(), seen.end(), description) != seen.end()) continue;
            seen.push_back(description);
            synonyms.push_back(std::move(query));
        }
        if (synonyms.empty()) continue;
        groups.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                            Xapian::Query(Xapian::Query::OP_SYNONYM, synonyms.begin(), synonyms.end()), language.confidence);
    }
    return Xapian::Query(Xapian::Query::OP_OR, groups.begin(), groups.end());
}

namespace {

// Queries of more parts than this are not cut into combinations of parts (2^n of them).
constexpr std::size_t max_combined_parts = 6;

// Documents meeting at least `needed` of `parts`: every combination of that many, for the few
// parts a typed query has; beyond max_combined_parts, any part (the ranking still puts the
// documents meeting more of them first).
Xapian::Query at_least(const std::vector<Xapian::Query>& parts, std::size_t needed) {
    if (needed >= parts.size()) return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    if (needed <= 1 || parts.size() > max_combined_parts) return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    std::vector<Xapian::Query> combinations;
    const std::size_t n = parts.size();
    for (unsigned mask = 0; mask < (1u << n); ++mask) {
        if (static_cast<std::size_t>(__builtin_popcount(mask)) != needed) continue;
        std::vector<Xapian::Query> chosen;
        for (std::size_t i = 0; i < n; ++i)
            if (mask & (1u << i)) chosen.push_back(parts[i]);
        combinations.emplace_back(Xapian::Query::OP_AND, chosen.begin(), chosen.end());
    }
    return Xapian::Query(Xapian::Query::OP_OR, combinations.begin(), combinations.end());
}

// The tiers of documents meeting `parts` from all of them down to `needed`: each meets
// exactly that many. Beyond max_combined_parts, two tiers: all of them, and the rest.
std::vector<QueryTier> tiers_of(const std::vector<Xapian::Query>& parts, std::size_t needed) {
    std::vector<QueryTier> tiers;
    const std::size_t n = parts.size();
    const std::size_t lowest = n > max_combined_parts ? n - 1 : needed;
    Xapian::Query more;  // meeting more parts than the tier
    for (std::size_t met = n; met >= lowest && met > 0; --met) {
        Xapian::Query at_least_met = n > max_combined_parts && met < n ? at_least(parts, 1) : at_least(parts, met);
        tiers.push_back({met, more.empty() ? at_least_met : Xapian::Query(Xapian::Query::OP_AND_NOT, at_least_met, more)});
        more = at_least_met;
    }
    return tiers;
}

}  // namespace

void QueryBuilder::coordinate(AnalyzedQuery& result, const Xapian::Query& ranked, const std::vector<Xapian::Query>& required,
                              const std::vector<Xapian::Query>& parts) const {
    if (parts.empty()) {  // only phrases, or only stop-words: every match is complete
        result.query = result.ranking = ranked;
        result.matching = boolean_form(ranked);
        return;
    }
    std::vector<Xapian::Query> conditions;  // each part with its repeated terms counted once
    for (const Xapian::Query& part : parts) conditions.push_back(boolean_form(part));
    result.parts = parts.size();
    const double share = knowledge_.search().partial_share * static_cast<double>(parts.size());
    result.needed = std::clamp<std::size_t>(static_cast<std::size_t>(std::ceil(share - 1e-9)), 1, parts.size());
    auto with_required = [&](Xapian::Query met) {
        if (required.empty()) return met;
        std::vector<Xapian::Query> all = required;
        all.push_back(std::move(met));
        return Xapian::Query(Xapian::Query::OP_AND, all.begin(), all.end());
    };
    result.matching = boolean_form(with_required(at_least(conditions, result.needed)));
    if (parts.size() > 1)
        for (QueryTier& tier : tiers_of(conditions, result.needed)) {
            tier.documents = boolean_form(with_required(std::move(tier.documents)));
            result.tiers.push_back(std::move(tier));
        }
    // Every matching document, ranked by the words it has: one that meets the parts only
    // through what ranks nothing (a piece's concept, a covered word's rendering) comes last.
    result.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, result.matching, 0),
                                 ranked);
    result.ranking = result.relaxed = ranked;
}

void QueryBuilder::add_ranking(const std::vector<Token>& tokens, const std::vector<ConceptMention>& mentions,
                               const std::vector<Token>& untagged,
                               const Xapian::Query& words, std::vector<Xapian::Query>& ranking) {
    // Pirkola's structured query for concepts: a concept and the words of the query it covers
    // are one synonym group, so a document carrying the concept in another language ranks on
    // the same evidence as one with the words; the words count again on their own, at a low
    // weight, which keeps a document with both the words and the concept ahead.
    const SearchSettings& settings = knowledge_.search();
    QueryTerms unmarked;  // the terms are marked by words_query of all the tokens already
    Xapian::Query own = words_query(untagged, unmarked);
    if (!own.empty()) ranking.push_back(std::move(own));
    if (!words.empty()) ranking.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, words, settings.covered_word_weight);
    for (const ConceptMention& mention : mentions) {
        std::vector<Xapian::Query> covered;
        for (const Token& token : tokens)
            if (token.role == TokenRole::word && !token.stopword && token.term.size() <= layout::max_term_bytes &&
                token.position >= mention.first_position && token.position <= mention.last_position)
                covered.emplace_back(search_term(token));
        for (const auto& id : mention.concept_ids) {
            const Concept* entry = knowledge_.thesaurus().find(id);
            if (!entry) continue;
            std::vector<Xapian::Query> group{concept_query(*entry)};
            if (!covered.empty()) group.emplace_back(Xapian::Query::OP_AND, covered.begin(), covered.end());
            ranking.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                                 Xapian::Query(Xapian::Query::OP_SYNONYM, group.begin(), group.end()), settings.concept_weight);
        }
    }
}

AnalyzedQuery QueryBuilder::build(std::string_view text) {
    AnalyzedQuery result;
    std::vector<Xapian::Query> optional;  // plain words: any may match
    std::vector<Xapian::Query> required;  // quoted phrases: each must match
    std::vector<Xapian::Query> unwanted;  // -excluded words and phrases
    std::vector<Xapian::Query> parts;     // each word (or label-covered group of words) of the plain parts
    for (const QueryPart& part : split_parts(text)) {
        QueryTerms ignored;
        QueryTerms& terms = part.excluded ? ignored : result.terms;
        const std::vector<Token> tokens = analyzer_.analyze(part.text);
        Xapian::Query query = part.phrase ? phrase_query(tokens, terms) : words_query(tokens, terms);
        if (query.empty()) continue;
        if (part.excluded) {
            unwanted.push_back(std::move(query));
            continue;
        }
        const std::vector<Token> untagged = part.phrase ? std::vector<Token>() : tagger_.untagged_tokens(tokens);
        // The concept labels found in the part, found once: its ranking, parts and marked words start from them.
        const std::vector<ConceptMention> mentions =
            part.phrase ? std::vector<ConceptMention>() : tagger_.concept_mentions(tokens);
        if (part.phrase) {
            required.push_back(std::move(query));
        } else {
            add_ranking(tokens, mentions, untagged, query, optional);
            for (Xapian::Query& condition : part_conditions(tokens, mentions)) parts.push_back(std::move(condition));
        }
        for (const auto& mention : tagger_.concepts_in(tokens)) {
            const Concept* entry = knowledge_.thesaurus().find(mention.concept_id);
            if (!entry) continue;
            add_unique(result.terms.concepts, entry->id);
            if (part.phrase)
                optional.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, concept_query(*entry),
                                      knowledge_.search().concept_weight);
        }
        for (const Token& word : untagged) {
            Xapian::Query rendered = dictionary_query(word, knowledge_.search().dictionary_weight);
            if (!rendered.empty()) optional.push_back(std::move(rendered));
        }
        if (!part.phrase) add_bridged_words(tokens, mentions, result.terms);
    }
    Xapian::Query any(Xapian::Query::OP_OR, optional.begin(), optional.end());
    Xapian::Query query = any;
    if (!required.empty()) {
        query = Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
        if (!any.empty()) query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, any);
    }
    if (query.empty()) return result;
    coordinate(result, query, required, parts);
    for (const auto& excluded : unwanted) {
        for (QueryTier& tier : result.tiers) tier.documents = Xapian::Query(Xapian::Query::OP_AND_NOT, tier.documents, excluded);
        for (Xapian::Query* wanted : {&result.query, &result.matching, &result.ranking, &result.relaxed})
            if (!wanted->empty()) *wanted = Xapian::Query(Xapian::Query::OP_AND_NOT, *wanted, excluded);
    }
    return result;
}

}  // namespace techbridge
