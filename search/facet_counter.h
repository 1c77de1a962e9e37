#pragma once
// Counting search matches by facet (kind, language, sector, region, TRL, cooperation).
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "facet_table.h"

namespace techbridge {

/// facet name -> (value, count) pairs, most frequent first.
using FacetCounts = std::map<std::string, std::vector<std::pair<std::string, std::size_t>>>;

/// A match spy counting each matching document's facet lines (index_layout::facets_slot).
/// It sees every match Xapian considers: ask get_mset for at least the database size to
/// count them all. With a FacetTable of the searched revision it looks the lines up by
/// document id; without one it reads them from each document.
class FacetCounter : public Xapian::MatchSpy {
public:
    explicit FacetCounter(std::shared_ptr<const FacetTable> table = nullptr);

    void operator()(const Xapian::Document& document, double weight) override;
    FacetCounts counts() const;

private:
    std::shared_ptr<const FacetTable> table_;
    std::vector<std::size_t> counts_by_number_;                   // with a table
    std::map<std::string, std::size_t, std::less<>> lines_;  // without: "sector:lasers" -> matches
};

}  // namespace techbridge
