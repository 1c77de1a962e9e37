#pragma once
// The best possible schedule value for small events, from an integer program solved by GLPK,
// to measure how close the planner comes.
#include <optional>
#include <vector>

#include "expo_event.h"
#include "meeting_candidates.h"

namespace techbridge {

/// The maximum total value of scheduled meetings under the same hard constraints as
/// plan_meetings (idle gaps aside), or nothing when GLPK does not prove it within
/// `seconds`.
std::optional<double> exact_plan_value(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates,
                                       double seconds = 10);

/// An upper bound for events of any size: the linear relaxation of the same program, with
/// interpreters counted per slot (whatever their languages) rather than assigned. Nothing
/// when GLPK does not finish within `seconds`.
std::optional<double> relaxed_plan_bound(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates,
                                         double seconds = 5);

}  // namespace techbridge
