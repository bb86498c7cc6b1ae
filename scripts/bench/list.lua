package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
require "report"
local token = os.getenv("TOKEN")
local count = tonumber(os.getenv("COUNT"))
-- The agent console's queries: newest, by status, priority, group, overdue, title search, deep pages.
local queries = {
  "limit=50", "status=new&limit=50", "priority=P1&limit=50", "group=1&limit=50", "overdue=true&limit=50",
  "q=%E6%89%93%E5%8D%B0%E6%9C%BA&limit=50", "status=new&priority=P0&limit=50",
}
math.randomseed(os.time())
local i = 0
request = function()
  i = i + 1
  local query = queries[i % #queries + 1]
  if i % 8 == 0 then query = "limit=50&cursor=" .. math.random(100, count) end
  return wrk.format("GET", "/api/v1/tickets?" .. query, { ["Authorization"] = "Bearer " .. token })
end
done = report(os.getenv("BENCH_NAME") or "list")
