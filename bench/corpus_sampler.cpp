#include "corpus_sampler.h"

#include <stdexcept>

#include "document_validation.h"
#include "ingestion.h"
#include "jsonl_reader.h"
#include "markdown_reader.h"

#include <fstream>
#include <sstream>

namespace techbridge::bench {
namespace {

// Splits at sentence ends of the three languages ("。", "！", "？", ". ", "\n").
std::vector<std::string> split_sentences(const std::string& text) {
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        current += text[i];
        const bool chinese_end = text.compare(i + 1 - std::min<std::size_t>(i + 1, 3), 3, "。") == 0 ||
                                 text.compare(i + 1 - std::min<std::size_t>(i + 1, 3), 3, "；") == 0;
        const bool latin_end = (text[i] == '.' && i + 1 < text.size() && text[i + 1] == ' ') || text[i] == '\n';
        if (chinese_end || latin_end) {
            if (current.size() > 20) out.push_back(current);
            current.clear();
        }
    }
    if (current.size() > 20) out.push_back(current);
    return out;
}

}  // namespace

CorpusSampler::CorpusSampler(const std::filesystem::path& corpus_dir, unsigned seed) : random_(seed) {
    for (const auto& file : Ingestion::collect_files({corpus_dir})) {
        std::ifstream input(file, std::ios::binary);
        SourceFileContent content;
        if (file.extension() == ".jsonl") {
            content = read_json_lines(file.string(), input);
        } else {
            std::ostringstream text;
            text << input.rdbuf();
            content = read_markdown_document(file.string(), text.str());
        }
        for (const auto& record : content.records) {
            const DocumentParse parsed = parse_document(record.fields);
            if (!parsed.ok()) continue;
            auto& bucket = sentences_[static_cast<int>(parsed.document.lang)];
            for (auto& sentence : split_sentences(parsed.document.body)) bucket.push_back(std::move(sentence));
        }
    }
    for (const auto& bucket : sentences_) {
        if (bucket.empty()) throw std::runtime_error("the corpus at " + corpus_dir.string() + " lacks a language");
    }
}

Document CorpusSampler::generate(std::size_t number, std::size_t target_bytes, std::optional<DocumentKind> kind,
                                 const std::string& prefix) {
    Document doc;
    doc.lang = static_cast<Language>(number % 3);
    const auto& bucket = sentences_[static_cast<int>(doc.lang)];
    std::uniform_int_distribution<std::size_t> pick(0, bucket.size() - 1);
    doc.id = prefix + std::to_string(number);
    doc.kind = kind ? *kind : (number % 2 ? DocumentKind::offer : DocumentKind::demand);
    doc.trl = static_cast<int>(3 + random_() % 7);
    doc.title = bucket[pick(random_)];
    if (doc.title.size() > 200) doc.title.clear();
    if (doc.title.empty()) doc.title = "document " + std::to_string(number);
    while (doc.body.size() < target_bytes) doc.body += bucket[pick(random_)];
    return doc;
}

}  // namespace techbridge::bench
