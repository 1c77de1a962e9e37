#pragma once
// Typed errors of TechBridge. Every message is meant for the person running the
// product: it names the file, line, field or option at fault and what to do.
#include <filesystem>
#include <stdexcept>
#include <string>

#include "utf8.h"

namespace techbridge {

/// What the person can do about an error that the message says in words. Front ends add
/// their own way of doing it: the CLI names its command, with the database folder.
enum class Remedy {
    none,
    import_documents,     // the database has no documents yet
    rebuild_index,        // the index is missing or unreadable; the store holds everything
    upgrade_store,        // a store of an older schema, upgraded by the first program that writes
    flush_store_changes,  // a read-only folder holds changes the store has not taken in
    restore_store,        // the store is gone while its index is there
};

/// "import_documents", "rebuild_index", ...: the remedy as the API names it ("" for none).
inline const char* to_string(Remedy remedy) {
    switch (remedy) {
        case Remedy::none: return "";
        case Remedy::import_documents: return "import_documents";
        case Remedy::rebuild_index: return "rebuild_index";
        case Remedy::upgrade_store: return "upgrade_store";
        case Remedy::flush_store_changes: return "flush_store_changes";
        case Remedy::restore_store: return "restore_store";
    }
    return "";
}

/// Base of all TechBridge errors. The message's control characters are escaped: a NUL
/// quoted from a user's value would otherwise end what() there. Messages that can reach a
/// client of the server say what to do without naming a command; the remedy and the
/// database folder let the CLI add its command.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(escape_control_characters(message)) {}
    explicit Error(const char* message) : Error(std::string(message)) {}
    Error(const std::string& message, Remedy remedy, std::filesystem::path database)
        : std::runtime_error(escape_control_characters(message)), remedy_(remedy), database_(std::move(database)) {}

    Remedy remedy() const { return remedy_; }
    /// The database folder the remedy applies to; empty when none was named.
    const std::filesystem::path& database() const { return database_; }

private:
    Remedy remedy_ = Remedy::none;
    std::filesystem::path database_;
};

/// A record or request that breaks the document contract (bad field, bad UTF-8, ...).
class InvalidInputError : public Error {
public:
    using Error::Error;
};

/// An uploaded file or body that cannot be read at all (not UTF-8, say), as opposed to a
/// record in it with a bad field.
class InvalidBodyError : public InvalidInputError {
public:
    using InvalidInputError::InvalidInputError;
};

/// The SQLite document store failed or holds something unexpected.
class StoreError : public Error {
public:
    using Error::Error;
};

/// The Xapian index failed or is missing.
class IndexError : public Error {
public:
    using Error::Error;
};

/// Another process holds the database's writer lock, or another import is running.
class BusyError : public Error {
public:
    using Error::Error;
};

/// What was asked for (a document id, a participant) does not exist.
class NotFoundError : public Error {
public:
    using Error::Error;
};

/// Storing was asked of a database opened to be read only.
class ReadOnlyError : public Error {
public:
    using Error::Error;
};

/// The document store cannot take writes now (its file was deleted or replaced).
class StoreUnavailableError : public Error {
public:
    using Error::Error;
};

/// Built-in data (stop-words, thesaurus, ...) is missing or malformed.
class DataError : public Error {
public:
    using Error::Error;
};

/// ICU or another text library refused to initialise or to process text.
class AnalysisError : public Error {
public:
    using Error::Error;
};

}  // namespace techbridge
