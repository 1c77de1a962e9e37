// techbridge: the command-line entry point. Dispatches to one command per file.
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>

#include <xapian.h>

#include "arguments.h"
#include "commands.h"
#include "errors.h"

namespace {

/// The command that does what an error's remedy says, for the database folder it names.
std::string remedy_command(const techbridge::Error& error) {
    using techbridge::Remedy;
    const std::string db = error.database().string();
    switch (error.remedy()) {
        case Remedy::none: return "";
        case Remedy::import_documents: return "techbridge index --db " + db + " PATH...";
        case Remedy::rebuild_index:
            return "techbridge reindex --db " + db + " (or, with no documents yet, techbridge index --db " + db + " PATH...)";
        case Remedy::upgrade_store: return "techbridge reindex --db " + db;
        case Remedy::flush_store_changes: return "techbridge reindex --db " + db + ", with the folder writable";
        case Remedy::restore_store:
            return "copy store.sqlite from a backup into " + db + " (techbridge backup --db " + db + " --out NEW_DIR makes one)";
    }
    return "";
}

constexpr const char* overview =
    "usage: techbridge COMMAND [OPTIONS]\n"
    "\n"
    "Technology-transfer knowledge base for Russia's Far East and Siberia and Northeast China.\n"
    "\n"
    "commands:\n"
    "  index     store and index documents from .md and .jsonl files\n"
    "  search    search in Chinese, Russian or English\n"
    "  show      show one stored document\n"
    "  stats     count stored documents, concepts, sectors and regions\n"
    "  reindex   rebuild the search index from the store\n"
    "  concepts  list or look up thesaurus concepts\n"
    "  coverage  show how well the thesaurus covers the stored documents\n"
    "  match     rank transfer candidates for a document or a text, with reasons\n"
    "  match-all the top candidates of every demand and offer, as CSV\n"
    "  landscape demands, offers and unmet demands per sector and region\n"
    "  eval      measure match quality against judged relevance\n"
    "  expo plan plan the B2B meetings of a technology fair\n"
    "  serve     serve the web interface and JSON API\n"
    "  check     verify that store and index agree (--repair puts them right)\n"
    "  export    write every stored document to a JSON Lines file\n"
    "  backup    copy store and index while the database stays in use\n"
    "  shard     split the index into shards for xapian-tcpsrv\n"
    "\n"
    "`techbridge COMMAND --help` describes a command.\n";

struct CommandEntry {
    std::string_view name;
    int (*run)(int, char**);
};

constexpr CommandEntry commands[] = {
    {"index", techbridge::cli::run_index},   {"search", techbridge::cli::run_search},
    {"show", techbridge::cli::run_show},     {"stats", techbridge::cli::run_stats},
    {"reindex", techbridge::cli::run_reindex}, {"serve", techbridge::cli::run_serve},
    {"concepts", techbridge::cli::run_concepts}, {"coverage", techbridge::cli::run_coverage},
    {"match", techbridge::cli::run_match},       {"match-all", techbridge::cli::run_match_all},
    {"landscape", techbridge::cli::run_landscape}, {"eval", techbridge::cli::run_eval},
    {"expo", techbridge::cli::run_expo},         {"check", techbridge::cli::run_check},
    {"export", techbridge::cli::run_export},     {"backup", techbridge::cli::run_backup},
    {"shard", techbridge::cli::run_shard},
};

}  // namespace

int main(int argc, char** argv) {
    using namespace techbridge::cli;
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0 ||
        std::strcmp(argv[1], "help") == 0) {
        std::cout << overview;
        return argc < 2 ? exit_usage : exit_ok;
    }
    const std::string_view name = argv[1];
    for (const auto& command : commands) {
        if (command.name != name) continue;
        try {
            return command.run(argc, argv);
        } catch (const UsageError& error) {
            std::cerr << "techbridge " << name << ": " << error.what() << "\n(see `techbridge " << name
                      << " --help`)\n";
            return exit_usage;
        } catch (const techbridge::Error& error) {
            std::cerr << "techbridge " << name << ": " << error.what() << '\n';
            if (const std::string command = remedy_command(error); !command.empty()) std::cerr << "  to do it: " << command << '\n';
            return exit_failure;
        } catch (const Xapian::Error& error) {
            std::cerr << "techbridge " << name << ": index error: " << error.get_description() << '\n';
            return exit_failure;
        } catch (const std::exception& error) {
            std::cerr << "techbridge " << name << ": " << error.what() << '\n';
            return exit_failure;
        }
    }
    std::cerr << "techbridge: unknown command \"" << name << "\"\n\n" << overview;
    return exit_usage;
}
