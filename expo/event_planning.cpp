#include "event_planning.h"

#include <algorithm>

#include "document_store.h"
#include "exact_planner.h"

namespace techbridge {

EventPlan plan_event(const StoragePaths& paths, const ExpoEvent& event, const ExpoSettings& settings) {
    EventPlan out;
    out.candidates = find_candidate_meetings(paths, event, settings);
    out.plan = plan_meetings(event, out.candidates, settings);
    if (out.candidates.size() <= static_cast<std::size_t>(settings.exact_max_candidates))
        out.plan.stats.optimum = exact_plan_value(event, out.candidates);
    if (const auto relaxed = relaxed_plan_bound(event, out.candidates))
        out.plan.stats.upper_bound = std::min(out.plan.stats.upper_bound, *relaxed);
    DocumentStore store(paths.store_file());
    for (const auto& participant : event.participants)
        for (const auto& id : participant.documents)
            if (const auto stored = store.get(id)) out.titles[id] = stored->document.title;
    return out;
}

}  // namespace techbridge
