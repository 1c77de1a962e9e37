#pragma once
// Typed errors of TechBridge. Every message is meant for the person running the
// product: it names the file, line, field or option at fault and what to do.
#include <stdexcept>
#include <string>

namespace techbridge {

/// Base of all TechBridge errors.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A record or request that breaks the document contract (bad field, bad UTF-8, ...).
class InvalidInputError : public Error {
public:
    using Error::Error;
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

/// Another process holds the database's writer lock.
class BusyError : public Error {
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
