#pragma once
// Turning a loosely typed record (a JSON object, from JSONL or from a Markdown
// front-matter header) into a Document, with every problem reported per field.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "document.h"

namespace techbridge {

struct FieldProblem {
    std::string field;    // "title", "trl", ... or "record" for the record as a whole
    std::string message;  // what is wrong and what is expected
};

struct DocumentParse {
    Document document;
    std::vector<FieldProblem> problems;  // empty when the document is valid
    bool ok() const { return problems.empty(); }
};

/// Limits that keep one record from exhausting memory or the index.
struct DocumentLimits {
    std::size_t max_body_bytes = 4u << 20;   // 4 MiB
    std::size_t max_field_bytes = 64u << 10;  // any other text field
    std::size_t max_list_items = 200;
};

/// Validates `record` against the document contract. List fields accept a JSON array
/// of strings or one comma-separated string; `trl` accepts a number or a numeric
/// string. Fields the contract does not know are kept in `extra`.
DocumentParse parse_document(const nlohmann::json& record, const DocumentLimits& limits = {});

/// True for a date written YYYY-MM-DD that exists on the calendar.
bool is_iso_date(std::string_view value);

/// True for ids of the form [A-Za-z0-9._:-]{1,64}.
bool is_valid_document_id(std::string_view id);

/// The cooperation types the contract allows.
const std::vector<std::string>& cooperation_types();

}  // namespace techbridge
