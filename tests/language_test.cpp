#include <doctest/doctest.h>

#include "language.h"

using namespace techbridge;

TEST_CASE("language is detected from the scripts of the text") {
    CHECK(detect_language("需要一种耐低温的液压油，用于黑龙江冬季露天作业的挖掘机。") == Language::zh);
    CHECK(detect_language("Предлагается технология лазерной наплавки износостойких покрытий.") == Language::ru);
    CHECK(detect_language("Laser cladding of wear-resistant coatings for drilling pumps.") == Language::en);
}

TEST_CASE("Chinese with Latin technical terms is still Chinese") {
    CHECK(detect_language("我们需要CNC加工中心和PLC控制系统的升级方案，兼容Siemens 840D。") == Language::zh);
}

TEST_CASE("Russian with English abbreviations is still Russian") {
    CHECK(detect_language("Система SCADA для мониторинга трансформаторных подстанций 110 кВ") == Language::ru);
}

TEST_CASE("language codes parse case-insensitively and reject others") {
    CHECK(parse_language("ZH") == Language::zh);
    CHECK(parse_language("ru") == Language::ru);
    CHECK_FALSE(parse_language("de").has_value());
    CHECK_FALSE(parse_language("").has_value());
}
