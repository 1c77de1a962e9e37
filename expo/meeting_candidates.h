#pragma once
// The meetings worth having at an event: pairs of participants whose documents match
// (offer side against demand side), and the pairs they asked for.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "expo_event.h"
#include "expo_settings.h"
#include "matcher.h"
#include "storage_paths.h"

namespace techbridge {

struct CandidateMeeting {
    std::size_t a = 0, b = 0;  // participant indices, a < b
    double score = 0;          // the best match score between their documents, 0-1
    std::string document_a, document_b;  // the documents behind the score
    std::vector<std::string> reasons;    // shared concepts and the like
    std::optional<RequestPriority> request;
    bool needs_interpreter = false;
    double value = 0;  // what scheduling it is worth: score plus the request's bonus
};

/// Matches every participant's documents against the store and keeps the pairs that
/// score at least settings.min_score, at most settings.candidates_per_participant best
/// ones per participant (a pair stays when it is among the best of either side), plus
/// every requested pair (except "avoid", which is dropped). Memory follows the pairs
/// kept, not the pairs of participants or documents looked at. Ordered by (a, b). Throws
/// InvalidInputError naming the participant of a document that is not stored.
std::vector<CandidateMeeting> find_candidate_meetings(const StoragePaths& paths, const MatchingData& data, const ExpoEvent& event,
                                                      const ExpoSettings& settings);

/// The value of a meeting with this score and request under the settings.
double meeting_value(double score, std::optional<RequestPriority> request, const ExpoSettings& settings);

}  // namespace techbridge
