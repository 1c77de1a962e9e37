#include "meeting_candidates.h"

#include <algorithm>
#include <map>

#include "batch_matching.h"
#include "document_store.h"
#include "errors.h"
#include "match_json.h"
#include "matcher.h"

namespace techbridge {

double meeting_value(double score, std::optional<RequestPriority> request, const ExpoSettings& settings) {
    double value = score;
    if (request == RequestPriority::must) value += settings.must_bonus;
    if (request == RequestPriority::nice) value += settings.nice_bonus;
    return value;
}

std::vector<CandidateMeeting> find_candidate_meetings(const StoragePaths& paths, const ExpoEvent& event,
                                                      const ExpoSettings& settings) {
    // Which participants bring each document.
    std::map<std::string, std::vector<std::size_t>> owners;
    std::vector<std::string> documents;
    {
        DocumentStore store(paths.store_file());
        for (std::size_t p = 0; p < event.participants.size(); ++p) {
            for (const auto& id : event.participants[p].documents) {
                auto& list = owners[id];
                if (list.empty()) {
                    if (!store.get(id))
                        throw InvalidInputError("participant \"" + event.participants[p].id + "\": document \"" + id +
                                                "\" is not in the store; index it first or correct the id");
                    documents.push_back(id);
                }
                if (std::find(list.begin(), list.end(), p) == list.end()) list.push_back(p);
            }
        }
    }

    std::vector<MatchRequest> requests(documents.size());
    for (std::size_t i = 0; i < documents.size(); ++i) {
        requests[i].id = documents[i];
        requests[i].limit = static_cast<std::size_t>(std::max(1, settings.candidates_per_document));
    }
    const std::vector<MatchResult> results = match_each(paths, requests);

    std::map<std::pair<std::size_t, std::size_t>, CandidateMeeting> pairs;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        const MatchResult& result = results[i];
        for (const auto& candidate : result.candidates) {
            const auto owner = owners.find(candidate.id);
            if (owner == owners.end() || candidate.score < settings.min_score) continue;
            for (const std::size_t from : owners[documents[i]]) {
                for (const std::size_t to : owner->second) {
                    if (from == to) continue;
                    const auto key = std::minmax(from, to);
                    CandidateMeeting& meeting = pairs[{key.first, key.second}];
                    if (candidate.score <= meeting.score) continue;
                    meeting.a = key.first;
                    meeting.b = key.second;
                    meeting.score = candidate.score;
                    meeting.document_a = from == key.first ? documents[i] : candidate.id;
                    meeting.document_b = from == key.first ? candidate.id : documents[i];
                    meeting.reasons = {shared_concepts_text(candidate, result.source_lang)};
                }
            }
        }
    }

    for (const auto& request : event.requests) {
        const auto key = std::minmax(request.from, request.to);
        CandidateMeeting& meeting = pairs[{key.first, key.second}];
        meeting.a = key.first;
        meeting.b = key.second;
        meeting.request = request.priority;
    }
    std::vector<CandidateMeeting> out;
    for (auto& [key, meeting] : pairs) {
        if (meeting.request == RequestPriority::avoid) continue;
        meeting.needs_interpreter = !share_language(event.participants[meeting.a], event.participants[meeting.b]);
        meeting.value = meeting_value(meeting.score, meeting.request, settings);
        out.push_back(std::move(meeting));
    }
    return out;
}

}  // namespace techbridge
