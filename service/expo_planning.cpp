#include "expo_planning.h"

#include "plan_report.h"

namespace techbridge {

nlohmann::json to_json(const ExpoEvent& event, const EventPlan& planned) {
    nlohmann::json out = plan_json(event, planned.candidates, planned.plan);
    out["event"] = event_json(event);
    out["titles"] = planned.titles;
    return out;
}

}  // namespace techbridge
