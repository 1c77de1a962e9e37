#pragma once
// Prepares documents for the index on a thread of its own while the index writes the last ones.
#include <cstdint>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "document.h"
#include "document_tags.h"

namespace techbridge {

/// A document on its way into the index: what the index writer needs (its terms) and what the
/// store records once the index holds it (revision and tags).
struct PreparedDocument {
    std::string id;
    std::int64_t revision = 0;
    DocumentTags tags;
    Xapian::Document terms;
};

/// Xapian's writer is single-threaded and takes about as long to add a document's postings as
/// analysis and tagging take to make them, so the two run side by side: documents are taken in
/// chunks; while the caller's thread writes one chunk, the next is prepared on a worker thread.
/// Chunks are written in the order they were added. `prepare` runs on the worker thread only and
/// must not touch what `write` touches (the store, the index writer).
class OverlappedIndexing {
public:
    struct Pending {
        const Document* document = nullptr;  // the caller's, or `owned`
        std::optional<Document> owned;
        std::int64_t revision = 0;
    };
    using Prepare = std::function<PreparedDocument(const Document&, std::int64_t revision)>;
    using Write = std::function<void(std::vector<PreparedDocument>&)>;

    OverlappedIndexing(Prepare prepare, Write write, std::size_t chunk_size = 128);
    ~OverlappedIndexing();
    OverlappedIndexing(const OverlappedIndexing&) = delete;
    OverlappedIndexing& operator=(const OverlappedIndexing&) = delete;

    void add(const Document& document, std::int64_t revision);
    void add(Document&& document, std::int64_t revision);
    /// Prepares and writes what is left; call it before using what `write` produced.
    void finish();

private:
    using Chunk = std::vector<Pending>;
    void chunk_filled();
    std::vector<PreparedDocument> prepared(Chunk chunk) const;

    Prepare prepare_;
    Write write_;
    std::size_t chunk_size_;
    Chunk filling_;
    std::future<std::vector<PreparedDocument>> in_flight_;
};

}  // namespace techbridge
