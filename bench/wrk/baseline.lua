-- The baseline: POST /orders on bench/baseline_app.py (one INSERT + commit), a body like Kassa's.
dofile("bench/wrk/report.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"items":[{"sku":"sku_bench","quantity":1}],"customer":{"id":"cus_bench"},"agreement_accepted":true}'

function response(status, headers, body)
  if status ~= 201 then fail("http " .. status) end
end
