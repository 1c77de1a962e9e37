#pragma once
// How the meeting planner values meetings, how large an event it plans and how long it
// searches: corpus/expo.json.
#include <cstddef>
#include <string_view>

namespace techbridge {

struct ExpoSettings {
    double min_score = 0.3;        // match score a pair needs to be proposed without a request
    double must_bonus = 10.0;      // added to a "must" request's value: above any set of unrequested meetings it displaces
    double nice_bonus = 0.3;       // added to a "nice" request's value
    int candidates_per_document = 40;  // matches read per document
    int candidates_per_participant = 80;  // best-matching partners kept per participant (requested ones come on top)
    double search_seconds = 2.0;   // time the search may take; it then returns the best plan found so far
    int restarts = 50;             // constructions tried (noisy orders after the first), within search_seconds
    int exact_max_candidates = 400;    // events up to this many candidate meetings are also solved exactly
    double exact_seconds = 10.0;   // time GLPK may take for the exact optimum
    double bound_seconds = 5.0;    // time GLPK may take for the linear relaxation (the upper bound)
    int glpk_max_columns = 50000;  // larger programs (placements of meetings in slots) are not given to GLPK

    // The largest event planned; larger ones are refused before any work, naming the limit.
    int max_participants = 1000;
    int max_documents_per_participant = 5;
    int max_requests = 5000;
    int max_slots = 100;
    int max_interpreters = 100;

    static ExpoSettings parse(std::string_view path, std::string_view json);
    static const ExpoSettings& builtin();
};

}  // namespace techbridge
