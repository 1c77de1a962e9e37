#include "batch_matching.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace techbridge {

std::vector<MatchResult> match_each(const StoragePaths& paths, const MatchingData& data, const std::vector<MatchRequest>& requests,
                                    const std::function<void(std::size_t, std::size_t)>& progress) {
    std::vector<MatchResult> results(requests.size());
    std::atomic<std::size_t> next{0}, done{0};
    std::mutex mutex;
    std::exception_ptr failure;
    auto work = [&] {
        try {
            Matcher matcher(paths, data);
            for (std::size_t i = next++; i < requests.size(); i = next++) {
                results[i] = matcher.match(requests[i]);
                const std::size_t finished = ++done;
                if (progress) {
                    std::lock_guard lock(mutex);
                    progress(finished, requests.size());
                }
            }
        } catch (...) {
            std::lock_guard lock(mutex);
            if (!failure) failure = std::current_exception();
            next = requests.size();
        }
    };
    const unsigned threads = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);
    for (auto& worker : workers) worker.join();
    if (failure) std::rethrow_exception(failure);
    return results;
}

}  // namespace techbridge
