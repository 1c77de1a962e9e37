#include <fstream>
#include <iostream>
#include <sstream>

#include "arguments.h"
#include "commands.h"
#include "event_planning.h"
#include "expo_planning.h"
#include "plan_report.h"
#include "service_context.h"
#include "store_access.h"

namespace techbridge::cli {

namespace {

const CommandSpec expo_plan_spec{
    "expo plan",
    "usage: techbridge expo plan --db DIR --event FILE [--out DIR] [--json]\n"
    "\n"
    "Plans the B2B meetings of a technology fair: who meets whom, when, at which table, with\n"
    "an interpreter where the two sides share no language. Candidate meetings come from\n"
    "matching the participants' documents (offer side against demand side) and from their\n"
    "requests; \"avoid\" is never scheduled, \"must\" whenever possible. The event file is\n"
    "described in docs/expo.md. Events over the size limits of corpus/expo.json\n"
    "(participants, documents per participant, requests, slots, interpreters) are refused.\n"
    "\n"
    "  --out DIR   also write DIR/schedule.csv, DIR/agendas/ID.html (in each participant's\n"
    "              language) and DIR/calendars/ID.ics\n"
    "  --json      {\"meetings\": [...], \"unscheduled_must\": [...], \"stats\": {...}, \"event\", \"titles\"},\n"
    "              as POST /api/expo/plan\n",
    {"db", "event", "out"},
    {"json"}};

}  // namespace

int run_expo(int argc, char** argv) {
    if (argc < 3 || std::string_view(argv[2]) != "plan") {
        if (argc >= 3 && (std::string_view(argv[2]) == "--help" || std::string_view(argv[2]) == "-h")) {
            std::cout << expo_plan_spec.usage;
            return exit_ok;
        }
        throw UsageError("the expo command is `techbridge expo plan --db DIR --event FILE`");
    }
    const Arguments args(expo_plan_spec, argc, argv, 3);
    if (args.help()) {
        std::cout << expo_plan_spec.usage;
        return exit_ok;
    }
    if (!args.positional().empty()) throw UsageError("unexpected argument \"" + args.positional().front() + "\"");
    const StoragePaths paths{args.required("db")};
    open_existing_store(paths);
    const std::string event_path = args.required("event");
    std::ifstream input(event_path, std::ios::binary);
    if (!input) throw Error("cannot read " + event_path);
    std::ostringstream content;
    content << input.rdbuf();
    const std::string text = content.str();
    const PlannedEvent planned = plan_expo(paths, ServiceContext::builtin(), {event_path, text});
    if (const auto out = args.value("out"))
        write_plan_files(*out, planned.event, planned.planned.candidates, planned.planned.plan, planned.planned.titles);

    const nlohmann::json report = to_json(planned);
    if (args.flag("json")) {
        std::cout << report.dump(2) << '\n';
        return exit_ok;
    }
    for (const auto& meeting : report["meetings"]) {
        std::cout << meeting["slot"].get<std::string>() << "  " << meeting["table"].get<std::string>() << "  "
                  << meeting["a"].get<std::string>() << " — " << meeting["b"].get<std::string>();
        if (!meeting["interpreter"].is_null()) std::cout << "  (interpreter " << meeting["interpreter"].get<std::string>() << ")";
        std::cout << "  " << meeting["score"].get<double>() << '\n';
    }
    for (const auto& must : report["unscheduled_must"])
        std::cout << "not scheduled (must): " << must["a"].get<std::string>() << " — " << must["b"].get<std::string>()
                  << ": " << must["reason"].get<std::string>() << '\n';
    const auto& stats = report["stats"];
    std::cout << stats["meetings"] << " meeting(s) from " << stats["candidates"] << " candidate(s); value "
              << stats["value"] << " of at most " << stats["upper_bound"];
    if (stats.contains("optimum")) std::cout << " (exact optimum " << stats["optimum"] << ")";
    std::cout << "; " << stats["idle_gaps"] << " idle gap(s); " << stats["seconds"] << " s\n";
    if (stats["time_limited"].get<bool>())
        std::cout << "the search stopped at its time limit (search_seconds in corpus/expo.json) after "
                  << stats["constructions"] << " construction(s): this is the best plan found by then\n";
    if (const auto out = args.value("out")) std::cout << "files written to " << *out << '\n';
    return exit_ok;
}

}  // namespace techbridge::cli
