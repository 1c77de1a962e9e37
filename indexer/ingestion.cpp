#include "ingestion.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "document_validation.h"
#include "errors.h"
#include "index_synchronizer.h"
#include "jsonl_reader.h"
#include "knowledge_base.h"
#include "markdown_reader.h"
#include "text_analyzer.h"
#include "writer_lock.h"

namespace techbridge {
namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t max_markdown_bytes = 16u << 20;

bool is_markdown(const fs::path& path) { return path.extension() == ".md" || path.extension() == ".markdown"; }
bool is_json_lines(const fs::path& path) { return path.extension() == ".jsonl"; }

SourceFileContent read_content(const std::string& name, const std::string& content) {
    if (is_json_lines(name)) {
        std::istringstream input(content);
        return read_json_lines(name, input);
    }
    if (content.size() > max_markdown_bytes) return {{}, {{name, 0, "file", "too large for one Markdown document (limit 16 MiB)"}}};
    return read_markdown_document(name, content);
}

SourceFileContent read_file(const fs::path& path) {
    const std::string name = path.string();
    std::ifstream input(path, std::ios::binary);
    if (!input) return {{}, {{name, 0, "file", "cannot be read"}}};
    if (is_json_lines(path)) return read_json_lines(name, input);
    if (fs::file_size(path) > max_markdown_bytes) {
        return {{}, {{name, 0, "file", "too large for one Markdown document (limit 16 MiB)"}}};
    }
    std::ostringstream content;
    content << input.rdbuf();
    return read_markdown_document(name, content.str());
}

std::int64_t line_of(const SourceRecord& record, const std::string& field) {
    const auto it = record.field_lines.find(field);
    return it == record.field_lines.end() ? record.line : it->second;
}

}  // namespace

DocumentStore open_store(const StoragePaths& paths, const WriterLock& held) {
    create_database_directory(paths.root);
    return DocumentStore(paths.store_file(), held);
}

DocumentStore open_store(const StoragePaths& paths) {
    create_database_directory(paths.root);
    return DocumentStore(paths.store_file(), StoreAccess::create_if_missing);
}

Ingestion::Ingestion(StoragePaths paths, IngestionOptions options, const KnowledgeBase& knowledge)
    : paths_(std::move(paths)), options_(std::move(options)), knowledge_(knowledge) {}

std::vector<fs::path> Ingestion::collect_files(const std::vector<fs::path>& inputs) {
    std::vector<fs::path> files;
    for (const auto& input : inputs) {
        std::error_code error;
        const auto status = fs::status(input, error);
        if (!fs::exists(status)) throw InvalidInputError(input.string() + ": no such file or folder");
        if (fs::is_directory(status)) {
            std::vector<fs::path> found;
            for (const auto& entry : fs::recursive_directory_iterator(input)) {
                if (entry.is_regular_file() && (is_markdown(entry.path()) || is_json_lines(entry.path())))
                    found.push_back(entry.path());
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (is_markdown(input) || is_json_lines(input)) {
            files.push_back(input);
        } else {
            throw InvalidInputError(input.string() + ": not a document file; use .md (one document) or .jsonl");
        }
    }
    return files;
}

IngestionReport Ingestion::run(const std::vector<fs::path>& inputs) {
    const auto files = collect_files(inputs);
    Validation validation;
    for (std::size_t i = 0; i < files.size(); ++i) {
        validate(read_file(files[i]), validation);
        if (options_.progress) options_.progress("reading", i + 1, files.size());
    }
    validation.report.files = files.size();
    return store(std::move(validation));
}

IngestionReport Ingestion::check_upload(const std::string& name, const std::string& content) {
    Validation validation = validate_upload(name, content);
    validation.report.stored = false;
    return std::move(validation.report);
}

IngestionReport Ingestion::run_upload(const std::string& name, const std::string& content) {
    return store(validate_upload(name, content));
}

Ingestion::Validation Ingestion::validate_upload(const std::string& name, const std::string& content) const {
    if (!is_markdown(name) && !is_json_lines(name))
        throw InvalidInputError(name + ": not a document file; use .md (one document) or .jsonl");
    Validation validation;
    validate(read_content(name, content), validation);
    validation.report.files = 1;
    return validation;
}

void Ingestion::validate(SourceFileContent content, Validation& validation) const {
    IngestionReport& report = validation.report;
    const SectorTaxonomy& sectors = knowledge_.sectors();
    report.rejected.insert(report.rejected.end(), content.problems.begin(), content.problems.end());
    for (auto& record : content.records) {
        ++report.records;
        DocumentParse parsed = parse_document(record.fields);
        for (const auto& code : parsed.document.sectors) {
            if (!sectors.resolve(code))
                parsed.problems.push_back({"sectors", "unknown sector \"" + code +
                                                          "\": use a sector id from corpus/sectors.tsv or an "
                                                          "ISIC or OKVED2 code it covers"});
        }
        if (parsed.ok()) {
            const std::string where = record.path + ":" + std::to_string(record.line);
            const auto [it, fresh] = validation.first_seen.emplace(parsed.document.id, where);
            if (!fresh) parsed.problems.push_back({"id", "duplicate id \"" + parsed.document.id +
                                                             "\", first seen at " + it->second});
        }
        if (!parsed.ok()) {
            for (const auto& problem : parsed.problems)
                report.rejected.push_back({record.path, line_of(record, problem.field), problem.field, problem.message});
            ++report.summary.rejected;
            continue;
        }
        const Document& document = parsed.document;
        report.valid.push_back({record.path, record.line, document.id, document.kind, document.lang, document.title});
        validation.accepted.push_back({std::move(parsed.document), {record.path, record.line, std::move(record.raw)}});
    }
    // A file-level problem (unreadable file, bad header, bad JSON line) rejects a record too.
    report.summary.rejected += static_cast<std::int64_t>(content.problems.size());
}

IngestionReport Ingestion::store(Validation validation) {
    IngestionReport& report = validation.report;
    auto& accepted = validation.accepted;
    const WriterLock lock(paths_);
    DocumentStore store = open_store(paths_, lock);
    const std::int64_t run_id = store.begin_run(options_.command);
    for (const auto& problem : report.rejected)
        store.record_rejection(run_id, problem.path, problem.line, problem.field, problem.message);

    if (options_.strict && report.summary.rejected > 0) {
        report.stored = false;
        report.summary.status = RunStatus::rejected_strict;
        store.finish_run(run_id, report.summary);
        return report;
    }

    constexpr std::size_t batch = IndexSynchronizer::batch_size;
    for (std::size_t begin = 0; begin < accepted.size(); begin += batch) {
        SqliteTransaction transaction(store.connection());
        const std::size_t end = std::min(accepted.size(), begin + batch);
        for (std::size_t i = begin; i < end; ++i) {
            switch (store.put(accepted[i].document, accepted[i].source, run_id)) {
                case PutOutcome::added: ++report.summary.added; break;
                case PutOutcome::updated: ++report.summary.updated; break;
                case PutOutcome::unchanged: ++report.summary.unchanged; break;
            }
        }
        transaction.commit();
        if (options_.progress) options_.progress("storing", end, accepted.size());
    }

    TextAnalyzer analyzer(knowledge_.han_words());
    IndexSynchronizer synchronizer(paths_, store, analyzer, options_.progress, knowledge_);
    std::unordered_map<std::string, const Document*> stored_now;
    for (const auto& entry : accepted) stored_now.emplace(entry.document.id, &entry.document);
    report.indexed = synchronizer.sync(stored_now).indexed;

    report.summary.status = RunStatus::completed;
    store.finish_run(run_id, report.summary);
    return report;
}

}  // namespace techbridge
