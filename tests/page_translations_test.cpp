// The page's texts (web/assets/i18n-zh.json, i18n-ru.json, i18n-en.json, issue 15): the
// three languages have the same keys, no empty text and the same {placeholders}, and every
// key the scripts name literally has an English text. The files are read as the binary
// embeds them (web_asset_files()), so a file missing from web/CMakeLists.txt fails here too.
#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "asset_encoding.h"

using namespace techbridge;

namespace {

const std::vector<std::string> languages = {"zh", "ru", "en"};

const EmbeddedFile* embedded(std::string_view path) {
    for (const auto& file : web_asset_files())
        if (file.path == path) return &file;
    return nullptr;
}

/// A language's texts, key → text; REQUIREs a flat object of strings.
std::map<std::string, std::string> texts_of(const std::string& lang) {
    const std::string path = "web/assets/i18n-" + lang + ".json";
    const EmbeddedFile* file = embedded(path);
    REQUIRE_MESSAGE(file != nullptr, path << " is not among the embedded web assets (web/CMakeLists.txt)");
    nlohmann::json parsed;
    REQUIRE_NOTHROW(parsed = nlohmann::json::parse(file->content));
    REQUIRE_MESSAGE(parsed.is_object(), path << " must be an object of key → text");
    std::map<std::string, std::string> texts;
    for (const auto& [key, value] : parsed.items()) {
        INFO(path, ": ", key);
        REQUIRE_MESSAGE(value.is_string(), "the value must be a text, not " << value.type_name());
        texts[key] = value.get<std::string>();
    }
    return texts;
}

std::set<std::string> keys_of(const std::map<std::string, std::string>& texts) {
    std::set<std::string> keys;
    for (const auto& [key, text] : texts) keys.insert(key);
    return keys;
}

std::string joined(const std::set<std::string>& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
    return out;
}

/// The names between braces, as the page's t() replaces them: "{n} of {total}" → {n, total}.
std::set<std::string> placeholders(const std::string& text) {
    static const std::regex pattern(R"(\{(\w+)\})");
    std::set<std::string> names;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
        names.insert((*it)[1].str());
    return names;
}

struct ScriptKeys {
    std::size_t scripts = 0;
    std::set<std::string> keys;      // t('some.key') and t('some.key', {...})
    std::set<std::string> prefixes;  // t('kind.' + code): a key is made from it
};

/// What the page's scripts (every embedded web/assets/*.js) pass to t() as a literal.
ScriptKeys script_keys() {
    static const std::regex literal(R"(\bt\('([A-Za-z0-9_.]+)'\s*[,)])");
    static const std::regex prefix(R"(\bt\('([A-Za-z0-9_.]+\.)'\s*\+)");
    ScriptKeys found;
    for (const auto& file : web_asset_files()) {
        if (!file.path.starts_with("web/assets/") || !file.path.ends_with(".js")) continue;
        ++found.scripts;
        const std::string text(file.content);
        for (auto it = std::sregex_iterator(text.begin(), text.end(), literal); it != std::sregex_iterator(); ++it)
            found.keys.insert((*it)[1].str());
        for (auto it = std::sregex_iterator(text.begin(), text.end(), prefix); it != std::sregex_iterator(); ++it)
            found.prefixes.insert((*it)[1].str());
    }
    return found;
}

}  // namespace

TEST_CASE("page translations: the three languages have the same keys") {
    const auto english = keys_of(texts_of("en"));
    REQUIRE(english.size() > 100);
    for (const auto& lang : languages) {
        const auto keys = keys_of(texts_of(lang));
        std::set<std::string> missing, extra;
        for (const auto& key : english)
            if (!keys.contains(key)) missing.insert(key);
        for (const auto& key : keys)
            if (!english.contains(key)) extra.insert(key);
        CHECK_MESSAGE(missing.empty(), "i18n-" << lang << ".json lacks " << joined(missing));
        CHECK_MESSAGE(extra.empty(), "i18n-" << lang << ".json has keys English lacks: " << joined(extra));
    }
}

TEST_CASE("page translations: no text is empty") {
    for (const auto& lang : languages) {
        std::set<std::string> empty;
        for (const auto& [key, text] : texts_of(lang))
            if (text.find_first_not_of(" \t\n") == std::string::npos) empty.insert(key);
        CHECK_MESSAGE(empty.empty(), "empty texts in i18n-" << lang << ".json: " << joined(empty));
    }
}

TEST_CASE("page translations: a key has the same {placeholders} in every language") {
    const auto english = texts_of("en");
    std::size_t with_placeholders = 0;
    for (const auto& [key, text] : english)
        if (!placeholders(text).empty()) ++with_placeholders;
    REQUIRE(with_placeholders > 20);  // {n}, {total}, {name}, ...: the comparison is not empty
    for (const std::string lang : {"zh", "ru"}) {
        for (const auto& [key, text] : texts_of(lang)) {
            const auto found = english.find(key);
            if (found == english.end()) continue;  // reported by the test of the keys
            CHECK_MESSAGE(placeholders(text) == placeholders(found->second),
                          lang << " " << key << ": {" << joined(placeholders(text)) << "} where English has {"
                               << joined(placeholders(found->second)) << "}");
        }
    }
}

TEST_CASE("page translations: every key the scripts use has an English text") {
    const ScriptKeys used = script_keys();
    // app.js, i18n.js, the lib-*.js helpers and one page-*.js per page.
    REQUIRE(used.scripts >= 10);
    REQUIRE(used.keys.size() > 150);
    const auto english = keys_of(texts_of("en"));
    std::set<std::string> missing;
    for (const auto& key : used.keys)
        if (!english.contains(key)) missing.insert(key);
    CHECK_MESSAGE(missing.empty(), "keys used in web/assets/*.js without a text in i18n-en.json: " << joined(missing));
    // A key made from a prefix ("kind." + code) must be able to exist.
    REQUIRE_FALSE(used.prefixes.empty());
    for (const auto& prefix : used.prefixes) {
        const auto next = english.lower_bound(prefix);
        CHECK_MESSAGE((next != english.end() && next->starts_with(prefix)), "no text has a key starting " << prefix);
    }
}

TEST_CASE("page translations: the keys of index.html's static texts exist") {
    const EmbeddedFile* page = embedded("web/assets/index.html");
    REQUIRE(page != nullptr);
    static const std::regex attribute(R"re(data-i18n(?:-aria)?="([^"]+)")re");
    const std::string html(page->content);
    const auto english = keys_of(texts_of("en"));
    std::set<std::string> used, missing;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), attribute); it != std::sregex_iterator(); ++it)
        used.insert((*it)[1].str());
    REQUIRE(used.size() >= 5);
    for (const auto& key : used)
        if (!english.contains(key)) missing.insert(key);
    CHECK_MESSAGE(missing.empty(), "data-i18n keys of index.html without a text: " << joined(missing));
}
