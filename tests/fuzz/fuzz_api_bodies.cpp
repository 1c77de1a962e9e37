// Fuzz target: a JSON body as a client could send it to POST /api/match or /api/expo/plan,
// nested as deep as libFuzzer likes. Refusals must be BadRequest or InvalidInputError (a
// 400); an accepted body must survive being written back, which is where nesting 100,000
// deep once overflowed the stack.
#include <cstddef>
#include <cstdint>
#include <string>

#include <httplib.h>

#include "errors.h"
#include "expo_event.h"
#include "request_parameters.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    httplib::Request request;
    request.body.assign(reinterpret_cast<const char*>(data), size);
    try {
        const nlohmann::json body = techbridge::json_body(request);
        (void)body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        (void)techbridge::filters_from_json(body);
    } catch (const techbridge::BadRequest&) {
    }
    try {
        (void)techbridge::read_expo_event("event", request.body);
    } catch (const techbridge::InvalidInputError&) {
    }
    return 0;
}
