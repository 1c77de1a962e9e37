#include "region_gazetteer.h"
#include "ascii_text.h"

#include <algorithm>

#include "tsv_table.h"

namespace techbridge {
namespace {

std::optional<RegionType> parse_region_type(std::string_view text) {
    if (text == "country") return RegionType::country;
    if (text == "macro") return RegionType::macro;
    if (text == "province") return RegionType::province;
    if (text == "subject") return RegionType::subject;
    if (text == "city") return RegionType::city;
    if (text == "crossing") return RegionType::crossing;
    return std::nullopt;
}

}  // namespace

std::string_view to_string(RegionType type) {
    switch (type) {
        case RegionType::country: return "country";
        case RegionType::macro: return "macro";
        case RegionType::province: return "province";
        case RegionType::subject: return "subject";
        case RegionType::city: return "city";
        case RegionType::crossing: return "crossing";
    }
    return "city";
}

void RegionGazetteer::load(std::string_view path, std::string_view content, std::vector<LocatedProblem>& problems) {
    const TsvTable table = read_tsv(path, content, {"id", "type", "parent", "zh", "ru", "en", "neighbours"});
    problems.insert(problems.end(), table.problems.begin(), table.problems.end());
    const std::string file(path);
    std::unordered_map<std::string, std::int64_t> lines;
    for (const auto& row : table.rows) {
        auto problem = [&](std::string field, std::string message) {
            problems.push_back({file, row.line, std::move(field), std::move(message)});
        };
        Region region;
        region.id = row.cells[0];
        const std::string key = lower_ascii(region.id);
        if (region.id.empty()) {
            problem("id", "is empty");
            continue;
        }
        if (by_lower_id_.contains(key)) {
            problem("id", "duplicate region id \"" + region.id + "\" (first on line " + std::to_string(lines[key]) + ")");
            continue;
        }
        const auto type = parse_region_type(row.cells[1]);
        if (!type) problem("type", "unknown type \"" + row.cells[1] + "\": use country, macro, province, subject, city or crossing");
        region.type = type.value_or(RegionType::city);
        region.parent = row.cells[2];
        region.labels = read_label_cells(row.cells, 3, [&](Language language) {
            problem(std::string(to_string(language)), "the region has no name in this language");
        });
        region.neighbours = split_cell(row.cells[6], ',');
        lines[key] = row.line;
        by_lower_id_[key] = regions_.size();
        regions_.push_back(std::move(region));
    }
    for (const auto& region : regions_) {
        const std::int64_t line = lines[lower_ascii(region.id)];
        if (!region.parent.empty() && !find(region.parent))
            problems.push_back({file, line, "parent", "unknown region \"" + region.parent + "\""});
        for (const auto& other : region.neighbours) {
            const Region* neighbour = find(other);
            if (!neighbour) {
                problems.push_back({file, line, "neighbours", "unknown region \"" + other + "\""});
            } else if (region.type != RegionType::crossing &&
                       std::find(neighbour->neighbours.begin(), neighbour->neighbours.end(), region.id) ==
                           neighbour->neighbours.end()) {
                problems.push_back({file, line, "neighbours",
                                    "\"" + other + "\" does not list \"" + region.id + "\" back; neighbours are symmetric"});
            }
        }
    }
}

const Region* RegionGazetteer::find(std::string_view id) const {
    const auto it = by_lower_id_.find(lower_ascii(id));
    return it == by_lower_id_.end() ? nullptr : &regions_[it->second];
}

const Region* RegionGazetteer::first_level(std::string_view id) const {
    const Region* region = find(id);
    for (int depth = 0; region && depth < 8; ++depth) {
        if (region->type == RegionType::province || region->type == RegionType::subject) return region;
        if (region->type != RegionType::city) return nullptr;
        region = find(region->parent);
    }
    return nullptr;
}

bool RegionGazetteer::are_neighbours(std::string_view a, std::string_view b) const {
    const Region* first = first_level(a);
    const Region* second = first_level(b);
    if (!first || !second) return false;
    return std::find(first->neighbours.begin(), first->neighbours.end(), second->id) != first->neighbours.end();
}

}  // namespace techbridge
