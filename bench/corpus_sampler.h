#pragma once
// Generates benchmark documents from the sentences of the bundled corpus, so the
// benchmark measures real Chinese, Russian and English text rather than random bytes.
#include <filesystem>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "document.h"

namespace techbridge::bench {

class CorpusSampler {
public:
    /// Reads every document under `corpus_dir` and splits its body into sentences per language.
    explicit CorpusSampler(const std::filesystem::path& corpus_dir, unsigned seed = 42);

    /// A document of about `target_bytes` of body text; languages rotate zh, ru, en; kinds
    /// alternate demand and offer unless `kind` is given. Ids are "<prefix><number>".
    Document generate(std::size_t number, std::size_t target_bytes, std::optional<DocumentKind> kind = std::nullopt,
                      const std::string& prefix = "bench-");

private:
    std::vector<std::string> sentences_[3];  // indexed by Language
    std::mt19937 random_;
};

}  // namespace techbridge::bench
