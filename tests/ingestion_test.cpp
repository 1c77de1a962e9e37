#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include <xapian.h>

#include "fixtures.h"
#include "index_synchronizer.h"
#include "errors.h"
#include "ingestion.h"
#include "knowledge_base.h"
#include "search_index.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

IngestionReport ingest(const StoragePaths& paths, const std::vector<std::filesystem::path>& inputs,
                       bool strict = false) {
    IngestionOptions options;
    options.strict = strict;
    return Ingestion(paths, options, KnowledgeBase::builtin()).run(inputs);
}

bool rejected_with(const IngestionReport& report, const std::string& text) {
    return std::any_of(report.rejected.begin(), report.rejected.end(),
                       [&](const SourceProblem& p) { return p.to_string().find(text) != std::string::npos; });
}

// Every document's terms with their wdf and positions, to compare two indexes.
std::map<std::string, std::string> index_snapshot(const std::filesystem::path& dir) {
    Xapian::Database db(dir.string());
    std::map<std::string, std::string> out;
    for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
        const Xapian::Document doc = db.get_document(*it);
        std::string terms;
        for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
            terms += *term + ":" + std::to_string(term.get_wdf()) + "@";
            for (auto pos = term.positionlist_begin(); pos != term.positionlist_end(); ++pos)
                terms += std::to_string(*pos) + ",";
            terms += ";";
        }
        for (Xapian::valueno slot = 0; slot < 3; ++slot) terms += "|" + doc.get_value(slot);
        out[doc.get_data()] = terms;
    }
    return out;
}

}  // namespace

TEST_CASE("a trilingual collection is stored and indexed") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    const auto report = ingest(paths, {write_fixture_collection(dir)});
    CHECK(report.files == 5);
    CHECK(report.records == 6);
    CHECK(report.summary.added == 6);
    CHECK(report.summary.rejected == 0);
    CHECK(report.indexed == 6);
    CHECK(Xapian::Database((dir / "db" / "index").string()).get_doccount() == 6);
}

TEST_CASE("indexing the same input again changes nothing") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    const auto docs = write_fixture_collection(dir);
    ingest(paths, {docs});
    const auto before = index_snapshot(paths.index_dir());
    const auto again = ingest(paths, {docs});
    CHECK(again.summary.unchanged == 6);
    CHECK(again.summary.added == 0);
    CHECK(again.summary.updated == 0);
    CHECK(again.indexed == 0);
    CHECK(index_snapshot(paths.index_dir()) == before);
}

TEST_CASE("a changed document replaces its old version in store and index") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    ingest(paths, {write_fixture_collection(dir)});
    std::string changed(russian_catalyst_offer);
    changed.replace(changed.find("дизельного топлива"), std::string("дизельного топлива").size(), "бензина");
    dir.write("docs/ru/t-off-ru-2.md", changed);
    const auto report = ingest(paths, {dir / "docs"});
    CHECK(report.summary.updated == 1);
    CHECK(report.summary.unchanged == 5);
    Xapian::Database db(paths.index_dir().string());
    CHECK(db.get_doccount() == 6);
    CHECK(db.get_termfreq("бензина") == 1);
    CHECK(db.get_termfreq("дизельного") == 0);
}

TEST_CASE("reindex rebuilds an index equal to the incremental one") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    ingest(paths, {write_fixture_collection(dir)});
    const auto before = index_snapshot(paths.index_dir());
    REQUIRE(before.size() == 6);
    DocumentStore store = open_store(paths);
    TextAnalyzer analyzer(KnowledgeBase::builtin().han_words());
    const auto report = IndexSynchronizer(paths, store, analyzer, {}, KnowledgeBase::builtin()).rebuild();
    CHECK(report.indexed == 6);
    CHECK(index_snapshot(paths.index_dir()) == before);
    CHECK_FALSE(std::filesystem::exists(paths.index_dir().string() + ".new"));
    CHECK(store.ids_pending_index().empty());
}

TEST_CASE("a lost index is rebuilt from the store by the next run") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    const auto docs = write_fixture_collection(dir);
    ingest(paths, {docs});
    std::filesystem::remove_all(paths.index_dir());
    const auto report = ingest(paths, {docs});
    CHECK(report.indexed == 6);
    CHECK(Xapian::Database(paths.index_dir().string()).get_doccount() == 6);
}

TEST_CASE("malformed records are reported as file:line: field and the rest still load") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    ingest(paths, {write_fixture_collection(dir)});
    const auto bad = dir.write("bad/mixed.jsonl",
        "{\"id\":\"ok-1\",\"kind\":\"offer\",\"lang\":\"ru\",\"title\":\"Гидроочистка\",\"body\":\"Катализатор гидроочистки.\"}\n"
        "{\"id\":\"bad-json\",\"kind\":\n"
        "{\"id\":\"no-title\",\"kind\":\"offer\",\"body\":\"Текст без заголовка\"}\n"
        "{\"id\":\"bad-kind\",\"kind\":\"proposal\",\"title\":\"Заголовок\",\"body\":\"Текст\"}\n"
        "{\"id\":\"bad-trl\",\"kind\":\"offer\",\"title\":\"TRL\",\"body\":\"Текст\",\"trl\":10}\n"
        "{\"id\":\"ok-1\",\"kind\":\"offer\",\"title\":\"Дубликат\",\"body\":\"Текст\"}\n"
        "{\"id\":\"bad-utf8\",\"kind\":\"offer\",\"title\":\"\xc3\x28\",\"body\":\"x\"}\n");
    const std::string file = bad.string();
    const auto report = ingest(paths, {bad});
    CHECK(report.summary.added == 1);
    CHECK(report.summary.rejected == 6);
    CHECK(rejected_with(report, file + ":2: record: not valid JSON"));
    CHECK(rejected_with(report, file + ":3: title: is missing or empty"));
    CHECK(rejected_with(report, file + ":4: kind: unknown kind \"proposal\""));
    CHECK(rejected_with(report, file + ":5: trl: must be a whole number from 1 to 9"));
    CHECK(rejected_with(report, file + ":6: id: duplicate id \"ok-1\", first seen at " + file + ":1"));
    CHECK(rejected_with(report, file + ":7: record: invalid UTF-8"));
    // What was stored before is still there.
    DocumentStore store = open_store(paths);
    CHECK(store.counts().total == 7);
    CHECK(store.get("t-off-ru-1"));
}

TEST_CASE("a Markdown field problem names the header line") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    const auto file = dir.write("bad.md", "---\nid: x-1\nkind: offer\ntitle: Заголовок\ntrl: 0\n---\nТекст предложения.\n");
    const auto report = ingest(paths, {file});
    CHECK(rejected_with(report, file.string() + ":5: trl: must be a whole number from 1 to 9"));
}

TEST_CASE("strict mode stores nothing when anything is rejected") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    const auto docs = write_fixture_collection(dir);
    dir.write("docs/broken.md", "no header here\n");
    const auto report = ingest(paths, {docs}, true);
    CHECK_FALSE(report.stored);
    CHECK(report.summary.rejected == 1);
    DocumentStore store = open_store(paths);
    CHECK(store.counts().total == 0);
}

TEST_CASE("missing and unsupported inputs are refused before anything is stored") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    CHECK_THROWS_WITH_AS(ingest(paths, {dir / "nope"}), doctest::Contains("no such file or folder"), InvalidInputError);
    const auto pdf = dir.write("brochure.pdf", "%PDF");
    CHECK_THROWS_WITH_AS(ingest(paths, {pdf}), doctest::Contains("use .md"), InvalidInputError);
    CHECK_FALSE(std::filesystem::exists(paths.store_file()));
}

TEST_CASE("an index built by another analysis or knowledge version is rebuilt") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    const auto docs = write_fixture_collection(dir);
    ingest(paths, {docs});
    {
        Xapian::WritableDatabase db(paths.index_dir().string());
        db.set_metadata("techbridge.analysis_version", "old-analysis");
        db.commit();
    }
    const auto report = ingest(paths, {docs});
    CHECK(report.indexed == 6);
    Xapian::Database db(paths.index_dir().string());
    const std::string recorded = db.get_metadata("techbridge.analysis_version");
    CHECK(recorded.starts_with(TextAnalyzer::version() + "/"));
    CHECK(recorded.find(KnowledgeBase::builtin().version()) != std::string::npos);
}

TEST_CASE("an unknown sector code is rejected with its file and line") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    const auto file = dir.write("s.md", "---\nid: s-1\nkind: offer\ntitle: Сварка\nsectors: welding-stuff\n---\nТекст.\n");
    const auto report = ingest(paths, {file});
    CHECK(rejected_with(report, file.string() + ":5: sectors: unknown sector \"welding-stuff\""));
}

TEST_CASE("tags are stored with their provenance and indexed as terms") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    ingest(paths, {write_fixture_collection(dir)});
    DocumentStore store = open_store(paths);
    const DocumentTags tags = store.tags("t-dem-zh-2");
    const bool cnc = std::any_of(tags.concepts.begin(), tags.concepts.end(),
                                 [](const ConceptCount& c) { return c.concept_id == "cnc-machine-tool"; });
    CHECK(cnc);
    REQUIRE(!tags.sectors.empty());
    CHECK(tags.sectors.front().provenance == Provenance::inferred);
    CHECK(tags.regions == std::vector<TaggedCode>{{"CN-LN", Provenance::stated}});
    Xapian::Database db(paths.index_dir().string());
    CHECK(db.get_termfreq("XClaser-welding") >= 3);
    CHECK(db.get_termfreq("XRcn-ln") == 2);
    // Several documents at once, as a page of hits asks: each as alone, an unknown one empty.
    const std::vector<std::string> ids = {"t-dem-zh-2", "no-such-document", "t-off-ru-1"};
    const std::map<std::string, DocumentTags> together = store.tags_of(ids);
    REQUIRE(together.size() == 3);
    CHECK(together.at("t-dem-zh-2") == tags);
    CHECK(together.at("no-such-document") == DocumentTags{});
    CHECK(together.at("t-off-ru-1") == store.tags("t-off-ru-1"));
    CHECK(!together.at("t-off-ru-1").concepts.empty());
}
