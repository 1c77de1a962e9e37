#include <doctest/doctest.h>

#include "document_store.h"
#include "document_validation.h"
#include "errors.h"
#include "test_support.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

Document sample(const std::string& title) {
    auto parse = parse_document({{"id", "s-1"},
                                 {"kind", "demand"},
                                 {"lang", "zh"},
                                 {"title", title},
                                 {"body", "我公司需要一种寒区风电叶片防冰除冰技术，要求零下三十度可靠运行。"},
                                 {"keywords", {"防冰", "风电"}},
                                 {"trl", 5},
                                 {"region", "CN-HL"},
                                 {"custom", {{"a", 1}}}});
    REQUIRE(parse.ok());
    return parse.document;
}

}  // namespace

TEST_CASE("a document round-trips through the store with its source") {
    TempDir dir;
    DocumentStore store(dir / "store.sqlite");
    const auto run = store.begin_run("test");
    const Document doc = sample("风电叶片防冰技术需求");
    CHECK(store.put(doc, {"in.md", 1, "raw text"}, run) == PutOutcome::added);
    const auto stored = store.get("s-1");
    REQUIRE(stored);
    CHECK(stored->document == doc);
    CHECK(stored->source.path == "in.md");
    CHECK(stored->source.raw == "raw text");
    CHECK(stored->revision == 1);
    CHECK_FALSE(store.get("missing"));
}

TEST_CASE("a document's summary holds the fields a search hit shows, as stored") {
    TempDir dir;
    DocumentStore store(dir / "store.sqlite");
    const auto run = store.begin_run("test");
    const Document doc = sample("风电叶片防冰技术需求");
    store.put(doc, {"in.md", 1, "raw text"}, run);
    const auto summary = store.summary("s-1");
    REQUIRE(summary);
    CHECK(summary->kind == DocumentKind::demand);
    CHECK(summary->lang == Language::zh);
    CHECK(summary->title == "风电叶片防冰技术需求");
    CHECK(summary->region == "CN-HL");
    CHECK(summary->organization.empty());
    CHECK(summary->trl == 5);
    CHECK(summary->body == doc.body);

    auto parse = parse_document({{"id", "s-2"}, {"kind", "offer"}, {"lang", "ru"}, {"title", "Катализатор"},
                                 {"organization", "Институт катализа"}, {"body", "Текст \"в кавычках\"\nи строки."}});
    REQUIRE(parse.ok());
    store.put(parse.document, {"in.jsonl", 2, "{}"}, run);
    const auto other = store.summary("s-2");
    REQUIRE(other);
    CHECK(other->kind == DocumentKind::offer);
    CHECK(other->organization == "Институт катализа");
    CHECK_FALSE(other->trl);
    CHECK(other->body == "Текст \"в кавычках\"\nи строки.");
    CHECK_FALSE(store.summary("missing"));
}

TEST_CASE("an unchanged document is left alone and a changed one is replaced with its old version kept") {
    TempDir dir;
    DocumentStore store(dir / "store.sqlite");
    const auto run = store.begin_run("test");
    CHECK(store.put(sample("风电叶片防冰技术需求"), {"in.md", 1, "v1"}, run) == PutOutcome::added);
    CHECK(store.put(sample("风电叶片防冰技术需求"), {"in.md", 1, "v1"}, run) == PutOutcome::unchanged);
    CHECK(store.put(sample("风电叶片防冰除冰技术需求"), {"in.md", 1, "v2"}, run) == PutOutcome::updated);
    const auto stored = store.get("s-1");
    REQUIRE(stored);
    CHECK(stored->document.title == "风电叶片防冰除冰技术需求");
    CHECK(stored->revision == 2);
    SqliteStatement history(store.connection(), "SELECT revision, source_raw FROM document_history WHERE id = ?1");
    history.bind(1, std::string("s-1"));
    REQUIRE(history.step());
    CHECK(history.integer(0) == 1);
    CHECK(history.text(1) == "v1");
}

TEST_CASE("the store is in WAL mode with the current schema version") {
    TempDir dir;
    DocumentStore store(dir / "store.sqlite");
    SqliteStatement mode(store.connection(), "PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.text(0) == "wal");
    SqliteStatement version(store.connection(), "PRAGMA user_version");
    REQUIRE(version.step());
    CHECK(version.integer(0) == DocumentStore::schema_version);
}

TEST_CASE("a store from a newer program is refused and not damaged") {
    TempDir dir;
    {
        SqliteConnection connection(dir / "store.sqlite");
        connection.execute("PRAGMA user_version=99");
    }
    CHECK_THROWS_AS(DocumentStore(dir / "store.sqlite"), StoreError);
}

TEST_CASE("pending index work is tracked per revision") {
    TempDir dir;
    DocumentStore store(dir / "store.sqlite");
    const auto run = store.begin_run("test");
    store.put(sample("风电叶片防冰技术需求"), {"in.md", 1, "v1"}, run);
    CHECK(store.ids_pending_index() == std::vector<std::string>{"s-1"});
    store.mark_indexed("s-1", 1);
    CHECK(store.ids_pending_index().empty());
    store.put(sample("风电叶片防冰除冰技术需求"), {"in.md", 1, "v2"}, run);
    CHECK(store.ids_pending_index() == std::vector<std::string>{"s-1"});
}

TEST_CASE("counts by kind and language") {
    TempDir dir;
    DocumentStore store(dir / "store.sqlite");
    const auto run = store.begin_run("test");
    store.put(sample("风电叶片防冰技术需求"), {"in.md", 1, "v1"}, run);
    const auto counts = store.counts();
    CHECK(counts.total == 1);
    CHECK(counts.by_kind.at("demand") == 1);
    CHECK(counts.by_lang.at("zh") == 1);
}
