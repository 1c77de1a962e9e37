#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "errors.h"
#include "exact_planner.h"
#include "expo_event.h"
#include "fixtures.h"
#include "ingestion.h"
#include "meeting_candidates.h"
#include "event_planning.h"
#include "meeting_planner.h"
#include "plan_report.h"
#include "event_size_limits.h"
#include "service_context.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

/// Generated events: random languages, availability, meeting limits, interpreters and
/// candidate meetings with values, including "must" pairs that cannot all be met.
struct GeneratedEvent {
    ExpoEvent event;
    std::vector<CandidateMeeting> candidates;
};

GeneratedEvent generate_event(unsigned seed, std::size_t participants, std::size_t slots, std::size_t tables,
                              std::size_t interpreters, double density) {
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    GeneratedEvent out;
    for (std::size_t s = 0; s < slots; ++s) {
        const std::string hour = (s + 9 < 10 ? "0" : "") + std::to_string(s + 9);
        out.event.slots.push_back({"s" + std::to_string(s), "2027-06-15T" + hour + ":00:00+08:00",
                                   "2027-06-15T" + hour + ":45:00+08:00"});
    }
    for (std::size_t t = 0; t < tables; ++t) out.event.tables.push_back({"T" + std::to_string(t)});
    const std::vector<std::vector<Language>> speaks = {
        {Language::zh}, {Language::ru}, {Language::zh, Language::en}, {Language::ru, Language::en}, {Language::en}};
    auto some_slots = [&](double share) {
        std::vector<std::size_t> chosen;
        for (std::size_t s = 0; s < slots; ++s)
            if (unit(random) < share) chosen.push_back(s);
        return chosen;
    };
    for (std::size_t p = 0; p < participants; ++p) {
        ExpoParticipant participant;
        participant.id = "p" + std::to_string(p);
        participant.name = participant.id;
        participant.languages = speaks[random() % speaks.size()];
        participant.available = some_slots(0.75);
        participant.max_meetings = 1 + random() % slots;
        out.event.participants.push_back(participant);
    }
    for (std::size_t i = 0; i < interpreters; ++i) {
        ExpoInterpreter interpreter;
        interpreter.id = "i" + std::to_string(i);
        interpreter.languages = i % 2 ? std::vector<Language>{Language::zh, Language::ru}
                                      : std::vector<Language>{Language::zh, Language::ru, Language::en};
        interpreter.available = some_slots(0.6);
        out.event.interpreters.push_back(interpreter);
    }
    const ExpoSettings settings;
    for (std::size_t a = 0; a < participants; ++a) {
        for (std::size_t b = a + 1; b < participants; ++b) {
            if (unit(random) > density) continue;
            CandidateMeeting meeting;
            meeting.a = a;
            meeting.b = b;
            meeting.score = 0.3 + 0.7 * unit(random);
            const double draw = unit(random);
            if (draw < 0.08) meeting.request = RequestPriority::must;
            else if (draw < 0.2) meeting.request = RequestPriority::nice;
            meeting.needs_interpreter = !share_language(out.event.participants[a], out.event.participants[b]);
            meeting.value = meeting_value(meeting.score, meeting.request, settings);
            out.candidates.push_back(meeting);
        }
    }
    return out;
}

/// Checks every hard constraint of a plan, knowing nothing of how it was made.
std::vector<std::string> violations(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates,
                                    const ExpoPlan& plan) {
    std::vector<std::string> found;
    std::set<std::pair<std::size_t, std::size_t>> participant_slot, table_slot, interpreter_slot, pairs;
    std::map<std::size_t, std::size_t> meetings_of;
    for (const auto& meeting : plan.meetings) {
        const CandidateMeeting& m = candidates.at(meeting.candidate);
        const ExpoParticipant& a = event.participants.at(m.a);
        const ExpoParticipant& b = event.participants.at(m.b);
        const std::string name = a.id + "-" + b.id + "@" + std::to_string(meeting.slot);
        if (meeting.slot >= event.slots.size()) found.push_back(name + ": no such slot");
        if (meeting.table >= event.tables.size()) found.push_back(name + ": no such table");
        for (const auto* p : {&a, &b})
            if (std::find(p->available.begin(), p->available.end(), meeting.slot) == p->available.end())
                found.push_back(name + ": " + p->id + " is not available");
        for (const std::size_t p : {m.a, m.b}) {
            if (!participant_slot.insert({p, meeting.slot}).second) found.push_back(name + ": double-booked participant");
            ++meetings_of[p];
        }
        if (!table_slot.insert({meeting.table, meeting.slot}).second) found.push_back(name + ": double-booked table");
        if (!pairs.insert({m.a, m.b}).second) found.push_back(name + ": the pair meets twice");
        if (m.request == RequestPriority::avoid) found.push_back(name + ": an avoided pair");
        if (!share_language(a, b)) {
            if (!meeting.interpreter) {
                found.push_back(name + ": no common language and no interpreter");
            } else {
                const ExpoInterpreter& interpreter = event.interpreters.at(*meeting.interpreter);
                if (!can_interpret(interpreter, a, b)) found.push_back(name + ": the interpreter lacks a language");
                if (std::find(interpreter.available.begin(), interpreter.available.end(), meeting.slot) ==
                    interpreter.available.end())
                    found.push_back(name + ": the interpreter is not available");
                if (!interpreter_slot.insert({*meeting.interpreter, meeting.slot}).second)
                    found.push_back(name + ": double-booked interpreter");
            }
        }
    }
    for (const auto& [p, count] : meetings_of)
        if (count > event.participants[p].max_meetings) found.push_back(event.participants[p].id + ": over max_meetings");
    return found;
}

double plan_value(const std::vector<CandidateMeeting>& candidates, const ExpoPlan& plan) {
    double value = 0;
    for (const auto& meeting : plan.meetings) value += candidates[meeting.candidate].value;
    return value;
}

ExpoSettings quick_settings() {
    ExpoSettings settings;
    settings.search_seconds = 0.5;
    return settings;
}

}  // namespace

TEST_CASE("expo: plans of generated events keep every hard constraint, also with infeasible musts and few interpreters") {
    for (unsigned seed = 1; seed <= 12; ++seed) {
        const auto generated = generate_event(seed, 30 + seed * 3, 8, 3 + seed % 4, seed % 3, 0.25);
        const ExpoPlan plan = plan_meetings(generated.event, generated.candidates, quick_settings());
        const auto problems = violations(generated.event, generated.candidates, plan);
        INFO("seed " << seed << ": " << (problems.empty() ? std::string() : problems.front()));
        CHECK(problems.empty());
        CHECK(plan.meetings.size() > 0);
        CHECK(plan.stats.value == doctest::Approx(plan_value(generated.candidates, plan)));
        CHECK(plan.stats.value <= plan.stats.upper_bound + 1e-9);
        // Every must is either scheduled or listed with a reason.
        std::set<std::size_t> scheduled;
        for (const auto& meeting : plan.meetings) scheduled.insert(meeting.candidate);
        for (std::size_t c = 0; c < generated.candidates.size(); ++c) {
            if (generated.candidates[c].request != RequestPriority::must || scheduled.contains(c)) continue;
            const auto listed = std::find_if(plan.unscheduled_must.begin(), plan.unscheduled_must.end(),
                                             [c](const UnscheduledMust& must) { return must.candidate == c; });
            REQUIRE(listed != plan.unscheduled_must.end());
            CHECK_FALSE(listed->reason.empty());
        }
    }
}

TEST_CASE("expo: a must request without a common slot or without an interpreter is reported with its reason") {
    ExpoEvent event;
    event.slots = {{"s1", "2027-06-15T09:00", "2027-06-15T09:30"}, {"s2", "2027-06-15T09:30", "2027-06-15T10:00"}};
    event.tables = {{"T1"}};
    event.participants = {{"zh-a", "甲", {Language::zh}, {}, {0}, 2},
                          {"ru-b", "Б", {Language::ru}, {}, {1}, 2},
                          {"ru-c", "В", {Language::ru}, {}, {0, 1}, 2}};
    std::vector<CandidateMeeting> candidates(2);
    candidates[0] = {0, 1, 0.9, "", "", {}, RequestPriority::must, true, 10.9};
    candidates[1] = {0, 2, 0.8, "", "", {}, RequestPriority::must, true, 10.8};
    const ExpoPlan plan = plan_meetings(event, candidates, quick_settings());
    CHECK(plan.meetings.empty());
    REQUIRE(plan.unscheduled_must.size() == 2);
    CHECK(plan.unscheduled_must[0].reason.find("no available slot in common") != std::string::npos);
    CHECK(plan.unscheduled_must[1].reason.find("interpreter") != std::string::npos);

    event.interpreters = {{"int-1", {Language::zh, Language::ru}, {0}}};
    const ExpoPlan with_interpreter = plan_meetings(event, candidates, quick_settings());
    REQUIRE(with_interpreter.meetings.size() == 1);
    CHECK(with_interpreter.meetings[0].interpreter == std::optional<std::size_t>(0));
    CHECK(violations(event, candidates, with_interpreter).empty());
}

TEST_CASE("expo: on small generated events the plan reaches at least 95% of the exact optimum") {
    double worst = 1;
    for (unsigned seed = 100; seed < 115; ++seed) {
        const auto generated = generate_event(seed, 10 + seed % 5, 5, 2 + seed % 2, seed % 2, 0.4);
        const ExpoPlan plan = plan_meetings(generated.event, generated.candidates, quick_settings());
        const auto optimum = exact_plan_value(generated.event, generated.candidates, {20});
        REQUIRE(optimum.has_value());
        CHECK(plan.stats.value <= *optimum + 1e-6);
        CHECK(*optimum <= plan.stats.upper_bound + 1e-6);
        if (*optimum > 0) worst = std::min(worst, plan.stats.value / *optimum);
    }
    MESSAGE("worst ratio to the optimum: " << worst);
    CHECK(worst >= 0.95);
}

TEST_CASE("expo: bad event files are rejected naming the entry") {
    const std::string good_start = R"({"slots": [{"id": "s1", "start": "2027-06-15T09:00:00+08:00", "end": "2027-06-15T09:30:00+08:00"}],
        "tables": [{"id": "T1", "capacity": 1}], )";
    auto rejected = [](const std::string& content) {
        try {
            read_expo_event("event.json", content);
        } catch (const InvalidInputError& error) {
            return std::string(error.what());
        }
        return std::string();
    };
    CHECK(rejected(good_start + R"("participants": [{"id": "a", "languages": ["zh"]}, {"id": "a", "languages": ["ru"]}]})")
              .find("participants[1] (\"a\"): duplicate participant id") != std::string::npos);
    CHECK(rejected(good_start + R"("participants": [{"id": "a", "languages": ["zh"], "available": ["s9"]}]})")
              .find("unknown slot \"s9\"") != std::string::npos);
    CHECK(rejected(good_start + R"("participants": [{"id": "a", "languages": ["zh"]}], "requests": [{"from": "a", "to": "ghost"}]})")
              .find("requests[0]: unknown participant \"ghost\"") != std::string::npos);
    CHECK(rejected(good_start + R"("participants": [{"id": "a", "languages": ["de"]}]})").find("unknown language \"de\"") !=
          std::string::npos);
    CHECK(rejected(R"({"slots": [{"id": "s1", "start": "9 am", "end": "10 am"}], "tables": [{"id": "T"}], "participants": []})")
              .find("slots[0] (\"s1\")") != std::string::npos);
    CHECK(rejected(good_start + R"("participants": [], "guests": []})").find("unknown field \"guests\"") != std::string::npos);
    CHECK(rejected("{not json").find("not valid JSON") != std::string::npos);
    CHECK(rejected(good_start + R"("participants": [{"id": "a", "languages": ["zh"]}]})").empty());
}

TEST_CASE("expo: candidate meetings come from matching the participants' documents across languages") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    ExpoEvent event = read_expo_event("event.json", R"({
      "slots": [{"id": "s1", "start": "2027-06-15T09:00", "end": "2027-06-15T09:30"}],
      "tables": [{"id": "T1"}],
      "participants": [
        {"id": "harbin-welding", "name": "哈尔滨某焊接企业", "languages": ["zh"], "documents": ["t-dem-zh-1"]},
        {"id": "novosibirsk-laser", "name": "Лаборатория", "languages": ["ru"], "documents": ["t-off-ru-1"]},
        {"id": "omsk-catalyst", "name": "Катализаторы", "languages": ["ru"], "documents": ["t-off-ru-2"]}],
      "requests": [{"from": "harbin-welding", "to": "omsk-catalyst", "priority": "avoid"}],
      "interpreters": [{"id": "int", "languages": ["zh", "ru"]}]})");
    ExpoSettings settings;
    settings.min_score = 0.1;
    const auto candidates = find_candidate_meetings(paths, ServiceContext::builtin().matching_data(), event, settings);
    const auto welding = std::find_if(candidates.begin(), candidates.end(),
                                      [](const CandidateMeeting& m) { return m.a == 0 && m.b == 1; });
    REQUIRE(welding != candidates.end());
    CHECK(welding->score > 0.1);
    CHECK(welding->needs_interpreter);
    CHECK_FALSE(welding->reasons.empty());
    for (const auto& m : candidates) CHECK_FALSE((m.a == 0 && m.b == 2));  // avoided

    const ExpoPlan plan = plan_meetings(event, candidates, quick_settings());
    REQUIRE(plan.meetings.size() == 1);
    CHECK(plan.meetings[0].interpreter.has_value());

    event.participants[0].documents.push_back("no-such-document");
    CHECK_THROWS_WITH_AS(find_candidate_meetings(paths, ServiceContext::builtin().matching_data(), event, settings),
                         doctest::Contains("participant \"harbin-welding\": document \"no-such-document\""),
                         InvalidInputError);
}

TEST_CASE("expo: the schedule CSV, the agendas in each participant's language and the calendars") {
    ExpoEvent event;
    event.name = "Harbin fair";
    event.slots = {{"s1", "2027-06-15T09:00:00+08:00", "2027-06-15T09:30:00+08:00"}};
    event.tables = {{"T1"}};
    event.participants = {{"zh-a", "哈尔滨某企业, \"北方\"", {Language::zh}, {}, {0}, 1},
                          {"ru-b", "Институт <лазеров>", {Language::ru}, {}, {0}, 1}};
    event.interpreters = {{"int-1", {Language::zh, Language::ru}, {0}}};
    std::vector<CandidateMeeting> candidates(1);
    candidates[0] = {0, 1, 0.72, "dem-1", "off-1", {"激光焊接 ↔ лазерная сварка; a very long reason " + std::string(120, 'x')},
                     std::nullopt, true, 0.72};
    const ExpoPlan plan = plan_meetings(event, candidates, quick_settings());
    REQUIRE(plan.meetings.size() == 1);

    const std::string csv = schedule_csv(event, candidates, plan);
    std::istringstream lines(csv);
    std::string header, row;
    std::getline(lines, header);
    std::getline(lines, row);
    CHECK(header == "slot,start,end,table,a,a_name,b,b_name,interpreter,score,request,reasons");
    CHECK(row.starts_with("s1,2027-06-15T09:00:00+08:00,2027-06-15T09:30:00+08:00,T1,zh-a,\"哈尔滨某企业, \"\"北方\"\"\",ru-b,"));
    CHECK(row.find(",int-1,0.720,,") != std::string::npos);

    const std::map<std::string, std::string> titles = {{"off-1", "Лазерная сварка"}};
    const std::string chinese = agenda_html(event, candidates, plan, 0, titles);
    CHECK(chinese.find("<html lang=\"zh\">") != std::string::npos);
    CHECK(chinese.find("会谈日程") != std::string::npos);
    CHECK(chinese.find("Институт &lt;лазеров&gt;") != std::string::npos);
    const std::string russian = agenda_html(event, candidates, plan, 1, titles);
    CHECK(russian.find("Расписание встреч") != std::string::npos);
    CHECK(russian.find("Лазерная сварка") != std::string::npos);

    const std::string calendar = agenda_ics(event, candidates, plan, 0);
    std::istringstream ics(calendar);
    std::string line;
    int depth = 0, events = 0;
    bool folded_ok = true;
    std::string start;
    while (std::getline(ics, line)) {
        CHECK(line.ends_with("\r"));
        folded_ok = folded_ok && line.size() <= 76;  // 75 octets and the CR
        if (line.starts_with("BEGIN:")) ++depth;
        if (line.starts_with("END:")) --depth;
        if (line == "BEGIN:VEVENT\r") ++events;
        if (line.starts_with("DTSTART:")) start = line;
    }
    CHECK(depth == 0);
    CHECK(events == 1);
    CHECK(folded_ok);
    CHECK(start == "DTSTART:20270615T010000Z\r");
    CHECK(ical_date_time("2027-06-15T09:00") == std::optional<std::string>("20270615T090000"));
    CHECK_FALSE(ical_date_time("2027-02-30T09:00").has_value());
}

namespace {

/// An event of `participants` participants (alternately Chinese and Russian speakers, no
/// documents) over `slots` slots and 4 tables.
ExpoEvent sized_event(std::size_t participants, std::size_t slots) {
    ExpoEvent event;
    for (std::size_t s = 0; s < slots; ++s) {
        const std::size_t minutes = 9 * 60 + s * 5;
        char start[32], end[32];
        std::snprintf(start, sizeof start, "2027-06-15T%02zu:%02zu", minutes / 60 % 24, minutes % 60);
        std::snprintf(end, sizeof end, "2027-06-15T%02zu:%02zu", (minutes + 4) / 60 % 24, (minutes + 4) % 60);
        event.slots.push_back({"s" + std::to_string(s), start, end});
    }
    for (std::size_t t = 0; t < 4; ++t) event.tables.push_back({"T" + std::to_string(t)});
    for (std::size_t p = 0; p < participants; ++p) {
        ExpoParticipant participant;
        participant.id = "p" + std::to_string(p);
        participant.name = p % 2 ? "Участник " + std::to_string(p) : "参展商 " + std::to_string(p);
        participant.languages = {p % 2 ? Language::ru : Language::zh};
        for (std::size_t s = 0; s < slots; ++s) participant.available.push_back(s);
        participant.max_meetings = slots;
        event.participants.push_back(std::move(participant));
    }
    return event;
}

std::string refusal(const StoragePaths& paths, const ExpoEvent& event, const ExpoSettings& settings) {
    try {
        plan_event(paths, ServiceContext::builtin().matching_data(), event, settings);
    } catch (const InvalidInputError& error) {
        return error.what();
    }
    return "(planned)";
}

}  // namespace

TEST_CASE("expo: an event over a size limit of corpus/expo.json is refused naming the limit, the figure and what to do") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    ExpoSettings settings = ExpoSettings::builtin();
    settings.search_seconds = 0.1;
    const auto over = [](int limit) { return static_cast<std::size_t>(limit) + 1; };

    const std::string participants = refusal(paths, sized_event(over(settings.max_participants), 4), settings);
    INFO(participants);
    CHECK(participants.find("the event has " + std::to_string(over(settings.max_participants)) + " participants, more than max_participants (" +
                            std::to_string(settings.max_participants) + ") in corpus/expo.json") != std::string::npos);
    CHECK(participants.find("split the event into smaller ones, or raise max_participants in corpus/expo.json") !=
          std::string::npos);

    // Requests between every pair of enough participants, up to one over the limit.
    std::size_t people = 2;
    while (people * (people - 1) / 2 < over(settings.max_requests)) ++people;
    ExpoEvent requested = sized_event(people, 4);
    for (std::size_t a = 0; a < people && requested.requests.size() < over(settings.max_requests); ++a)
        for (std::size_t b = a + 1; b < people && requested.requests.size() < over(settings.max_requests); ++b)
            requested.requests.push_back({a, b, RequestPriority::nice});
    const std::string requests = refusal(paths, requested, settings);
    INFO(requests);
    CHECK(requests.find(std::to_string(over(settings.max_requests)) + " meeting requests, more than max_requests (" +
                        std::to_string(settings.max_requests) + ")") != std::string::npos);

    const std::vector<std::string> stored = {"t-off-ru-1", "t-off-ru-2", "t-off-en-1", "t-dem-zh-1", "t-dem-zh-2", "t-kn-en-1"};
    ExpoEvent documented = sized_event(2, 4);
    for (std::size_t d = 0; d < over(settings.max_documents_per_participant); ++d)
        documented.participants[1].documents.push_back(stored[d % stored.size()]);
    const std::string documents = refusal(paths, documented, settings);
    INFO(documents);
    CHECK(documents.find("participant \"p1\" lists " + std::to_string(over(settings.max_documents_per_participant)) +
                         " documents, more than max_documents_per_participant (" +
                         std::to_string(settings.max_documents_per_participant) + ")") != std::string::npos);
    CHECK(documents.find("list only its most relevant documents") != std::string::npos);

    const std::string slots = refusal(paths, sized_event(2, over(settings.max_slots)), settings);
    INFO(slots);
    CHECK(slots.find(std::to_string(over(settings.max_slots)) + " slots, more than max_slots (" +
                     std::to_string(settings.max_slots) + ")") != std::string::npos);

    ExpoEvent interpreted = sized_event(2, 4);
    for (std::size_t i = 0; i < over(settings.max_interpreters); ++i)
        interpreted.interpreters.push_back({"i" + std::to_string(i), {Language::zh, Language::ru}, {0, 1, 2, 3}});
    const std::string interpreters = refusal(paths, interpreted, settings);
    INFO(interpreters);
    CHECK(interpreters.find(std::to_string(over(settings.max_interpreters)) + " interpreters, more than max_interpreters (" +
                            std::to_string(settings.max_interpreters) + ")") != std::string::npos);

    // The refusal is its own type (still invalid input, HTTP 400).
    CHECK_THROWS_AS(plan_event(paths, ServiceContext::builtin().matching_data(), sized_event(over(settings.max_participants), 4), settings), EventTooLargeError);
}

TEST_CASE("expo: each participant keeps its best-matching partners, requested ones on top, avoided ones never") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    // 30 Chinese participants bring the same demand, 30 Russian ones the same offer: every
    // Chinese-Russian pair matches equally well, 900 pairs in all, one of them avoided.
    ExpoEvent event = sized_event(60, 4);
    for (std::size_t p = 0; p < 60; ++p) event.participants[p].documents = {p % 2 ? "t-off-ru-1" : "t-dem-zh-1"};
    event.requests = {{0, 59, RequestPriority::must}, {2, 57, RequestPriority::nice}, {4, 1, RequestPriority::avoid}};
    ExpoSettings settings;
    settings.min_score = 0.1;
    settings.candidates_per_participant = 1000;
    const auto everyone = find_candidate_meetings(paths, ServiceContext::builtin().matching_data(), event, settings);
    CHECK(everyone.size() == 900 - 1);  // the avoided pair

    settings.candidates_per_participant = 3;
    const auto kept = find_candidate_meetings(paths, ServiceContext::builtin().matching_data(), event, settings);
    std::map<std::size_t, std::size_t> partners;
    for (const auto& m : kept) ++partners[m.a], ++partners[m.b];
    const auto most = std::max_element(partners.begin(), partners.end(),
                                       [](const auto& x, const auto& y) { return x.second < y.second; });
    REQUIRE(most != partners.end());
    // At most three partners of its own choice plus those that chose it and the requested ones.
    CHECK(kept.size() <= 60 * 3 + 2);
    CHECK(kept.size() >= 30 * 3);
    CHECK(partners.size() == 60);  // nobody is left without a candidate
    auto find = [&kept](std::size_t a, std::size_t b) {
        return std::find_if(kept.begin(), kept.end(), [a, b](const CandidateMeeting& m) { return m.a == a && m.b == b; });
    };
    const auto must = find(0, 59), nice = find(2, 57);
    REQUIRE(must != kept.end());
    REQUIRE(nice != kept.end());
    CHECK(must->request == RequestPriority::must);
    CHECK(must->score > 0.1);
    CHECK(must->document_a == "t-dem-zh-1");
    CHECK(must->document_b == "t-off-ru-1");
    CHECK(nice->request == RequestPriority::nice);
    CHECK(find(1, 4) == kept.end());  // avoided
    CHECK(find(0, 1) != kept.end());  // the first of p0's equally good partners
    CHECK(std::is_sorted(kept.begin(), kept.end(), [](const CandidateMeeting& x, const CandidateMeeting& y) {
        return std::pair(x.a, x.b) < std::pair(y.a, y.b);
    }));
}

TEST_CASE("expo: a search that runs out of time returns the best plan found so far, flagged as time-limited") {
    const auto generated = generate_event(7, 400, 16, 40, 4, 0.08);
    REQUIRE(generated.candidates.size() > 5000);
    ExpoSettings settings;
    settings.search_seconds = 0.05;
    const ExpoPlan plan = plan_meetings(generated.event, generated.candidates, settings);
    CHECK(plan.stats.time_limited);
    CHECK(plan.stats.constructions >= 1);
    CHECK(plan.stats.constructions < static_cast<std::size_t>(settings.restarts));
    CHECK(plan.stats.seconds < 1.0);  // the search's 0.05 s, gaps 0.005 s, reporting
    CHECK(plan.meetings.size() > 0);
    CHECK(violations(generated.event, generated.candidates, plan).empty());
    CHECK(plan.stats.value == doctest::Approx(plan_value(generated.candidates, plan)));
    const nlohmann::json report = plan_json(generated.event, generated.candidates, plan);
    CHECK(report["stats"]["time_limited"] == true);

    // A small event tries every construction well within its time: not time-limited.
    const auto small = generate_event(8, 12, 5, 2, 1, 0.4);
    settings.search_seconds = 30;
    const ExpoPlan complete = plan_meetings(small.event, small.candidates, settings);
    CHECK_FALSE(complete.stats.time_limited);
    CHECK(complete.stats.constructions == static_cast<std::size_t>(settings.restarts));
    CHECK(complete.stats.seconds < 10);
    CHECK(plan_json(small.event, small.candidates, complete)["stats"]["time_limited"] == false);
}

TEST_CASE("expo: GLPK is given no program with more placements than glpk_max_columns") {
    const auto generated = generate_event(3, 12, 5, 2, 1, 0.4);
    const ExpoPlan plan = plan_meetings(generated.event, generated.candidates, quick_settings());
    const auto relaxed = relaxed_plan_bound(generated.event, generated.candidates, {5});
    const auto exact = exact_plan_value(generated.event, generated.candidates, {20});
    REQUIRE(relaxed.has_value());
    REQUIRE(exact.has_value());
    CHECK(*exact <= *relaxed + 1e-6);
    CHECK(plan.stats.value <= *exact + 1e-6);
    REQUIRE(plan.meetings.size() > 0);  // so both programs have columns: the smallest limit refuses them
    const GlpkLimits tight{20, 0};
    CHECK_FALSE(relaxed_plan_bound(generated.event, generated.candidates, tight).has_value());
    CHECK_FALSE(exact_plan_value(generated.event, generated.candidates, tight).has_value());
}

TEST_CASE("expo: an event of moderate size is planned from the store") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    ExpoEvent event = sized_event(40, 8);
    for (std::size_t p = 0; p < 40; ++p) {
        event.participants[p].documents = {p % 2 ? "t-off-ru-1" : "t-dem-zh-1"};
        if (p % 4 == 1) event.participants[p].documents.push_back("t-off-ru-2");
        event.participants[p].max_meetings = 4;
    }
    event.requests = {{0, 3, RequestPriority::must}, {2, 5, RequestPriority::nice}};
    event.interpreters = {{"int-1", {Language::zh, Language::ru}, {0, 1, 2, 3, 4, 5, 6, 7}},
                          {"int-2", {Language::zh, Language::ru}, {0, 1, 2, 3, 4, 5, 6, 7}}};
    ExpoSettings settings = ExpoSettings::builtin();
    settings.min_score = 0.1;
    settings.search_seconds = 0.5;
    const EventPlan planned = plan_event(paths, ServiceContext::builtin().matching_data(), event, settings);
    CHECK(planned.candidates.size() >= 40);
    CHECK(planned.plan.meetings.size() == 16);  // two interpreters in eight slots: every Chinese-Russian meeting needs one
    CHECK(violations(event, planned.candidates, planned.plan).empty());
    CHECK(planned.plan.unscheduled_must.empty());
    CHECK(planned.titles.size() == 3);
}

TEST_SUITE("slow") {
TEST_CASE("expo: an event at every size limit is planned within its time with its candidates bounded per participant") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    const ExpoSettings& limits = ExpoSettings::builtin();
    const auto participants = static_cast<std::size_t>(limits.max_participants);
    ExpoEvent event = sized_event(participants, static_cast<std::size_t>(limits.max_slots));
    event.tables.resize(60, {"T"});
    for (std::size_t t = 0; t < event.tables.size(); ++t) event.tables[t].id = "T" + std::to_string(t);
    const std::vector<std::string> offers = {"t-off-ru-1", "t-off-ru-2", "t-off-en-1"}, demands = {"t-dem-zh-1", "t-dem-zh-2"};
    for (std::size_t p = 0; p < participants; ++p) {
        auto& documents = event.participants[p].documents;
        for (std::size_t d = 0; documents.size() < static_cast<std::size_t>(limits.max_documents_per_participant); ++d)
            documents.push_back(p % 2 ? offers[(p + d) % offers.size()] : demands[(p + d) % demands.size()]);
        event.participants[p].max_meetings = 8;
    }
    for (std::size_t r = 0; event.requests.size() < static_cast<std::size_t>(limits.max_requests); ++r)
        event.requests.push_back({2 * (r % (participants / 2)), (2 * (r / (participants / 2)) + 1 + 2 * r) % participants,
                                  r % 3 ? RequestPriority::nice : RequestPriority::must});
    std::sort(event.requests.begin(), event.requests.end(), [](const ExpoRequest& x, const ExpoRequest& y) {
        return std::minmax(x.from, x.to) < std::minmax(y.from, y.to);
    });
    event.requests.erase(std::unique(event.requests.begin(), event.requests.end(),
                                     [](const ExpoRequest& x, const ExpoRequest& y) {
                                         return std::minmax(x.from, x.to) == std::minmax(y.from, y.to);
                                     }),
                         event.requests.end());
    for (std::size_t i = 0; i < static_cast<std::size_t>(limits.max_interpreters); ++i)
        event.interpreters.push_back({"i" + std::to_string(i), {Language::zh, Language::ru}, event.participants[0].available});
    ExpoSettings settings = limits;
    settings.min_score = 0.1;  // every Chinese-Russian pair is a candidate before the cap: 250,000 pairs
    const auto started = std::chrono::steady_clock::now();
    const EventPlan planned = plan_event(paths, ServiceContext::builtin().matching_data(), event, settings);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    MESSAGE(planned.candidates.size() << " candidates, " << planned.plan.meetings.size() << " meetings in " << seconds << " s");
    CHECK(planned.candidates.size() <=
          participants * static_cast<std::size_t>(limits.candidates_per_participant) + event.requests.size());
    CHECK(planned.plan.meetings.size() > participants);
    CHECK(violations(event, planned.candidates, planned.plan).empty());
    CHECK(planned.plan.stats.seconds < settings.search_seconds * 1.1 + 1);
    CHECK(seconds < 60);
}
}
