#pragma once
// Chinese as written in Taiwan and Hong Kong, read as mainland Simplified: 軟體 is 软件,
// 奈米 is 纳米, 雷射 is 激光.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace techbridge {

/// OpenCC's tw2sp conversion (Debian libopencc-data: Taiwan variants and phrases to mainland
/// Simplified, thousands of technical words among them), then the words of
/// corpus/analysis/chinese-variants.txt that it leaves. Text without Han characters is
/// returned as it is. One converter serves every thread: OpenCC converts without state.
class ChineseVariants {
public:
    /// The converter of this process, opened at first use; throws AnalysisError when
    /// OpenCC's data is missing (scripts/install-deps installs it).
    static const ChineseVariants& installed();

    std::string to_mainland(std::string_view utf8) const;

    ChineseVariants(const ChineseVariants&) = delete;
    ChineseVariants& operator=(const ChineseVariants&) = delete;
    ~ChineseVariants();

private:
    ChineseVariants();

    void* opencc_ = nullptr;  // opencc_t
    std::vector<std::pair<std::string, std::string>> words_;  // variant, mainland word; longest first
};

}  // namespace techbridge
