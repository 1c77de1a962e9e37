#include <doctest/doctest.h>

#include <sstream>

#include "fixtures.h"
#include "jsonl_reader.h"
#include "markdown_reader.h"

using namespace techbridge;
using namespace techbridge::testing;

TEST_CASE("a Markdown document gives its header fields and body") {
    const auto content = read_markdown_document("a.md", russian_laser_offer);
    REQUIRE(content.problems.empty());
    REQUIRE(content.records.size() == 1);
    const auto& record = content.records.front();
    CHECK(record.fields["id"] == "t-off-ru-1");
    CHECK(record.fields["sectors"] == "lasers-photonics, metalworking-welding");
    CHECK(record.fields["body"].get<std::string>().starts_with("Предлагается технология"));
    CHECK(record.field_lines.at("title") == 5);
    CHECK(record.raw == russian_laser_offer);
}

TEST_CASE("Markdown problems are located by line") {
    SUBCASE("no header") {
        const auto content = read_markdown_document("b.md", "# Просто заметка\nТекст");
        REQUIRE(content.problems.size() == 1);
        CHECK(content.problems[0].to_string().starts_with("b.md:1: record: a Markdown document must start"));
    }
    SUBCASE("header not closed") {
        const auto content = read_markdown_document("c.md", "---\nid: x\ntitle: y\n");
        REQUIRE(content.problems.size() == 1);
        CHECK(content.problems[0].field == "header");
    }
    SUBCASE("a line that is not key: value") {
        const auto content = read_markdown_document("d.md", "---\nid: x\nэто не поле\n---\nтекст");
        REQUIRE(content.problems.size() == 1);
        CHECK(content.problems[0].line == 3);
        CHECK(content.records.empty());
    }
    SUBCASE("a key given twice") {
        const auto content = read_markdown_document("e.md", "---\nid: x\ntitle: a\ntitle: b\n---\nтекст");
        REQUIRE(content.problems.size() == 1);
        CHECK(content.problems[0].to_string() == "e.md:4: title: given twice (first on line 3)");
    }
    SUBCASE("invalid UTF-8") {
        const auto content = read_markdown_document("f.md", "---\nid: x\ntitle: \xd0\n---\nтекст");
        REQUIRE(content.problems.size() == 1);
        CHECK(content.problems[0].line == 3);
        CHECK(content.problems[0].message.find("invalid UTF-8") != std::string::npos);
    }
}

TEST_CASE("JSON Lines: good lines load and bad lines are reported by line number") {
    std::istringstream input(
        "{\"id\":\"a\",\"kind\":\"offer\",\"title\":\"Гидроочистка\",\"body\":\"Текст\"}\n"
        "\n"
        "{\"id\":\"b\",\"kind\":\n"
        "[1,2]\n"
        "{\"id\":\"c\",\"title\":\"\xe6\xbf\"}\n"
        "{\"id\":\"d\",\"kind\":\"demand\",\"title\":\"激光焊接\",\"body\":\"需求\"}\n");
    const auto content = read_json_lines("x.jsonl", input);
    REQUIRE(content.records.size() == 2);
    CHECK(content.records[0].line == 1);
    CHECK(content.records[1].line == 6);
    REQUIRE(content.problems.size() == 3);
    CHECK(content.problems[0].line == 3);
    CHECK(content.problems[0].message.starts_with("not valid JSON"));
    CHECK(content.problems[1].line == 4);
    CHECK(content.problems[1].message.find("one JSON object") != std::string::npos);
    CHECK(content.problems[2].line == 5);
    CHECK(content.problems[2].message.find("invalid UTF-8") != std::string::npos);
}

TEST_CASE("JSON Lines: a number too large for a double is a problem on its line, not a crash") {
    std::istringstream input("{\"id\":\"a\",\"kind\":\"offer\",\"title\":\"Насосы\",\"body\":\"Текст\",\"trl\":1e999}\n"
                             "{\"id\":\"b\",\"kind\":\"offer\",\"title\":\"Pumps\",\"body\":\"Text\"}\n");
    const auto content = read_json_lines("x.jsonl", input);
    REQUIRE(content.problems.size() == 1);
    CHECK(content.problems[0].line == 1);
    CHECK(content.problems[0].message.starts_with("not valid JSON"));
    CHECK(content.records.size() == 1);
}
