#include "source_record.h"

namespace techbridge {

std::string SourceProblem::to_string() const {
    return path + ":" + std::to_string(line) + ": " + field + ": " + message;
}

}  // namespace techbridge
