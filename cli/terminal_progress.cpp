#include "terminal_progress.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>

namespace techbridge::cli {
namespace {
bool drawn = false;
}

ProgressCallback terminal_progress() {
    if (!isatty(STDERR_FILENO)) return {};
    return [last = std::chrono::steady_clock::time_point{}](std::string_view stage, std::size_t done,
                                                           std::size_t total) mutable {
        const auto now = std::chrono::steady_clock::now();
        if (done != total && now - last < std::chrono::milliseconds(100)) return;
        last = now;
        std::fprintf(stderr, "\r%-10.*s %zu/%zu   ", static_cast<int>(stage.size()), stage.data(), done, total);
        std::fflush(stderr);
        drawn = true;
    };
}

void finish_terminal_progress() {
    if (drawn) std::fputc('\n', stderr);
    drawn = false;
}

}  // namespace techbridge::cli
