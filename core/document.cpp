#include "document.h"

namespace techbridge {

std::string_view to_string(DocumentKind kind) {
    switch (kind) {
        case DocumentKind::offer: return "offer";
        case DocumentKind::demand: return "demand";
        case DocumentKind::knowledge: return "knowledge";
    }
    return "offer";
}

std::optional<DocumentKind> parse_document_kind(std::string_view text) {
    if (text == "offer") return DocumentKind::offer;
    if (text == "demand") return DocumentKind::demand;
    if (text == "knowledge") return DocumentKind::knowledge;
    return std::nullopt;
}

std::string translation_field(std::string_view field, Language lang) {
    return std::string(field) + "_" + std::string(to_string(lang));
}

nlohmann::json Document::to_json() const {
    nlohmann::json out = nlohmann::json::object();
    out["id"] = id;
    out["kind"] = to_string(kind);
    out["lang"] = to_string(lang);
    out["title"] = title;
    out["body"] = body;
    auto put_text = [&](const char* name, const std::string& value) {
        if (!value.empty()) out[name] = value;
    };
    auto put_list = [&](const char* name, const std::vector<std::string>& value) {
        if (!value.empty()) out[name] = value;
    };
    put_text("summary", summary);
    put_text("organization", organization);
    put_text("region", region);
    put_list("sectors", sectors);
    put_list("keywords", keywords);
    if (trl) out["trl"] = *trl;
    put_list("cooperation", cooperation);
    put_text("ipr", ipr);
    put_text("contact", contact);
    put_text("published", published);
    put_text("expires", expires);
    put_text("url", url);
    for (const Translation& translation : translations) {
        put_text(translation_field("title", translation.lang).c_str(), translation.title);
        put_text(translation_field("summary", translation.lang).c_str(), translation.summary);
    }
    for (const auto& [key, value] : extra.items()) out[key] = value;
    return out;
}

}  // namespace techbridge
