#include "arguments.h"

#include <charconv>
#include <iostream>

namespace techbridge::cli {

Arguments::Arguments(const CommandSpec& spec, int argc, char** argv, int first) : spec_(spec) {
    bool options_done = false;
    for (int i = first; i < argc; ++i) {
        std::string arg = argv[i];
        if (options_done || arg.size() < 2 || arg[0] != '-') {
            positional_.push_back(arg);
            continue;
        }
        if (arg == "--") {
            options_done = true;
            continue;
        }
        if (arg == "--help" || arg == "-h") {
            help_ = true;
            continue;
        }
        if (!arg.starts_with("--")) {
            positional_.push_back(arg);  // e.g. a query "-word" excluding a word
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inline_value;
        if (const auto equals = name.find('='); equals != std::string::npos) {
            inline_value = name.substr(equals + 1);
            name = name.substr(0, equals);
        }
        if (spec.flags.contains(name)) {
            if (inline_value) throw UsageError("--" + name + " takes no value");
            flags_.insert(name);
        } else if (spec.value_options.contains(name)) {
            if (inline_value) {
                values_[name].push_back(*inline_value);
            } else if (i + 1 < argc) {
                values_[name].push_back(argv[++i]);
            } else {
                throw UsageError("--" + name + " needs a value");
            }
        } else {
            throw UsageError("unknown option --" + name + " for `techbridge " + spec.name + "`");
        }
    }
}

std::optional<Arguments> Arguments::parse_or_help(const CommandSpec& spec, int argc, char** argv) {
    Arguments args(spec, argc, argv, 2);
    if (!args.help()) return args;
    std::cout << spec.usage;
    return std::nullopt;
}

std::optional<std::string> Arguments::value(const std::string& name) const {
    const auto it = values_.find(name);
    if (it == values_.end()) return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Arguments::values(const std::string& name) const {
    const auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>() : it->second;
}

std::string Arguments::required(const std::string& name) const {
    auto found = value(name);
    if (!found || found->empty()) throw UsageError("--" + name + " is required");
    return *found;
}

long Arguments::number(const std::string& name, long fallback, long min, long max) const {
    const auto text = value(name);
    if (!text) return fallback;
    long result = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), result);
    if (error != std::errc() || end != text->data() + text->size() || result < min || result > max) {
        throw UsageError("--" + name + " must be a whole number from " + std::to_string(min) + " to " +
                         std::to_string(max) + ", got \"" + *text + "\"");
    }
    return result;
}

}  // namespace techbridge::cli
