#pragma once
// Reading the JSON settings files of corpus/ (tagging.json, search.json, matching.json).
#include <string>
#include <string_view>
#include <vector>

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

    /// Lists of names, e.g. [["RU-FEFD", "CN-NE"]]: each inner list one group.
    void operator()(const std::string& section, const char* key, std::vector<std::vector<std::string>>& target) const {
        const auto it = json_.find(section);
        if (it == json_.end() || !it->is_object() || !it->contains(key)) return;
        const auto& value = (*it)[key];
        const std::string field = file_ + ": " + section + "." + key;
        if (!value.is_array()) throw DataError(field + ": must be a list of lists of names");
        std::vector<std::vector<std::string>> groups;
        for (const auto& group : value) {
            if (!group.is_array()) throw DataError(field + ": must be a list of lists of names");
            auto& names = groups.emplace_back();
            for (const auto& name : group) {
                if (!name.is_string()) throw DataError(field + ": each name must be a string");
                names.push_back(name.get<std::string>());
            }
        }
        target = std::move(groups);
    }

private:
    std::string file_;
    nlohmann::json json_;
};

}  // namespace techbridge
