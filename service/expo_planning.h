#pragma once
// Use case: plan the B2B meetings of a technology fair (expo/), as the page shows them.
#include <nlohmann/json.hpp>

#include "event_planning.h"
#include "expo_event.h"

namespace techbridge {

/// The plan's JSON (plan_json) with the event itself and the documents' titles, the form
/// of POST /api/expo/plan and `techbridge expo plan --json`.
nlohmann::json to_json(const ExpoEvent& event, const EventPlan& planned);

}  // namespace techbridge
