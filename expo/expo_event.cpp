#include "expo_event.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "errors.h"
#include "json_nesting.h"
#include "utf8.h"

namespace techbridge {

namespace {

using nlohmann::json;

/// Reads one part of the event, naming where a problem is ("participants[3] (\"p-17\")").
class EntryReader {
public:
    EntryReader(std::string path, const json& entry, std::string where)
        : path_(std::move(path)), entry_(entry), where_(std::move(where)) {}

    [[noreturn]] void fail(const std::string& message) const {
        throw InvalidInputError(path_ + ": " + where_ + ": " + message);
    }
    const json* find(const char* field) const {
        const auto it = entry_.find(field);
        return it == entry_.end() || it->is_null() ? nullptr : &*it;
    }
    std::string text(const char* field, bool required = true) const {
        const json* value = find(field);
        if (!value) {
            if (required) fail(std::string("\"") + field + "\" is missing");
            return {};
        }
        if (!value->is_string()) fail(std::string("\"") + field + "\" must be a string");
        std::string out = value->get<std::string>();
        if (required && out.empty()) fail(std::string("\"") + field + "\" is empty");
        if (out.size() > 1024) fail(std::string("\"") + field + "\" is longer than 1024 bytes");
        return out;
    }
    std::vector<std::string> texts(const char* field) const {
        const json* value = find(field);
        if (!value) return {};
        if (!value->is_array()) fail(std::string("\"") + field + "\" must be a list");
        if (value->size() > 100000) fail(std::string("\"") + field + "\" has too many entries");
        std::vector<std::string> out;
        for (const auto& item : *value) {
            if (!item.is_string()) fail(std::string("\"") + field + "\" must list strings");
            out.push_back(item.get<std::string>());
        }
        return out;
    }
    bool has(const char* field) const { return find(field) != nullptr; }

private:
    std::string path_;
    const json& entry_;
    std::string where_;
};

std::string where(const char* list, std::size_t index, const std::string& id = {}) {
    std::string out = std::string(list) + "[" + std::to_string(index) + "]";
    if (!id.empty()) out += " (\"" + id + "\")";
    return out;
}

const json& list(const json& root, const std::string& path, const char* name, bool required) {
    static const json empty = json::array();
    const auto it = root.find(name);
    if (it == root.end() || it->is_null()) {
        if (required) throw InvalidInputError(path + ": \"" + name + "\" is missing");
        return empty;
    }
    if (!it->is_array()) throw InvalidInputError(path + ": \"" + name + "\" must be a list");
    return *it;
}

std::vector<Language> languages(const EntryReader& reader) {
    std::vector<Language> out;
    for (const auto& code : reader.texts("languages")) {
        const auto language = parse_language(code);
        if (!language) reader.fail("unknown language \"" + code + "\" in \"languages\"; use zh, ru or en");
        if (std::find(out.begin(), out.end(), *language) == out.end()) out.push_back(*language);
    }
    if (out.empty()) reader.fail("\"languages\" must name at least one of zh, ru, en");
    return out;
}

std::vector<std::size_t> available(const EntryReader& reader, const std::map<std::string, std::size_t>& slots) {
    if (!reader.has("available")) {
        std::vector<std::size_t> all(slots.size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
        return all;
    }
    std::set<std::size_t> out;
    for (const auto& id : reader.texts("available")) {
        const auto it = slots.find(id);
        if (it == slots.end()) reader.fail("unknown slot \"" + id + "\" in \"available\"");
        out.insert(it->second);
    }
    return {out.begin(), out.end()};
}

}  // namespace

std::optional<std::string> ical_date_time(std::string_view iso) {
    auto digits = [&iso](std::size_t from, std::size_t count) -> std::optional<int> {
        if (iso.size() < from + count) return std::nullopt;
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (iso[i] < '0' || iso[i] > '9') return std::nullopt;
            value = value * 10 + (iso[i] - '0');
        }
        return value;
    };
    const auto year = digits(0, 4), month = digits(5, 2), day = digits(8, 2), hour = digits(11, 2), minute = digits(14, 2);
    if (!year || !month || !day || !hour || !minute || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':')
        return std::nullopt;
    std::size_t at = 16;
    int second = 0;
    if (iso.size() > at && iso[at] == ':') {
        const auto parsed = digits(at + 1, 2);
        if (!parsed) return std::nullopt;
        second = *parsed;
        at += 3;
    }
    const std::chrono::year_month_day date{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)},
                                           std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok() || *hour > 23 || *minute > 59 || second > 59) return std::nullopt;
    auto format = [](std::chrono::sys_seconds time, bool utc) {
        const auto days = std::chrono::floor<std::chrono::days>(time);
        const std::chrono::year_month_day ymd{days};
        const std::chrono::hh_mm_ss hms{time - days};
        char text[32];
        std::snprintf(text, sizeof text, "%04d%02u%02uT%02d%02d%02d%s", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                      static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                      static_cast<int>(hms.seconds().count()), utc ? "Z" : "");
        return std::string(text);
    };
    const std::chrono::sys_seconds local = std::chrono::sys_days{date} + std::chrono::hours{*hour} +
                                           std::chrono::minutes{*minute} + std::chrono::seconds{second};
    if (iso.size() == at) return format(local, false);
    if (iso.size() == at + 1 && iso[at] == 'Z') return format(local, true);
    if (iso.size() == at + 6 && (iso[at] == '+' || iso[at] == '-') && iso[at + 3] == ':') {
        const auto offset_hours = digits(at + 1, 2), offset_minutes = digits(at + 4, 2);
        if (!offset_hours || !offset_minutes) return std::nullopt;
        const auto offset = std::chrono::minutes{*offset_hours * 60 + *offset_minutes};
        return format(iso[at] == '+' ? local - offset : local + offset, true);
    }
    return std::nullopt;
}

std::string_view to_string(RequestPriority priority) {
    switch (priority) {
        case RequestPriority::must: return "must";
        case RequestPriority::nice: return "nice";
        case RequestPriority::avoid: return "avoid";
    }
    return "nice";
}

bool share_language(const ExpoParticipant& a, const ExpoParticipant& b) {
    for (const Language language : a.languages)
        if (std::find(b.languages.begin(), b.languages.end(), language) != b.languages.end()) return true;
    return false;
}

bool can_interpret(const ExpoInterpreter& interpreter, const ExpoParticipant& a, const ExpoParticipant& b) {
    auto speaks_one_of = [&interpreter](const std::vector<Language>& languages) {
        for (const Language language : languages)
            if (std::find(interpreter.languages.begin(), interpreter.languages.end(), language) !=
                interpreter.languages.end())
                return true;
        return false;
    };
    return speaks_one_of(a.languages) && speaks_one_of(b.languages);
}

namespace {

json event_root(const std::string& path, std::string_view content) {
    if (const auto bad = find_invalid_utf8(content))
        throw InvalidInputError(path + ": not valid UTF-8 (byte " + std::to_string(*bad) + ")");
    json root;
    try {
        root = parse_bounded_json_or_discarded(content);
    } catch (const JsonNestingError& error) {
        throw InvalidInputError(path + ": " + error.what());
    }
    if (root.is_discarded()) throw InvalidInputError(path + ": not valid JSON");
    if (!root.is_object()) throw InvalidInputError(path + ": must be a JSON object with slots, tables and participants");
    static const std::set<std::string> known = {"name", "slots", "tables", "participants", "requests", "interpreters"};
    for (const auto& [key, value] : root.items())
        if (!known.contains(key))
            throw InvalidInputError(path + ": unknown field \"" + key + "\"; the event has " +
                                    "name, slots, tables, participants, requests and interpreters");
    return root;
}

// Each entry of a list must be an object.
void require_object(const std::string& path, const json& entry, const char* list_name, std::size_t i) {
    if (!entry.is_object()) throw InvalidInputError(path + ": " + where(list_name, i) + ": must be an object");
}

void read_slots(const std::string& path, const json& root, ExpoEvent& event, std::map<std::string, std::size_t>& slot_index) {
    const json& slots = list(root, path, "slots", true);
    for (std::size_t i = 0; i < slots.size(); ++i) {
        require_object(path, slots[i], "slots", i);
        const EntryReader reader(path, slots[i], where("slots", i));
        ExpoSlot slot{reader.text("id"), reader.text("start"), reader.text("end")};
        const EntryReader named(path, slots[i], where("slots", i, slot.id));
        if (!slot_index.emplace(slot.id, i).second) named.fail("duplicate slot id");
        if (!ical_date_time(slot.start) || !ical_date_time(slot.end))
            named.fail("\"start\" and \"end\" must be date-times such as 2026-06-15T10:00:00+08:00");
        if (slot.end <= slot.start) named.fail("\"end\" must be after \"start\"");
        if (i > 0 && slot.start < event.slots.back().end) named.fail("overlaps the slot before it; list slots in time order");
        event.slots.push_back(std::move(slot));
    }
    if (event.slots.empty()) throw InvalidInputError(path + ": \"slots\" is empty");
}

void read_tables(const std::string& path, const json& root, ExpoEvent& event) {
    std::set<std::string> table_ids;
    const json& tables = list(root, path, "tables", true);
    for (std::size_t i = 0; i < tables.size(); ++i) {
        require_object(path, tables[i], "tables", i);
        const EntryReader reader(path, tables[i], where("tables", i));
        ExpoTable table{reader.text("id")};
        if (!table_ids.insert(table.id).second) EntryReader(path, tables[i], where("tables", i, table.id)).fail("duplicate table id");
        if (const json* capacity = reader.find("capacity"); capacity && (!capacity->is_number_integer() || *capacity != 1))
            reader.fail("\"capacity\" must be 1 (one meeting per table and slot)");
        event.tables.push_back(std::move(table));
    }
    if (event.tables.empty()) throw InvalidInputError(path + ": \"tables\" is empty");
}

ExpoParticipant read_participant(const EntryReader& reader, const std::string& id, const ExpoEvent& event,
                                 const std::map<std::string, std::size_t>& slot_index) {
    ExpoParticipant participant;
    participant.id = id;
    participant.name = reader.text("name", false);
    if (participant.name.empty()) participant.name = id;
    participant.languages = languages(reader);
    participant.documents = reader.texts("documents");
    participant.available = available(reader, slot_index);
    participant.max_meetings = event.slots.size();
    if (const json* max = reader.find("max_meetings")) {
        if (!max->is_number_integer() || max->get<long long>() < 0)
            reader.fail("\"max_meetings\" must be a whole number, 0 or more");
        participant.max_meetings = std::min<std::size_t>(max->get<std::size_t>(), event.slots.size());
    }
    return participant;
}

void read_participants(const std::string& path, const json& root, ExpoEvent& event,
                       const std::map<std::string, std::size_t>& slot_index,
                       std::map<std::string, std::size_t>& participant_index) {
    const json& participants = list(root, path, "participants", true);
    for (std::size_t i = 0; i < participants.size(); ++i) {
        require_object(path, participants[i], "participants", i);
        const std::string id = EntryReader(path, participants[i], where("participants", i)).text("id");
        const EntryReader reader(path, participants[i], where("participants", i, id));
        if (!participant_index.emplace(id, i).second) reader.fail("duplicate participant id");
        event.participants.push_back(read_participant(reader, id, event, slot_index));
    }
}

void read_requests(const std::string& path, const json& root, ExpoEvent& event,
                   const std::map<std::string, std::size_t>& participant_index) {
    std::set<std::pair<std::size_t, std::size_t>> requested;
    const json& requests = list(root, path, "requests", false);
    for (std::size_t i = 0; i < requests.size(); ++i) {
        require_object(path, requests[i], "requests", i);
        const EntryReader reader(path, requests[i], where("requests", i));
        const std::string from = reader.text("from"), to = reader.text("to");
        const auto a = participant_index.find(from), b = participant_index.find(to);
        if (a == participant_index.end()) reader.fail("unknown participant \"" + from + "\" in \"from\"");
        if (b == participant_index.end()) reader.fail("unknown participant \"" + to + "\" in \"to\"");
        if (a->second == b->second) reader.fail("a participant cannot request a meeting with itself");
        const std::string priority = reader.text("priority", false);
        ExpoRequest request{a->second, b->second, RequestPriority::nice};
        if (priority == "must") request.priority = RequestPriority::must;
        else if (priority == "avoid") request.priority = RequestPriority::avoid;
        else if (!priority.empty() && priority != "nice") reader.fail("\"priority\" must be must, nice or avoid");
        if (!requested.insert({std::min(a->second, b->second), std::max(a->second, b->second)}).second)
            reader.fail("a second request for the same pair (\"" + from + "\", \"" + to + "\")");
        event.requests.push_back(request);
    }
}

void read_interpreters(const std::string& path, const json& root, ExpoEvent& event,
                       const std::map<std::string, std::size_t>& slot_index) {
    std::set<std::string> interpreter_ids;
    const json& interpreters = list(root, path, "interpreters", false);
    for (std::size_t i = 0; i < interpreters.size(); ++i) {
        require_object(path, interpreters[i], "interpreters", i);
        const std::string id = EntryReader(path, interpreters[i], where("interpreters", i)).text("id");
        const EntryReader reader(path, interpreters[i], where("interpreters", i, id));
        if (!interpreter_ids.insert(id).second) reader.fail("duplicate interpreter id");
        event.interpreters.push_back({id, languages(reader), available(reader, slot_index)});
    }
}

}  // namespace

ExpoEvent read_expo_event(std::string_view path_view, std::string_view content) {
    const std::string path(path_view);
    const json root = event_root(path, content);
    ExpoEvent event;
    if (const auto it = root.find("name"); it != root.end() && it->is_string()) event.name = it->get<std::string>();
    std::map<std::string, std::size_t> slot_index, participant_index;
    read_slots(path, root, event, slot_index);
    read_tables(path, root, event);
    read_participants(path, root, event, slot_index, participant_index);
    read_requests(path, root, event, participant_index);
    read_interpreters(path, root, event, slot_index);
    return event;
}

}  // namespace techbridge
