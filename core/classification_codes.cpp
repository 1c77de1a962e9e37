#include "classification_codes.h"

#include "tsv_table.h"

namespace techbridge {

void ClassificationCodes::load_isic(std::string_view path, std::string_view content,
                                    std::vector<LocatedProblem>& problems) {
    TsvTable table = read_tsv(path, content, {"code", "level", "parent", "title_en", "title_zh", "title_ru"});
    problems.insert(problems.end(), table.problems.begin(), table.problems.end());
    for (auto& row : table.rows) isic_[row.cells[0]] = row.cells[3];
}

void ClassificationCodes::load_okved(std::string_view path, std::string_view content,
                                     std::vector<LocatedProblem>& problems) {
    TsvTable table = read_tsv(path, content, {"code", "parent", "title_ru"});
    problems.insert(problems.end(), table.problems.begin(), table.problems.end());
    for (auto& row : table.rows) okved_[row.cells[0]] = row.cells[2];
}

std::string ClassificationCodes::isic_title(const std::string& code) const {
    const auto it = isic_.find(code);
    return it == isic_.end() ? std::string() : it->second;
}

std::string ClassificationCodes::okved_title(const std::string& code) const {
    const auto it = okved_.find(code);
    return it == okved_.end() ? std::string() : it->second;
}

}  // namespace techbridge
