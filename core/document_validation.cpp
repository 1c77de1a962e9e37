#include "document_validation.h"
#include "ascii_text.h"

#include <algorithm>
#include <charconv>
#include <chrono>

#include "utf8.h"

namespace techbridge {
namespace {

using nlohmann::json;

const std::vector<std::string> known_fields = {
    "id", "kind", "lang", "title", "body", "summary", "organization", "region", "sectors", "keywords",
    "trl", "cooperation", "ipr", "contact", "published", "expires", "url"};

bool is_translation_field(std::string_view key) {
    for (const Language lang : all_languages)
        if (key == translation_field("title", lang) || key == translation_field("summary", lang)) return true;
    return false;
}

class RecordReader;
void read_translations(RecordReader& reader, Document& doc);

class RecordReader {
public:
    RecordReader(const json& record, const DocumentLimits& limits, std::vector<FieldProblem>& problems)
        : record_(record), limits_(limits), problems_(problems) {}

    void problem(std::string field, std::string message) {
        problems_.push_back({std::move(field), std::move(message)});
    }

    // A text field; absent or null gives "". `limit` bounds its size in bytes.
    std::string text(const std::string& field, std::size_t limit) {
        const auto it = record_.find(field);
        if (it == record_.end() || it->is_null()) return {};
        if (!it->is_string()) {
            problem(field, "must be text, got " + std::string(it->type_name()));
            return {};
        }
        const auto& value = it->get_ref<const std::string&>();
        if (const auto bad = find_invalid_utf8(value)) {
            problem(field, "invalid UTF-8 at byte " + std::to_string(*bad) + "; save the file as UTF-8");
            return {};
        }
        if (value.size() > limit) {
            problem(field, "too large: " + std::to_string(value.size()) + " bytes, the limit is " +
                               std::to_string(limit));
            return {};
        }
        return std::string(trim(value));
    }

    std::string text(const std::string& field) { return text(field, limits_.max_field_bytes); }

    // A list field: a JSON array of strings or one comma-separated string.
    std::vector<std::string> list(const std::string& field) {
        std::vector<std::string> items;
        const auto it = record_.find(field);
        if (it == record_.end() || it->is_null()) return items;
        auto add = [&](std::string_view item) {
            std::string value(trim(item));
            if (value.empty()) return;
            if (const auto bad = find_invalid_utf8(value)) {
                problem(field, "invalid UTF-8 at byte " + std::to_string(*bad));
                return;
            }
            if (value.size() > limits_.max_field_bytes) {
                problem(field, "an item is too large (" + std::to_string(value.size()) + " bytes)");
                return;
            }
            if (std::find(items.begin(), items.end(), value) == items.end()) items.push_back(std::move(value));
        };
        if (it->is_string()) {
            const std::string& joined = it->get_ref<const std::string&>();
            std::size_t begin = 0;
            while (begin <= joined.size()) {
                std::size_t end = joined.find(',', begin);
                if (end == std::string::npos) end = joined.size();
                add(std::string_view(joined).substr(begin, end - begin));
                begin = end + 1;
            }
        } else if (it->is_array()) {
            for (const auto& element : *it) {
                if (!element.is_string()) {
                    problem(field, "list items must be text, got " + std::string(element.type_name()));
                    continue;
                }
                add(element.get_ref<const std::string&>());
            }
        } else {
            problem(field, "must be a list of text or a comma-separated text, got " + std::string(it->type_name()));
        }
        if (items.size() > limits_.max_list_items) {
            problem(field, "too many items: " + std::to_string(items.size()) + ", the limit is " +
                               std::to_string(limits_.max_list_items));
            items.resize(limits_.max_list_items);
        }
        return items;
    }

    std::optional<int> trl() {
        const auto it = record_.find("trl");
        if (it == record_.end() || it->is_null()) return std::nullopt;
        long value = 0;
        bool parsed = false;
        if (it->is_number_integer()) {
            value = it->get<long>();
            parsed = true;
        } else if (it->is_string()) {
            const std::string text(trim(it->get_ref<const std::string&>()));
            if (text.empty()) return std::nullopt;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
            parsed = error == std::errc() && end == text.data() + text.size();
        }
        if (!parsed || value < 1 || value > 9) {
            problem("trl", "must be a whole number from 1 to 9, got " + it->dump());
            return std::nullopt;
        }
        return static_cast<int>(value);
    }

    std::string date(const std::string& field) {
        std::string value = text(field);
        if (value.empty()) return value;
        const bool valid = is_iso_date(value);
        if (!valid) {
            problem(field, "must be a date written YYYY-MM-DD, got " + quoted_value(value));
            return {};
        }
        return value;
    }

private:
    const json& record_;
    const DocumentLimits& limits_;
    std::vector<FieldProblem>& problems_;
};

bool is_valid_sector_code(std::string_view code) {
    if (code.empty() || code.size() > 64) return false;
    return std::all_of(code.begin(), code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '.' || c == '_';
    });
}

// title_zh, summary_ru, ...: the document's title and summary in the other languages.
void read_translations(RecordReader& reader, Document& doc) {
    for (const Language lang : all_languages) {
        Translation translation{lang, reader.text(translation_field("title", lang)),
                                reader.text(translation_field("summary", lang))};
        if (translation.title.empty() && translation.summary.empty()) continue;
        if (lang == doc.lang) {
            const std::string field = translation_field(translation.title.empty() ? "summary" : "title", lang);
            reader.problem(field, "the document is written in " + std::string(to_string(lang)) +
                                      ": put its own title and summary in title and summary");
            continue;
        }
        doc.translations.push_back(std::move(translation));
    }
}

}  // namespace

bool is_iso_date(std::string_view value) {
    bool valid = value.size() == 10 && value[4] == '-' && value[7] == '-';
    for (std::size_t i = 0; valid && i < value.size(); ++i)
        valid = i == 4 || i == 7 || (value[i] >= '0' && value[i] <= '9');
    if (!valid) return false;
    auto number = [&](std::size_t from, std::size_t length) {
        unsigned out = 0;
        for (std::size_t i = from; i < from + length; ++i) out = out * 10 + static_cast<unsigned>(value[i] - '0');
        return out;
    };
    const std::chrono::year_month_day day{std::chrono::year{static_cast<int>(number(0, 4))},
                                          std::chrono::month{number(5, 2)}, std::chrono::day{number(8, 2)}};
    return day.ok();
}

bool is_valid_document_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
               c == '_' || c == ':' || c == '-';
    });
}

const std::vector<std::string>& cooperation_types() {
    static const std::vector<std::string> types = {
        "license", "joint_venture", "technical_cooperation", "research_cooperation",
        "equipment_supply", "investment", "training"};
    return types;
}

namespace {

// "license, joint_venture, ... or training", for messages.
std::string cooperation_choices() {
    const auto& types = cooperation_types();
    std::string choices;
    for (std::size_t i = 0; i < types.size(); ++i) choices += (i == 0 ? "" : i + 1 == types.size() ? " or " : ", ") + types[i];
    return choices;
}

}  // namespace

DocumentParse parse_document(const json& record, const DocumentLimits& limits) {
    DocumentParse result;
    if (!record.is_object()) {
        result.problems.push_back({"record", "must be a JSON object, got " + std::string(record.type_name())});
        return result;
    }
    RecordReader reader(record, limits, result.problems);
    Document& doc = result.document;

    doc.id = reader.text("id");
    if (doc.id.empty()) {
        if (!record.contains("id")) reader.problem("id", "is missing");
        else if (result.problems.empty()) reader.problem("id", "is empty");
    } else if (!is_valid_document_id(doc.id)) {
        reader.problem("id", quoted_value(doc.id) + " is not a valid id: use 1 to 64 of A-Z a-z 0-9 . _ : -");
    }

    const std::string kind = reader.text("kind");
    if (kind.empty()) {
        reader.problem("kind", "is missing: use offer, demand or knowledge");
    } else if (auto parsed = parse_document_kind(kind)) {
        doc.kind = *parsed;
    } else {
        reader.problem("kind", "unknown kind " + quoted_value(kind) + ": use offer, demand or knowledge");
    }

    doc.title = reader.text("title");
    if (doc.title.empty() && !std::any_of(result.problems.begin(), result.problems.end(),
                                          [](const FieldProblem& p) { return p.field == "title"; }))
        reader.problem("title", "is missing or empty");
    doc.body = reader.text("body", limits.max_body_bytes);
    if (doc.body.empty() && !std::any_of(result.problems.begin(), result.problems.end(),
                                         [](const FieldProblem& p) { return p.field == "body"; }))
        reader.problem("body", "is missing or empty");

    const std::string lang = reader.text("lang");
    if (lang.empty()) {
        doc.lang = detect_language(doc.title + "\n" + doc.body);
        doc.lang_detected = true;
    } else if (auto parsed = parse_language(lang)) {
        doc.lang = *parsed;
    } else {
        reader.problem("lang", "unknown language " + quoted_value(lang) + ": use zh, ru or en, or leave it out to detect it");
    }

    doc.summary = reader.text("summary");
    doc.organization = reader.text("organization");
    doc.region = reader.text("region");
    doc.sectors = reader.list("sectors");
    for (const auto& sector : doc.sectors) {
        if (!is_valid_sector_code(sector))
            reader.problem("sectors", quoted_value(sector) + " is not a sector code (letters, digits, - . _)");
    }
    doc.keywords = reader.list("keywords");
    doc.trl = reader.trl();
    doc.cooperation = reader.list("cooperation");
    const auto& allowed = cooperation_types();
    for (const auto& type : doc.cooperation)
        if (std::find(allowed.begin(), allowed.end(), type) == allowed.end())
            reader.problem("cooperation", "unknown cooperation type \"" + type + "\": use " + cooperation_choices());
    doc.ipr = reader.text("ipr");
    doc.contact = reader.text("contact");
    doc.published = reader.date("published");
    doc.expires = reader.date("expires");
    if (!doc.published.empty() && !doc.expires.empty() && doc.expires < doc.published)
        reader.problem("expires", "is before published (" + doc.expires + " < " + doc.published + ")");
    doc.url = reader.text("url");
    read_translations(reader, doc);

    for (const auto& [key, value] : record.items()) {
        if (std::find(known_fields.begin(), known_fields.end(), key) != known_fields.end()) continue;
        if (is_translation_field(key)) continue;
        if (const auto bad = find_invalid_utf8(key)) {
            reader.problem("record", "a field name has invalid UTF-8");
            continue;
        }
        doc.extra[key] = value;
    }
    return result;
}

}  // namespace techbridge
