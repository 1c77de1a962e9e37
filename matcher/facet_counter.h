#pragma once
// Counting search matches by facet (kind, language, sector, region, TRL, cooperation).
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

namespace techbridge {

/// facet name -> (value, count) pairs, most frequent first.
using FacetCounts = std::map<std::string, std::vector<std::pair<std::string, std::size_t>>>;

/// A match spy reading each matching document's facet lines (index_layout::facets_slot).
/// It sees every match Xapian considers: ask get_mset for at least the database size to
/// count them all.
class FacetCounter : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& document, double weight) override;
    FacetCounts counts() const;

private:
    std::map<std::string, std::size_t, std::less<>> lines_;  // "sector:lasers" -> matches
};

}  // namespace techbridge
