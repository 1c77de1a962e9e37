#include <doctest/doctest.h>

#include <stdexcept>
#include <thread>

#include "overlapped_indexing.h"

using namespace techbridge;

namespace {

Document document_with_id(std::string id) {
    Document document;
    document.id = std::move(id);
    return document;
}

}  // namespace

TEST_CASE("overlapped indexing writes every document once, in the order added, prepared off the writing thread") {
    const auto writer_thread = std::this_thread::get_id();
    std::vector<std::thread::id> preparing_threads;
    std::vector<std::string> written;
    std::vector<std::int64_t> revisions;
    std::vector<std::size_t> chunk_sizes;
    OverlappedIndexing indexing(
        [&](const Document& document, std::int64_t revision) {
            preparing_threads.push_back(std::this_thread::get_id());
            Xapian::Document terms;
            terms.add_term("Q" + document.id);
            return PreparedDocument{document.id, revision, {}, terms};
        },
        [&](std::vector<PreparedDocument>& chunk) {
            CHECK(std::this_thread::get_id() == writer_thread);
            chunk_sizes.push_back(chunk.size());
            for (const auto& done : chunk) {
                written.push_back(done.id);
                revisions.push_back(done.revision);
                CHECK(done.terms.termlist_count() == 1);
            }
        },
        3);
    const Document kept = document_with_id("d0");
    indexing.add(kept, 10);  // the caller's document, not copied
    for (int i = 1; i < 8; ++i) indexing.add(document_with_id("d" + std::to_string(i)), 10 + i);
    indexing.finish();

    CHECK(written == std::vector<std::string>{"d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7"});
    CHECK(revisions == std::vector<std::int64_t>{10, 11, 12, 13, 14, 15, 16, 17});
    CHECK(chunk_sizes == std::vector<std::size_t>{3, 3, 2});
    REQUIRE(preparing_threads.size() == 8);
    // The full chunks were prepared on the worker; only the rest is prepared by finish() itself.
    for (std::size_t i = 0; i < 6; ++i) CHECK(preparing_threads[i] != writer_thread);
}

TEST_CASE("overlapped indexing hands a preparation failure to the caller and writes nothing after it") {
    std::vector<std::string> written;
    OverlappedIndexing indexing(
        [](const Document& document, std::int64_t) -> PreparedDocument {
            if (document.id == "bad") throw std::runtime_error("cannot analyse bad");
            return PreparedDocument{document.id, 1, {}, {}};
        },
        [&](std::vector<PreparedDocument>& chunk) {
            for (const auto& done : chunk) written.push_back(done.id);
        },
        2);
    indexing.add(document_with_id("a"), 1);
    indexing.add(document_with_id("b"), 1);
    indexing.add(document_with_id("bad"), 1);
    indexing.add(document_with_id("c"), 1);  // the chunk with "bad" now goes to the worker
    CHECK_THROWS_WITH(indexing.finish(), "cannot analyse bad");
    CHECK(written == std::vector<std::string>{"a", "b"});
}
