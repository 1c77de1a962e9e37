#pragma once
// Use case: plan the B2B meetings of a technology fair (expo/), as the page and the CLI
// show them.
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "event_planning.h"
#include "expo_event.h"
#include "service_context.h"
#include "storage_paths.h"

namespace techbridge {

/// An event file (docs/expo.md) to plan.
struct ExpoPlanRequest {
    std::string source;          // its name in messages: the file's path, or "event" for an upload
    std::string_view event_text; // its content, as read
};

/// The event as read and its plan.
struct PlannedEvent {
    ExpoEvent event;
    EventPlan planned;
};

/// Reads the event and plans it. Throws InvalidBodyError for a text that is not UTF-8,
/// InvalidInputError naming the field at fault (EventTooLargeError over the size limits).
PlannedEvent plan_expo(const StoragePaths& paths, const ServiceContext& context, const ExpoPlanRequest& request);

/// The plan's JSON (plan_json) with the event itself and the documents' titles, the form
/// of POST /api/expo/plan and `techbridge expo plan --json`.
nlohmann::json to_json(const ExpoEvent& event, const EventPlan& planned);
inline nlohmann::json to_json(const PlannedEvent& planned) { return to_json(planned.event, planned.planned); }

/// The forms a plan is downloaded in besides its JSON.
enum class PlanFileFormat {
    schedule_csv,  // every meeting, for a spreadsheet
    agenda_ics,    // one participant's meetings, for a calendar
    agenda_html,   // one participant's meetings, to print, in their language
};
/// "csv", "ics", "html" as the API and the page name them; nullopt for another name.
std::optional<PlanFileFormat> parse_plan_file_format(std::string_view name);

struct PlanFile {
    std::string name;          // schedule.csv, agenda.ics, agenda.html
    std::string content_type;
    std::string content;
};
/// The plan as a file; the agendas are of `participant` (an id of the event), which they
/// need: InvalidInputError naming "participant" when it is missing or not in the event.
PlanFile plan_file(const PlannedEvent& planned, PlanFileFormat format, std::string_view participant);

}  // namespace techbridge
