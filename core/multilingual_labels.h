#pragma once
// Labels of one entry (concept, sector, region) in the three languages.
#include <array>
#include <string>
#include <vector>

#include "language.h"
#include "tsv_table.h"

namespace techbridge {

/// Per language, the labels of an entry; the first of each is the preferred label.
struct MultilingualLabels {
    std::array<std::vector<std::string>, 3> by_language;  // indexed by Language

    const std::vector<std::string>& of(Language language) const {
        return by_language[static_cast<std::size_t>(language)];
    }
    std::vector<std::string>& of(Language language) { return by_language[static_cast<std::size_t>(language)]; }
    /// The preferred label in `language`, or "" when there is none.
    std::string preferred(Language language) const { return of(language).empty() ? std::string() : of(language).front(); }
    bool complete() const { return !of(Language::zh).empty() && !of(Language::ru).empty() && !of(Language::en).empty(); }
};


/// Reads the zh, ru and en label cells (in that order from `first_cell` on, labels
/// separated by '|'); calls `missing(language)` for each language without a label.
template <typename OnMissing>
MultilingualLabels read_label_cells(const std::vector<std::string>& cells, std::size_t first_cell, OnMissing missing);

}  // namespace techbridge

namespace techbridge {

template <typename OnMissing>
MultilingualLabels read_label_cells(const std::vector<std::string>& cells, std::size_t first_cell, OnMissing missing) {
    MultilingualLabels labels;
    for (std::size_t i = 0; i < all_languages.size(); ++i) {
        labels.of(all_languages[i]) = split_cell(cells[first_cell + i], '|');
        if (labels.of(all_languages[i]).empty()) missing(all_languages[i]);
    }
    return labels;
}

}  // namespace techbridge
