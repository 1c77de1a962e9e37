#include "index_layout.h"
#include "ascii_text.h"

#include <unicode/utf8.h>

namespace techbridge::index_layout {

std::string id_term(std::string_view id) {
    std::string term(id_prefix);
    term += id;  // ids are at most 64 ASCII characters: always under Xapian's term limit
    return term;
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    term += lower_ascii(value);
    if (term.size() > max_term_bytes) {
        // Cut before the code point that straddles the limit, never inside it.
        int32_t cut = static_cast<int32_t>(max_term_bytes);
        U8_SET_CP_START(reinterpret_cast<const uint8_t*>(term.data()), 0, cut);
        term.resize(static_cast<std::size_t>(cut));
    }
    return term;
}

}  // namespace techbridge::index_layout
