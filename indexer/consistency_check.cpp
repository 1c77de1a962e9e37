#include "consistency_check.h"

#include <algorithm>
#include <set>
#include <sstream>

#include <xapian.h>

#include "document_store.h"
#include "errors.h"
#include "index_layout.h"
#include "index_synchronizer.h"
#include "search_index.h"
#include "text_analyzer.h"
#include "writer_lock.h"

namespace techbridge {

namespace layout = index_layout;

namespace {

std::string xapian_structure_check(const StoragePaths& paths) {
    std::ostringstream details;
    try {
        const std::size_t errors = Xapian::Database::check(paths.index_dir().string(), 0, &details);
        return errors == 0 ? "ok" : std::to_string(errors) + " error(s): " + details.str();
    } catch (const Xapian::Error& error) {
        return error.get_description();
    }
}

}  // namespace

ConsistencyReport check_consistency(const StoragePaths& paths) {
    ConsistencyReport report;
    DocumentStore store(paths.store_file(), StoreAccess::read_only);
    report.store_check = store.integrity_check();
    report.index_check = xapian_structure_check(paths);
    TextAnalyzer analyzer;
    report.expected_version = IndexSynchronizer(paths, store, analyzer).index_version();

    const std::vector<std::string> stored = store.all_ids();
    report.stored = stored.size();
    std::set<std::string> pending;
    for (const auto& [id, revision] : store.revisions_pending_index()) pending.insert(id);

    std::set<std::string> in_index;
    try {
        const Xapian::Database index = open_index_for_reading(paths.index_dir());
        report.index_version = index.get_metadata(std::string(layout::analysis_version_key));
        report.indexed = index.get_doccount();
        const std::string prefix(layout::id_prefix);
        for (auto term = index.allterms_begin(prefix); term != index.allterms_end(prefix); ++term)
            in_index.insert((*term).substr(prefix.size()));
    } catch (const Error& error) {
        report.index_check = error.what();
    } catch (const Xapian::Error& error) {
        report.index_check = error.get_description();
    }
    const std::set<std::string> stored_ids(stored.begin(), stored.end());
    for (const auto& id : stored)
        if (pending.contains(id) || !in_index.contains(id)) report.not_indexed.push_back(id);
    for (const auto& id : in_index)
        if (!stored_ids.contains(id)) report.orphans.push_back(id);
    return report;
}

ConsistencyReport repair_consistency(const StoragePaths& paths) {
    const ConsistencyReport before = check_consistency(paths);
    if (before.ok()) return before;
    const WriterLock lock(paths);
    DocumentStore store(paths.store_file(), StoreAccess::existing);
    if (before.store_check != "ok")
        throw StoreError("the store itself is damaged (" + before.store_check +
                         "); restore it from a backup (techbridge backup) or an export");
    TextAnalyzer analyzer;
    IndexSynchronizer synchronizer(paths, store, analyzer);
    if (before.index_check != "ok" || before.index_version != before.expected_version) {
        synchronizer.rebuild();
        return check_consistency(paths);
    }
    for (const auto& id : before.not_indexed) store.mark_unindexed(id);
    synchronizer.sync();
    if (!before.orphans.empty()) {
        Xapian::WritableDatabase index(paths.index_dir().string(), Xapian::DB_OPEN);
        for (const auto& id : before.orphans) index.delete_document(layout::id_term(id));
        index.commit();
    }
    return check_consistency(paths);
}

}  // namespace techbridge
