#include "document_tags.h"

namespace techbridge {

std::string_view to_string(Provenance provenance) {
    return provenance == Provenance::stated ? "stated" : "inferred";
}

}  // namespace techbridge
