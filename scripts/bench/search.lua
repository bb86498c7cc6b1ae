package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
require "report"
-- GET /api/v1/search for one of QUERIES (space-separated, URL-encoded) in ORDER, a page of 20.
local token = os.getenv("TOKEN")
local order = os.getenv("ORDER")
local queries = {}
for query in string.gmatch(os.getenv("QUERIES"), "%S+") do table.insert(queries, query) end
math.randomseed(os.time())
local i = 0
request = function()
  i = i + 1
  local query = queries[i % #queries + 1]
  return wrk.format("GET", "/api/v1/search?limit=20&order=" .. order .. "&q=" .. query,
    { ["Authorization"] = "Bearer " .. token })
end
done = report(os.getenv("BENCH_NAME") or "search")
