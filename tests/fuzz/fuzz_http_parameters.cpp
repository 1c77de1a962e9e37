// Fuzz target: a query string and a body as a client could send them, read into the
// core's request types; refusals must be BadRequest (a 400), nothing else.
#include <cstddef>
#include <cstdint>
#include <string>

#include <httplib.h>

#include "request_parameters.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::size_t split = input.find('\n');
    httplib::Request request;
    httplib::detail::parse_query_text(input.substr(0, split), request.params);
    request.body = split == std::string::npos ? std::string() : input.substr(split + 1);
    try {
        (void)techbridge::filters_from_query(request);
        (void)techbridge::text_parameter(request, "q");
        (void)techbridge::number_parameter(request, "limit", 10, 0, 100);
    } catch (const techbridge::BadRequest&) {
    }
    try {
        (void)techbridge::filters_from_json(techbridge::json_body(request));
    } catch (const techbridge::BadRequest&) {
    }
    return 0;
}
