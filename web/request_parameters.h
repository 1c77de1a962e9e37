#pragma once
// Reading what a client sent (query parameters, JSON bodies) into the core's request types,
// with a 400 naming the parameter for anything wrong.
#include <cstddef>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "errors.h"
#include "filter_terms.h"
#include "search_request.h"

namespace httplib {
struct Request;
}

namespace techbridge {

/// A request the client got wrong, answered with 400 and a message naming the parameter.
class BadRequest : public Error {
public:
    BadRequest(std::string code, const std::string& message) : Error(message), code_(std::move(code)) {}
    const std::string& code() const { return code_; }

private:
    std::string code_;
};

/// A query parameter as valid UTF-8 of at most `max_bytes` ("" when absent).
std::string text_parameter(const httplib::Request& request, const char* name, std::size_t max_bytes = 2048);
/// A whole number from `min` to `max`; `fallback` when absent.
std::size_t number_parameter(const httplib::Request& request, const char* name, std::size_t fallback,
                             std::size_t min, std::size_t max);
/// The search's `order` parameter: relevance (also when absent), trl or published.
SearchOrder order_parameter(const httplib::Request& request);
/// kind, lang, sector, region, trl_min, trl_max, cooperation from the query string.
DocumentFilters filters_from_query(const httplib::Request& request);
/// The same filters from a JSON object (the partner finder's body); each a string (or a
/// whole number), BadRequest naming the field otherwise.
DocumentFilters filters_from_json(const nlohmann::json& body);
/// A JSON body's field as valid UTF-8 of at most `max_bytes`: nullopt when absent,
/// BadRequest naming the field when it is anything but a string (null included), or a
/// whole number when `numbers_allowed` (then given as its digits).
std::optional<std::string> json_text_field(const nlohmann::json& body, const char* name, std::size_t max_bytes,
                                           bool numbers_allowed = false);
/// A JSON body's field as a whole number from `min` to `max`: nullopt when absent,
/// BadRequest naming the field for anything else (a string, a fraction, null).
std::optional<long long> json_number_field(const nlohmann::json& body, const char* name, long long min, long long max);
/// The request body as a JSON object; BadRequest when it is not one.
nlohmann::json json_body(const httplib::Request& request);

}  // namespace techbridge
