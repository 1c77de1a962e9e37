// Issue 13, finding 1: JSON nested 100,000 deep crashed `index` and the server (the JSON
// library recurses once per level when it writes a value back). Files, uploads and API bodies
// are now refused past max_json_nesting with the line or byte to look at.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include <httplib.h>

#include "ingestion.h"
#include "json_nesting.h"
#include "jsonl_reader.h"
#include "request_parameters.h"
#include "test_support.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

/// A Russian offer record whose unknown field "x" holds `depth` nested arrays.
std::string record_nested(std::size_t depth, const std::string& id = "d1") {
    return "{\"id\":\"" + id + "\",\"kind\":\"offer\",\"lang\":\"ru\",\"title\":\"Лазерная сварка\","
           "\"body\":\"Технология лазерной сварки толстолистовой стали.\",\"x\":" +
           std::string(depth, '[') + std::string(depth, ']') + "}";
}

const std::string chinese_demand =
    "{\"id\":\"d2\",\"kind\":\"demand\",\"lang\":\"zh\",\"title\":\"激光焊接\",\"body\":\"需要厚板激光焊接技术。\"}";

}  // namespace

TEST_CASE("json nesting: the first bracket past the limit is found, brackets in strings do not count") {
    struct Case {
        std::string text;
        std::size_t max_depth;
        std::optional<std::size_t> expected;
    };
    const Case cases[] = {
        {"{}", 1, std::nullopt},
        {"{\"a\":[]}", 1, 5},
        {"{\"a\":[]}", 2, std::nullopt},
        {"[[[]]]", 2, 2},
        {"[\"[[[[\"]", 1, std::nullopt},
        {"[\"\\\"[[[\"]", 1, std::nullopt},  // an escaped quote does not end the string
        {"[][][]", 1, std::nullopt},         // depth returns to zero between values
        {"{\"титул\":\"焊接{[\",\"b\":[[1]]}", 2, 30},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(find_excess_json_nesting(c.text, c.max_depth) == c.expected);
    }
}

TEST_CASE("json nesting: 64 levels parse, 65 are refused with the byte to look at") {
    const std::string at_limit = std::string(max_json_nesting, '[') + std::string(max_json_nesting, ']');
    CHECK(parse_bounded_json(at_limit).is_array());
    const std::string past = "[" + at_limit + "]";
    try {
        parse_bounded_json(past);
        FAIL("65 levels were accepted");
    } catch (const JsonNestingError& error) {
        CHECK(error.offset() == max_json_nesting);
        CHECK(std::string(error.what()) == "nested deeper than 64 levels of [ ] and { } (at byte 65); flatten the value or remove the field");
    }
    CHECK_THROWS_AS(parse_bounded_json_or_discarded(past), JsonNestingError);
    CHECK(parse_bounded_json_or_discarded("{\"a\":").is_discarded());
}

TEST_CASE("json nesting: a record nested 100,000 deep is a problem on its line, the others load") {
    std::istringstream input(chinese_demand + "\n" + record_nested(100000) + "\n" + record_nested(3, "d3") + "\n");
    const auto content = read_json_lines("deep.jsonl", input);
    REQUIRE(content.records.size() == 2);
    CHECK(content.records[0].fields["id"] == "d2");
    CHECK(content.records[1].fields["id"] == "d3");
    REQUIRE(content.problems.size() == 1);
    CHECK(content.problems[0].to_string().starts_with("deep.jsonl:2: record: nested deeper than 64 levels"));
}

TEST_CASE("json nesting: indexing and a check-only upload reject the deep record and keep the others") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    const std::string content = chinese_demand + "\n" + record_nested(100000) + "\n";
    const auto file = dir.write("deep.jsonl", content);

    const auto checked = Ingestion(paths, {}, KnowledgeBase::builtin()).check_upload("upload:deep.jsonl", content);
    CHECK(checked.valid.size() == 1);
    REQUIRE(checked.rejected.size() == 1);
    CHECK(checked.rejected[0].line == 2);
    CHECK(checked.rejected[0].message.starts_with("nested deeper than 64"));

    const auto stored = Ingestion(paths, {}, KnowledgeBase::builtin()).run({file});
    CHECK(stored.summary.added == 1);
    REQUIRE(stored.rejected.size() == 1);
    CHECK(stored.rejected[0].to_string().find("deep.jsonl:2: record: nested deeper") != std::string::npos);
}

TEST_CASE("json nesting: an API body nested too deep is a bad request naming the limit") {
    httplib::Request request;
    request.body = "{\"text\":\"нужна лазерная сварка\",\"kind\":\"demand\",\"sectors\":" + std::string(100000, '[') +
                   std::string(100000, ']') + "}";
    try {
        json_body(request);
        FAIL("the nested body was accepted");
    } catch (const BadRequest& error) {
        CHECK(error.code() == "invalid_body");
        CHECK(std::string(error.what()).starts_with("the request body is nested deeper than 64 levels"));
    }
    request.body = "{\"text\":\"нужна лазерная сварка\",\"kind\":\"demand\"}";
    CHECK(json_body(request)["kind"] == "demand");
}
