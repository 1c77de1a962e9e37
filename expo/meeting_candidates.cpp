#include "meeting_candidates.h"

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>

#include "batch_matching.h"
#include "document_store.h"
#include "errors.h"
#include "match_json.h"
#include "matcher.h"

namespace techbridge {

namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

/// Documents matched per call of match_each: the full results of one batch are held at a
/// time, and only the matches between the event's documents are kept from them.
constexpr std::size_t match_batch = 256;

/// The event's documents, each once, and who brings them.
struct EventDocuments {
    std::vector<std::string> ids;
    std::unordered_map<std::string, std::size_t> index;      // id -> position in ids
    std::vector<std::vector<std::size_t>> owners;            // per document: participants, ascending
    std::vector<std::vector<std::size_t>> of_participant;    // per participant: documents
};

EventDocuments collect_documents(const StoragePaths& paths, const ExpoEvent& event) {
    EventDocuments out;
    out.of_participant.resize(event.participants.size());
    DocumentStore store(paths.store_file());
    for (std::size_t p = 0; p < event.participants.size(); ++p) {
        for (const auto& id : event.participants[p].documents) {
            auto [it, added] = out.index.emplace(id, out.ids.size());
            if (added) {
                if (!store.get(id))
                    throw InvalidInputError("participant \"" + event.participants[p].id + "\": document \"" + id +
                                            "\" is not in the store; index it first or correct the id");
                out.ids.push_back(id);
                out.owners.emplace_back();
            }
            auto& owners = out.owners[it->second];
            if (owners.empty() || owners.back() != p) owners.push_back(p);
            auto& mine = out.of_participant[p];
            if (std::find(mine.begin(), mine.end(), it->second) == mine.end()) mine.push_back(it->second);
        }
    }
    return out;
}

/// A match between two of the event's documents that reaches min_score.
struct DocumentMatch {
    std::size_t from = 0, to = 0;  // document indices: `to` was found by matching `from`
    double score = 0;
    std::string reason;  // shared concepts, in `from`'s language
};

/// Matches every document and keeps only the matches with another document of the event
/// that reach min_score: memory follows what is kept, not every result read.
std::vector<DocumentMatch> match_documents(const StoragePaths& paths, const MatchingData& data, const EventDocuments& documents,
                                           const ExpoSettings& settings) {
    std::vector<DocumentMatch> kept;
    for (std::size_t first = 0; first < documents.ids.size(); first += match_batch) {
        const std::size_t last = std::min(documents.ids.size(), first + match_batch);
        std::vector<MatchRequest> requests(last - first);
        for (std::size_t i = first; i < last; ++i) {
            requests[i - first].id = documents.ids[i];
            requests[i - first].limit = static_cast<std::size_t>(std::max(1, settings.candidates_per_document));
        }
        const std::vector<MatchResult> results = match_each(paths, data, requests);
        for (std::size_t i = first; i < last; ++i) {
            const MatchResult& result = results[i - first];
            for (const auto& candidate : result.candidates) {
                const auto to = documents.index.find(candidate.id);
                if (to == documents.index.end() || candidate.score < settings.min_score) continue;
                kept.push_back({i, to->second, candidate.score, shared_concepts_text(candidate, result.source_lang)});
            }
        }
    }
    return kept;
}

/// A pair of participants worth proposing: the best match between their documents (none
/// for a requested pair whose documents do not match).
struct KeptPair {
    std::size_t a = 0, b = 0;  // a < b
    double score = 0;
    std::size_t document_a = none, document_b = none;
    std::size_t match = none;  // the DocumentMatch behind the score
};

/// Finds each participant's partners one participant at a time (scratch memory per
/// participant, not per pair of participants) and keeps its candidates_per_participant
/// best ones plus those it requested; avoided partners are left out.
class PartnerRanking {
public:
    PartnerRanking(const ExpoEvent& event, const EventDocuments& documents, const std::vector<DocumentMatch>& matches,
                   std::size_t keep)
        : event_(event), documents_(documents), matches_(matches), keep_(keep),
          matches_of_(documents.ids.size()), requests_of_(event.participants.size()),
          partner_slot_(event.participants.size(), none) {
        for (std::size_t m = 0; m < matches.size(); ++m) {
            matches_of_[matches[m].from].push_back(m);
            if (matches[m].to != matches[m].from) matches_of_[matches[m].to].push_back(m);
        }
        for (const auto& request : event.requests) {
            requests_of_[request.from].push_back({request.to, request.priority});
            requests_of_[request.to].push_back({request.from, request.priority});
        }
    }

    /// The kept pairs of every participant, each pair once, ordered by (a, b).
    std::vector<KeptPair> kept_pairs() {
        std::vector<KeptPair> out;
        for (std::size_t p = 0; p < event_.participants.size(); ++p) rank(p, out);
        std::sort(out.begin(), out.end(), [](const KeptPair& x, const KeptPair& y) {
            return std::pair(x.a, x.b) < std::pair(y.a, y.b);
        });
        out.erase(std::unique(out.begin(), out.end(),
                              [](const KeptPair& x, const KeptPair& y) { return x.a == y.a && x.b == y.b; }),
                  out.end());
        return out;
    }

private:
    struct Partner {
        std::size_t participant = 0;
        double score = -1;
        std::size_t own_document = none, their_document = none, match = none;
        bool requested = false, avoided = false;
    };

    Partner& partner(std::size_t q) {
        if (partner_slot_[q] == none) {
            partner_slot_[q] = partners_.size();
            partners_.push_back({q});
        }
        return partners_[partner_slot_[q]];
    }

    void rank(std::size_t p, std::vector<KeptPair>& out) {
        for (const std::size_t own : documents_.of_participant[p]) {
            for (const std::size_t m : matches_of_[own]) {
                const DocumentMatch& match = matches_[m];
                const std::size_t theirs = match.from == own ? match.to : match.from;
                for (const std::size_t q : documents_.owners[theirs]) {
                    if (q == p) continue;
                    Partner& found = partner(q);
                    if (match.score <= found.score) continue;
                    found.score = match.score;
                    found.own_document = own;
                    found.their_document = theirs;
                    found.match = m;
                }
            }
        }
        for (const auto& [q, priority] : requests_of_[p]) {
            Partner& found = partner(q);
            found.requested = priority != RequestPriority::avoid;
            found.avoided = priority == RequestPriority::avoid;
        }
        for (const Partner& q : partners_) partner_slot_[q.participant] = none;
        std::erase_if(partners_, [](const Partner& x) { return x.avoided; });
        // Requested partners first, then by score (ties by participant, so plans are reproducible).
        std::sort(partners_.begin(), partners_.end(), [](const Partner& x, const Partner& y) {
            if (x.requested != y.requested) return x.requested;
            if (x.score != y.score) return x.score > y.score;
            return x.participant < y.participant;
        });
        const auto requested = static_cast<std::size_t>(
            std::count_if(partners_.begin(), partners_.end(), [](const Partner& x) { return x.requested; }));
        const std::size_t kept = std::min(partners_.size(), requested + keep_);
        for (std::size_t i = 0; i < kept; ++i) {
            const Partner& q = partners_[i];
            const bool p_first = p < q.participant;
            KeptPair pair{std::min(p, q.participant), std::max(p, q.participant), std::max(0.0, q.score)};
            pair.document_a = p_first ? q.own_document : q.their_document;
            pair.document_b = p_first ? q.their_document : q.own_document;
            pair.match = q.match;
            out.push_back(pair);
        }
        partners_.clear();
    }

    const ExpoEvent& event_;
    const EventDocuments& documents_;
    const std::vector<DocumentMatch>& matches_;
    std::size_t keep_;
    std::vector<std::vector<std::size_t>> matches_of_;  // per document: the matches it is a side of
    std::vector<std::vector<std::pair<std::size_t, RequestPriority>>> requests_of_;  // per participant
    std::vector<std::size_t> partner_slot_;  // per participant: position in partners_, or none
    std::vector<Partner> partners_;          // the partners of the participant being ranked
};

}  // namespace

double meeting_value(double score, std::optional<RequestPriority> request, const ExpoSettings& settings) {
    double value = score;
    if (request == RequestPriority::must) value += settings.must_bonus;
    if (request == RequestPriority::nice) value += settings.nice_bonus;
    return value;
}

std::vector<CandidateMeeting> find_candidate_meetings(const StoragePaths& paths, const MatchingData& data, const ExpoEvent& event,
                                                      const ExpoSettings& settings) {
    const EventDocuments documents = collect_documents(paths, event);
    const std::vector<DocumentMatch> matches = match_documents(paths, data, documents, settings);
    const std::size_t keep = static_cast<std::size_t>(std::max(0, settings.candidates_per_participant));
    const std::vector<KeptPair> pairs = PartnerRanking(event, documents, matches, keep).kept_pairs();

    std::map<std::pair<std::size_t, std::size_t>, RequestPriority> requested;
    for (const auto& request : event.requests)
        requested[std::minmax(request.from, request.to)] = request.priority;
    std::vector<CandidateMeeting> out;
    out.reserve(pairs.size());
    for (const KeptPair& pair : pairs) {
        CandidateMeeting meeting;
        meeting.a = pair.a;
        meeting.b = pair.b;
        meeting.score = pair.score;
        if (pair.match != none) {
            meeting.document_a = documents.ids[pair.document_a];
            meeting.document_b = documents.ids[pair.document_b];
            meeting.reasons = {matches[pair.match].reason};
        }
        if (const auto it = requested.find({pair.a, pair.b}); it != requested.end()) meeting.request = it->second;
        meeting.needs_interpreter = !share_language(event.participants[meeting.a], event.participants[meeting.b]);
        meeting.value = meeting_value(meeting.score, meeting.request, settings);
        out.push_back(std::move(meeting));
    }
    return out;
}

}  // namespace techbridge
