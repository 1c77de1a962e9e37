#pragma once
// Turning candidate meetings into a schedule: who meets whom, in which slot, at which
// table, with which interpreter.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "expo_event.h"
#include "expo_settings.h"
#include "meeting_candidates.h"

namespace techbridge {

struct ScheduledMeeting {
    std::size_t candidate = 0;  // index into the candidate meetings
    std::size_t slot = 0;
    std::size_t table = 0;
    std::optional<std::size_t> interpreter;
};

struct UnscheduledMust {
    std::size_t candidate = 0;
    std::string reason;
};

struct PlanStatistics {
    std::size_t candidates = 0;
    std::size_t meetings = 0;
    double value = 0;         // sum of the scheduled meetings' values
    double upper_bound = 0;   // no schedule can be worth more
    std::optional<double> optimum;  // the exact optimum, for events small enough to solve
    std::size_t idle_gaps = 0;      // idle slots between participants' first and last meetings
    double seconds = 0;
    std::size_t constructions = 0;  // schedules built and improved (settings.restarts at most)
    bool time_limited = false;      // search_seconds ran out first: the plan is the best found by then
};

struct ExpoPlan {
    std::vector<ScheduledMeeting> meetings;  // by slot, then table
    std::vector<UnscheduledMust> unscheduled_must;
    PlanStatistics stats;
};

/// Hard constraints kept: a participant meets at most one partner per slot, only in its
/// available slots and at most max_meetings times; a table holds one meeting per slot; a
/// pair meets once; participants without a common language get an interpreter who speaks
/// a language of each side, is available and attends one meeting per slot.
/// Method: greedy construction by value, then local search (moving meetings to free a
/// slot, replacing a less valuable meeting), repeated from noisy orders, within
/// settings.search_seconds; then moves that close idle gaps without losing value, within a
/// tenth of that time more. When the time runs out first, the best schedule found so far
/// is returned (stats.time_limited); it keeps every hard constraint.
ExpoPlan plan_meetings(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates,
                       const ExpoSettings& settings);

/// An upper bound on the value of any schedule: each participant's best possible meetings
/// (half of each meeting's value counted on each side), and the best meetings the tables hold.
double plan_upper_bound(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates);

}  // namespace techbridge
