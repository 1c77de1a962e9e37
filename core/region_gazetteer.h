#pragma once
// Places of Northeast China and the Russian Far East and Siberia.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "located_problem.h"
#include "multilingual_labels.h"

namespace techbridge {

enum class RegionType { country, macro, province, subject, city, crossing };

std::string_view to_string(RegionType type);

struct Region {
    std::string id;  // ISO 3166-2 for provinces and federal subjects ("CN-HL", "RU-KHA")
    RegionType type = RegionType::city;
    std::string parent;
    MultilingualLabels labels;
    std::vector<std::string> neighbours;  // across the border; for a crossing, the two places it links
};

/// The gazetteer of corpus/regions.tsv (columns id, type, parent, zh, ru, en, neighbours).
class RegionGazetteer {
public:
    void load(std::string_view path, std::string_view content, std::vector<LocatedProblem>& problems);

    const std::vector<Region>& regions() const { return regions_; }
    /// By id, ignoring ASCII case ("ru-kha" finds RU-KHA).
    const Region* find(std::string_view id) const;
    /// The province or federal subject a place lies in (itself for one); nullptr for
    /// countries, macro-regions and crossings.
    const Region* first_level(std::string_view id) const;
    /// True when two first-level regions border each other across the China–Russia border.
    bool are_neighbours(std::string_view a, std::string_view b) const;

private:
    std::vector<Region> regions_;
    std::unordered_map<std::string, std::size_t> by_lower_id_;
};

}  // namespace techbridge
