#include <iostream>

#include "arguments.h"
#include "writer_lock.h"
#include "commands.h"
#include "index_synchronizer.h"
#include "ingestion.h"
#include "store_access.h"
#include "terminal_progress.h"

namespace techbridge::cli {

namespace {

const CommandSpec index_spec{
    "index",
    "usage: techbridge index --db DIR [--strict] PATH...\n"
    "\n"
    "Stores and indexes documents from PATH (files or folders; .md with a front-matter\n"
    "header, one document per file, and .jsonl, one document per line).\n"
    "Invalid records are reported as file:line: field: problem; the others are stored.\n"
    "Re-indexing the same files changes nothing; a changed document replaces its old\n"
    "version (which the store keeps in its history).\n"
    "\n"
    "  --db DIR     the database directory (created if needed)\n"
    "  --strict     store nothing if any record is rejected\n"
    "\n"
    "Exit status: 0 all stored, 3 some records rejected, 1 failure, 2 usage error.\n",
    {"db"},
    {"strict"}};

const CommandSpec reindex_spec{
    "reindex",
    "usage: techbridge reindex --db DIR\n"
    "\n"
    "Rebuilds the search index from the document store (the source of truth). The new\n"
    "index is built beside the old one and swapped in when complete.\n",
    {"db"},
    {}};

}  // namespace

int run_index(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(index_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths{args.required("db")};
    if (args.positional().empty()) throw UsageError("give at least one file or folder to index");
    std::vector<std::filesystem::path> inputs(args.positional().begin(), args.positional().end());

    IngestionOptions options;
    options.strict = args.flag("strict");
    options.progress = terminal_progress();
    options.command = "index";
    const IngestionReport report = Ingestion(paths, options, KnowledgeBase::builtin()).run(inputs);
    finish_terminal_progress();

    for (const auto& problem : report.rejected) std::cerr << problem.to_string() << '\n';
    const auto& s = report.summary;
    if (!report.stored) {
        std::cerr << "nothing stored: " << s.rejected << " record(s) rejected and --strict was given\n";
        return exit_rejected;
    }
    std::cout << report.files << " file(s), " << report.records << " record(s): " << s.added << " added, " << s.updated
              << " updated, " << s.unchanged << " unchanged, " << s.rejected << " rejected; " << report.indexed
              << " indexed\n";
    return s.rejected > 0 ? exit_rejected : exit_ok;
}

int run_reindex(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(reindex_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    if (!args.positional().empty()) throw UsageError("reindex takes no paths; it rebuilds from the store");
    const StoragePaths paths{args.required("db")};
    DocumentStore store = open_existing_store(paths, StoreAccess::existing);
    const WriterLock lock(paths);
    const KnowledgeBase& knowledge = KnowledgeBase::builtin();
    TextAnalyzer analyzer(knowledge.han_words());
    const SyncReport report = IndexSynchronizer(paths, store, analyzer, terminal_progress(), knowledge).rebuild();
    finish_terminal_progress();
    std::cout << report.indexed << " document(s) reindexed\n";
    return exit_ok;
}

}  // namespace techbridge::cli
