// Hardening tests (issue 13): each reproduces a finding and fails without its fix.
#include <doctest/doctest.h>

#include <csignal>
#include <string>
#include <vector>

#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "database_backup.h"
#include "document_store.h"
#include "fixtures.h"
#include "ingestion.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

/// The permission bits of `path` (0700, 0755, ...).
unsigned mode_of(const std::filesystem::path& path) {
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_mode & 07777;
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
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}).run({write_fixture_collection(dir)});
    std::filesystem::permissions(dir.path(), std::filesystem::perms(0755));
    std::filesystem::permissions(paths.root, std::filesystem::perms(0555));
    return paths;
}

}  // namespace

TEST_CASE("storage: the store connection of an import syncs every commit to disk (synchronous=FULL)") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    DocumentStore store = open_store(paths);
    SqliteStatement synchronous(store.connection(), "PRAGMA synchronous");
    REQUIRE(synchronous.step());
    // 2 is FULL: in WAL mode NORMAL (1) may roll back the last acknowledged commit after a power loss.
    CHECK(synchronous.integer(0) == 2);
}

TEST_CASE("storage: a new database directory is open to its owner only, an existing one keeps its mode") {
    TempDir dir;
    const StoragePaths fresh{dir / "parent" / "db"};
    Ingestion(fresh, {}).run({write_fixture_collection(dir)});
    CHECK(mode_of(fresh.root) == 0700);
    const StoragePaths backup{dir / "backup"};
    backup_database(fresh, backup);
    CHECK(mode_of(backup.root) == 0700);

    const StoragePaths shared{dir / "shared"};
    std::filesystem::create_directory(shared.root);
    std::filesystem::permissions(shared.root, std::filesystem::perms(0755));
    Ingestion(shared, {}).run({dir / "docs"});
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
