package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
require "report"
-- A signed-in web page: PAGE is a path, or "ticket" for a random ticket's page.
local cookie = os.getenv("COOKIE")
local page = os.getenv("PAGE")
local prefix = os.getenv("PREFIX")
local count = tonumber(os.getenv("COUNT"))
math.randomseed(os.time())
request = function()
  local path = page
  if page == "ticket" then path = "/tickets/" .. prefix .. string.format("%03d", math.random(1, count)) end
  return wrk.format("GET", path, { ["Cookie"] = cookie })
end
done = report(os.getenv("BENCH_NAME") or "page")
