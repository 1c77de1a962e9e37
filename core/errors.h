#pragma once
// Typed errors of TechBridge. Every message is meant for the person running the
// product: it names the file, line, field or option at fault and what to do.
#include <stdexcept>
#include <string>

#include "utf8.h"

namespace techbridge {

/// Base of all TechBridge errors. The message's control characters are escaped: a NUL
/// quoted from a user's value would otherwise end what() there.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(escape_control_characters(message)) {}
    explicit Error(const char* message) : Error(std::string(message)) {}
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
