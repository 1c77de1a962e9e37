#pragma once
// What ties a document to the knowledge base: its concepts, sectors and regions.
#include <string>
#include <string_view>
#include <vector>

namespace techbridge {

enum class Provenance { stated, inferred };

std::string_view to_string(Provenance provenance);

struct ConceptCount {
    std::string concept_id;
    int count = 0;  // mentions in the document
    bool operator==(const ConceptCount&) const = default;
};

struct TaggedCode {
    std::string id;  // sector id or region id
    Provenance provenance = Provenance::stated;
    bool operator==(const TaggedCode&) const = default;
};

struct DocumentTags {
    std::vector<ConceptCount> concepts;  // most mentioned first
    std::vector<TaggedCode> sectors;
    std::vector<TaggedCode> regions;
    bool operator==(const DocumentTags&) const = default;
};

}  // namespace techbridge
