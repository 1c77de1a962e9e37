#include "plan_report.h"

#include <array>
#include <cmath>
#include <fstream>

#include "csv_cell.h"
#include "errors.h"

namespace techbridge {

namespace {

double rounded(double value) { return std::round(value * 1000.0) / 1000.0; }

std::string html_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

/// RFC 5545 text: backslash, semicolon, comma and line breaks escaped.
std::string ical_text(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\' || c == ';' || c == ',') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else if (c != '\r') out += c;
    }
    return out;
}

/// Folds a content line at 75 octets, never inside a UTF-8 sequence.
std::string ical_line(const std::string& line) {
    std::string out;
    std::size_t width = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto byte = static_cast<unsigned char>(line[i]);
        const bool starts_character = (byte & 0xC0u) != 0x80u;
        if (starts_character && width >= 74) {
            out += "\r\n ";
            width = 1;
        }
        out += line[i];
        ++width;
    }
    return out + "\r\n";
}

struct AgendaLabels {
    const char* title;
    const char* time;
    const char* table;
    const char* partner;
    const char* interpreter;
    const char* why;
    const char* none;
    const char* requested;
};

const AgendaLabels& labels_for(Language language) {
    static const std::array<AgendaLabels, 3> labels = {{
        {"会谈日程", "时间", "桌号", "洽谈对象", "翻译", "匹配理由", "暂无安排的会谈。", "应邀会谈"},
        {"Расписание встреч", "Время", "Стол", "Партнёр", "Переводчик", "Почему эта встреча", "Встреч пока нет.",
         "встреча по запросу"},
        {"Meeting schedule", "Time", "Table", "Partner", "Interpreter", "Why this meeting", "No meetings scheduled.",
         "requested meeting"},
    }};
    return labels[static_cast<std::size_t>(language)];
}

std::string time_of_day(const std::string& iso) { return iso.size() >= 16 ? iso.substr(11, 5) : iso; }

}  // namespace

nlohmann::json plan_json(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates, const ExpoPlan& plan) {
    nlohmann::json meetings = nlohmann::json::array();
    for (const auto& meeting : plan.meetings) {
        const CandidateMeeting& m = candidates[meeting.candidate];
        meetings.push_back({{"slot", event.slots[meeting.slot].id},
                            {"start", event.slots[meeting.slot].start},
                            {"end", event.slots[meeting.slot].end},
                            {"table", event.tables[meeting.table].id},
                            {"a", event.participants[m.a].id},
                            {"b", event.participants[m.b].id},
                            {"interpreter", meeting.interpreter ? nlohmann::json(event.interpreters[*meeting.interpreter].id)
                                                                : nlohmann::json()},
                            {"score", rounded(m.score)},
                            {"request", m.request ? nlohmann::json(to_string(*m.request)) : nlohmann::json()},
                            {"documents", m.document_a.empty() ? nlohmann::json::array() : nlohmann::json{m.document_a, m.document_b}},
                            {"reasons", m.reasons}});
    }
    nlohmann::json unscheduled = nlohmann::json::array();
    for (const auto& must : plan.unscheduled_must) {
        const CandidateMeeting& m = candidates[must.candidate];
        unscheduled.push_back(
            {{"a", event.participants[m.a].id}, {"b", event.participants[m.b].id}, {"reason", must.reason}});
    }
    const PlanStatistics& stats = plan.stats;
    nlohmann::json out_stats = {{"candidates", stats.candidates},
                                {"meetings", stats.meetings},
                                {"value", rounded(stats.value)},
                                {"upper_bound", rounded(stats.upper_bound)},
                                {"ratio_to_upper_bound", stats.upper_bound > 0 ? rounded(stats.value / stats.upper_bound) : 1.0},
                                {"idle_gaps", stats.idle_gaps},
                                {"seconds", rounded(stats.seconds)},
                                {"constructions", stats.constructions},
                                {"time_limited", stats.time_limited}};
    if (stats.optimum) {
        out_stats["optimum"] = rounded(*stats.optimum);
        out_stats["ratio_to_optimum"] = *stats.optimum > 0 ? rounded(stats.value / *stats.optimum) : 1.0;
    }
    return {{"meetings", meetings}, {"unscheduled_must", unscheduled}, {"stats", out_stats}};
}

nlohmann::json event_json(const ExpoEvent& event) {
    nlohmann::json slots = nlohmann::json::array(), tables = nlohmann::json::array(),
                   participants = nlohmann::json::array();
    for (const auto& slot : event.slots) slots.push_back({{"id", slot.id}, {"start", slot.start}, {"end", slot.end}});
    for (const auto& table : event.tables) tables.push_back(table.id);
    for (const auto& participant : event.participants) {
        nlohmann::json languages = nlohmann::json::array();
        for (const Language language : participant.languages) languages.push_back(to_string(language));
        participants.push_back({{"id", participant.id}, {"name", participant.name}, {"languages", languages},
                                {"documents", participant.documents}});
    }
    return {{"name", event.name}, {"slots", slots}, {"tables", tables}, {"participants", participants}};
}

std::string schedule_csv(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates, const ExpoPlan& plan) {
    std::string out = "slot,start,end,table,a,a_name,b,b_name,interpreter,score,request,reasons\n";
    for (const auto& meeting : plan.meetings) {
        const CandidateMeeting& m = candidates[meeting.candidate];
        const ExpoSlot& slot = event.slots[meeting.slot];
        const ExpoParticipant& a = event.participants[m.a];
        const ExpoParticipant& b = event.participants[m.b];
        char score[16];
        std::snprintf(score, sizeof score, "%.3f", m.score);
        std::string reasons;
        for (const auto& reason : m.reasons) reasons += (reasons.empty() ? "" : "; ") + reason;
        out += csv_cell(slot.id) + ',' + csv_cell(slot.start) + ',' + csv_cell(slot.end) + ',' +
               csv_cell(event.tables[meeting.table].id) + ',' + csv_cell(a.id) + ',' + csv_cell(a.name) + ',' +
               csv_cell(b.id) + ',' + csv_cell(b.name) + ',' +
               (meeting.interpreter ? csv_cell(event.interpreters[*meeting.interpreter].id) : std::string()) + ',' +
               score + ',' + (m.request ? std::string(to_string(*m.request)) : std::string()) + ',' + csv_cell(reasons) +
               '\n';
    }
    return out;
}

std::string agenda_html(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates, const ExpoPlan& plan,
                        std::size_t participant, const std::map<std::string, std::string>& titles) {
    const ExpoParticipant& self = event.participants[participant];
    const Language language = self.languages.empty() ? Language::en : self.languages.front();
    const AgendaLabels& text = labels_for(language);
    std::string out = "<!doctype html>\n<html lang=\"" + std::string(to_string(language)) +
                      "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html_escape(text.title) + " — " +
                      html_escape(self.name) +
                      "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}"
                      "th,td{border:1px solid #999;padding:.4em;text-align:left;vertical-align:top}"
                      "@media print{body{margin:0}}</style>\n</head>\n<body>\n<h1>" +
                      html_escape(text.title) + "</h1>\n<p><strong>" + html_escape(self.name) + "</strong>" +
                      (event.name.empty() ? "" : " · " + html_escape(event.name)) + "</p>\n";
    std::string rows;
    for (const auto& meeting : plan.meetings) {
        const CandidateMeeting& m = candidates[meeting.candidate];
        if (m.a != participant && m.b != participant) continue;
        const ExpoParticipant& partner = event.participants[m.a == participant ? m.b : m.a];
        const ExpoSlot& slot = event.slots[meeting.slot];
        std::string why;
        for (const auto& document : {m.document_a, m.document_b}) {
            const auto title = titles.find(document);
            if (title != titles.end()) why += "<div>" + html_escape(title->second) + "</div>";
        }
        for (const auto& reason : m.reasons) why += "<div>" + html_escape(reason) + "</div>";
        if (m.request) why += "<div>" + html_escape(text.requested) + "</div>";
        rows += "<tr><td>" + html_escape(time_of_day(slot.start) + "–" + time_of_day(slot.end)) + "</td><td>" +
                html_escape(event.tables[meeting.table].id) + "</td><td>" + html_escape(partner.name) + "</td><td>" +
                (meeting.interpreter ? html_escape(event.interpreters[*meeting.interpreter].id) : std::string("—")) +
                "</td><td>" + why + "</td></tr>\n";
    }
    if (rows.empty()) {
        out += "<p>" + html_escape(text.none) + "</p>\n";
    } else {
        out += "<table>\n<thead><tr><th>" + html_escape(text.time) + "</th><th>" + html_escape(text.table) +
               "</th><th>" + html_escape(text.partner) + "</th><th>" + html_escape(text.interpreter) + "</th><th>" +
               html_escape(text.why) + "</th></tr></thead>\n<tbody>\n" + rows + "</tbody>\n</table>\n";
    }
    return out + "</body>\n</html>\n";
}

std::string agenda_ics(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates, const ExpoPlan& plan,
                       std::size_t participant) {
    const ExpoParticipant& self = event.participants[participant];
    std::string out = ical_line("BEGIN:VCALENDAR") + ical_line("VERSION:2.0") +
                      ical_line("PRODID:-//TechBridge//Expo matchmaking//EN") + ical_line("CALSCALE:GREGORIAN");
    for (const auto& meeting : plan.meetings) {
        const CandidateMeeting& m = candidates[meeting.candidate];
        if (m.a != participant && m.b != participant) continue;
        const ExpoParticipant& partner = event.participants[m.a == participant ? m.b : m.a];
        const ExpoSlot& slot = event.slots[meeting.slot];
        const std::string start = ical_date_time(slot.start).value_or("");
        std::string description;
        for (const auto& reason : m.reasons) description += (description.empty() ? "" : "\n") + reason;
        if (meeting.interpreter) description += "\nInterpreter: " + event.interpreters[*meeting.interpreter].id;
        out += ical_line("BEGIN:VEVENT");
        out += ical_line("UID:" + ical_text(slot.id + "-" + event.participants[m.a].id + "-" + event.participants[m.b].id) +
                         "@techbridge");
        out += ical_line("DTSTAMP:" + (start.ends_with("Z") ? start : start + "Z"));
        out += ical_line("DTSTART:" + start);
        out += ical_line("DTEND:" + ical_date_time(slot.end).value_or(""));
        out += ical_line("SUMMARY:" + ical_text(self.name + " — " + partner.name));
        out += ical_line("LOCATION:" + ical_text(event.tables[meeting.table].id));
        if (!description.empty()) out += ical_line("DESCRIPTION:" + ical_text(description));
        out += ical_line("END:VEVENT");
    }
    return out + ical_line("END:VCALENDAR");
}

void write_plan_files(const std::filesystem::path& folder, const ExpoEvent& event,
                      const std::vector<CandidateMeeting>& candidates, const ExpoPlan& plan,
                      const std::map<std::string, std::string>& titles) {
    std::error_code error;
    std::filesystem::create_directories(folder / "agendas", error);
    std::filesystem::create_directories(folder / "calendars", error);
    if (error) throw Error("cannot create " + folder.string() + ": " + error.message());
    auto write = [](const std::filesystem::path& path, const std::string& content) {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        if (!out || !(out << content)) throw Error("cannot write " + path.string());
    };
    write(folder / "schedule.csv", schedule_csv(event, candidates, plan));
    for (std::size_t p = 0; p < event.participants.size(); ++p) {
        // Participant ids become file names: keep them to safe characters.
        std::string name;
        for (char c : event.participants[p].id)
            name += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') && c != '/' ? c : '_';
        if (name.empty() || name == "." || name == "..") name = "participant-" + std::to_string(p);
        write(folder / "agendas" / (name + ".html"), agenda_html(event, candidates, plan, p, titles));
        write(folder / "calendars" / (name + ".ics"), agenda_ics(event, candidates, plan, p));
    }
}

}  // namespace techbridge
