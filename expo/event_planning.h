#pragma once
// Planning an event end to end: candidate meetings from the store, the schedule, and how
// close it is to the best possible.
#include <map>
#include <string>
#include <vector>

#include "expo_event.h"
#include "expo_settings.h"
#include "matcher.h"
#include "meeting_candidates.h"
#include "meeting_planner.h"
#include "storage_paths.h"

namespace techbridge {

struct EventPlan {
    std::vector<CandidateMeeting> candidates;
    ExpoPlan plan;
    std::map<std::string, std::string> titles;  // document id -> title, for the agendas
};

/// Finds the candidate meetings, plans them and, for events with at most
/// settings.exact_max_candidates candidates, solves them exactly too (plan.stats.optimum).
/// Throws EventTooLargeError (an InvalidInputError) before any work when the event is over
/// a size limit of the settings (event_size_limits.h).
EventPlan plan_event(const StoragePaths& paths, const MatchingData& data, const ExpoEvent& event, const ExpoSettings& settings);

}  // namespace techbridge
