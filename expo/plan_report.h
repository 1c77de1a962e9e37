#pragma once
// A meeting plan as JSON, as a CSV schedule, as printable agendas (HTML, in each
// participant's language) and as calendars (iCalendar), one per participant.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "expo_event.h"
#include "meeting_candidates.h"
#include "meeting_planner.h"

namespace techbridge {

/// {"meetings": [{"slot", "start", "end", "table", "a", "b", "interpreter", "score", "request", "reasons"}],
///  "unscheduled_must": [{"a", "b", "reason"}], "stats": {...}}; stats.time_limited says
///  the search ran out of time and the plan is the best found by then.
nlohmann::json plan_json(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates, const ExpoPlan& plan);

/// What a page needs to draw the plan: {"name", "slots": [{"id", "start", "end"}], "tables": [ids],
///  "participants": [{"id", "name", "languages", "documents"}]}
nlohmann::json event_json(const ExpoEvent& event);

/// One row per meeting: slot, start, end, table, a, a_name, b, b_name, interpreter, score, request, reasons.
std::string schedule_csv(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates, const ExpoPlan& plan);

/// A printable page of the participant's meetings in its first language. `titles`: document id -> title.
std::string agenda_html(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates, const ExpoPlan& plan,
                        std::size_t participant, const std::map<std::string, std::string>& titles);

/// The participant's meetings as an iCalendar file.
std::string agenda_ics(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates, const ExpoPlan& plan,
                       std::size_t participant);

/// Writes schedule.csv, agendas/ID.html and calendars/ID.ics into `folder`.
void write_plan_files(const std::filesystem::path& folder, const ExpoEvent& event,
                      const std::vector<CandidateMeeting>& candidates, const ExpoPlan& plan,
                      const std::map<std::string, std::string>& titles);

}  // namespace techbridge
