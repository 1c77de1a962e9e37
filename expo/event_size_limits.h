#pragma once
// The largest event the planner takes (corpus/expo.json): planning time and memory grow
// with participants, documents, requests, slots and interpreters, so a larger event is
// refused before any work rather than left to run for minutes and gigabytes.
#include "errors.h"
#include "expo_event.h"
#include "expo_settings.h"

namespace techbridge {

/// An event over a size limit. It is invalid input (HTTP 400): the message names the limit,
/// the event's figure and what to do.
class EventTooLargeError : public InvalidInputError {
public:
    using InvalidInputError::InvalidInputError;
};

/// Throws EventTooLargeError when the event has more participants, meeting requests,
/// slots or interpreters than the settings allow, or a participant lists more documents.
void check_event_size(const ExpoEvent& event, const ExpoSettings& settings);

}  // namespace techbridge
