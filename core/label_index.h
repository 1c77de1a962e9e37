#pragma once
// Finding known labels (of concepts, places) in analysed text.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text_analyzer.h"

namespace techbridge {

/// One step of label matching: a Han character, or a whole non-Han word by its stem
/// (its normalised form where it has no stem). Chinese is matched character by
/// character but only from a word start to a word end, so a label matches however
/// ICU happened to segment its surroundings, yet never inside another word.
struct MatchUnit {
    std::string key;
    bool starts_word = true;
    bool ends_word = true;
    std::uint32_t position = 0;  // the word position of the token it came from
};

/// Matching keys are inflection-aware but do not conflate derivations: a Russian or
/// English word is keyed by its stem plus whatever follows the stem in the word, less a
/// trailing inflectional ending (corpus/analysis/inflections-*.txt). Stop-words and very
/// short stems (under 4 letters in Russian, 2 in English) are keyed by the word itself.
/// So "лазерной сварки" matches "лазерная сварка" and "heat exchangers" "heat exchanger",
/// but "сырье" does not match "сыр", "меди" not "мед", "composition" not "composite",
/// and the conjunction "и" not "ИИ".
std::vector<MatchUnit> to_match_units(const std::vector<Token>& tokens);

/// A dictionary of labels, each leading to one or more targets (concept or region
/// numbers), searched by greedy longest match.
class LabelIndex {
public:
    /// Adds `label` for `target`, analysed with `analyzer` exactly as text will be.
    void add(std::string_view label, std::uint32_t target, TextAnalyzer& analyzer);

    struct Match {
        std::size_t begin = 0;  // first unit
        std::size_t end = 0;    // one past the last unit
        const std::vector<std::uint32_t>* targets = nullptr;
    };

    /// Left to right, at each word start the longest label that ends at a word end;
    /// matches do not overlap.
    std::vector<Match> find_all(const std::vector<MatchUnit>& units) const;

    std::size_t label_count() const { return labels_; }

private:
    struct Node {
        std::unordered_map<std::string, std::uint32_t> next;
        std::vector<std::uint32_t> targets;
    };
    std::vector<Node> nodes_{1};
    std::size_t labels_ = 0;
};

}  // namespace techbridge
