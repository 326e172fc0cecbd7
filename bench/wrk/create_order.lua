-- POST /api/v1/orders with the merchant's secret key, a new customer id per order.
dofile("bench/wrk/report.lua")

local key, sku = os.getenv("KASSA_BENCH_KEY"), os.getenv("KASSA_BENCH_SKU")
local headers = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}
local count = 0

function request()
  count = count + 1
  local body = string.format('{"items":[{"sku":"%s","quantity":1}],"customer":{"id":"cus_%d_%d"},'
                             .. '"agreement_accepted":true}', sku, thread_number, count)
  return wrk.format("POST", "/api/v1/orders", headers, body)
end

function response(status, headers, body)
  if status ~= 201 then fail("http " .. status) end
end
