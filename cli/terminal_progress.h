#pragma once
// A one-line progress display, drawn only when standard error is a terminal.
#include <string_view>

#include "progress.h"

namespace techbridge::cli {

/// A ProgressCallback that redraws "stage done/total" in place on a terminal and
/// does nothing when output goes to a file or a pipe.
ProgressCallback terminal_progress();
/// Ends the progress line (if one was drawn).
void finish_terminal_progress();

}  // namespace techbridge::cli
