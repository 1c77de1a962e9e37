// Hardening tests (issue 13): each reproduces a finding and fails without its fix.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <optional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "access_token.h"
#include "consistency_check.h"
#include "database_backup.h"
#include "document_store.h"
#include "document_validation.h"
#include "errors.h"
#include "fixtures.h"
#include "process_support.h"
#include "running_server.h"
#include "index_synchronizer.h"
#include "ingestion.h"
#include "matcher.h"
#include "search_index.h"
#include "server.h"
#include "writer_lock.h"
#include "service_context.h"

using namespace techbridge;
using namespace techbridge::testing;
using nlohmann::json;

namespace {

/// The permission bits of `path` (0700, 0755, ...).
unsigned mode_of(const std::filesystem::path& path) {
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_mode & 07777;
}

/// The fixture collection stored and indexed in `dir`/db.
StoragePaths fixture_database(const TempDir& dir) {
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    return paths;
}

struct ChildOutput {
    int status = -1;     // exit status, -1 when it did not exit normally
    std::string output;  // standard output and standard error together
};

/// A techbridge process started as a user who may not write to the test's folders: the test
/// itself when it is not root; as root, who may write anywhere whatever the mode says, the
/// child drops to the unprivileged user 65534 first. Its output comes through `output_fd`.
class ReaderProcess {
public:
    explicit ReaderProcess(const std::vector<std::string>& arguments, const std::string& token = "") {
        std::vector<std::string> texts{TECHBRIDGE_BINARY};
        texts.insert(texts.end(), arguments.begin(), arguments.end());
        std::vector<char*> argv;
        for (auto& text : texts) argv.push_back(text.data());
        argv.push_back(nullptr);
        std::string token_variable = "TECHBRIDGE_TOKEN=" + token;
        std::vector<char*> environment{token_variable.data(), nullptr};
        int pipe_ends[2];
        REQUIRE(::pipe(pipe_ends) == 0);
        pid_ = ::fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            ::dup2(pipe_ends[1], 1);
            ::dup2(pipe_ends[1], 2);
            ::close(pipe_ends[0]);
            if (::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0))
                ::_exit(126);
            ::execve(argv[0], argv.data(), environment.data());
            ::_exit(127);
        }
        ::close(pipe_ends[1]);
        output_fd_ = pipe_ends[0];
    }
    ~ReaderProcess() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            ::waitpid(pid_, nullptr, 0);
        }
        if (output_fd_ >= 0) ::close(output_fd_);
    }
    ReaderProcess(const ReaderProcess&) = delete;
    ReaderProcess& operator=(const ReaderProcess&) = delete;

    /// Reads the output up to a line containing `marker` (or its end) and returns it.
    std::string read_until(const std::string& marker) {
        std::string text;
        char c;
        while (text.find(marker) == std::string::npos && ::read(output_fd_, &c, 1) == 1) text.push_back(c);
        return text;
    }
    /// Reads the rest of the output and waits for the process to end.
    ChildOutput finish() {
        ChildOutput result;
        result.output = read_until("\x01never printed\x01");
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return result;
    }

private:
    pid_t pid_ = -1;
    int output_fd_ = -1;
};

/// The fixture collection stored and indexed in `dir`/db, then made read-only (0555) as an
/// operator would to publish a finished database; `dir` itself opened so that another user can
/// reach it.
StoragePaths read_only_database(const TempDir& dir) {
    const StoragePaths paths = fixture_database(dir);
    std::filesystem::permissions(dir.path(), std::filesystem::perms(0755));
    std::filesystem::permissions(paths.root, std::filesystem::perms(0555));
    return paths;
}

/// A server over an existing database on a free loopback port, stopped at scope exit.
class ServingDatabase {
public:
    explicit ServingDatabase(const StoragePaths& paths) : serving_(options_for(paths), token) {}
    static constexpr const char* token = "storage-test-token-8c41f2a95e07";
    httplib::Client client() const { return serving_.client(); }
    /// POST /api/import of one JSON line, stored (confirm=1) with the token.
    httplib::Result import(const std::string& line) const {
        return client().Post("/api/import?format=jsonl&confirm=1", {{"Authorization", std::string("Bearer ") + token}},
                             line + "\n", "application/x-ndjson");
    }

private:
    static ServerOptions options_for(const StoragePaths& paths) {
        ServerOptions options;
        options.paths = paths;
        return options;
    }
    ServerThread serving_;
};

constexpr const char* wind_blade_offer =
    R"({"id":"st-off-en-1","kind":"offer","lang":"en","title":"De-icing coating for wind turbine blades",)"
    R"("body":"A heated coating keeps wind turbine blades free of ice down to minus 40 degrees."})";

/// What `techbridge reindex` does: rebuilds the index beside the old one and swaps it in.
void reindex(const StoragePaths& paths) {
    DocumentStore store(paths.store_file(), StoreAccess::existing);
    const WriterLock lock(paths);
    TextAnalyzer analyzer(KnowledgeBase::builtin().han_words());
    IndexSynchronizer(paths, store, analyzer, {}, KnowledgeBase::builtin()).rebuild();
}

/// The fixture database after one more import, so that its index is at revision 2. A rebuilt
/// index starts at revision 1 and one import brings it to 2: the revision a reader of the old
/// index already has, so Xapian's reopen() sees nothing new and keeps reading the deleted files.
StoragePaths database_at_revision_two(const TempDir& dir) {
    const StoragePaths paths = fixture_database(dir);
    const auto file = dir.write("pump.jsonl",
                                R"({"id":"st-off-en-0","kind":"offer","lang":"en","title":"Cryogenic pump for liquefied gas",)"
                                R"("body":"A pump for liquefied natural gas at minus 160 degrees."})"
                                "\n");
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({file});
    REQUIRE(open_index_for_reading(paths.index_dir()).get_revision() == 2);
    return paths;
}

/// The id of a run the store records as "running", if any (the store may not be made yet).
std::optional<std::int64_t> running_run(const StoragePaths& paths) {
    try {
        DocumentStore store(paths.store_file(), StoreAccess::read_only);
        SqliteStatement query(store.connection(), "SELECT id FROM runs WHERE status = 'running'");
        if (query.step()) return query.integer(0);
    } catch (const StoreError&) {
        // not made or not migrated yet
    }
    return std::nullopt;
}

/// Stores documents as an import killed before indexing them leaves them: stored, not
/// indexed, their run still "running". Returns the run's id.
std::int64_t store_without_indexing(const StoragePaths& paths, const std::vector<std::string>& lines) {
    DocumentStore store(paths.store_file(), StoreAccess::existing);
    const std::int64_t run = store.begin_run("index");
    for (const auto& line : lines) {
        DocumentParse parsed = parse_document(json::parse(line));
        REQUIRE(parsed.ok());
        store.put(parsed.document, {"killed.jsonl", 1, line}, run);
    }
    return run;
}

/// /api/health's "indexing" once the start-up indexing has ended (or after 30 s).
json indexing_when_ended(const ServingDatabase& server) {
    json indexing;
    for (int attempt = 0; attempt < 300; ++attempt) {
        const auto health = server.client().Get("/api/health");
        REQUIRE(health);
        indexing = json::parse(health->body)["indexing"];
        if (!indexing.is_object() || indexing["state"] != "indexing" && indexing["state"] != "starting") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return indexing;
}

/// The ids of /api/search's hits for `query` (URL-encoded).
std::vector<std::string> hit_ids(const ServingDatabase& server, const std::string& encoded_query) {
    const auto found = server.client().Get("/api/search?q=" + encoded_query);
    REQUIRE(found);
    REQUIRE(found->status == 200);
    const json body = json::parse(found->body);
    std::vector<std::string> ids;
    for (const auto& hit : body["hits"]) ids.push_back(hit["id"]);
    return ids;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("storage: the store connection of an import syncs every commit to disk (synchronous=FULL)") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    const WriterLock lock(paths);
    DocumentStore store = open_store(paths, lock);
    SqliteStatement synchronous(store.connection(), "PRAGMA synchronous");
    REQUIRE(synchronous.step());
    // 2 is FULL: in WAL mode NORMAL (1) may roll back the last acknowledged commit after a power loss.
    CHECK(synchronous.integer(0) == 2);
}

TEST_CASE("storage: a new database directory is open to its owner only, an existing one keeps its mode") {
    TempDir dir;
    const StoragePaths fresh{dir / "parent" / "db"};
    Ingestion(fresh, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    CHECK(mode_of(fresh.root) == 0700);
    const StoragePaths backup{dir / "backup"};
    backup_database(fresh, backup);
    CHECK(mode_of(backup.root) == 0700);

    const StoragePaths shared{dir / "shared"};
    std::filesystem::create_directory(shared.root);
    std::filesystem::permissions(shared.root, std::filesystem::perms(0755));
    Ingestion(shared, {}, KnowledgeBase::builtin()).run({dir / "docs"});
    CHECK(mode_of(shared.root) == 0755);  // the operator's choice
}

TEST_CASE("storage: search and show read a database directory that is read-only") {
    TempDir dir;
    const StoragePaths paths = read_only_database(dir);
    const ChildOutput search = ReaderProcess({"search", "--db", paths.root.string(), "лазерная сварка"}).finish();
    CHECK(search.status == 0);
    CHECK(search.output.find("Лазерная сварка толстолистовых хладостойких сталей") != std::string::npos);
    const ChildOutput show = ReaderProcess({"show", "--db", paths.root.string(), "t-dem-zh-1"}).finish();
    CHECK(show.status == 0);
    CHECK(show.output.find("激光焊接工艺需求") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(paths.store_file().string() + "-shm"));  // nothing was written
    std::filesystem::permissions(paths.root, std::filesystem::perms(0700));
}

TEST_CASE("storage: serve --read-only serves a read-only database directory and refuses imports") {
    TempDir dir;
    const StoragePaths paths = read_only_database(dir);
    const std::string token = "read-only-test-token-5d81c0a7e2f4";
    ReaderProcess server({"serve", "--read-only", "--db", paths.root.string(), "--port", "0"}, token);
    const std::string started = server.read_until("/  (Ctrl-C");
    const auto at = started.find("http://127.0.0.1:");
    REQUIRE_MESSAGE(at != std::string::npos, started);
    const int port = std::stoi(started.substr(at + 17));
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10, 0);

    const auto search = client.Get("/api/search?q=%E6%BF%80%E5%85%89%E7%84%8A%E6%8E%A5");  // 激光焊接
    REQUIRE(search);
    CHECK(search->status == 200);
    CHECK(search->body.find("t-dem-zh-1") != std::string::npos);

    const httplib::Headers authorized = {{"Authorization", "Bearer " + token}};
    const std::string line =
        R"({"id":"ro-1","kind":"offer","lang":"en","title":"Ice-free wind turbine blades","body":"Heated blades."})";
    const auto checked = client.Post("/api/import?format=jsonl", authorized, line, "application/x-ndjson");
    REQUIRE(checked);
    CHECK(checked->status == 200);  // checking a file stores nothing, so it is allowed
    const auto stored = client.Post("/api/import?format=jsonl&confirm=1", authorized, line, "application/x-ndjson");
    REQUIRE(stored);
    CHECK(stored->status == 403);
    CHECK(nlohmann::json::parse(stored->body)["error"]["code"] == "read_only");
    std::filesystem::permissions(paths.root, std::filesystem::perms(0700));
}

TEST_CASE("storage: a server whose store was deleted says so in health and refuses imports") {
    TempDir dir;
    const StoragePaths paths = fixture_database(dir);
    ServingDatabase server(paths);
    const auto before = server.client().Get("/api/health");
    REQUIRE(before);
    CHECK(before->status == 200);

    std::filesystem::remove(paths.store_file());
    const auto health = server.client().Get("/api/health");
    REQUIRE(health);
    CHECK(health->status == 503);
    const json body = json::parse(health->body);
    CHECK(body["status"] == "store_unavailable");
    const std::string message = body["error"]["message"];
    CHECK(message.find("was deleted while the server was running") != std::string::npos);
    CHECK(message.find("restart the server") != std::string::npos);
    CHECK(message.find("techbridge ") == std::string::npos);  // a reader of the page runs no command
    CHECK_FALSE(body.contains("documents"));  // the count of a file that is gone would mislead

    const auto imported = server.import(wind_blade_offer);
    REQUIRE(imported);
    CHECK(imported->status == 503);
    CHECK(json::parse(imported->body)["error"]["code"] == "store_unavailable");
    CHECK_FALSE(std::filesystem::exists(paths.store_file()));  // no new empty store stands in for it
}

TEST_CASE("storage: a server whose store was replaced by another file says so and stores nothing in it") {
    TempDir dir;
    const StoragePaths paths = fixture_database(dir);
    const StoragePaths copy{dir / "copy"};
    backup_database(paths, copy);
    ServingDatabase server(paths);
    std::filesystem::rename(copy.store_file(), paths.store_file());  // a backup restored while serving

    const auto health = server.client().Get("/api/health");
    REQUIRE(health);
    CHECK(health->status == 503);
    CHECK(std::string(json::parse(health->body)["error"]["message"]).find("was replaced") != std::string::npos);
    const auto imported = server.import(wind_blade_offer);
    REQUIRE(imported);
    CHECK(imported->status == 503);
    DocumentStore now_in_place(paths.store_file(), StoreAccess::read_only);
    CHECK_FALSE(now_in_place.get("st-off-en-1"));
}

TEST_CASE("storage: an import into a database whose store is missing beside its index is refused") {
    TempDir dir;
    const StoragePaths paths = fixture_database(dir);
    std::filesystem::remove(paths.store_file());
    const auto file = dir.write("one.jsonl", std::string(wind_blade_offer) + "\n");
    CHECK_THROWS_WITH_AS(Ingestion(paths, {}, KnowledgeBase::builtin()).run({file}), doctest::Contains("was deleted or moved"), StoreError);
    CHECK_FALSE(std::filesystem::exists(paths.store_file()));
    CHECK(open_index_for_reading(paths.index_dir()).get_doccount() == 6);  // the index is untouched
}

TEST_CASE("storage: check --repair refuses to remove most of the index for an emptied store unless forced") {
    TempDir dir;
    const StoragePaths paths = fixture_database(dir);
    { DocumentStore empty(dir / "empty.sqlite"); }
    std::filesystem::rename(dir / "empty.sqlite", paths.store_file());  // an empty store in its place

    CHECK_THROWS_WITH_AS(repair_consistency(paths, KnowledgeBase::builtin()), doctest::Contains("repair would remove 6 of the 6 indexed documents"),
                         Error);
    CHECK_THROWS_WITH_AS(repair_consistency(paths, KnowledgeBase::builtin()), doctest::Contains("--repair --force"), Error);
    CHECK(open_index_for_reading(paths.index_dir()).get_doccount() == 6);

    const ConsistencyReport forced = repair_consistency(paths, KnowledgeBase::builtin(), {.force = true});
    CHECK(forced.ok());
    CHECK(forced.indexed == 0);
}

TEST_CASE("storage: a server finds a document imported after `reindex` swapped a new index in under it") {
    TempDir dir;
    const StoragePaths paths = database_at_revision_two(dir);
    ServingDatabase server(paths);
    CHECK(contains(hit_ids(server, "laser%20welding"), "t-off-en-1"));  // the readers hold the index open
    CHECK_FALSE(contains(hit_ids(server, "de-icing%20coating"), "st-off-en-1"));
    CHECK(indexing_when_ended(server)["state"] == "finished");  // its start-up check no longer holds the lock

    reindex(paths);
    const auto imported = server.import(wind_blade_offer);  // the new index at revision 2
    REQUIRE(imported);
    CHECK(imported->status == 200);
    CHECK(json::parse(imported->body)["stored"] == 1);
    CHECK(contains(hit_ids(server, "de-icing%20coating"), "st-off-en-1"));
    CHECK(contains(hit_ids(server, "laser%20welding"), "t-off-en-1"));
}

TEST_CASE("storage: a matcher finds candidates indexed after a rebuild swapped its index") {
    TempDir dir;
    const StoragePaths paths = database_at_revision_two(dir);
    Matcher matcher(paths, ServiceContext::builtin().matching_data());
    MatchRequest request;
    request.id = "t-dem-zh-1";  // 激光焊接工艺需求: laser welding of thick plates
    const auto before = matcher.match(request);
    REQUIRE_FALSE(before.candidates.empty());

    reindex(paths);
    const auto file = dir.write("new-offer.jsonl",
                                R"({"id":"st-off-ru-9","kind":"offer","lang":"ru","title":"Лазерная сварка толстых плит из хладостойкой стали",)"
                                R"("body":"Технология лазерной сварки толстолистовой стали, швы сохраняют вязкость при минус 60 градусах."})"
                                "\n");
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({file});
    std::vector<std::string> ids;
    for (const auto& candidate : matcher.match(request).candidates) ids.push_back(candidate.id);
    CHECK(contains(ids, "st-off-ru-9"));
}

TEST_CASE("storage: the run of an import killed mid-way is marked interrupted when the store is next opened for writing") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    const pid_t child =
        spawn_silently({TECHBRIDGE_BINARY, "index", "--db", paths.root.string(), std::string(TECHBRIDGE_SOURCE_DIR) + "/corpus/documents"});
    REQUIRE(child > 0);
    std::optional<std::int64_t> run;
    for (int attempt = 0; attempt < 2000 && !run; ++attempt) {
        run = running_run(paths);
        if (!run) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(run);
    CHECK_THROWS_AS(WriterLock{paths}, BusyError);  // while its writer lives, nobody may call the run dead
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    {
        DocumentStore reader(paths.store_file(), StoreAccess::read_only);
        REQUIRE(reader.run_status(*run) == RunStatus::running);  // killed before it finished; reading changes nothing
    }
    const WriterLock lock(paths);
    DocumentStore store = open_store(paths, lock);
    CHECK(store.run_status(*run) == RunStatus::interrupted);
}

TEST_CASE("storage: serve indexes in the background what an interrupted import stored, with progress in health") {
    TempDir dir;
    const StoragePaths paths = fixture_database(dir);
    const std::int64_t run = store_without_indexing(
        paths, {wind_blade_offer,
                R"({"id":"st-dem-zh-1","kind":"demand","lang":"zh","title":"寒区风电叶片防冰技术需求",)"
                R"("body":"我公司需要风电叶片防冰除冰技术，要求零下三十度可靠运行。"})",
                R"({"id":"st-off-ru-1","kind":"offer","lang":"ru","title":"Противообледенительное покрытие лопастей ветроустановок",)"
                R"("body":"Покрытие защищает лопасти ветроустановок от обледенения при минус сорока градусах."})"});
    {
        DocumentStore store(paths.store_file(), StoreAccess::read_only);
        REQUIRE(store.revisions_pending_index().size() == 3);
    }

    ServingDatabase server(paths);  // no import follows: the server does it by itself
    const json indexing = indexing_when_ended(server);
    REQUIRE(indexing.is_object());
    CHECK(indexing["state"] == "finished");
    CHECK(indexing["pending"] == 0);
    CHECK(indexing["done"] == 3);
    CHECK(contains(hit_ids(server, "de-icing%20coating"), "st-off-en-1"));
    DocumentStore store(paths.store_file(), StoreAccess::read_only);
    CHECK(store.revisions_pending_index().empty());
    CHECK(store.run_status(run) == RunStatus::interrupted);
}

TEST_CASE("a run status the store holds reads back as the status written, and an unknown one says so") {
    for (const RunStatus status : {RunStatus::running, RunStatus::completed, RunStatus::rejected_strict, RunStatus::interrupted})
        CHECK(parse_run_status(to_string(status)) == status);
    CHECK(to_string(RunStatus::rejected_strict) == "rejected (strict)");  // the text earlier versions wrote
    CHECK_FALSE(parse_run_status("paused").has_value());

    TempDir dir;
    DocumentStore store(dir / "store.sqlite");
    const std::int64_t run = store.begin_run("import");
    CHECK(store.run_status(run) == RunStatus::running);
    CHECK_FALSE(store.run_status(run + 1).has_value());
    SqliteStatement(store.connection(), "UPDATE runs SET status = 'paused'").run();
    CHECK_THROWS_WITH_AS(store.run_status(run), doctest::Contains("\"paused\""), StoreError);
}

TEST_CASE("storage: a server whose index is missing answers 503 with what to do, in words and as a remedy code") {
    TempDir dir;
    const StoragePaths paths = fixture_database(dir);
    std::filesystem::remove_all(paths.index_dir());
    ServingDatabase server(paths);
    const auto search = server.client().Get("/api/search?q=%D1%81%D0%B2%D0%B0%D1%80%D0%BA%D0%B0");  // сварка
    REQUIRE(search);
    CHECK(search->status == 503);
    const json error = json::parse(search->body)["error"];
    CHECK(error["code"] == "index_unavailable");
    CHECK(error["remedy"] == "rebuild_index");
    const std::string message = error["message"];
    CHECK(message.find("rebuild the index from the store") != std::string::npos);
    CHECK(message.find("techbridge ") == std::string::npos);  // the CLI adds its command, the page does not
}
