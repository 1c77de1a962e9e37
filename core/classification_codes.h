#pragma once
// The official code lists sector codes are checked against: ISIC and OKVED2.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "located_problem.h"

namespace techbridge {

/// Codes and titles of ISIC (from corpus/classifications/isic4.tsv) and OKVED2
/// (corpus/classifications/okved2.tsv, dotted codes such as 19.20).
class ClassificationCodes {
public:
    void load_isic(std::string_view path, std::string_view content, std::vector<LocatedProblem>& problems);
    void load_okved(std::string_view path, std::string_view content, std::vector<LocatedProblem>& problems);

    bool has_isic(const std::string& code) const { return isic_.contains(code); }
    bool has_okved(const std::string& code) const { return okved_.contains(code); }
    /// The English title of an ISIC code, or "" when unknown.
    std::string isic_title(const std::string& code) const;
    /// The Russian title of an OKVED2 code, or "" when unknown.
    std::string okved_title(const std::string& code) const;

    std::size_t isic_count() const { return isic_.size(); }
    std::size_t okved_count() const { return okved_.size(); }

private:
    std::map<std::string, std::string, std::less<>> isic_;   // code -> English title
    std::map<std::string, std::string, std::less<>> okved_;  // code -> Russian title
};

}  // namespace techbridge
