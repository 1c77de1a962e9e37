#pragma once
// A technology fair's matchmaking event: time slots, tables, participants with their
// documents and languages, meeting requests and interpreters (docs/expo.md).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document.h"

namespace techbridge {

struct ExpoSlot {
    std::string id;
    std::string start;  // ISO date-time, e.g. 2026-06-15T10:00:00+08:00
    std::string end;
};

struct ExpoTable {
    std::string id;
};

struct ExpoParticipant {
    std::string id;
    std::string name;
    std::vector<Language> languages;
    std::vector<std::string> documents;  // ids in the store
    std::vector<std::size_t> available;  // slot indices, in slot order
    std::size_t max_meetings = 0;
};

enum class RequestPriority { must, nice, avoid };

struct ExpoRequest {
    std::size_t from = 0;  // participant indices
    std::size_t to = 0;
    RequestPriority priority = RequestPriority::nice;
};

struct ExpoInterpreter {
    std::string id;
    std::vector<Language> languages;
    std::vector<std::size_t> available;  // slot indices
};

struct ExpoEvent {
    std::string name;
    std::vector<ExpoSlot> slots;
    std::vector<ExpoTable> tables;
    std::vector<ExpoParticipant> participants;
    std::vector<ExpoRequest> requests;
    std::vector<ExpoInterpreter> interpreters;
};

/// Reads an event file. Throws InvalidInputError naming the entry at fault (a duplicate
/// id, a slot or participant that does not exist, a language other than zh/ru/en, a
/// missing field). Documents are checked against the store separately.
ExpoEvent read_expo_event(std::string_view path, std::string_view content);

std::string_view to_string(RequestPriority priority);

/// An ISO 8601 date-time ("2026-06-15T10:00", seconds and a "Z" or "+08:00" offset
/// optional) as iCalendar writes it: UTC ("20260615T020000Z") when an offset is given,
/// floating local time otherwise; nothing when it is not such a date-time.
std::optional<std::string> ical_date_time(std::string_view iso);

/// True when the two participants share a language.
bool share_language(const ExpoParticipant& a, const ExpoParticipant& b);
/// True when the interpreter speaks a language of each side.
bool can_interpret(const ExpoInterpreter& interpreter, const ExpoParticipant& a, const ExpoParticipant& b);

}  // namespace techbridge
