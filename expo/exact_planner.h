#pragma once
// The best possible schedule value for small events, from an integer program solved by GLPK,
// to measure how close the planner comes.
#include <cstddef>
#include <limits>
#include <optional>
#include <vector>

#include "expo_event.h"
#include "meeting_candidates.h"

namespace techbridge {

/// How much GLPK may spend: the program's columns (placements of a meeting in a slot, with
/// an interpreter where needed) are counted before it is built, and a larger one is not
/// attempted, since GLPK's memory and time grow with them.
struct GlpkLimits {
    double seconds = 10;
    std::size_t max_columns = std::numeric_limits<std::size_t>::max();
};

/// The maximum total value of scheduled meetings under the same hard constraints as
/// plan_meetings (idle gaps aside), or nothing when GLPK does not prove it within the
/// limits.
std::optional<double> exact_plan_value(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates,
                                       GlpkLimits limits = {});

/// An upper bound for events of any size: the linear relaxation of the same program, with
/// interpreters counted per slot (whatever their languages) rather than assigned. Nothing
/// when the program is over the limits.
std::optional<double> relaxed_plan_bound(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates,
                                         GlpkLimits limits = {});

}  // namespace techbridge
