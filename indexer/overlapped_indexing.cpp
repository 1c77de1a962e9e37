#include "overlapped_indexing.h"

#include <utility>

namespace techbridge {

OverlappedIndexing::OverlappedIndexing(Prepare prepare, Write write, std::size_t chunk_size)
    : prepare_(std::move(prepare)), write_(std::move(write)), chunk_size_(chunk_size == 0 ? 1 : chunk_size) {
    filling_.reserve(chunk_size_);
}

OverlappedIndexing::~OverlappedIndexing() {
    // Leaving early (an exception while writing): let the worker end before what it uses goes.
    if (in_flight_.valid()) in_flight_.wait();
}

void OverlappedIndexing::add(const Document& document, std::int64_t revision) {
    filling_.push_back({&document, std::nullopt, revision});
    if (filling_.size() >= chunk_size_) chunk_filled();
}

void OverlappedIndexing::add(Document&& document, std::int64_t revision) {
    Pending pending;
    pending.owned = std::move(document);
    pending.revision = revision;
    filling_.push_back(std::move(pending));
    if (filling_.size() >= chunk_size_) chunk_filled();
}

std::vector<PreparedDocument> OverlappedIndexing::prepared(Chunk chunk) const {
    std::vector<PreparedDocument> out;
    out.reserve(chunk.size());
    for (const auto& pending : chunk)
        out.push_back(prepare_(pending.owned ? *pending.owned : *pending.document, pending.revision));
    return out;
}

void OverlappedIndexing::chunk_filled() {
    std::optional<std::vector<PreparedDocument>> ready;
    if (in_flight_.valid()) ready = in_flight_.get();
    Chunk chunk = std::move(filling_);
    filling_ = Chunk();
    filling_.reserve(chunk_size_);
    in_flight_ = std::async(std::launch::async, [this, chunk = std::move(chunk)]() mutable {
        return prepared(std::move(chunk));
    });
    if (ready) write_(*ready);
}

void OverlappedIndexing::finish() {
    if (in_flight_.valid()) {
        auto ready = in_flight_.get();
        write_(ready);
    }
    if (!filling_.empty()) {
        auto rest = prepared(std::move(filling_));
        filling_ = Chunk();
        write_(rest);
    }
}

}  // namespace techbridge
