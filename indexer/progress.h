#pragma once
// How long-running indexer work reports where it is.
#include <cstddef>
#include <functional>
#include <string_view>

namespace techbridge {

/// Called with a stage name ("reading", "storing", "indexing"), items done and items in all.
using ProgressCallback = std::function<void(std::string_view stage, std::size_t done, std::size_t total)>;

}  // namespace techbridge
