// Parallel mate finding: each paragraph of tests/eval/parallel in one language is matched,
// as `techbridge match --text ... --kind demand --lang L` does, against the paragraphs of
// another language; P@1 is the share whose first candidate is its own translation.
//
//   build/bench/parallel_mates [--set FILE] [--db DIR] [--without-numbers]
//
// Numbers (92%, 139,7 mm) are shared by a paragraph and its translation and find many mates by
// themselves; --without-numbers removes the digits from every text, so only words bridge.
// The paragraphs are indexed as offers (titled by their first sentence) into DIR, a fresh
// temporary database unless given; the set says how it was written (tests/eval/parallel/README.md).
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dictionaries.h"
#include "ingestion.h"
#include "matcher.h"

using namespace techbridge;
namespace fs = std::filesystem;

namespace {

struct Paragraph {
    std::string id;
    std::map<Language, std::string> text;
};

std::string without_digits(const std::string& text) {
    std::string out;
    for (const char c : text)
        if (c < '0' || c > '9') out += c;
    return out;
}

std::vector<Paragraph> read_set(const fs::path& file, bool numbers) {
    std::ifstream input(file);
    if (!input) throw std::runtime_error("cannot read " + file.string());
    std::vector<Paragraph> set;
    std::string line;
    while (std::getline(input, line)) {
        if (line.empty()) continue;
        const auto record = nlohmann::json::parse(line);
        Paragraph paragraph{record.at("id").get<std::string>(), {}};
        for (const Language lang : {Language::zh, Language::ru, Language::en})
        {
            const auto text = record.at(std::string(to_string(lang))).get<std::string>();
            paragraph.text[lang] = numbers ? text : without_digits(text);
        }
        set.push_back(std::move(paragraph));
    }
    return set;
}

// The first sentence, as a title; the whole text when it has no sentence end.
std::string first_sentence(const std::string& text) {
    std::size_t end = std::string::npos;
    for (const char* stop : {"。", ". ", "! ", "? ", "！", "？"}) end = std::min(end, text.find(stop));
    return end == std::string::npos ? text : text.substr(0, end);
}

std::string document_id(const Paragraph& paragraph, Language lang) {
    return paragraph.id + "-" + std::string(to_string(lang));
}

void index_set(const std::vector<Paragraph>& set, const StoragePaths& paths, const fs::path& jsonl) {
    {
        std::ofstream out(jsonl, std::ios::binary);
        for (const auto& paragraph : set)
            for (const auto& [lang, text] : paragraph.text) {
                Document document;
                document.id = document_id(paragraph, lang);
                document.kind = DocumentKind::offer;
                document.lang = lang;
                document.title = first_sentence(text);
                document.body = text;
                out << document.to_json().dump() << '\n';
            }
    }
    const IngestionReport report = Ingestion(paths, {}, KnowledgeBase::builtin()).run({jsonl});
    fs::remove(jsonl);
    if (report.summary.rejected > 0) throw std::runtime_error("the parallel set has rejected paragraphs");
}

double precision_at_1(Matcher& matcher, const std::vector<Paragraph>& set, Language from, Language to) {
    std::size_t first = 0;
    for (const auto& paragraph : set) {
        MatchRequest request;
        request.text = paragraph.text.at(from);
        request.kind = DocumentKind::demand;
        request.filters.lang = to;
        request.limit = 1;
        const MatchResult result = matcher.match(request);
        first += !result.candidates.empty() && result.candidates.front().id == document_id(paragraph, to);
    }
    return set.empty() ? 0 : static_cast<double>(first) / static_cast<double>(set.size());
}

}  // namespace

int main(int argc, char** argv) {
    fs::path set_file = fs::path(TECHBRIDGE_SOURCE_DIR) / "tests" / "eval" / "parallel" / "paragraphs.jsonl";
    fs::path db = fs::temp_directory_path() / ("techbridge-parallel-" + std::to_string(::getpid()));
    bool keep = false;
    bool numbers = true;
    for (int i = 1; i < argc; i += 2) {
        if (!std::strcmp(argv[i], "--without-numbers")) {
            numbers = false;
            --i;
        } else if (i + 1 >= argc) {
            std::fprintf(stderr, "%s needs a value\n", argv[i]);
            return 2;
        } else if (!std::strcmp(argv[i], "--set")) set_file = argv[i + 1];
        else if (!std::strcmp(argv[i], "--db")) db = argv[i + 1], keep = true;
        else {
            std::fprintf(stderr, "usage: parallel_mates [--set FILE] [--db DIR] [--without-numbers]\n");
            return 2;
        }
    }
    const std::vector<Paragraph> set = read_set(set_file, numbers);
    const StoragePaths paths{db};
    if (!fs::exists(paths.index_dir())) index_set(set, paths, db.string() + ".jsonl");
    Matcher matcher(paths, MatchingData{KnowledgeBase::builtin(), MatchingSettings::builtin(), Dictionaries::installed()});
    std::printf("%zu paragraphs%s, each looked for among the %zu of the other language (goal P@1 >= 0.85)\n",
                set.size(), numbers ? "" : " without their digits", set.size());
    const std::pair<Language, Language> directions[] = {{Language::zh, Language::ru}, {Language::ru, Language::zh},
                                                         {Language::zh, Language::en}, {Language::ru, Language::en},
                                                         {Language::en, Language::zh}, {Language::en, Language::ru}};
    for (const auto& [from, to] : directions)
        std::printf("%s→%s  P@1 %.3f\n", std::string(to_string(from)).c_str(), std::string(to_string(to)).c_str(),
                    precision_at_1(matcher, set, from, to));
    if (!keep) fs::remove_all(db);
    return 0;
}
