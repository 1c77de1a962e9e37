-- Requests for wrk: /api/search with the queries of bench/search_queries.txt (Chinese,
-- Russian and English), in turn. Run from the repository root, as bench/http_search.sh does.
local encoded = {}
for line in io.lines("bench/search_queries.txt") do
  if line ~= "" and line:sub(1, 1) ~= "#" then
    encoded[#encoded + 1] = line:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end)
  end
end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/search?limit=10&q=" .. encoded[(n % #encoded) + 1])
end
