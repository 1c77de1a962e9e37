#include "meeting_planner.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <numeric>
#include <random>

namespace techbridge {

namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
using Clock = std::chrono::steady_clock;

/// What stays the same while schedules are built: who is available in which slot, and
/// which interpreters could serve each meeting. Shared by a schedule and its copies, so a
/// copy (the local search takes one per attempted move) costs only the changing state.
struct ScheduleRules {
    ScheduleRules(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates)
        : slots(event.slots.size()),
          available(event.participants.size() * slots, false),
          interpreter_available(event.interpreters.size() * slots, false),
          interpreter_slots(event.interpreters.size(), 0),
          interpreters_for(candidates.size()) {
        for (std::size_t p = 0; p < event.participants.size(); ++p)
            for (const std::size_t s : event.participants[p].available) available[p * slots + s] = true;
        for (std::size_t i = 0; i < event.interpreters.size(); ++i)
            for (const std::size_t s : event.interpreters[i].available) {
                interpreter_available[i * slots + s] = true;
                ++interpreter_slots[i];
            }
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            if (!candidates[c].needs_interpreter) continue;
            for (std::size_t i = 0; i < event.interpreters.size(); ++i)
                if (can_interpret(event.interpreters[i], event.participants[candidates[c].a],
                                  event.participants[candidates[c].b]))
                    interpreters_for[c].push_back(i);
        }
    }

    std::size_t slots;
    std::vector<bool> available;              // participant * slots + slot
    std::vector<bool> interpreter_available;  // interpreter * slots + slot
    std::vector<std::size_t> interpreter_slots;  // available slots per interpreter
    std::vector<std::vector<std::size_t>> interpreters_for;  // per candidate
};

/// Who is where in which slot; every change keeps the hard constraints.
class Schedule {
public:
    Schedule(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates, const ScheduleRules& rules)
        : event_(&event),
          candidates_(&candidates),
          rules_(&rules),
          slots_(rules.slots),
          participant_at_(event.participants.size() * slots_, none),
          interpreter_at_(event.interpreters.size() * slots_, none),
          interpreter_free_slots_(rules.interpreter_slots),
          in_slot_(slots_),
          count_(event.participants.size(), 0),
          slot_of_(candidates.size(), none),
          interpreter_of_(candidates.size(), none) {}

    std::size_t slots() const { return slots_; }
    bool scheduled(std::size_t c) const { return slot_of_[c] != none; }
    std::size_t slot_of(std::size_t c) const { return slot_of_[c]; }
    std::size_t interpreter_of(std::size_t c) const { return interpreter_of_[c]; }
    std::size_t at(std::size_t participant, std::size_t slot) const { return participant_at_[participant * slots_ + slot]; }
    bool available(std::size_t participant, std::size_t slot) const {
        return rules_->available[participant * slots_ + slot];
    }
    std::size_t count(std::size_t participant) const { return count_[participant]; }
    std::size_t load(std::size_t slot) const { return in_slot_[slot].size(); }
    double value() const { return value_; }
    const std::vector<std::size_t>& interpreters_for(std::size_t c) const { return rules_->interpreters_for[c]; }
    std::size_t tables() const { return event_->tables.size(); }
    std::size_t interpreter_meeting(std::size_t i, std::size_t s) const { return interpreter_at_[i * slots_ + s]; }
    /// The least valuable meeting in slot s not involving participants a or b.
    std::size_t weakest_in(std::size_t s, std::size_t a, std::size_t b) const {
        std::size_t weakest = none;
        for (const std::size_t c : in_slot_[s]) {
            const CandidateMeeting& m = (*candidates_)[c];
            if (m.a == a || m.a == b || m.b == a || m.b == b) continue;
            if (weakest == none || std::pair(m.value, c) < std::pair((*candidates_)[weakest].value, weakest)) weakest = c;
        }
        return weakest;
    }
    bool interpreter_free(std::size_t i, std::size_t s) const {
        return rules_->interpreter_available[i * slots_ + s] && interpreter_at_[i * slots_ + s] == none;
    }

    /// Where candidate c could meet in slot s: the interpreter to take (none when not
    /// needed), or nothing when the slot is not possible.
    std::optional<std::size_t> placement(std::size_t c, std::size_t s) const {
        const CandidateMeeting& m = (*candidates_)[c];
        if (scheduled(c) || !available(m.a, s) || !available(m.b, s)) return std::nullopt;
        if (at(m.a, s) != none || at(m.b, s) != none) return std::nullopt;
        if (in_slot_[s].size() >= event_->tables.size()) return std::nullopt;
        if (count_[m.a] >= event_->participants[m.a].max_meetings || count_[m.b] >= event_->participants[m.b].max_meetings)
            return std::nullopt;
        if (!m.needs_interpreter) return none;
        // The interpreter with the fewest other free slots, so versatile ones stay free.
        std::size_t best = none, best_free = none;
        for (const std::size_t i : interpreters_for(c)) {
            if (!interpreter_free(i, s)) continue;
            if (interpreter_free_slots_[i] < best_free) {
                best = i;
                best_free = interpreter_free_slots_[i];
            }
        }
        if (best == none) return std::nullopt;
        return best;
    }

    void place(std::size_t c, std::size_t s, std::size_t interpreter) {
        const CandidateMeeting& m = (*candidates_)[c];
        participant_at_[m.a * slots_ + s] = participant_at_[m.b * slots_ + s] = c;
        if (interpreter != none) {
            interpreter_at_[interpreter * slots_ + s] = c;
            --interpreter_free_slots_[interpreter];
        }
        in_slot_[s].push_back(c);
        ++count_[m.a];
        ++count_[m.b];
        slot_of_[c] = s;
        interpreter_of_[c] = interpreter;
        value_ += m.value;
    }

    void remove(std::size_t c) {
        const CandidateMeeting& m = (*candidates_)[c];
        const std::size_t s = slot_of_[c];
        participant_at_[m.a * slots_ + s] = participant_at_[m.b * slots_ + s] = none;
        if (interpreter_of_[c] != none) {
            interpreter_at_[interpreter_of_[c] * slots_ + s] = none;
            ++interpreter_free_slots_[interpreter_of_[c]];
        }
        auto& here = in_slot_[s];
        *std::find(here.begin(), here.end(), c) = here.back();
        here.pop_back();
        --count_[m.a];
        --count_[m.b];
        slot_of_[c] = none;
        interpreter_of_[c] = none;
        value_ -= m.value;
    }

    /// Idle slots between a participant's first and last meeting, counting only slots it
    /// is available in.
    std::size_t gaps(std::size_t p) const {
        std::size_t first = none, last = 0, meetings = 0, open = 0;
        for (std::size_t s = 0; s < slots_; ++s) {
            if (at(p, s) == none) continue;
            if (first == none) first = s;
            last = s;
            ++meetings;
        }
        if (first == none) return 0;
        for (std::size_t s = first; s <= last; ++s) open += available(p, s);
        return open - meetings;
    }

    /// Meetings of a or b adjacent to slot s: placing there keeps their days compact.
    int adjacency(std::size_t c, std::size_t s) const {
        const CandidateMeeting& m = (*candidates_)[c];
        int near = 0;
        for (const std::size_t p : {m.a, m.b}) {
            if (s > 0 && at(p, s - 1) != none) ++near;
            if (s + 1 < slots_ && at(p, s + 1) != none) ++near;
        }
        return near;
    }

    /// The best slot for c now (most adjacent meetings, then earliest), if any.
    bool place_best(std::size_t c) {
        std::size_t best = none, interpreter = none;
        int best_adjacency = -1;
        for (std::size_t s = 0; s < slots_; ++s) {
            const auto chosen = placement(c, s);
            if (!chosen) continue;
            const int near = adjacency(c, s);
            if (near > best_adjacency) {
                best = s;
                interpreter = *chosen;
                best_adjacency = near;
            }
        }
        if (best == none) return false;
        place(c, best, interpreter);
        return true;
    }

private:
    const ExpoEvent* event_;  // pointers, so a schedule can be copied and restored
    const std::vector<CandidateMeeting>* candidates_;
    const ScheduleRules* rules_;
    std::size_t slots_;
    std::vector<std::size_t> participant_at_;  // participant * slots + slot: the meeting there, or none
    std::vector<std::size_t> interpreter_at_;  // interpreter * slots + slot
    std::vector<std::size_t> interpreter_free_slots_;  // available slots not yet taken, per interpreter
    std::vector<std::vector<std::size_t>> in_slot_;  // per slot: the meetings there, as many as tables at most
    std::vector<std::size_t> count_;
    std::vector<std::size_t> slot_of_;
    std::vector<std::size_t> interpreter_of_;
    double value_ = 0;
};

/// Changes to a schedule that are taken back, in reverse order, unless kept: a tentative
/// move costs the meetings it touches, not a copy of the whole schedule.
class TentativeChanges {
public:
    explicit TentativeChanges(Schedule& schedule) : schedule_(schedule), value_before_(schedule.value()) {}
    TentativeChanges(const TentativeChanges&) = delete;
    TentativeChanges& operator=(const TentativeChanges&) = delete;
    ~TentativeChanges() {
        if (kept_) return;
        for (auto change = log_.rbegin(); change != log_.rend(); ++change) {
            if (change->placed) schedule_.remove(change->candidate);
            else schedule_.place(change->candidate, change->slot, change->interpreter);
        }
    }

    void remove(std::size_t c) {
        log_.push_back({c, schedule_.slot_of(c), schedule_.interpreter_of(c), false});
        schedule_.remove(c);
    }
    void place(std::size_t c, std::size_t s, std::size_t interpreter) {
        schedule_.place(c, s, interpreter);
        log_.push_back({c, s, interpreter, true});
    }
    bool place_best(std::size_t c) {
        if (!schedule_.place_best(c)) return false;
        log_.push_back({c, schedule_.slot_of(c), schedule_.interpreter_of(c), true});
        return true;
    }
    bool improved() const { return schedule_.value() > value_before_ + 1e-9; }
    void keep() { kept_ = true; }

private:
    struct Change {
        std::size_t candidate, slot, interpreter;
        bool placed;  // else removed
    };
    Schedule& schedule_;
    double value_before_;
    std::vector<Change> log_;
    bool kept_ = false;
};

/// Tries to fit unscheduled candidate c into slot s by moving the meetings of its two
/// participants there to other slots, or, when c is worth more, by replacing them.
bool insert_with_moves(Schedule& schedule, const std::vector<CandidateMeeting>& candidates, std::size_t c,
                       std::size_t s) {
    const CandidateMeeting& m = candidates[c];
    if (!schedule.available(m.a, s) || !schedule.available(m.b, s)) return false;
    std::vector<std::size_t> blockers;
    for (const std::size_t p : {m.a, m.b})
        if (const std::size_t other = schedule.at(p, s); other != none &&
            std::find(blockers.begin(), blockers.end(), other) == blockers.end())
            blockers.push_back(other);
    auto add = [&blockers](std::size_t meeting) {
        if (meeting != none && std::find(blockers.begin(), blockers.end(), meeting) == blockers.end())
            blockers.push_back(meeting);
    };
    // All tables taken (even after the two sides' own meetings leave): the least valuable other meeting there.
    if (schedule.load(s) - blockers.size() >= schedule.tables()) add(schedule.weakest_in(s, m.a, m.b));
    // No interpreter free for this pair: the least valuable meeting holding one who could come.
    if (m.needs_interpreter) {
        std::size_t holder = none;
        bool free = false;
        for (const std::size_t i : schedule.interpreters_for(c)) {
            if (schedule.interpreter_free(i, s)) free = true;
            const std::size_t held = schedule.interpreter_meeting(i, s);
            if (held != none && (holder == none || candidates[held].value < candidates[holder].value)) holder = held;
        }
        if (!free) add(holder);
    }
    if (blockers.empty()) return false;  // the slot fails for another reason (meeting limits)

    TentativeChanges change(schedule);
    for (const std::size_t blocker : blockers) change.remove(blocker);
    const auto chosen = schedule.placement(c, s);
    if (!chosen) return false;
    change.place(c, s, *chosen);
    // The blockers go back wherever they still fit (c now holds their slot).
    for (const std::size_t blocker : blockers) change.place_best(blocker);
    if (!change.improved()) return false;
    change.keep();
    return true;
}

/// Replaces the least valuable meeting of a participant at its limit when c is worth more.
bool insert_over_limit(Schedule& schedule, const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates,
                       std::size_t c) {
    const CandidateMeeting& m = candidates[c];
    for (const std::size_t p : {m.a, m.b}) {
        if (schedule.count(p) < event.participants[p].max_meetings) continue;
        std::size_t weakest = none;
        for (std::size_t s = 0; s < schedule.slots(); ++s) {
            const std::size_t other = schedule.at(p, s);
            if (other != none && (weakest == none || candidates[other].value < candidates[weakest].value)) weakest = other;
        }
        if (weakest == none || candidates[weakest].value >= m.value) return false;
        TentativeChanges change(schedule);
        change.remove(weakest);
        if (!change.place_best(c) || !change.improved()) return false;
        change.place_best(weakest);  // may still fit elsewhere if the other side had room
        change.keep();
        return true;
    }
    return false;
}

std::size_t total_gaps(const Schedule& schedule, std::size_t participants) {
    std::size_t gaps = 0;
    for (std::size_t p = 0; p < participants; ++p) gaps += schedule.gaps(p);
    return gaps;
}

std::string unscheduled_reason(const Schedule& schedule, const ExpoEvent& event,
                               const std::vector<CandidateMeeting>& candidates, std::size_t c) {
    const CandidateMeeting& m = candidates[c];
    const ExpoParticipant& a = event.participants[m.a];
    const ExpoParticipant& b = event.participants[m.b];
    if (a.max_meetings == 0) return a.id + " takes no meetings (max_meetings 0)";
    if (b.max_meetings == 0) return b.id + " takes no meetings (max_meetings 0)";
    std::vector<std::size_t> common;
    for (std::size_t s = 0; s < schedule.slots(); ++s)
        if (schedule.available(m.a, s) && schedule.available(m.b, s)) common.push_back(s);
    if (common.empty()) return a.id + " and " + b.id + " have no available slot in common";
    if (m.needs_interpreter) {
        if (schedule.interpreters_for(c).empty())
            return a.id + " and " + b.id + " share no language and no interpreter speaks a language of each";
        bool any = false;
        for (const std::size_t s : common)
            for (const std::size_t i : schedule.interpreters_for(c)) {
                const auto& slots = event.interpreters[i].available;
                any = any || std::find(slots.begin(), slots.end(), s) != slots.end();
            }
        if (!any) return "no interpreter for " + a.id + " and " + b.id + " is available in the slots they share";
    }
    if (schedule.count(m.a) >= a.max_meetings) return a.id + " has reached max_meetings with meetings worth as much or more";
    if (schedule.count(m.b) >= b.max_meetings) return b.id + " has reached max_meetings with meetings worth as much or more";
    return "every slot " + a.id + " and " + b.id + " share is taken by other meetings, tables or interpreters";
}

/// Greedy construction in the given order, then insertions with moves and replacements
/// (in value order) until nothing improves. `stopped` is set when the deadline cut it
/// short: the schedule is then the best reached by that time (always a valid one).
Schedule construct_and_improve(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates,
                               const ScheduleRules& rules, const std::vector<std::size_t>& construction,
                               const std::vector<std::size_t>& by_value, Clock::time_point deadline, bool& stopped) {
    Schedule schedule(event, candidates, rules);
    for (const std::size_t c : construction) {
        if (Clock::now() >= deadline) {
            stopped = true;
            return schedule;
        }
        schedule.place_best(c);
    }
    for (bool improved = true; improved;) {
        improved = false;
        for (const std::size_t c : by_value) {
            if (schedule.scheduled(c)) continue;
            if (Clock::now() >= deadline) {
                stopped = true;
                return schedule;
            }
            if (schedule.place_best(c)) {
                improved = true;
                continue;
            }
            bool done = false;
            for (std::size_t s = 0; s < schedule.slots() && !done && Clock::now() < deadline; ++s)
                done = insert_with_moves(schedule, candidates, c, s);
            if (!done) done = insert_over_limit(schedule, event, candidates, c);
            improved = improved || done;
        }
    }
    return schedule;
}

/// The best of the constructions tried before the deadline: the first takes the meetings by
/// value; later ones by value with noise, which escapes the first construction's local
/// optimum. Records in `stats` how many were tried and whether the deadline stopped them.
Schedule best_construction(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates,
                           const ScheduleRules& rules, const ExpoSettings& settings, Clock::time_point deadline,
                           PlanStatistics& stats) {
    std::vector<std::size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return candidates[x].value > candidates[y].value;
    });
    std::mt19937 random(20270615);
    std::optional<Schedule> best;
    const int rounds = std::max(1, settings.restarts);
    bool stopped = false;
    int round = 0;
    for (; round < rounds && !stopped && (round == 0 || Clock::now() < deadline); ++round) {
        std::vector<std::size_t> shuffled = order;
        if (round > 0) {
            std::uniform_real_distribution<double> noise(0.7, 1.3);
            std::vector<double> key(candidates.size());
            for (std::size_t c = 0; c < candidates.size(); ++c) key[c] = candidates[c].value * noise(random);
            std::stable_sort(shuffled.begin(), shuffled.end(), [&](std::size_t x, std::size_t y) { return key[x] > key[y]; });
        }
        Schedule schedule = construct_and_improve(event, candidates, rules, shuffled, order, deadline, stopped);
        if (!best || schedule.value() > best->value() + 1e-9) best = std::move(schedule);
    }
    stats.constructions = static_cast<std::size_t>(round);
    stats.time_limited = stopped || round < rounds;
    return std::move(*best);
}

/// Moves meetings to other slots where that leaves their participants fewer idle gaps,
/// until no move helps or `until` has passed. Sets `stopped` when the time ran out first.
void close_idle_gaps(Schedule& schedule, const std::vector<CandidateMeeting>& candidates, Clock::time_point until,
                     bool& stopped) {
    for (int pass = 0; pass < 4; ++pass) {
        bool moved = false;
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            if (!schedule.scheduled(c)) continue;
            if (Clock::now() >= until) {
                stopped = true;
                return;
            }
            const CandidateMeeting& m = candidates[c];
            const std::size_t from = schedule.slot_of(c), interpreter = schedule.interpreter_of(c);
            const std::size_t before = schedule.gaps(m.a) + schedule.gaps(m.b);
            schedule.remove(c);
            std::size_t best = from, best_interpreter = interpreter, best_gaps = before;
            for (std::size_t s = 0; s < schedule.slots(); ++s) {
                if (s == from) continue;
                const auto chosen = schedule.placement(c, s);
                if (!chosen) continue;
                schedule.place(c, s, *chosen);
                const std::size_t after = schedule.gaps(m.a) + schedule.gaps(m.b);
                schedule.remove(c);
                if (after < best_gaps) {
                    best = s;
                    best_interpreter = *chosen;
                    best_gaps = after;
                }
            }
            schedule.place(c, best, best_interpreter);
            moved = moved || best != from;
        }
        if (!moved) return;
    }
}

}  // namespace

double plan_upper_bound(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates) {
    // Per participant: the best min(max_meetings, available slots) meetings, half each.
    std::vector<std::vector<double>> values(event.participants.size());
    for (const auto& m : candidates) {
        values[m.a].push_back(m.value);
        values[m.b].push_back(m.value);
    }
    double by_participants = 0;
    for (std::size_t p = 0; p < values.size(); ++p) {
        auto& list = values[p];
        std::sort(list.rbegin(), list.rend());
        const std::size_t k = std::min({list.size(), event.participants[p].max_meetings,
                                        event.participants[p].available.size()});
        by_participants += 0.5 * std::accumulate(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(k), 0.0);
    }
    // The tables: at most slots x tables meetings.
    std::vector<double> all;
    for (const auto& m : candidates) all.push_back(m.value);
    std::sort(all.rbegin(), all.rend());
    const std::size_t capacity = std::min(all.size(), event.slots.size() * event.tables.size());
    const double by_tables = std::accumulate(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(capacity), 0.0);
    return std::min(by_participants, by_tables);
}

ExpoPlan plan_meetings(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates,
                       const ExpoSettings& settings) {
    const auto started = Clock::now();
    const auto seconds = [](double value) {
        return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(value));
    };
    const auto deadline = started + seconds(settings.search_seconds);
    PlanStatistics stats;
    const ScheduleRules rules(event, candidates);
    Schedule schedule = best_construction(event, candidates, rules, settings, deadline, stats);
    // Closing gaps gets a tenth of the search time on top; cut short, some gaps stay.
    bool gaps_stopped = false;
    close_idle_gaps(schedule, candidates, Clock::now() + seconds(settings.search_seconds / 10), gaps_stopped);
    stats.time_limited = stats.time_limited || gaps_stopped;

    ExpoPlan plan;
    std::vector<std::size_t> tables_used(schedule.slots(), 0);
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        if (!schedule.scheduled(c)) continue;
        const std::size_t s = schedule.slot_of(c);
        ScheduledMeeting meeting{c, s, tables_used[s]++, std::nullopt};
        if (schedule.interpreter_of(c) != none) meeting.interpreter = schedule.interpreter_of(c);
        plan.meetings.push_back(meeting);
    }
    std::sort(plan.meetings.begin(), plan.meetings.end(), [](const ScheduledMeeting& x, const ScheduledMeeting& y) {
        return std::pair(x.slot, x.table) < std::pair(y.slot, y.table);
    });
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        if (candidates[c].request == RequestPriority::must && !schedule.scheduled(c))
            plan.unscheduled_must.push_back({c, unscheduled_reason(schedule, event, candidates, c)});
    }
    plan.stats = stats;
    plan.stats.candidates = candidates.size();
    plan.stats.meetings = plan.meetings.size();
    plan.stats.value = schedule.value();
    plan.stats.upper_bound = plan_upper_bound(event, candidates);
    plan.stats.idle_gaps = total_gaps(schedule, event.participants.size());
    plan.stats.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return plan;
}

}  // namespace techbridge
