#include "request_parameters.h"

#include <charconv>

#include <httplib.h>

#include "json_nesting.h"
#include "utf8.h"

namespace techbridge {

namespace {

std::optional<DocumentKind> kind_value(const std::string& name, const std::string& value) {
    if (value.empty()) return std::nullopt;
    const auto kind = parse_document_kind(value);
    if (!kind) throw BadRequest("invalid_parameter", name + ": use offer, demand or knowledge, got \"" + value + "\"");
    return kind;
}

std::optional<Language> language_value(const std::string& name, const std::string& value) {
    if (value.empty()) return std::nullopt;
    const auto language = parse_language(value);
    if (!language) throw BadRequest("invalid_parameter", name + ": use zh, ru or en, got \"" + value + "\"");
    return language;
}

std::optional<int> trl_value(const std::string& name, const std::string& value) {
    if (value.empty()) return std::nullopt;
    int trl = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), trl);
    if (error != std::errc() || end != value.data() + value.size() || trl < 1 || trl > 9)
        throw BadRequest("invalid_parameter", name + ": expected a readiness level from 1 to 9, got \"" + value + "\"");
    return trl;
}

void check_text(const std::string& name, const std::string& value, std::size_t max_bytes) {
    if (find_invalid_utf8(value)) throw BadRequest("invalid_parameter", name + ": not valid UTF-8");
    if (value.size() > max_bytes)
        throw BadRequest("invalid_parameter", name + ": longer than " + std::to_string(max_bytes) + " bytes");
}

}  // namespace

std::string text_parameter(const httplib::Request& request, const char* name, std::size_t max_bytes) {
    if (!request.has_param(name)) return {};
    std::string value = request.get_param_value(name);
    check_text(name, value, max_bytes);
    return value;
}

std::size_t number_parameter(const httplib::Request& request, const char* name, std::size_t fallback,
                             std::size_t min, std::size_t max) {
    const std::string text = text_parameter(request, name, 16);
    if (text.empty()) return fallback;
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < min || value > max)
        throw BadRequest("invalid_parameter", std::string(name) + ": expected a whole number from " +
                                                  std::to_string(min) + " to " + std::to_string(max) + ", got \"" +
                                                  text + "\"");
    return value;
}

SearchOrder order_parameter(const httplib::Request& request) {
    const std::string value = text_parameter(request, "order", 16);
    if (value.empty()) return SearchOrder::relevance;
    const auto order = parse_search_order(value);
    if (!order) throw BadRequest("invalid_parameter", "order: use relevance, trl or published, got \"" + value + "\"");
    return *order;
}

DocumentFilters filters_from_query(const httplib::Request& request) {
    DocumentFilters filters;
    filters.kind = kind_value("kind", text_parameter(request, "kind", 16));
    filters.lang = language_value("lang", text_parameter(request, "lang", 16));
    filters.sector = text_parameter(request, "sector", 64);
    filters.region = text_parameter(request, "region", 64);
    filters.trl_min = trl_value("trl_min", text_parameter(request, "trl_min", 4));
    filters.trl_max = trl_value("trl_max", text_parameter(request, "trl_max", 4));
    filters.cooperation = text_parameter(request, "cooperation", 64);
    return filters;
}

std::optional<std::string> json_text_field(const nlohmann::json& body, const char* name, std::size_t max_bytes,
                                           bool numbers_allowed) {
    const auto it = body.find(name);
    if (it == body.end()) return std::nullopt;
    if (numbers_allowed && it->is_number_integer())
        return it->is_number_unsigned() ? std::to_string(it->get<unsigned long long>()) : std::to_string(it->get<long long>());
    if (!it->is_string())
        throw BadRequest("invalid_parameter", std::string(name) + ": expected a string, got " + it->type_name() +
                                                  " (leave the field out for the default)");
    std::string value = it->get<std::string>();
    check_text(name, value, max_bytes);
    return value;
}

std::optional<long long> json_number_field(const nlohmann::json& body, const char* name, long long min, long long max) {
    const auto it = body.find(name);
    if (it == body.end()) return std::nullopt;
    const bool in_range = it->is_number_unsigned()  ? it->get<unsigned long long>() <= static_cast<unsigned long long>(max) &&
                                                          it->get<long long>() >= min
                          : it->is_number_integer() ? it->get<long long>() >= min && it->get<long long>() <= max
                                                    : false;
    if (!in_range)
        throw BadRequest("invalid_parameter", std::string(name) + ": expected a whole number from " + std::to_string(min) +
                                                  " to " + std::to_string(max) + ", got " +
                                                  it->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).substr(0, 40));
    return it->get<long long>();
}

DocumentFilters filters_from_json(const nlohmann::json& body) {
    auto text = [&body](const char* name, std::size_t max_bytes) {
        return json_text_field(body, name, max_bytes, true).value_or("");
    };
    DocumentFilters filters;
    filters.lang = language_value("lang", text("lang", 16));
    filters.sector = text("sector", 64);
    filters.region = text("region", 64);
    filters.trl_min = trl_value("trl_min", text("trl_min", 4));
    filters.trl_max = trl_value("trl_max", text("trl_max", 4));
    filters.cooperation = text("cooperation", 64);
    return filters;
}

nlohmann::json json_body(const httplib::Request& request) {
    if (find_invalid_utf8(request.body)) throw BadRequest("invalid_body", "the request body is not valid UTF-8");
    nlohmann::json body;
    try {
        body = parse_bounded_json_or_discarded(request.body);
    } catch (const JsonNestingError& error) {
        throw BadRequest("invalid_body", std::string("the request body is ") + error.what());
    }
    if (body.is_discarded() || !body.is_object())
        throw BadRequest("invalid_body", "the request body must be a JSON object, such as {\"text\": \"...\", \"kind\": \"demand\"}");
    return body;
}

}  // namespace techbridge
