#pragma once
// A TechBridge document: a technology offer, a technology demand or background knowledge.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "language.h"

namespace techbridge {

enum class DocumentKind { offer, demand, knowledge };

std::string_view to_string(DocumentKind kind);
std::optional<DocumentKind> parse_document_kind(std::string_view text);

/// A document's own title and summary in another language than its own, given by its
/// author (fields title_zh, summary_ru, ...): shown to readers of that language and searched.
struct Translation {
    Language lang = Language::en;
    std::string title;
    std::string summary;
    bool operator==(const Translation&) const = default;
};

/// The field a translation's title or summary is written in: "title_zh", "summary_ru", ...
std::string translation_field(std::string_view field, Language lang);

struct Document {
    std::string id;
    DocumentKind kind = DocumentKind::offer;
    Language lang = Language::en;
    bool lang_detected = false;  // true when `lang` was not given and was detected from the text
    std::string title;
    std::string body;
    std::string summary;
    std::string organization;
    std::string region;
    std::vector<std::string> sectors;
    std::vector<std::string> keywords;
    std::optional<int> trl;
    std::vector<std::string> cooperation;
    std::string ipr;
    std::string contact;
    std::string published;  // ISO date YYYY-MM-DD, or empty
    std::string expires;    // ISO date YYYY-MM-DD, or empty
    std::string url;
    std::vector<Translation> translations;  // in zh, ru, en order, none in the document's own language
    nlohmann::json extra = nlohmann::json::object();  // fields the contract does not know, kept as given

    /// The document as a JSON object: every set field, unknown fields included.
    /// This is the form the store keeps and the export writes.
    nlohmann::json to_json() const;

    bool operator==(const Document&) const = default;
};

}  // namespace techbridge
