#pragma once
// Reading the JSON settings files of corpus/ (tagging.json, search.json, matching.json).
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "errors.h"

namespace techbridge {

/// Reads optional non-negative numbers from a settings file: an absent one keeps its
/// default, a wrong one is a DataError naming the file and the field.
class SettingsReader {
public:
    SettingsReader(std::string_view path, std::string_view text) : file_(path) {
        try {
            json_ = nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception& error) {
            throw DataError(file_ + ": not valid JSON: " + error.what());
        }
    }

    /// `section` "" is the top level.
    void operator()(const std::string& section, const char* key, double& target) const {
        const nlohmann::json* object = &json_;
        if (!section.empty()) {
            const auto it = json_.find(section);
            if (it == json_.end()) return;
            object = &*it;
        }
        if (!object->is_object() || !object->contains(key)) return;
        const auto& value = (*object)[key];
        if (!value.is_number() || value.get<double>() < 0)
            throw DataError(file_ + ": " + (section.empty() ? "" : section + ".") + key +
                            ": must be a number of at least 0");
        target = value.get<double>();
    }

    void operator()(const std::string& section, const char* key, int& target) const {
        double value = target;
        (*this)(section, key, value);
        target = static_cast<int>(value);
    }

private:
    std::string file_;
    nlohmann::json json_;
};

}  // namespace techbridge
