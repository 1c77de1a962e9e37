-- Requests for wrk: /api/search with queries in Chinese, Russian and English, in turn.
local queries = {
  "激光焊接", "稠油开采", "煤化工 催化剂", "风电叶片", "液压支架", "冷链物流", "装备制造",
  "лазерная сварка", "катализатор гидроочистки", "композиционные материалы", "нефтехимия",
  "вечная мерзлота", "переработка древесины",
  "laser cladding", "heavy oil recovery", "permafrost foundations", "container terminal", "biopharmaceutical",
}
local encoded = {}
for i, query in ipairs(queries) do
  encoded[i] = query:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end)
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/search?limit=10&q=" .. encoded[(n % #encoded) + 1])
end
