#include "event_planning.h"

#include <algorithm>

#include "document_store.h"
#include "event_size_limits.h"
#include "exact_planner.h"

namespace techbridge {

EventPlan plan_event(const StoragePaths& paths, const MatchingData& data, const ExpoEvent& event, const ExpoSettings& settings) {
    check_event_size(event, settings);
    EventPlan out;
    out.candidates = find_candidate_meetings(paths, data, event, settings);
    out.plan = plan_meetings(event, out.candidates, settings);
    const auto max_columns = static_cast<std::size_t>(std::max(0, settings.glpk_max_columns));
    if (out.candidates.size() <= static_cast<std::size_t>(std::max(0, settings.exact_max_candidates)))
        out.plan.stats.optimum = exact_plan_value(event, out.candidates, {settings.exact_seconds, max_columns});
    if (const auto relaxed = relaxed_plan_bound(event, out.candidates, {settings.bound_seconds, max_columns}))
        out.plan.stats.upper_bound = std::min(out.plan.stats.upper_bound, *relaxed);
    DocumentStore store(paths.store_file());
    for (const auto& participant : event.participants)
        for (const auto& id : participant.documents)
            if (const auto stored = store.get(id)) out.titles[id] = stored->document.title;
    return out;
}

}  // namespace techbridge
