#include "search_index.h"

#include <fcntl.h>
#include <unistd.h>

#include "file_identity.h"
#include "errors.h"
#include "index_layout.h"
#include "knowledge_base.h"

namespace techbridge {

namespace layout = index_layout;

Xapian::Database open_index_for_reading(const std::filesystem::path& dir) {
    if (!std::filesystem::exists(dir)) {
        throw IndexError("no index at " + dir.string() +
                             ": import some documents first, or rebuild the index from the store if it holds them",
                         Remedy::rebuild_index, dir.parent_path());
    }
    try {
        return Xapian::Database(dir.string());
    } catch (const Xapian::Error& error) {
        throw IndexError("cannot open the index at " + dir.string() + ": " + error.get_description() +
                             "; rebuilding the index from the store repairs it",
                         Remedy::rebuild_index, dir.parent_path());
    }
}

Xapian::Database open_index_for_reading(const StoragePaths& paths) {
    if (paths.index_shards.empty()) return open_index_for_reading(paths.index_dir());
    Xapian::Database combined;
    for (const auto& location : paths.index_shards) {
        try {
            if (location.starts_with("tcp://")) {
                const std::string address = location.substr(6);
                const auto colon = address.rfind(':');
                if (colon == std::string::npos || colon == 0)
                    throw IndexError("index shard \"" + location + "\": write tcp://HOST:PORT");
                const std::string host = address.substr(0, colon);
                const std::string port_text = address.substr(colon + 1);
                unsigned port = 0;
                for (char c : port_text) {
                    if (c < '0' || c > '9' || port > 65535) throw IndexError("index shard \"" + location + "\": bad port");
                    port = port * 10 + static_cast<unsigned>(c - '0');
                }
                if (port == 0 || port > 65535) throw IndexError("index shard \"" + location + "\": bad port");
                combined.add_database(Xapian::Remote::open(host, port, 10000, 10000));
            } else {
                combined.add_database(open_index_for_reading(std::filesystem::path(location)));
            }
        } catch (const Xapian::Error& error) {
            throw IndexError("cannot open the index shard " + location + ": " + error.get_description());
        }
    }
    return combined;
}

IndexDirectoryWatch::IndexDirectoryWatch(const StoragePaths& paths) {
    std::vector<std::filesystem::path> directories;
    if (paths.index_shards.empty()) directories.push_back(paths.index_dir());
    for (const auto& location : paths.index_shards)
        if (!location.starts_with("tcp://")) directories.emplace_back(location);  // remote shards: the server's job
    for (auto& directory : directories) {
        const int descriptor = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (descriptor >= 0) watched_.push_back({std::move(directory), descriptor});
    }
}

IndexDirectoryWatch::~IndexDirectoryWatch() { close_all(); }

IndexDirectoryWatch::IndexDirectoryWatch(IndexDirectoryWatch&& other) noexcept : watched_(std::move(other.watched_)) {
    other.watched_.clear();
}

IndexDirectoryWatch& IndexDirectoryWatch::operator=(IndexDirectoryWatch&& other) noexcept {
    if (this != &other) {
        close_all();
        watched_ = std::move(other.watched_);
        other.watched_.clear();
    }
    return *this;
}

void IndexDirectoryWatch::close_all() {
    for (const auto& entry : watched_) ::close(entry.descriptor);
    watched_.clear();
}

bool IndexDirectoryWatch::swapped() const {
    for (const auto& entry : watched_) {
        const auto now = FileIdentity::of(entry.path);
        if (now && now != FileIdentity::of_descriptor(entry.descriptor)) return true;
    }
    return false;
}

namespace {

Xapian::WritableDatabase open_writable(const std::filesystem::path& dir, SearchIndexWriter::Mode mode) {
    try {
        const int action =
            mode == SearchIndexWriter::Mode::create_empty ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN;
        return Xapian::WritableDatabase(dir.string(), action);
    } catch (const Xapian::DatabaseLockError&) {
        throw BusyError("the index at " + dir.string() +
                         " is being written by another techbridge process; wait for it to finish and try again");
    } catch (const Xapian::Error& error) {
        throw IndexError("cannot open the index at " + dir.string() + " for writing: " + error.get_description());
    }
}

// Whether an indexed term is a Russian or English word worth suggesting: unprefixed (word
// terms are lower case, prefixes upper case), at least three letters, all Cyrillic or Latin.
bool is_spelling_word(const std::string& term) {
    std::size_t letters = 0;
    for (std::size_t i = 0; i < term.size();) {
        const auto byte = static_cast<unsigned char>(term[i]);
        if (byte >= 'a' && byte <= 'z') {
            ++i;
        } else if ((byte == 0xD0 || byte == 0xD1) && i + 1 < term.size()) {
            i += 2;  // U+0400 to U+047F
        } else {
            return false;
        }
        ++letters;
    }
    return letters >= 3;
}

// The document's words become Xapian's spelling data, from which a mistyped query word is
// corrected (Searcher's suggestion). A replaced or removed document's words stay counted:
// the data only ranks the corrections, and a rebuild (techbridge reindex) recounts it.
void add_spellings(Xapian::WritableDatabase& database, const Xapian::Document& terms) {
    for (auto term = terms.termlist_begin(); term != terms.termlist_end(); ++term)
        if (is_spelling_word(*term)) database.add_spelling(*term);
}

}  // namespace

SearchIndexWriter::SearchIndexWriter(const std::filesystem::path& dir, TextAnalyzer& analyzer, std::string version,
                                     Mode mode, const Thesaurus& thesaurus)
    : database_(open_writable(dir, mode)), generator_(analyzer, thesaurus), version_(std::move(version)) {}

void SearchIndexWriter::replace(const Document& document, const AnalyzedDocument& analyzed,
                                const DocumentTags& tags) {
    try {
        const Xapian::Document terms = generator_.generate(document, analyzed, tags);
        database_.replace_document(layout::id_term(document.id), terms);
        add_spellings(database_, terms);
    } catch (const Xapian::Error& error) {
        throw IndexError("cannot index document " + document.id + ": " + error.get_description());
    }
}

void SearchIndexWriter::replace(const std::string& id, const Xapian::Document& terms) {
    try {
        database_.replace_document(layout::id_term(id), terms);
        add_spellings(database_, terms);
    } catch (const Xapian::Error& error) {
        throw IndexError("cannot index document " + id + ": " + error.get_description());
    }
}

void SearchIndexWriter::remove(const std::string& id) {
    try {
        database_.delete_document(layout::id_term(id));
    } catch (const Xapian::Error& error) {
        throw IndexError("cannot remove document " + id + " from the index: " + error.get_description());
    }
}

void SearchIndexWriter::commit() {
    try {
        database_.set_metadata(std::string(layout::analysis_version_key), version_);
        database_.commit();
    } catch (const Xapian::Error& error) {
        throw IndexError("cannot commit the index: " + error.get_description());
    }
}

std::optional<std::string> SearchIndexWriter::recorded_version() const {
    const std::string version = database_.get_metadata(std::string(layout::analysis_version_key));
    if (version.empty()) return std::nullopt;
    return version;
}

}  // namespace techbridge
