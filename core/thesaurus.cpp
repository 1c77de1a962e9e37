#include "thesaurus.h"

#include <algorithm>

#include "tsv_table.h"

namespace techbridge {
namespace {

bool is_concept_id(std::string_view id) {
    return !id.empty() && id.size() <= 80 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

constexpr int max_depth = 32;

}  // namespace

void Thesaurus::load(std::string_view path, std::string_view content, const SectorTaxonomy& sectors,
                     std::vector<LocatedProblem>& problems) {
    const TsvTable table = read_tsv(path, content, {"id", "broader", "sectors", "zh", "ru", "en"});
    problems.insert(problems.end(), table.problems.begin(), table.problems.end());
    const std::string file(path);
    for (const auto& row : table.rows) {
        bool ok = true;
        auto problem = [&](std::string field, std::string message) {
            problems.push_back({file, row.line, std::move(field), std::move(message)});
            ok = false;
        };
        Concept entry;
        entry.id = row.cells[0];
        if (!is_concept_id(entry.id)) problem("id", "\"" + entry.id + "\" is not a concept id (a-z, 0-9, -)");
        if (const auto it = by_id_.find(entry.id); it != by_id_.end()) {
            const Origin& first = origins_[it->second];
            problem("id", "duplicate concept id \"" + entry.id + "\", first defined at " + first.path + ":" +
                              std::to_string(first.line));
        }
        entry.broader = row.cells[1];
        entry.sectors = split_cell(row.cells[2], ',');
        if (entry.sectors.empty()) problem("sectors", "a concept needs at least one sector");
        for (const auto& sector : entry.sectors)
            if (!sectors.find(sector)) problem("sectors", "unknown sector \"" + sector + "\"");
        entry.labels = read_label_cells(row.cells, 3, [&](Language language) {
            problem(std::string(to_string(language)), "the concept has no label in this language");
        });
        if (!ok) continue;
        by_id_[entry.id] = concepts_.size();
        origins_.push_back({file, row.line});
        concepts_.push_back(std::move(entry));
    }
}

const std::vector<const Concept*>& Thesaurus::narrower(std::string_view id) const {
    static const std::vector<const Concept*> none;
    const auto it = narrower_.find(std::string(id));
    return it == narrower_.end() ? none : it->second;
}

void Thesaurus::finish(std::vector<LocatedProblem>& problems) {
    narrower_.clear();
    for (const auto& entry : concepts_)
        if (!entry.broader.empty() && find(entry.broader)) narrower_[entry.broader].push_back(&entry);
    for (std::size_t i = 0; i < concepts_.size(); ++i) {
        const Concept& entry = concepts_[i];
        if (entry.broader.empty()) continue;
        const Origin& origin = origins_[i];
        if (!find(entry.broader)) {
            problems.push_back({origin.path, origin.line, "broader", "unknown concept \"" + entry.broader + "\""});
            continue;
        }
        const Concept* step = &entry;
        for (int depth = 0; step && !step->broader.empty(); ++depth) {
            step = find(step->broader);
            if (depth > max_depth || step == &entry) {
                problems.push_back({origin.path, origin.line, "broader", "broader concepts form a cycle"});
                break;
            }
        }
    }
}

const Concept* Thesaurus::find(std::string_view id) const {
    const auto it = by_id_.find(std::string(id));
    return it == by_id_.end() ? nullptr : &concepts_[it->second];
}

std::vector<const Concept*> Thesaurus::ancestors(std::string_view id) const {
    std::vector<const Concept*> out;
    const Concept* step = find(id);
    while (step && !step->broader.empty() && out.size() < max_depth) {
        step = find(step->broader);
        if (step) out.push_back(step);
    }
    return out;
}

int Thesaurus::depth(std::string_view id) const { return static_cast<int>(ancestors(id).size()); }

}  // namespace techbridge
