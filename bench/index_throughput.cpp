// Index throughput: TechBridge's full ingestion pipeline (JSONL reading, validation,
// SQLite store, analysis, Xapian index) against a bare reference loop of ICU word
// segmentation + Xapian::TermGenerator writing the same texts to a Xapian database
// with no store. Prints documents/s, MB/s and the ratio of the two.
//
//   build/bench/index_throughput [--docs N] [--bytes B] [--corpus DIR] [--keep]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <xapian.h>

#include "corpus_sampler.h"
#include "ingestion.h"

using namespace techbridge;
namespace fs = std::filesystem;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// ICU word segmentation, words joined by spaces so TermGenerator sees Chinese words.
std::string segment(icu::BreakIterator& words, const std::string& utf8) {
    const auto text = icu::UnicodeString::fromUTF8(utf8);
    words.setText(text);
    std::string out;
    int32_t start = words.first();
    for (int32_t end = words.next(); end != icu::BreakIterator::DONE; start = end, end = words.next()) {
        if (words.getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
        text.tempSubStringBetween(start, end).toUTF8String(out);
        out += ' ';
    }
    return out;
}

double run_reference(const std::vector<Document>& docs, const fs::path& dir) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    const auto start = std::chrono::steady_clock::now();
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    const Xapian::Stem stemmers[] = {Xapian::Stem("none"), Xapian::Stem("russian"), Xapian::Stem("english")};
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    for (const auto& doc : docs) {
        Xapian::Document out;
        generator.set_document(out);
        generator.set_stemmer(stemmers[static_cast<int>(doc.lang)]);
        generator.index_text(segment(*words, doc.title), 3);
        generator.increase_termpos();
        generator.index_text(segment(*words, doc.body));
        out.add_boolean_term("Q" + doc.id);
        db.replace_document("Q" + doc.id, out);
    }
    db.commit();
    return seconds_since(start);
}

double run_pipeline(const fs::path& jsonl, const fs::path& dir) {
    const auto start = std::chrono::steady_clock::now();
    const IngestionReport report = Ingestion(StoragePaths{dir}, {}, KnowledgeBase::builtin()).run({jsonl});
    const double elapsed = seconds_since(start);
    if (report.summary.rejected != 0 || report.summary.added == 0) {
        std::fprintf(stderr, "pipeline rejected %lld records\n", static_cast<long long>(report.summary.rejected));
    }
    return elapsed;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t count = 20000;
    std::size_t bytes = 1500;
    bool keep = false;
    fs::path corpus = fs::path(TECHBRIDGE_SOURCE_DIR) / "corpus" / "documents";
    for (int i = 1; i < argc; i += 2) {
        if (!std::strcmp(argv[i], "--keep")) {
            keep = true;  // leave the two databases for inspection
            --i;
            continue;
        }
        if (i + 1 >= argc) break;
        if (!std::strcmp(argv[i], "--docs")) count = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--bytes")) bytes = std::stoul(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--corpus")) corpus = argv[i + 1];
        else {
            std::fprintf(stderr, "usage: index_throughput [--docs N] [--bytes B] [--corpus DIR]\n");
            return 2;
        }
    }

    bench::CorpusSampler sampler(corpus);
    std::vector<Document> docs;
    docs.reserve(count);
    const fs::path work = fs::temp_directory_path() / ("techbridge-bench-" + std::to_string(::getpid()));
    fs::create_directories(work);
    const fs::path jsonl = work / "docs.jsonl";
    double text_mb = 0;
    {
        std::ofstream out(jsonl, std::ios::binary);
        for (std::size_t i = 0; i < count; ++i) {
            docs.push_back(sampler.generate(i, bytes));
            text_mb += static_cast<double>(docs.back().title.size() + docs.back().body.size()) / 1e6;
            out << docs.back().to_json().dump() << '\n';
        }
    }

    const double reference = run_reference(docs, work / "reference-index");
    const double pipeline = run_pipeline(jsonl, work / "pipeline-db");
    if (keep) std::printf("databases kept in %s\n", work.c_str());
    else fs::remove_all(work);

    std::printf("documents: %zu (zh/ru/en in turn), text: %.1f MB, body target %zu bytes\n", count, text_mb, bytes);
    std::printf("reference (ICU segmentation + TermGenerator, no store): %8.0f docs/s %6.2f MB/s  (%.2f s)\n",
                count / reference, text_mb / reference, reference);
    std::printf("techbridge index (JSONL + SQLite store + Xapian index): %8.0f docs/s %6.2f MB/s  (%.2f s)\n",
                count / pipeline, text_mb / pipeline, pipeline);
    std::printf("ratio pipeline/reference: %.2f (goal >= 0.70)\n", reference / pipeline);
    return 0;
}
