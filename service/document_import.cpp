#include "document_import.h"

#include <algorithm>

#include "errors.h"
#include "utf8.h"

namespace techbridge {
namespace {

// The name the ingestion reports under; its extension says which reader to use.
std::string upload_name(const ImportRequest& request) {
    const std::string filename = request.filename.empty() ? "upload" : request.filename;
    const std::string extension = request.format == "jsonl" ? ".jsonl" : ".md";
    return "upload:" + filename + (filename.ends_with(extension) ? "" : extension);
}

void check_request(const ImportRequest& request) {
    if (request.format != "jsonl" && request.format != "markdown")
        throw InvalidInputError("format: use jsonl or markdown, got \"" + request.format + "\"");
    if (const auto offset = find_invalid_utf8(request.body)) {
        // Name the line, as a user would look for it in an editor.
        const auto line = 1 + std::count(request.body.begin(), request.body.begin() + static_cast<std::ptrdiff_t>(*offset), '\n');
        throw InvalidBodyError((request.filename.empty() ? std::string("upload") : request.filename) + ": line " +
                                std::to_string(line) + ": not valid UTF-8; save the file as UTF-8");
    }
}

}  // namespace

ImportOutcome import_documents(const StoragePaths& paths, const ImportRequest& request, const KnowledgeBase& knowledge) {
    check_request(request);
    IngestionOptions options;
    options.command = "import (web)";
    Ingestion ingestion(paths, options, knowledge);
    const std::string name = upload_name(request);
    ImportOutcome outcome;
    outcome.confirmed = request.confirm;
    outcome.report = request.confirm ? ingestion.run_upload(name, request.body) : ingestion.check_upload(name, request.body);
    return outcome;
}

nlohmann::json to_json(const ImportOutcome& outcome) {
    const IngestionReport& report = outcome.report;
    nlohmann::json documents = nlohmann::json::array();
    for (const auto& valid : report.valid)
        documents.push_back({{"line", valid.line}, {"id", valid.id}, {"kind", to_string(valid.kind)},
                             {"lang", to_string(valid.lang)}, {"title", valid.title}});
    nlohmann::json problems = nlohmann::json::array();
    for (const auto& problem : report.rejected)
        problems.push_back({{"line", problem.line}, {"field", problem.field}, {"message", problem.message}});
    const bool stored = outcome.confirmed;
    return {{"confirmed", outcome.confirmed},
            {"records", report.records},
            {"valid", report.valid.size()},
            {"documents", documents},
            {"problems", problems},
            {"stored", stored ? report.summary.added + report.summary.updated : 0},
            {"added", stored ? report.summary.added : 0},
            {"updated", stored ? report.summary.updated : 0},
            {"unchanged", stored ? report.summary.unchanged : 0}};
}

}  // namespace techbridge
