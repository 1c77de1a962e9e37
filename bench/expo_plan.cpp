// Planning a large fair: 500 participants, 16 slots, 60 tables, 20 interpreters (defaults),
// with documents from the bundled corpus. Prints the time and how close the plan comes to
// the upper bound (and to the exact optimum when the event is small enough to solve), and
// the process's peak resident memory.
//
//   build/bench/expo_plan [--participants N] [--documents D] [--requests R] [--slots S] [--tables T] [--interpreters I] [--db DIR]
//
// --documents: documents per participant (default: one or two at random); --requests:
// meeting requests drawn (default: one per ten participants; a pair drawn twice counts once).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>

#include <sys/resource.h>

#include "dictionaries.h"
#include "document_store.h"
#include "errors.h"
#include "event_planning.h"
#include "ingestion.h"

using namespace techbridge;
namespace fs = std::filesystem;

namespace {

/// The most resident memory the process has held, from getrusage (Linux: kilobytes).
void print_peak_memory() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak resident memory: %.0f MB\n", static_cast<double>(usage.ru_maxrss) / 1024.0);
}

struct FairSize {
    std::size_t participants = 500, documents = 0, requests = 0, slots = 16, tables = 60, interpreters = 20;
};

void add_slots_and_tables(const FairSize& size, ExpoEvent& event) {
    for (std::size_t s = 0; s < size.slots; ++s) {
        const std::size_t minutes = 9 * 60 + s * 30;
        char start[64], end[64];
        std::snprintf(start, sizeof start, "2027-06-15T%02zu:%02zu:00+08:00", minutes / 60, minutes % 60);
        std::snprintf(end, sizeof end, "2027-06-15T%02zu:%02zu:00+08:00", (minutes + 25) / 60, (minutes + 25) % 60);
        event.slots.push_back({"s" + std::to_string(s), start, end});
    }
    for (std::size_t t = 0; t < size.tables; ++t) event.tables.push_back({"T" + std::to_string(t)});
}

// Russian participants (even) bring offers, Chinese ones (odd) demands.
void add_participants(const FairSize& size, const std::vector<std::string>& offers, const std::vector<std::string>& demands,
                      std::mt19937& random, ExpoEvent& event) {
    std::uniform_real_distribution<double> unit(0, 1);
    for (std::size_t p = 0; p < size.participants; ++p) {
        const bool russian = p % 2 == 0;
        ExpoParticipant participant;
        participant.id = (russian ? "ru-" : "cn-") + std::to_string(p);
        participant.name = participant.id;
        participant.languages = russian ? std::vector<Language>{Language::ru} : std::vector<Language>{Language::zh};
        if (unit(random) < 0.3) participant.languages.push_back(Language::en);
        const auto& pool = russian ? offers : demands;
        const std::size_t count = size.documents > 0 ? size.documents : 1 + random() % 2;
        for (std::size_t d = 0; d < count; ++d) participant.documents.push_back(pool[random() % pool.size()]);
        for (std::size_t s = 0; s < size.slots; ++s)
            if (unit(random) < 0.75) participant.available.push_back(s);
        participant.max_meetings = 4 + random() % 5;
        event.participants.push_back(std::move(participant));
    }
}

void add_requests_and_interpreters(const FairSize& size, std::mt19937& random, ExpoEvent& event) {
    std::uniform_real_distribution<double> unit(0, 1);
    for (std::size_t r = 0; r < (size.requests > 0 ? size.requests : size.participants / 10); ++r) {
        const std::size_t from = 2 * (random() % (size.participants / 2)) + 1, to = 2 * (random() % (size.participants / 2));
        const double draw = unit(random);
        event.requests.push_back({from, to, draw < 0.4 ? RequestPriority::must : draw < 0.8 ? RequestPriority::nice : RequestPriority::avoid});
    }
    // One request per pair.
    std::sort(event.requests.begin(), event.requests.end(), [](const ExpoRequest& a, const ExpoRequest& b) {
        return std::pair(a.from, a.to) < std::pair(b.from, b.to);
    });
    event.requests.erase(std::unique(event.requests.begin(), event.requests.end(),
                                     [](const ExpoRequest& a, const ExpoRequest& b) { return a.from == b.from && a.to == b.to; }),
                         event.requests.end());
    for (std::size_t i = 0; i < size.interpreters; ++i) {
        ExpoInterpreter interpreter{"int-" + std::to_string(i), {Language::zh, Language::ru}, {}};
        if (i % 4 == 0) interpreter.languages.push_back(Language::en);
        for (std::size_t s = 0; s < size.slots; ++s)
            if (unit(random) < 0.8) interpreter.available.push_back(s);
        event.interpreters.push_back(std::move(interpreter));
    }
}

void print_plan(const FairSize& size, const ExpoEvent& event, const EventPlan& planned, double seconds) {
    const PlanStatistics& stats = planned.plan.stats;
    std::printf("event: %zu participants, %zu slots, %zu tables, %zu interpreters, %zu requests\n", size.participants,
                size.slots, size.tables, size.interpreters, event.requests.size());
    std::printf("candidate meetings: %zu; scheduled: %zu; unscheduled musts: %zu; idle gaps: %zu\n", stats.candidates,
                stats.meetings, planned.plan.unscheduled_must.size(), stats.idle_gaps);
    std::printf("plan in %.1f s (candidates and planning; planner alone %.1f s) (goal: <= 10 s)\n", seconds, stats.seconds);
    std::printf("value %.2f, upper bound %.2f: ratio %.3f", stats.value, stats.upper_bound,
                stats.upper_bound > 0 ? stats.value / stats.upper_bound : 1.0);
    if (stats.optimum) std::printf("; exact optimum %.2f: ratio %.3f", *stats.optimum, stats.value / *stats.optimum);
    std::printf("\nconstructions: %zu%s\n", stats.constructions,
                stats.time_limited ? " (time-limited: the best plan found within search_seconds)" : "");
}

}  // namespace

int main(int argc, char** argv) {
    FairSize size;
    fs::path db = fs::temp_directory_path() / "techbridge-expo-bench";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--participants")) size.participants = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--documents")) size.documents = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--requests")) size.requests = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--slots")) size.slots = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--tables")) size.tables = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--interpreters")) size.interpreters = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--db")) db = argv[i + 1];
        else {
            std::fprintf(stderr, "usage: expo_plan [--participants N] [--documents D] [--requests R] [--slots S] [--tables T] [--interpreters I] [--db DIR]\n");
            return 2;
        }
    }
    const StoragePaths paths{db};
    if (!fs::exists(paths.index_dir())) Ingestion(paths, {}, KnowledgeBase::builtin()).run({fs::path(TECHBRIDGE_SOURCE_DIR) / "corpus" / "documents"});
    std::vector<std::string> offers, demands;
    {
        DocumentStore store(paths.store_file());
        offers = store.ids_of_kind("offer");
        demands = store.ids_of_kind("demand");
    }
    std::mt19937 random(42);
    ExpoEvent event;
    event.name = "generated fair";
    add_slots_and_tables(size, event);
    add_participants(size, offers, demands, random, event);
    add_requests_and_interpreters(size, random, event);

    const auto start = std::chrono::steady_clock::now();
    EventPlan planned;
    try {
        planned = plan_event(paths, MatchingData{KnowledgeBase::builtin(), MatchingSettings::builtin(), Dictionaries::installed()}, event, ExpoSettings::builtin());
    } catch (const Error& error) {  // an event over a limit of corpus/expo.json is refused
        std::printf("refused: %s\n", error.what());
        print_peak_memory();
        return 1;
    }
    print_plan(size, event, planned, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    print_peak_memory();
    return 0;
}
