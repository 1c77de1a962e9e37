#pragma once
// A small trilingual collection written to a temporary folder for the tests.
#include "test_support.h"

namespace techbridge::testing {

inline constexpr std::string_view russian_laser_offer = R"(---
id: t-off-ru-1
kind: offer
lang: ru
title: Лазерная сварка толстолистовых хладостойких сталей
organization: Лаборатория лазерных технологий, Новосибирск
region: RU-NVS
sectors: lasers-photonics, metalworking-welding
keywords: лазерная сварка, хладостойкие стали
trl: 7
cooperation: license, technical_cooperation
published: 2025-03-01
expires: 2027-03-01
---
Предлагается технология лазерной сварки сталей толщиной до 20 мм волоконным лазером мощностью 15 кВт.
Сварные соединения сохраняют ударную вязкость при температуре −60 °C. Технологии сварки
отработаны на трубных и судовых сталях.
)";

inline constexpr std::string_view russian_catalyst_offer = R"(---
id: t-off-ru-2
kind: offer
lang: ru
title: Катализатор гидроочистки дизельного топлива
region: RU-NVS
sectors: catalysts, petroleum-refining
trl: 8
---
Катализатор гидроочистки обеспечивает содержание серы менее 10 ppm при давлении 4 МПа.
)";

inline constexpr std::string_view chinese_laser_demand = R"(---
id: t-dem-zh-1
kind: demand
lang: zh
title: 激光焊接工艺需求
region: CN-LN
sectors: lasers-photonics
---
我公司生产工程机械结构件，需要激光焊接厚板的工艺，焊缝在零下40度保持韧性。
)";

inline constexpr std::string_view traditional_chinese_demand = R"(---
id: t-dem-zh-2
kind: demand
title: 裝備製造企業數控機床精度保持
region: CN-LN
---
我們是瀋陽的裝備製造企業，數控機床使用三年後精度下降，需要精度保持技術。
)";

// Two English documents on one line each, the interchange format.
inline constexpr std::string_view english_lines =
    R"({"id":"t-off-en-1","kind":"offer","lang":"en","title":"Laser welding of thick cold-resistant steel plates","body":"Fibre laser welding of steel plates up to 20 mm thick, with welds that keep their toughness at minus 60 degrees.","region":"RU-TOM","sectors":["lasers-photonics"],"trl":6}
{"id":"t-kn-en-1","kind":"knowledge","lang":"en","title":"Heihe–Blagoveshchensk road bridge","body":"The road bridge across the Amur links Heihe in Heilongjiang with Blagoveshchensk in the Amur region."}
)";

/// Writes the collection into `dir`/docs and returns that folder.
inline std::filesystem::path write_fixture_collection(const TempDir& dir) {
    dir.write("docs/ru/t-off-ru-1.md", russian_laser_offer);
    dir.write("docs/ru/t-off-ru-2.md", russian_catalyst_offer);
    dir.write("docs/zh/t-dem-zh-1.md", chinese_laser_demand);
    dir.write("docs/zh/t-dem-zh-2.md", traditional_chinese_demand);
    dir.write("docs/en/english.jsonl", english_lines);
    return dir / "docs";
}

}  // namespace techbridge::testing
