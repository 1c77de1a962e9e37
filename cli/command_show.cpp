#include <iostream>

#include "arguments.h"
#include "commands.h"
#include "document_store.h"
#include "storage_paths.h"

namespace techbridge::cli {

namespace {

const CommandSpec show_spec{
    "show",
    "usage: techbridge show --db DIR [--json] ID\n"
    "\n"
    "Shows a stored document with every field, where it came from and its revision.\n",
    {"db"},
    {"json"}};

const CommandSpec stats_spec{
    "stats",
    "usage: techbridge stats --db DIR [--json]\n"
    "\n"
    "Counts the stored documents by kind and by language.\n",
    {"db"},
    {"json"}};

DocumentStore open_existing_store(const StoragePaths& paths) {
    if (!std::filesystem::exists(paths.store_file()))
        throw Error("no document store at " + paths.store_file().string() + "; index some documents first");
    return DocumentStore(paths.store_file());
}

}  // namespace

int run_show(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(show_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths{args.required("db")};
    if (args.positional().size() != 1) throw UsageError("give exactly one document id");
    const std::string& id = args.positional().front();
    DocumentStore store = open_existing_store(paths);
    const auto stored = store.get(id);
    if (!stored) {
        std::cerr << "techbridge show: no document with id \"" << id << "\"\n";
        return exit_failure;
    }
    nlohmann::json out = stored->document.to_json();
    if (args.flag("json")) {
        out["lang_detected"] = stored->document.lang_detected;
        out["source"] = {{"path", stored->source.path}, {"line", stored->source.line}};
        out["revision"] = stored->revision;
        out["updated_at"] = stored->updated_at;
        std::cout << out.dump(2) << '\n';
        return exit_ok;
    }
    for (const auto& [key, value] : out.items()) {
        if (key == "body") continue;
        std::cout << key << ": " << (value.is_string() ? value.get<std::string>() : value.dump()) << '\n';
    }
    std::cout << "source: " << stored->source.path << ":" << stored->source.line << " (revision " << stored->revision
              << ")\n\n"
              << stored->document.body << '\n';
    return exit_ok;
}

int run_stats(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(stats_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths{args.required("db")};
    DocumentStore store = open_existing_store(paths);
    const DocumentCounts counts = store.counts();
    if (args.flag("json")) {
        const nlohmann::json out = {
            {"documents", {{"total", counts.total}, {"by_kind", counts.by_kind}, {"by_lang", counts.by_lang}}}};
        std::cout << out.dump(2) << '\n';
        return exit_ok;
    }
    std::cout << counts.total << " document(s)\n";
    for (const auto& [kind, n] : counts.by_kind) std::cout << "  " << kind << ": " << n << '\n';
    for (const auto& [lang, n] : counts.by_lang) std::cout << "  " << lang << ": " << n << '\n';
    return exit_ok;
}

}  // namespace techbridge::cli
