#include "facet_counter.h"

#include <algorithm>
#include <string_view>

#include "index_layout.h"

namespace techbridge {

FacetCounter::FacetCounter(std::shared_ptr<const FacetTable> table) : table_(std::move(table)) {
    if (table_) counts_by_number_.assign(table_->line_count(), 0);
}

void FacetCounter::operator()(const Xapian::Document& document, double) {
    if (table_) {
        for (const std::uint32_t number : table_->lines_of(document.get_docid())) ++counts_by_number_[number];
        return;
    }
    for_each_facet_line(document.get_value(index_layout::facets_slot), [this](std::string_view line) {
        auto it = lines_.find(line);
        if (it == lines_.end()) it = lines_.emplace(std::string(line), 0).first;
        ++it->second;
    });
}

FacetCounts FacetCounter::counts() const {
    std::map<std::string_view, std::size_t> lines(lines_.begin(), lines_.end());
    for (std::size_t number = 0; number < counts_by_number_.size(); ++number)
        if (counts_by_number_[number] > 0) lines.emplace(table_->line(static_cast<std::uint32_t>(number)), counts_by_number_[number]);
    FacetCounts out;
    for (const auto& [line, count] : lines) {
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        out[std::string(line.substr(0, colon))].emplace_back(std::string(line.substr(colon + 1)), count);
    }
    for (auto& [facet, values] : out) {
        std::stable_sort(values.begin(), values.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    }
    return out;
}

}  // namespace techbridge
