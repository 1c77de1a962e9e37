#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include <signal.h>
#include <sys/wait.h>
#include <xapian.h>

#include "consistency_check.h"
#include "database_backup.h"
#include "dictionaries.h"
#include "errors.h"
#include "document_store.h"
#include "fixtures.h"
#include "index_layout.h"
#include "ingestion.h"
#include "process_support.h"
#include "searcher.h"
#include "writer_lock.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

std::string read_all(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

TEST_CASE("maintenance: export, index into a new store, export again gives the same file") {
    TempDir dir;
    const StoragePaths first{dir / "first"};
    Ingestion(first, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    // A field the contract does not know must survive too.
    dir.write("extra.jsonl",
              R"({"id":"x-ru-1","kind":"offer","lang":"ru","title":"Криогенные насосы","body":"Насосы для сжиженного газа.","booth":"A-17"})"
              "\n");
    Ingestion(first, {}, KnowledgeBase::builtin()).run({dir / "extra.jsonl"});
    REQUIRE(export_documents(first, dir / "one.jsonl") == 7);
    const std::string exported = read_all(dir / "one.jsonl");
    CHECK(exported.find("\"booth\":\"A-17\"") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "one.jsonl.partial"));

    const StoragePaths second{dir / "second"};
    const IngestionReport report = Ingestion(second, {}, KnowledgeBase::builtin()).run({dir / "one.jsonl"});
    CHECK(report.summary.rejected == 0);
    export_documents(second, dir / "two.jsonl");
    CHECK(read_all(dir / "two.jsonl") == exported);
}

TEST_CASE("maintenance: a backup is a working database with the same documents") {
    TempDir dir;
    const StoragePaths original{dir / "db"};
    Ingestion(original, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    const StoragePaths copy{dir / "backup"};
    backup_database(original, copy);
    CHECK(check_consistency(copy, KnowledgeBase::builtin()).ok());
    Searcher searcher(copy, KnowledgeBase::builtin(), Dictionaries::installed());
    SearchRequest request;
    request.query = "激光焊接";
    CHECK(searcher.search(request).hits.size() > 0);
    CHECK_THROWS_AS(backup_database(original, copy), InvalidInputError);  // never over an existing backup
}

TEST_CASE("maintenance: check finds documents missing from the index and orphans, and repair fixes both") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    REQUIRE(check_consistency(paths, KnowledgeBase::builtin()).ok());
    {
        Xapian::WritableDatabase index(paths.index_dir().string(), Xapian::DB_OPEN);
        index.delete_document(index_layout::id_term("t-off-ru-1"));
        Xapian::Document orphan;
        orphan.set_data("ghost");
        orphan.add_boolean_term(index_layout::id_term("ghost"));
        index.add_document(orphan);
        index.commit();
    }
    const ConsistencyReport broken = check_consistency(paths, KnowledgeBase::builtin());
    CHECK_FALSE(broken.ok());
    CHECK(broken.not_indexed == std::vector<std::string>{"t-off-ru-1"});
    CHECK(broken.orphans == std::vector<std::string>{"ghost"});

    const ConsistencyReport repaired = repair_consistency(paths, KnowledgeBase::builtin());
    CHECK(repaired.ok());
    CHECK(repaired.indexed == 6);
}

TEST_CASE("maintenance: killing an import at random moments, 20 times, loses nothing and corrupts nothing") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    const std::string corpus = std::string(TECHBRIDGE_SOURCE_DIR) + "/corpus/documents";
    std::mt19937 random(2027);
    std::uniform_int_distribution<int> delay_ms(50, 2500);
    std::set<std::string> committed_before;
    for (int round = 0; round < 20; ++round) {
        const pid_t child = spawn_silently({TECHBRIDGE_BINARY, "index", "--db", paths.root.string(), corpus});
        REQUIRE(child > 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        if (!std::filesystem::exists(paths.store_file())) continue;

        // Whatever was committed before stays; the files stay sound.
        std::set<std::string> stored;
        {
            DocumentStore store(paths.store_file());
            CHECK(store.integrity_check() == "ok");
            for (auto& id : store.all_ids()) stored.insert(std::move(id));
        }
        for (const auto& id : committed_before) CHECK(stored.contains(id));
        committed_before = stored;
        if (std::filesystem::exists(paths.index_dir())) {
            const ConsistencyReport report = check_consistency(paths, KnowledgeBase::builtin());
            CHECK(report.index_check == "ok");
            CHECK(report.orphans.empty());
        }
    }
    // The next run completes the work: every document stored and indexed.
    const IngestionReport report = Ingestion(paths, {}, KnowledgeBase::builtin()).run({corpus});
    CHECK(report.summary.rejected == 0);
    const ConsistencyReport final_check = check_consistency(paths, KnowledgeBase::builtin());
    CHECK(final_check.ok());
    CHECK(final_check.stored == report.records);
    CHECK(final_check.indexed == report.records);
}

TEST_CASE("maintenance: one writer at a time, with a message naming the holder for the second") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    const WriterLock held(paths);
    try {
        Ingestion(paths, {}, KnowledgeBase::builtin()).run({dir / "docs"});
        FAIL("a second writer was let in");
    } catch (const BusyError& error) {
        CHECK(std::string(error.what()).find("another import or reindex is writing") != std::string::npos);
        CHECK(std::string(error.what()).find("process " + std::to_string(::getpid())) != std::string::npos);
    }
}

TEST_CASE("maintenance: searches keep answering while imports commit, with no failed read") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    std::atomic<bool> writing{true};
    std::atomic<int> failures{0}, searches{0};
    std::vector<std::thread> readers;
    for (int r = 0; r < 4; ++r) {
        readers.emplace_back([&, r] {
            Searcher searcher(paths, KnowledgeBase::builtin(), Dictionaries::installed());
            const char* queries[] = {"激光焊接", "сварка", "laser welding", "катализатор"};
            while (writing) {
                try {
                    SearchRequest request;
                    request.query = queries[(searches + r) % 4];
                    if (searcher.search(request).hits.empty()) ++failures;
                    ++searches;
                } catch (const std::exception&) {
                    ++failures;
                }
            }
        });
    }
    for (int batch = 0; batch < 8; ++batch) {
        std::string lines;
        for (int i = 0; i < 40; ++i) {
            const std::string id = "c-" + std::to_string(batch) + "-" + std::to_string(i);
            lines += R"({"id":")" + id + R"(","kind":"offer","lang":"ru","title":"Лазерная сварка труб )" + id +
                     R"(","body":"Технология лазерной сварки и наплавки труб для северных месторождений, партия )" + id +
                     R"(."})" + "\n";
        }
        const auto file = dir.write("batch-" + std::to_string(batch) + ".jsonl", lines);
        Ingestion(paths, {}, KnowledgeBase::builtin()).run({file});
    }
    writing = false;
    for (auto& reader : readers) reader.join();
    MESSAGE(searches.load() << " searches during 8 imports");
    CHECK(searches > 0);
    CHECK(failures == 0);
    CHECK(check_consistency(paths, KnowledgeBase::builtin()).ok());
}

TEST_CASE("maintenance: ids that differ only in case are two documents in the index too") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    const auto file = dir.write("case.jsonl",
                                R"({"id":"Pump-A","kind":"offer","lang":"en","title":"Cryogenic pump","body":"A pump for liquefied gas."})"
                                "\n"
                                R"({"id":"pump-a","kind":"offer","lang":"ru","title":"Криогенный насос","body":"Насос для сжиженного газа."})"
                                "\n");
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({file});
    const ConsistencyReport report = check_consistency(paths, KnowledgeBase::builtin());
    CHECK(report.ok());
    CHECK(report.indexed == 2);
}
