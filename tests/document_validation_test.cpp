#include <doctest/doctest.h>

#include <algorithm>

#include "document_validation.h"
#include "errors.h"
#include "utf8.h"

using namespace techbridge;
using nlohmann::json;

namespace {

json valid_offer() {
    return {{"id", "off-ru-900"},
            {"kind", "offer"},
            {"lang", "ru"},
            {"title", "Лазерная наплавка износостойких покрытий"},
            {"body", "Предлагается технология лазерной наплавки порошковых сплавов на детали буровых насосов."},
            {"sectors", {"lasers-photonics", "oil-gas"}},
            {"trl", 6},
            {"cooperation", "license, technical_cooperation"},
            {"published", "2025-04-10"},
            {"expires", "2027-04-10"}};
}

bool has_problem(const DocumentParse& parse, const std::string& field, const std::string& fragment = "") {
    return std::any_of(parse.problems.begin(), parse.problems.end(), [&](const FieldProblem& p) {
        return p.field == field && p.message.find(fragment) != std::string::npos;
    });
}

}  // namespace

TEST_CASE("a complete offer is valid and keeps its fields") {
    const auto parse = parse_document(valid_offer());
    REQUIRE(parse.ok());
    const Document& doc = parse.document;
    CHECK(doc.id == "off-ru-900");
    CHECK(doc.kind == DocumentKind::offer);
    CHECK(doc.lang == Language::ru);
    CHECK_FALSE(doc.lang_detected);
    CHECK(doc.sectors == std::vector<std::string>{"lasers-photonics", "oil-gas"});
    CHECK(doc.cooperation == std::vector<std::string>{"license", "technical_cooperation"});
    CHECK(doc.trl == 6);
}

TEST_CASE("the language is detected when not given") {
    json record = valid_offer();
    record.erase("lang");
    record["title"] = "大豆蛋白深加工技术需求";
    record["body"] = "我公司需要提高大豆分离蛋白的凝胶性和溶解性。";
    const auto parse = parse_document(record);
    REQUIRE(parse.ok());
    CHECK(parse.document.lang == Language::zh);
    CHECK(parse.document.lang_detected);
}

TEST_CASE("unknown fields are kept") {
    json record = valid_offer();
    record["budget_cny"] = 500000;
    record["note"] = "примечание";
    const auto parse = parse_document(record);
    REQUIRE(parse.ok());
    CHECK(parse.document.extra["budget_cny"] == 500000);
    CHECK(parse.document.to_json()["note"] == "примечание");
}

TEST_CASE("each malformed field is reported by name") {
    SUBCASE("missing title") {
        json record = valid_offer();
        record.erase("title");
        CHECK(has_problem(parse_document(record), "title", "missing"));
    }
    SUBCASE("empty body") {
        json record = valid_offer();
        record["body"] = "   ";
        CHECK(has_problem(parse_document(record), "body", "missing or empty"));
    }
    SUBCASE("unknown kind") {
        json record = valid_offer();
        record["kind"] = "proposal";
        CHECK(has_problem(parse_document(record), "kind", "unknown kind \"proposal\""));
    }
    SUBCASE("TRL out of range") {
        json record = valid_offer();
        record["trl"] = 12;
        CHECK(has_problem(parse_document(record), "trl", "from 1 to 9"));
        record["trl"] = "high";
        CHECK(has_problem(parse_document(record), "trl", "from 1 to 9"));
    }
    SUBCASE("bad id") {
        json record = valid_offer();
        record["id"] = "has space";
        CHECK(has_problem(parse_document(record), "id", "not a valid id"));
        record["id"] = std::string(65, 'a');
        CHECK(has_problem(parse_document(record), "id", "not a valid id"));
    }
    SUBCASE("bad date") {
        json record = valid_offer();
        record["published"] = "2025-02-30";
        CHECK(has_problem(parse_document(record), "published", "YYYY-MM-DD"));
    }
    SUBCASE("expiry before publication") {
        json record = valid_offer();
        record["expires"] = "2024-01-01";
        CHECK(has_problem(parse_document(record), "expires", "before published"));
    }
    SUBCASE("unknown cooperation type") {
        json record = valid_offer();
        record["cooperation"] = {"license", "franchise"};
        CHECK(has_problem(parse_document(record), "cooperation", "\"franchise\""));
    }
    SUBCASE("invalid UTF-8") {
        json record = valid_offer();
        record["title"] = std::string("Лазер\xff\xfe");
        CHECK(has_problem(parse_document(record), "title", "invalid UTF-8"));
    }
    SUBCASE("wrong type") {
        json record = valid_offer();
        record["organization"] = 42;
        CHECK(has_problem(parse_document(record), "organization", "must be text"));
    }
    SUBCASE("huge body") {
        json record = valid_offer();
        DocumentLimits limits;
        limits.max_body_bytes = 1000;
        record["body"] = std::string(2000, 'x');
        CHECK(has_problem(parse_document(record, limits), "body", "too large"));
    }
}

TEST_CASE("document JSON round-trips") {
    json record = valid_offer();
    record["extra_field"] = {{"nested", true}};
    const auto first = parse_document(record);
    REQUIRE(first.ok());
    const auto second = parse_document(first.document.to_json());
    REQUIRE(second.ok());
    CHECK(second.document == first.document);
}

TEST_CASE("a NUL or an escape in a value is shown escaped in problems and errors (issue 13)") {
    json record = valid_offer();
    record["kind"] = std::string("offer\0x", 7);
    record["lang"] = "ru\x1b[31m";
    const auto parse = parse_document(record);
    CHECK(has_problem(parse, "kind", "unknown kind \"offer\\u0000x\": use offer, demand or knowledge"));
    CHECK(has_problem(parse, "lang", "unknown language \"ru\\u001b[31m\""));

    const InvalidInputError error(std::string("kind: got \"offer\0x\" (a NUL)", 27));
    CHECK(std::string(error.what()) == "kind: got \"offer\\u0000x\" (a NUL)");
    CHECK(quoted_value("焊接 \"a\\b\"\n") == "\"焊接 \\\"a\\\\b\\\"\\u000a\"");
    CHECK(escape_control_characters("строка 1\nстрока\t2\x7f") == "строка 1\nстрока\t2\\u007f");
}

TEST_CASE("a document's own translations: title_zh, summary_en, ... in the other languages") {
    json record = valid_offer();
    record["title_zh"] = "耐磨涂层激光熔覆";
    record["title_en"] = "Laser cladding of wear-resistant coatings";
    record["summary_en"] = "Powder alloys clad onto drilling pump parts.";
    const auto parse = parse_document(record);
    REQUIRE(parse.ok());
    const std::vector<Translation> expected = {
        {Language::zh, "耐磨涂层激光熔覆", ""},
        {Language::en, "Laser cladding of wear-resistant coatings", "Powder alloys clad onto drilling pump parts."}};
    CHECK(parse.document.translations == expected);
    CHECK(parse.document.extra.empty());  // known fields, not kept as unknown ones
    const json written = parse.document.to_json();
    CHECK(written["title_zh"] == "耐磨涂层激光熔覆");
    CHECK(written["summary_en"] == "Powder alloys clad onto drilling pump parts.");
    CHECK_FALSE(written.contains("summary_zh"));
    const auto again = parse_document(written);
    REQUIRE(again.ok());
    CHECK(again.document == parse.document);

    SUBCASE("one in the document's own language is refused, naming the field") {
        record["title_ru"] = "Лазерная наплавка";
        CHECK(has_problem(parse_document(record), "title_ru", "written in ru"));
    }
    SUBCASE("one that is not text is refused, naming the field") {
        record["summary_zh"] = 42;
        CHECK(has_problem(parse_document(record), "summary_zh", "must be text"));
    }
}
