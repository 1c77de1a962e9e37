#include <iostream>

#include "arguments.h"
#include "commands.h"
#include "consistency_check.h"
#include "database_backup.h"
#include "index_sharding.h"
#include "store_access.h"

namespace techbridge::cli {

namespace {

const CommandSpec check_spec{
    "check",
    "usage: techbridge check --db DIR [--repair [--force]] [--json]\n"
    "\n"
    "Verifies that the store and the index agree: the store and the index files are sound,\n"
    "every stored document is indexed at its current revision with the current analysis,\n"
    "and the index holds nothing the store does not. Exit status 0 when they agree, 1 when\n"
    "not. --repair puts the index right from the store (the source of truth). It refuses to\n"
    "remove more than a few indexed documents the store lacks (over 10% of the index): that\n"
    "is a wrong or emptied store more often than a right one. --force removes them anyway.\n",
    {"db"},
    {"repair", "force", "json"}};

const CommandSpec export_spec{
    "export",
    "usage: techbridge export --db DIR --out FILE.jsonl\n"
    "\n"
    "Writes every stored document, one JSON object per line, exactly as stored: indexing\n"
    "the file into a new database and exporting it again gives the same file.\n",
    {"db", "out"},
    {}};

const CommandSpec shard_spec{
    "shard",
    "usage: techbridge shard --db DIR --shards N --out NEW_DIR\n"
    "\n"
    "Splits the index into N Xapian databases NEW_DIR/shard-0 ... NEW_DIR/shard-(N-1). Serve\n"
    "each with xapian-tcpsrv (or use the folders), then give search, match and serve\n"
    "--index LOC,LOC,... with --db DIR for the documents. See docs/scaling.md.\n",
    {"db", "shards", "out"},
    {}};

const CommandSpec backup_spec{
    "backup",
    "usage: techbridge backup --db DIR --out NEW_DIR\n"
    "\n"
    "Copies the store (SQLite's online backup) and the index (a consistent snapshot) into\n"
    "NEW_DIR, while the database stays in use. NEW_DIR must not exist or be empty.\n",
    {"db", "out"},
    {}};

void print(const ConsistencyReport& report) {
    std::cout << "store: " << report.stored << " document(s), " << report.store_check << '\n'
              << "index: " << report.indexed << " document(s), " << report.index_check
              << (report.index_version == report.expected_version ? ", current analysis version"
                                                                   : ", built with another analysis version")
              << '\n';
    auto list = [](const char* what, const std::vector<std::string>& ids) {
        if (ids.empty()) return;
        std::cout << ids.size() << ' ' << what << ':';
        for (std::size_t i = 0; i < ids.size() && i < 20; ++i) std::cout << ' ' << ids[i];
        std::cout << (ids.size() > 20 ? " ..." : "") << '\n';
    };
    list("stored document(s) not indexed at their current revision", report.not_indexed);
    list("indexed document(s) missing from the store", report.orphans);
    std::cout << (report.ok() ? "store and index agree\n" : "store and index do not agree\n");
}

}  // namespace

int run_check(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(check_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths{args.required("db")};
    open_existing_store(paths);
    if (args.flag("force") && !args.flag("repair")) throw UsageError("--force goes with --repair");
    const ConsistencyReport report =
        args.flag("repair") ? repair_consistency(paths, KnowledgeBase::builtin(), {.force = args.flag("force")})
                             : check_consistency(paths, KnowledgeBase::builtin());
    if (args.flag("json")) {
        std::cout << nlohmann::json{{"ok", report.ok()},
                                    {"stored", report.stored},
                                    {"indexed", report.indexed},
                                    {"store_check", report.store_check},
                                    {"index_check", report.index_check},
                                    {"index_version_current", report.index_version == report.expected_version},
                                    {"not_indexed", report.not_indexed},
                                    {"orphans", report.orphans}}
                         .dump(2)
                  << '\n';
    } else {
        print(report);
    }
    return report.ok() ? exit_ok : exit_failure;
}

int run_export(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(export_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths{args.required("db")};
    open_existing_store(paths);
    const std::string out = args.required("out");
    std::cout << export_documents(paths, out) << " document(s) written to " << out << '\n';
    return exit_ok;
}

int run_shard(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(shard_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths paths{args.required("db")};
    open_existing_store(paths);
    const auto shards = static_cast<std::size_t>(args.number("shards", 2, 1, 64));
    const std::string out = args.required("out");
    const std::size_t copied = split_index(paths, shards, out);
    std::cout << copied << " document(s) split into " << shards << " shard(s) in " << out << '\n';
    return exit_ok;
}

int run_backup(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(backup_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    const StoragePaths from{args.required("db")};
    open_existing_store(from);
    const StoragePaths to{args.required("out")};
    backup_database(from, to);
    std::cout << "store and index of " << from.root.string() << " backed up to " << to.root.string() << '\n';
    return exit_ok;
}

}  // namespace techbridge::cli
