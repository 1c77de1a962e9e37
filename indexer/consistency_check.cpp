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

void refuse_mass_removal(const StoragePaths& paths, const ConsistencyReport& before) {
    if (!OrphanRemovalLimit::exceeded(before.orphans.size(), before.indexed)) return;
    const auto percent = static_cast<int>(100.0 * static_cast<double>(before.orphans.size()) /
                                          static_cast<double>(std::max<std::size_t>(1, before.indexed)));
    throw Error("repair would remove " + std::to_string(before.orphans.size()) + " of the " +
                std::to_string(before.indexed) + " indexed documents (" + std::to_string(percent) +
                "%) because the store " + paths.store_file().string() + " (" + std::to_string(before.stored) +
                " documents) lacks them. A store deleted and made again, or an old backup restored, looks like "
                "this: check that it is the right file. If it is, run `techbridge check --db " +
                paths.root.string() + " --repair --force` to remove them");
}

}  // namespace

ConsistencyReport check_consistency(const StoragePaths& paths, const KnowledgeBase& knowledge) {
    ConsistencyReport report;
    DocumentStore store(paths.store_file(), StoreAccess::read_only);
    report.store_check = store.integrity_check();
    report.index_check = xapian_structure_check(paths);
    TextAnalyzer analyzer(knowledge.han_words());
    report.expected_version = IndexSynchronizer(paths, store, analyzer, {}, knowledge).index_version();

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

ConsistencyReport repair_consistency(const StoragePaths& paths, const KnowledgeBase& knowledge, RepairOptions options) {
    const ConsistencyReport before = check_consistency(paths, knowledge);
    if (before.ok()) return before;
    if (!options.force) refuse_mass_removal(paths, before);  // a rebuild from the store removes them too
    const WriterLock lock(paths);
    DocumentStore store(paths.store_file(), StoreAccess::existing);
    if (before.store_check != "ok")
        throw StoreError("the store itself is damaged (" + before.store_check +
                         "); restore it from a backup (techbridge backup) or an export");
    TextAnalyzer analyzer(knowledge.han_words());
    IndexSynchronizer synchronizer(paths, store, analyzer, {}, knowledge);
    if (before.index_check != "ok" || before.index_version != before.expected_version) {
        synchronizer.rebuild();
        return check_consistency(paths, knowledge);
    }
    for (const auto& id : before.not_indexed) store.mark_unindexed(id);
    synchronizer.sync();
    if (!before.orphans.empty()) {
        Xapian::WritableDatabase index(paths.index_dir().string(), Xapian::DB_OPEN);
        for (const auto& id : before.orphans) index.delete_document(layout::id_term(id));
        index.commit();
    }
    return check_consistency(paths, knowledge);
}

}  // namespace techbridge
