#include "expo_planning.h"

#include <algorithm>

#include "errors.h"
#include "plan_report.h"
#include "utf8.h"

namespace techbridge {

PlannedEvent plan_expo(const StoragePaths& paths, const ServiceContext& context, const ExpoPlanRequest& request) {
    if (find_invalid_utf8(request.event_text))
        throw InvalidBodyError(request.source + ": the event file is not valid UTF-8; save it as UTF-8 and send it again");
    PlannedEvent out{read_expo_event(request.source, request.event_text), {}};
    out.planned = plan_event(paths, context.matching_data(), out.event, context.expo);
    return out;
}

nlohmann::json to_json(const ExpoEvent& event, const EventPlan& planned) {
    nlohmann::json out = plan_json(event, planned.candidates, planned.plan);
    out["event"] = event_json(event);
    out["titles"] = planned.titles;
    return out;
}

std::optional<PlanFileFormat> parse_plan_file_format(std::string_view name) {
    if (name == "csv") return PlanFileFormat::schedule_csv;
    if (name == "ics") return PlanFileFormat::agenda_ics;
    if (name == "html") return PlanFileFormat::agenda_html;
    return std::nullopt;
}

namespace {

std::size_t participant_index(const ExpoEvent& event, std::string_view id) {
    if (id.empty()) throw InvalidInputError("participant: required for an agenda; name the participant's id");
    const auto found = std::find_if(event.participants.begin(), event.participants.end(),
                                    [&id](const ExpoParticipant& p) { return p.id == id; });
    if (found == event.participants.end())
        throw InvalidInputError("participant: no participant \"" + std::string(id) + "\" in the event");
    return static_cast<std::size_t>(found - event.participants.begin());
}

}  // namespace

PlanFile plan_file(const PlannedEvent& planned, PlanFileFormat format, std::string_view participant) {
    const ExpoEvent& event = planned.event;
    const EventPlan& plan = planned.planned;
    switch (format) {
        case PlanFileFormat::schedule_csv:
            return {"schedule.csv", "text/csv; charset=utf-8", schedule_csv(event, plan.candidates, plan.plan)};
        case PlanFileFormat::agenda_ics:
            return {"agenda.ics", "text/calendar; charset=utf-8",
                    agenda_ics(event, plan.candidates, plan.plan, participant_index(event, participant))};
        case PlanFileFormat::agenda_html:
            return {"agenda.html", "text/html; charset=utf-8",
                    agenda_html(event, plan.candidates, plan.plan, participant_index(event, participant), plan.titles)};
    }
    throw InvalidInputError("format: use csv, ics or html");
}

}  // namespace techbridge
