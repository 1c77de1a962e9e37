#include "facet_table.h"

#include <mutex>
#include <string_view>
#include <unordered_map>

#include "index_layout.h"

namespace techbridge {

FacetTable::FacetTable(const Xapian::Database& index) : revision_(index.get_revision()) {
    std::unordered_map<std::string, std::uint32_t> numbers_by_line;
    starts_.assign(static_cast<std::size_t>(index.get_lastdocid()) + 2, 0);
    Xapian::docid filled = 0;  // documents up to here have their start set
    for (auto it = index.valuestream_begin(index_layout::facets_slot); it != index.valuestream_end(index_layout::facets_slot);
         ++it) {
        const Xapian::docid document = it.get_docid();
        if (document + 1 >= starts_.size()) break;  // added after get_lastdocid() was read
        while (filled < document) starts_[++filled] = static_cast<std::uint32_t>(numbers_.size());
        const std::string lines = *it;
        for_each_facet_line(lines, [&](std::string_view line) {
            auto [found, added] = numbers_by_line.try_emplace(std::string(line), static_cast<std::uint32_t>(lines_.size()));
            if (added) lines_.emplace_back(line);
            numbers_.push_back(found->second);
        });
    }
    // starts_[d + 1] is where document d's numbers end.
    while (filled + 1 < starts_.size()) starts_[++filled] = static_cast<std::uint32_t>(numbers_.size());
}

std::span<const std::uint32_t> FacetTable::lines_of(Xapian::docid document) const {
    if (document == 0 || document + 1 >= starts_.size()) return {};
    return {numbers_.data() + starts_[document], numbers_.data() + starts_[document + 1]};
}

std::shared_ptr<const FacetTable> FacetTable::current(const Xapian::Database& index) {
    Xapian::rev revision = 0;
    try {
        revision = index.get_revision();
    } catch (const Xapian::Error&) {
        return nullptr;  // several shards, or a backend without revisions
    }
    static std::mutex mutex;
    static std::unordered_map<std::string, std::shared_ptr<const FacetTable>> tables;  // by index UUID
    const std::lock_guard lock(mutex);
    auto& table = tables[index.get_uuid()];
    if (!table || table->revision() < revision) table = std::make_shared<const FacetTable>(index);
    if (table->revision() != revision) return nullptr;
    return table;
}

}  // namespace techbridge
