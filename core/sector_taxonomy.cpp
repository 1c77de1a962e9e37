#include "sector_taxonomy.h"
#include "ascii_text.h"

#include <algorithm>

#include "tsv_table.h"

namespace techbridge {
namespace {

bool is_slug(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

void SectorTaxonomy::load(std::string_view path, std::string_view content, const ClassificationCodes& codes,
                          std::vector<LocatedProblem>& problems) {
    const TsvTable table = read_tsv(path, content, {"id", "zh", "ru", "en", "isic", "okved2", "gbt4754", "related"});
    problems.insert(problems.end(), table.problems.begin(), table.problems.end());
    const std::string file(path);
    std::unordered_map<std::string, std::int64_t> lines;
    for (const auto& row : table.rows) {
        auto problem = [&](std::string field, std::string message) {
            problems.push_back({file, row.line, std::move(field), std::move(message)});
        };
        Sector sector;
        sector.id = row.cells[0];
        if (!is_slug(sector.id)) problem("id", "\"" + sector.id + "\" is not a sector id (a-z, 0-9, -)");
        if (by_id_.contains(sector.id)) {
            problem("id", "duplicate sector id \"" + sector.id + "\" (first on line " + std::to_string(lines[sector.id]) + ")");
            continue;
        }
        sector.names = read_label_cells(row.cells, 1, [&](Language language) {
            problem(std::string(to_string(language)), "the sector has no name in this language");
        });
        sector.isic = split_cell(row.cells[4], ',');
        for (const auto& code : sector.isic)
            if (!codes.has_isic(code)) problem("isic", "\"" + code + "\" is not in the ISIC code list");
        sector.okved = split_cell(row.cells[5], ',');
        for (const auto& code : sector.okved)
            if (!codes.has_okved(code)) problem("okved2", "\"" + code + "\" is not in the OKVED2 code list");
        sector.gbt4754 = split_cell(row.cells[6], ',');
        sector.related = split_cell(row.cells[7], ',');
        lines[sector.id] = row.line;
        by_id_[sector.id] = sectors_.size();
        sectors_.push_back(std::move(sector));
    }
    for (const auto& sector : sectors_) {
        for (const auto& other : sector.related) {
            const Sector* related = find(other);
            if (!related) {
                problems.push_back({file, lines[sector.id], "related", "unknown sector \"" + other + "\""});
            } else if (!contains(related->related, sector.id)) {
                problems.push_back({file, lines[sector.id], "related",
                                    "\"" + other + "\" does not list \"" + sector.id + "\" back; relations are symmetric"});
            }
        }
    }
}

const Sector* SectorTaxonomy::find(std::string_view id) const {
    const auto it = by_id_.find(std::string(id));
    return it == by_id_.end() ? nullptr : &sectors_[it->second];
}

std::optional<std::string> SectorTaxonomy::resolve(std::string_view code) const {
    const std::string lower = lower_ascii(code);
    if (find(lower)) return lower;
    std::string upper(code);
    for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    for (const auto& sector : sectors_)
        if (contains(sector.gbt4754, upper)) return sector.id;
    // The longest listed code that is a prefix of the given one wins: "27.11" falls
    // under a sector listing "27.1" or "27".
    const bool okved_form = code.find('.') != std::string_view::npos;
    const Sector* best = nullptr;
    std::size_t best_length = 0;
    for (const auto& sector : sectors_) {
        for (const auto& listed : okved_form ? sector.okved : sector.isic) {
            // Both code systems are hierarchical by prefix: 27 ⊃ 27.1 ⊃ 27.11, 27 ⊃ 271 ⊃ 2711.
            if (listed.size() > best_length && upper.starts_with(listed)) {
                best = &sector;
                best_length = listed.size();
            }
        }
    }
    if (best) return best->id;
    return std::nullopt;
}

SectorRelation SectorTaxonomy::relation(std::string_view a, std::string_view b) const {
    if (a == b) return SectorRelation::same;
    const Sector* sector = find(a);
    if (sector && contains(sector->related, b)) return SectorRelation::related;
    return SectorRelation::unrelated;
}

}  // namespace techbridge
