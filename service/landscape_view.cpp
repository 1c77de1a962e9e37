#include "landscape_view.h"

#include "landscape.h"
#include "landscape_json.h"

namespace techbridge {

nlohmann::json LandscapeView::current(std::int64_t latest_run) {
    std::lock_guard lock(mutex_);
    if (built_for_run_ != latest_run) {
        built_ = to_json(build_landscape(paths_, data_), data_.knowledge);
        built_for_run_ = latest_run;
    }
    return built_;
}

}  // namespace techbridge
