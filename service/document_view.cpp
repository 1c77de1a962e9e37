#include "document_view.h"

#include "document_json.h"
#include "document_validation.h"
#include "errors.h"

namespace techbridge {

DocumentView show_document(DocumentStore& store, const std::string& id) {
    const std::string missing = "no document with id \"" + id + "\"";
    if (!is_valid_document_id(id)) throw NotFoundError(missing);
    auto stored = store.get(id);
    if (!stored) throw NotFoundError(missing);
    return {std::move(*stored), store.tags(id)};
}

nlohmann::json to_json(const DocumentView& view, const KnowledgeBase& knowledge) {
    return to_json(view.stored, view.tags, knowledge);
}

}  // namespace techbridge
