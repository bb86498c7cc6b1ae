package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
require "report"
local token = os.getenv("TOKEN")
local prefix = os.getenv("PREFIX")
local count = tonumber(os.getenv("COUNT"))
math.randomseed(os.time())
request = function()
  local number = prefix .. string.format("%03d", math.random(1, count))
  return wrk.format("GET", "/api/v1/tickets/" .. number, { ["Authorization"] = "Bearer " .. token })
end
done = report(os.getenv("BENCH_NAME") or "get")
