#pragma once
// Every indexed document's facet values, held in memory for one index revision.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "index_layout.h"

namespace techbridge {

/// Calls `visit` with each non-empty line of a document's facets value ("kind:offer", ...).
template <typename Visit>
void for_each_facet_line(std::string_view lines, Visit visit) {
    while (!lines.empty()) {
        const std::size_t end = lines.find(index_layout::facet_separator);
        if (end != 0) visit(lines.substr(0, end));
        if (end == std::string_view::npos) break;
        lines.remove_prefix(end + 1);
    }
}

/// The facet lines (index_layout::facets_slot) of every document of one index revision,
/// as small numbers by document id, so that counting a search's matches by facet reads
/// nothing from the index. About 20 bytes per document.
class FacetTable {
public:
    /// Reads every document's facet lines through Xapian's value stream.
    explicit FacetTable(const Xapian::Database& index);

    /// The table of the index's current revision, built once and shared between threads.
    /// Null when the index cannot name its revision (several shards) or is older than the
    /// table already shared: the caller then reads each match's facet lines itself.
    static std::shared_ptr<const FacetTable> current(const Xapian::Database& index);

    /// Numbers of the document's facet lines; empty for an unknown document.
    std::span<const std::uint32_t> lines_of(Xapian::docid document) const;
    /// The facet line ("sector:lasers-photonics") a number stands for.
    const std::string& line(std::uint32_t number) const { return lines_[number]; }
    std::size_t line_count() const { return lines_.size(); }

    Xapian::rev revision() const { return revision_; }

private:
    Xapian::rev revision_ = 0;
    std::vector<std::string> lines_;
    std::vector<std::uint32_t> starts_;  // by document id: where its numbers begin in numbers_
    std::vector<std::uint32_t> numbers_;
};

}  // namespace techbridge
