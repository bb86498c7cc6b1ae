package.path = package.path .. ";" .. os.getenv("BENCH_DIR") .. "/?.lua"
require "report"
local titles = { "财务系统无法登录", "打印机卡纸", "VPN 连接失败", "邮箱收不到邮件", "ERP 报表导出异常", "会议室投影无信号" }
local levels = { "high", "medium", "low" }
local token = os.getenv("TOKEN")
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"title":"%s %d","description":"3 名销售无法录入客户，已重启浏览器","impact":"%s","urgency":"%s","categoryId":%d,"contact":"1381234%04d"}',
    titles[counter % #titles + 1], counter, levels[counter % 3 + 1], levels[math.floor(counter / 3) % 3 + 1],
    (counter % 7) + 1, counter % 10000)
  return wrk.format("POST", "/api/v1/tickets", { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
end
done = report(os.getenv("BENCH_NAME") or "create")
