// TechBridge search side by side with SQLite FTS5 (trigram tokenizer) on the same documents,
// one thread: the goal is a TechBridge p50 within 2x of FTS5's.
//
//   build/bench/fts5_compare [--db DIR] [--rounds N] [--per-query]
//
// DIR (default /tmp/techbridge-match-bench, the 110,000 documents build/bench/match_speed
// leaves there) must hold an index and its store. The FTS5 side is a separate file next to
// DIR, DIR-fts5.sqlite: `docs USING fts5(id UNINDEXED, title, body, tokenize='trigram')`
// filled with the title and body of every document the store holds now (its current
// revisions), then optimized (merged into one segment). It is built once and reused while
// the store is unchanged: its build_info table records the store's document count, largest
// rowid, store.sqlite's mtime and the size of store.sqlite-wal, and any difference (a
// checkpoint too) rebuilds it. The build time and the file's size are printed.
//
// Measured, for each query of bench/search_queries.txt (empty and # lines skipped):
//   TechBridge   Searcher::search with limit 10, as bench/search_speed's first figure: the
//                total, 10 hits with snippets, and facets; no result cache.
//   FTS5         what the search page needs of it, the two statements timed together:
//                SELECT count(*) ... WHERE docs MATCH q, then the first 10 hits ORDER BY
//                rank (bm25) with id, title and snippet(docs, 2, '<b>', '</b>', '…', 12).
//                Statements are prepared once (outside the timing) and reused, as a server would.
// One warm-up pass of each, then N rounds (default 20) alternating TechBridge's pass over all
// queries with FTS5's, so that whatever else the machine runs weighs on both alike. Printed:
// p50 and p99 over all query x round samples of each, and TechBridge p50 / FTS5 p50; with
// --per-query each query's medians and numbers of matches (TechBridge's total counts
// documents meeting only part of the query too, so its complete count is printed beside it).
//
// The FTS5 query: the query's whitespace-separated words, each double-quoted (inner quotes
// doubled) so that FTS5 reads it as a string, joined by spaces: FTS5's implicit AND, as every
// word must match. A trigram index cannot look up a word of fewer than 3 characters (code
// points), e.g. the 2-character Chinese word 覆冰, so such a word is not put in the MATCH but
// kept as a filter on the rows the MATCH finds: `(title LIKE '%word%' OR body LIKE '%word%')`,
// so FTS5 still answers the whole query, through its index, with only the check the index
// cannot make done row by row. (SQLite's LIKE folds the case of ASCII letters only, a
// difference only for short Latin or Cyrillic words.) A query all of whose words are that
// short has nothing FTS5 can look up: it would be a full scan, so it is reported as skipped
// and left out of both sides' figures.
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <sqlite3.h>
#include <sys/stat.h>

#include "dictionaries.h"
#include "searcher.h"

using namespace techbridge;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double milliseconds_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// The sample at fraction `p` (0-1) of the sorted samples, as bench/search_speed reports it.
double percentile(std::vector<double> samples, double p) {
    if (samples.empty()) return 0;
    std::sort(samples.begin(), samples.end());
    return samples[static_cast<std::size_t>(p * static_cast<double>(samples.size() - 1))];
}

std::vector<std::string> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the queries file " + path);
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line[0] != '#') queries.push_back(line);
    if (queries.empty()) throw std::runtime_error("no queries in " + path);
    return queries;
}

// ---- SQLite, through prepared statements only ----

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

[[noreturn]] void fail(sqlite3* db, const std::string& what) {
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    throw std::runtime_error(std::string(file ? file : "SQLite") + ": " + what + ": " +
                             (db ? sqlite3_errmsg(db) : "out of memory"));
}

Connection open_database(const std::string& file, int flags) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
    Connection connection(db);
    if (rc != SQLITE_OK)
        throw std::runtime_error(file + ": cannot open: " + (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_busy_timeout(db, 10000);
    return connection;
}

Statement prepare(sqlite3* db, const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) fail(db, "cannot prepare " + sql);
    return Statement(statement);
}

/// Steps `statement`: true with a row, false when done.
bool step(sqlite3_stmt* statement) {
    const int rc = sqlite3_step(statement);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(sqlite3_db_handle(statement), std::string("cannot run ") + sqlite3_sql(statement));
}

void execute(sqlite3* db, const std::string& sql) {
    const Statement statement = prepare(db, sql);
    while (step(statement.get())) {
    }
}

void bind_text(sqlite3_stmt* statement, int index, const std::string& text) {
    if (sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC) != SQLITE_OK)
        fail(sqlite3_db_handle(statement), "cannot bind a parameter");
}

std::string column_text(sqlite3_stmt* statement, int column) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, column))) : std::string();
}

// ---- The FTS5 file: built from the store, reused while the store is unchanged ----

/// What the FTS5 file was built from: changes whenever the store's documents may have.
std::string store_state(sqlite3* store, const fs::path& store_file) {
    const Statement query = prepare(store, "SELECT count(*), COALESCE(max(rowid), 0) FROM documents");
    step(query.get());
    struct stat status {};
    if (::stat(store_file.c_str(), &status) != 0)
        throw std::runtime_error(store_file.string() + ": cannot stat: " + std::strerror(errno));
    std::error_code error;
    const auto wal_size = fs::file_size(store_file.string() + "-wal", error);
    char state[160];
    std::snprintf(state, sizeof state, "documents %lld, max rowid %lld, store mtime %lld.%09ld, wal bytes %llu",
                  static_cast<long long>(sqlite3_column_int64(query.get(), 0)),
                  static_cast<long long>(sqlite3_column_int64(query.get(), 1)),
                  static_cast<long long>(status.st_mtim.tv_sec), static_cast<long>(status.st_mtim.tv_nsec),
                  static_cast<unsigned long long>(error ? 0 : wal_size));
    return state;
}

/// Whether `fts_file` exists and was built from the store in `state`.
bool built_from(const fs::path& fts_file, const std::string& state) {
    if (!fs::exists(fts_file)) return false;
    const Connection db = open_database(fts_file, SQLITE_OPEN_READONLY);
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db.get(), "SELECT value FROM build_info WHERE key = 'store_state'", -1, &raw, nullptr) !=
        SQLITE_OK)
        return false;  // not a file this program finished building
    const Statement query(raw);
    return step(query.get()) && column_text(query.get(), 0) == state;
}

/// Copies every document's title and body from the store into a new FTS5 table; the count.
std::int64_t fill_fts5(sqlite3* store, sqlite3* fts) {
    const Statement read = prepare(store, "SELECT id, title, json_extract(doc_json, '$.body') FROM documents");
    const Statement insert = prepare(fts, "INSERT INTO docs(id, title, body) VALUES (?1, ?2, ?3)");
    std::int64_t documents = 0;
    while (step(read.get())) {
        for (int column = 0; column < 3; ++column) {
            if (sqlite3_bind_value(insert.get(), column + 1, sqlite3_column_value(read.get(), column)) != SQLITE_OK)
                fail(fts, "cannot bind a document's text");
        }
        step(insert.get());
        sqlite3_reset(insert.get());
        ++documents;
    }
    return documents;
}

/// Builds `fts_file` afresh (through a temporary file, so an interrupted build is never reused);
/// the number of documents it holds.
std::int64_t build_fts5(sqlite3* store, const fs::path& fts_file, const std::string& state) {
    const fs::path building = fts_file.string() + ".building";
    fs::remove(building);
    std::int64_t documents = 0;
    {
        const Connection fts = open_database(building, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        execute(fts.get(), "PRAGMA journal_mode = OFF");  // a failed build is thrown away whole
        execute(fts.get(), "PRAGMA synchronous = OFF");
        execute(fts.get(), "PRAGMA cache_size = -262144");  // 256 MiB while building
        execute(fts.get(), "BEGIN");
        execute(fts.get(), "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='trigram')");
        execute(fts.get(), "CREATE TABLE build_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        documents = fill_fts5(store, fts.get());
        execute(fts.get(), "INSERT INTO docs(docs) VALUES ('optimize')");
        const Statement record = prepare(fts.get(), "INSERT INTO build_info (key, value) VALUES ('store_state', ?1)");
        bind_text(record.get(), 1, state);
        step(record.get());
        execute(fts.get(), "COMMIT");
    }
    fs::rename(building, fts_file);
    return documents;
}

/// Makes sure `fts_file` holds the store's documents now, and says how it got there.
void ensure_fts5(const fs::path& store_file, const fs::path& fts_file) {
    const Connection store = open_database(store_file, SQLITE_OPEN_READONLY);
    const std::string state = store_state(store.get(), store_file);
    if (built_from(fts_file, state)) {
        std::printf("  FTS5 file %s reused (built from the store as it is: %s), %.1f MB\n", fts_file.c_str(),
                    state.c_str(), static_cast<double>(fs::file_size(fts_file)) / 1e6);
        return;
    }
    std::printf("  building the FTS5 file %s from %s...\n", fts_file.c_str(), store_file.c_str());
    std::fflush(stdout);
    const auto start = Clock::now();
    const std::int64_t documents = build_fts5(store.get(), fts_file, state);
    std::printf("  FTS5 file built in %.1f s (%lld documents, optimize included), %.1f MB\n",
                milliseconds_since(start) / 1000, static_cast<long long>(documents),
                static_cast<double>(fs::file_size(fts_file)) / 1e6);
}

// ---- Queries as FTS5 reads them ----

/// The characters (code points) of UTF-8 `word`: its bytes that are not continuation bytes.
std::size_t code_points(const std::string& word) {
    const auto starts_character = [](char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; };
    return static_cast<std::size_t>(std::count_if(word.begin(), word.end(), starts_character));
}

struct Fts5Query {
    std::string match;                       // the words of 3+ characters, quoted, ANDed
    std::vector<std::string> short_words;    // the others, as they are
    std::vector<std::string> like_patterns;  // the others as LIKE patterns ('\' escapes)
    bool skipped() const { return match.empty(); }
};

Fts5Query to_fts5(const std::string& query) {
    Fts5Query fts;
    std::istringstream words(query);
    for (std::string word; words >> word;) {
        if (code_points(word) >= 3) {
            std::string quoted = "\"";
            for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            fts.match += (fts.match.empty() ? "" : " ") + quoted + "\"";
            continue;
        }
        std::string pattern = "%";
        for (char c : word) pattern += (c == '%' || c == '_' || c == '\\') ? std::string{'\\', c} : std::string(1, c);
        fts.short_words.push_back(word);
        fts.like_patterns.push_back(pattern + "%");
    }
    return fts;
}

/// Searches the FTS5 file as the search page would: the count of matches and a page of 10.
class Fts5Search {
public:
    explicit Fts5Search(const fs::path& file) : db_(open_database(file, SQLITE_OPEN_READONLY)) {}

    /// The two statements a query runs, prepared on first use and kept.
    struct Statements {
        sqlite3_stmt* count;
        sqlite3_stmt* page;
    };
    Statements statements(const Fts5Query& query) {
        return {statement("SELECT count(*) FROM docs WHERE " + where(query)),
                statement("SELECT id, title, snippet(docs, 2, '<b>', '</b>', '…', 12) FROM docs WHERE " +
                          where(query) + " ORDER BY rank LIMIT 10")};
    }

    /// The number of matches; the page's hits are read (and their size kept) as a page would.
    std::int64_t run(const Fts5Query& query, Statements statements) {
        bind(statements.count, query);
        step(statements.count);
        const std::int64_t matches = sqlite3_column_int64(statements.count, 0);
        sqlite3_reset(statements.count);
        bind(statements.page, query);
        while (step(statements.page))
            for (int column = 0; column < 3; ++column) page_bytes_ += column_text(statements.page, column).size();
        sqlite3_reset(statements.page);
        return matches;
    }
    std::size_t page_bytes() const { return page_bytes_; }

private:
    static std::string where(const Fts5Query& query) {
        std::string sql = "docs MATCH ?1";
        for (std::size_t i = 0; i < query.like_patterns.size(); ++i) {
            std::string parameter = "?";
            parameter += std::to_string(i + 2);
            sql += " AND (title LIKE " + parameter + " ESCAPE '\\' OR body LIKE " + parameter + " ESCAPE '\\')";
        }
        return sql;
    }
    static void bind(sqlite3_stmt* statement, const Fts5Query& query) {
        bind_text(statement, 1, query.match);
        for (std::size_t i = 0; i < query.like_patterns.size(); ++i)
            bind_text(statement, static_cast<int>(i + 2), query.like_patterns[i]);
    }
    sqlite3_stmt* statement(const std::string& sql) {
        auto& prepared = prepared_[sql];
        if (!prepared) prepared = prepare(db_.get(), sql);
        return prepared.get();
    }

    Connection db_;
    std::map<std::string, Statement> prepared_;
    std::size_t page_bytes_ = 0;
};

// ---- The measurement ----

struct Options {
    std::string db = "/tmp/techbridge-match-bench";
    int rounds = 20;
    bool per_query = false;
};

[[noreturn]] void usage() {
    std::fprintf(stderr, "usage: fts5_compare [--db DIR] [--rounds N >= 1] [--per-query]\n");
    std::exit(2);
}

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const bool has_value = i + 1 < argc;
        if (!std::strcmp(argv[i], "--per-query")) options.per_query = true;
        else if (has_value && !std::strcmp(argv[i], "--db")) options.db = argv[++i];
        else if (has_value && !std::strcmp(argv[i], "--rounds")) options.rounds = std::atoi(argv[++i]);
        else usage();
    }
    if (options.rounds < 1 || options.db.empty()) usage();
    while (options.db.size() > 1 && options.db.back() == '/') options.db.pop_back();
    return options;
}

/// Each query's figures: its latencies (one a round) and numbers of matches on both sides.
struct QueryFigures {
    std::string text;
    Fts5Query fts;
    std::vector<double> techbridge_ms, fts5_ms;
    std::size_t techbridge_total = 0, techbridge_complete = 0;
    std::int64_t fts5_matches = 0;
};

void techbridge_pass(Searcher& searcher, std::vector<QueryFigures>& queries, bool record) {
    for (auto& query : queries) {
        SearchRequest request;
        request.query = query.text;
        request.limit = 10;
        const auto start = Clock::now();
        const SearchResult result = searcher.search(request);
        const double elapsed = milliseconds_since(start);
        if (record) query.techbridge_ms.push_back(elapsed);
        query.techbridge_total = result.total;
        query.techbridge_complete = result.complete;
    }
}

void fts5_pass(Fts5Search& fts, std::vector<QueryFigures>& queries, bool record) {
    for (auto& query : queries) {
        const Fts5Search::Statements statements = fts.statements(query.fts);
        const auto start = Clock::now();
        query.fts5_matches = fts.run(query.fts, statements);
        const double elapsed = milliseconds_since(start);
        if (record) query.fts5_ms.push_back(elapsed);
    }
}

/// The queries FTS5 can answer, and a line on each whose short words it filters or skips.
std::vector<QueryFigures> compared_queries(const std::vector<std::string>& texts) {
    std::vector<QueryFigures> queries;
    for (const auto& text : texts) {
        QueryFigures query{text, to_fts5(text), {}, {}};
        std::string words;
        for (const auto& word : query.fts.short_words) words += (words.empty() ? "" : ", ") + word;
        if (query.fts.skipped()) {
            std::printf("  skipped (no word of 3+ characters for FTS5 trigram to look up): %s\n", text.c_str());
            continue;
        }
        if (!words.empty())
            std::printf("  short words (< 3 characters) matched with LIKE '%%word%%' on title or body: %s in \"%s\"\n",
                        words.c_str(), text.c_str());
        queries.push_back(std::move(query));
    }
    return queries;
}

void print_figures(const Options& options, const std::vector<QueryFigures>& queries) {
    std::vector<double> techbridge, fts5;
    for (const auto& query : queries) {
        techbridge.insert(techbridge.end(), query.techbridge_ms.begin(), query.techbridge_ms.end());
        fts5.insert(fts5.end(), query.fts5_ms.begin(), query.fts5_ms.end());
    }
    const double techbridge_p50 = percentile(techbridge, 0.5), fts5_p50 = percentile(fts5, 0.5);
    std::printf("  TechBridge, search, 10 hits with snippets, facets:     p50 %.2f ms  p99 %.2f ms\n", techbridge_p50,
                percentile(techbridge, 0.99));
    std::printf("  FTS5 trigram, count + 10 hits by bm25 with snippets:   p50 %.2f ms  p99 %.2f ms\n", fts5_p50,
                percentile(fts5, 0.99));
    std::printf("TechBridge p50 %.2f ms, FTS5 trigram p50 %.2f ms: %.2fx (goal <= 2x)\n", techbridge_p50, fts5_p50,
                techbridge_p50 / fts5_p50);
    if (!options.per_query) return;
    std::printf("  per query, median of %d rounds: TechBridge ms, FTS5 ms, TechBridge matches (of them complete), "
                "FTS5 matches, query\n",
                options.rounds);
    for (const auto& query : queries) {
        std::printf("  %7.2f %7.2f %7zu (%7zu) %7lld  %s\n", percentile(query.techbridge_ms, 0.5),
                    percentile(query.fts5_ms, 0.5), query.techbridge_total, query.techbridge_complete,
                    static_cast<long long>(query.fts5_matches), query.text.c_str());
    }
}

int run(const Options& options) {
    const StoragePaths paths{options.db};
    if (!fs::is_directory(paths.index_dir())) {
        std::fprintf(stderr,
                     "fts5_compare: no index at %s: run build/bench/match_speed first (it leaves 110,000 documents "
                     "indexed in /tmp/techbridge-match-bench), or pass --db DIR of a database with an index\n",
                     paths.index_dir().c_str());
        return 1;
    }
    if (!fs::exists(paths.store_file())) {
        std::fprintf(stderr, "fts5_compare: no document store at %s: run build/bench/match_speed first\n",
                     paths.store_file().c_str());
        return 1;
    }
    const std::vector<std::string> texts = read_queries(TECHBRIDGE_SOURCE_DIR "/bench/search_queries.txt");
    std::printf("build/bench/fts5_compare --db %s --rounds %d: one thread, no result cache\n", options.db.c_str(),
                options.rounds);
    const fs::path fts_file = options.db + "-fts5.sqlite";
    ensure_fts5(paths.store_file(), fts_file);
    std::vector<QueryFigures> queries = compared_queries(texts);
    if (queries.empty()) throw std::runtime_error("no query of bench/search_queries.txt can be run by FTS5");

    Searcher searcher(paths, KnowledgeBase::builtin(), Dictionaries::installed());
    Fts5Search fts(fts_file);
    techbridge_pass(searcher, queries, false);  // warm the caches
    fts5_pass(fts, queries, false);
    for (int round = 0; round < options.rounds; ++round) {
        techbridge_pass(searcher, queries, true);
        fts5_pass(fts, queries, true);
    }
    std::printf("  %zu of %zu queries x %d rounds (FTS5 pages read: %zu bytes)\n", queries.size(), texts.size(),
                options.rounds, fts.page_bytes());
    print_figures(options, queries);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(parse_options(argc, argv));
    } catch (const std::exception& error) {
        std::fprintf(stderr, "fts5_compare: %s\n", error.what());
        return 1;
    }
}
