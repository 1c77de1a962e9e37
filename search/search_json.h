#pragma once
// The JSON form of search results, shared by the CLI (--json) and the HTTP API.
#include <nlohmann/json.hpp>

#include "searcher.h"

namespace techbridge {

/// {"query", "total", "hits": [{"id", "kind", "lang", "title", "score", "snippet", "highlights"}],
///  "concepts": [{"id", "labels": {"zh", "ru", "en"}}]}
nlohmann::json to_json(const SearchResult& result);

}  // namespace techbridge
