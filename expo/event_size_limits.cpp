#include "event_size_limits.h"

#include <string>

namespace techbridge {

namespace {

/// Refuses `figure` above `limit`: "<what>, more than max_x (N) in corpus/expo.json allows: <advice>, or raise max_x ...".
void refuse_above(std::size_t figure, int limit, const char* setting, const std::string& what, const std::string& advice) {
    if (limit < 0 || figure <= static_cast<std::size_t>(limit)) return;
    throw EventTooLargeError(what + ", more than " + setting + " (" + std::to_string(limit) +
                             ") in corpus/expo.json allows: " + advice + ", or raise " + setting +
                             " in corpus/expo.json and rebuild techbridge");
}

}  // namespace

void check_event_size(const ExpoEvent& event, const ExpoSettings& settings) {
    const std::string split = "split the event into smaller ones";
    refuse_above(event.participants.size(), settings.max_participants, "max_participants",
                 "the event has " + std::to_string(event.participants.size()) + " participants", split);
    refuse_above(event.requests.size(), settings.max_requests, "max_requests",
                 "the event has " + std::to_string(event.requests.size()) + " meeting requests",
                 split + " or keep the requests that matter most");
    refuse_above(event.slots.size(), settings.max_slots, "max_slots",
                 "the event has " + std::to_string(event.slots.size()) + " slots", split + " (a day or two each)");
    refuse_above(event.interpreters.size(), settings.max_interpreters, "max_interpreters",
                 "the event has " + std::to_string(event.interpreters.size()) + " interpreters", split);
    for (const auto& participant : event.participants)
        refuse_above(participant.documents.size(), settings.max_documents_per_participant,
                     "max_documents_per_participant",
                     "participant \"" + participant.id + "\" lists " + std::to_string(participant.documents.size()) +
                         " documents",
                     "list only its most relevant documents");
}

}  // namespace techbridge
