#pragma once
// How the meeting planner values meetings: corpus/expo.json.
#include <string_view>

namespace techbridge {

struct ExpoSettings {
    double min_score = 0.3;        // match score a pair needs to be proposed without a request
    double must_bonus = 10.0;      // added to a "must" request's value: above any set of unrequested meetings it displaces
    double nice_bonus = 0.3;       // added to a "nice" request's value
    int candidates_per_document = 40;  // matches read per document
    double search_seconds = 2.0;   // time the local search may take
    int restarts = 50;             // constructions tried (noisy orders after the first), within search_seconds
    int exact_max_candidates = 400;    // events up to this many candidate meetings are also solved exactly

    static ExpoSettings parse(std::string_view path, std::string_view json);
    static const ExpoSettings& builtin();
};

}  // namespace techbridge
