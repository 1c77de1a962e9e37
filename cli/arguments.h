#pragma once
// Command-line arguments of one techbridge command.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "errors.h"

namespace techbridge::cli {

/// A mistake in how a command was called; reported with the command's usage.
class UsageError : public Error {
public:
    using Error::Error;
};

struct CommandSpec {
    std::string name;
    std::string usage;                   // shown by --help and after a usage error
    std::set<std::string> value_options;  // --name VALUE (or --name=VALUE)
    std::set<std::string> flags;         // --name
};

class Arguments {
public:
    /// Parses a command's arguments; prints the usage and returns nothing when --help was asked.
    static std::optional<Arguments> parse_or_help(const CommandSpec& spec, int argc, char** argv);

    /// Parses argv[first..]; throws UsageError for unknown options or missing values.
    Arguments(const CommandSpec& spec, int argc, char** argv, int first);

    bool help() const { return help_; }
    bool flag(const std::string& name) const { return flags_.contains(name); }
    /// The option's value; the last one when it was given more than once.
    std::optional<std::string> value(const std::string& name) const;
    /// Every value of an option that may be given more than once, in order.
    std::vector<std::string> values(const std::string& name) const;
    std::string required(const std::string& name) const;
    /// An option's value as a whole number in [min, max], or `fallback` when absent.
    long number(const std::string& name, long fallback, long min, long max) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    const CommandSpec& spec_;
    bool help_ = false;
    std::set<std::string> flags_;
    std::map<std::string, std::vector<std::string>> values_;
    std::vector<std::string> positional_;
};

}  // namespace techbridge::cli
