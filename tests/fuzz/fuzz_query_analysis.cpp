// Fuzz target: what a user types into the search box, analysed and turned into a query.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dictionaries.h"
#include "query_builder.h"
#include "text_analyzer.h"
#include "utf8.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static techbridge::TextAnalyzer analyzer(techbridge::KnowledgeBase::builtin().han_words());
    static techbridge::QueryBuilder queries(analyzer, techbridge::KnowledgeBase::builtin(), techbridge::Dictionaries::installed());
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (techbridge::find_invalid_utf8(text)) return 0;  // the server refuses these before analysis
    (void)queries.build(text);
    (void)analyzer.analyze(text);
    return 0;
}
