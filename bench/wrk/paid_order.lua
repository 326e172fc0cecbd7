-- One shopper per wrk thread (run with as many threads as connections): create an order, pay it with a
-- sandbox channel (the sandbox runs with SANDBOX_AUTO_OUTCOME=succeeded, so the provider approves and calls
-- Kassa back), then wait for the outcome on the order's status stream as the SDK's waitForPayment does: the
-- stream answers once the order is decided, and its last status event, read from the database after the
-- callback, is the paid order the SDK resolves with. KASSA_BENCH_READ_AFTER_PAID=1 also reads the order with
-- GET afterwards (the shape of the runs before 2026-11-25 evening). Records each step and the whole order in ms.
dofile("bench/wrk/report.lua")

local key, sku = os.getenv("KASSA_BENCH_KEY"), os.getenv("KASSA_BENCH_SKU")
local channel = os.getenv("KASSA_BENCH_CHANNEL") or "sandbox_card"
local give_up_ms = tonumber(os.getenv("KASSA_BENCH_GIVE_UP_MS") or "20000")
local write_headers = {["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json"}
local read_headers = {["Authorization"] = "Bearer " .. key}
local PAID = {paid = true, fulfilled = true, completed = true}
local read_after_paid = os.getenv("KASSA_BENCH_READ_AFTER_PAID") == "1"
-- KASSA_BENCH_ONE_CALL=1: the order is made and its payment started by one POST /orders with pay (no pay step).
local one_call = os.getenv("KASSA_BENCH_ONE_CALL") == "1"

local step, order_id, secret, count = "create", nil, nil, 0
local started, created, paid_at = 0, 0, 0

-- The order's own status: jsonify sorts keys, so it is the last "status" before "timeline" (the payments'
-- and refunds' statuses come earlier, the timeline's after).
local function order_status(body)
  local head = body:match('^(.-)"timeline"') or body
  local last
  for status in head:gmatch('"status":%s*"(%a+)"') do last = status end
  return last
end

-- The order's status in the stream's last status event: a snapshot is {"order", "status", "payment"}, so its
-- first "status" is the order's (the payment's comes after).
local function streamed_status(body)
  local last
  for data in body:gmatch('event: status\r?\ndata: (%b{})') do last = data end
  return last and last:match('"status":%s*"(%a+)"')
end

local function restart(reason)
  fail(reason)
  step = "create"
end

function request()
  if step == "create" then
    count = count + 1
    started = now_ms()
    local pay = one_call and string.format(',"pay":{"channel":"%s"}', channel) or ""
    local body = string.format('{"items":[{"sku":"%s","quantity":1}],"customer":{"id":"cus_%d_%d"},'
                               .. '"agreement_accepted":true%s}', sku, thread_number, count, pay)
    return wrk.format("POST", "/api/v1/orders", write_headers, body)
  elseif step == "pay" then
    return wrk.format("POST", "/api/v1/orders/" .. order_id .. "/pay", write_headers,
                      string.format('{"channel":"%s"}', channel))
  elseif step == "wait" then
    return wrk.format("GET", "/api/v1/orders/" .. order_id .. "/stream?client_secret=" .. secret, {})
  end
  return wrk.format("GET", "/api/v1/orders/" .. order_id, read_headers)
end

function response(status, headers, body)
  local now = now_ms()
  if step == "create" then
    if status ~= 201 then return restart("create http " .. status) end
    order_id = body:match('"id":%s*"(ord_[%w]+)"')
    secret = body:match('"client_secret":%s*"([%w_%-]+)"')
    record("create_ms", now - started)
    if one_call then
      if not body:find('"payment":%s*{') then return restart("create with pay: no payment started") end
      created, paid_at, step = now, now, "wait"
    else
      created, step = now, "pay"
    end
  elseif step == "pay" then
    if status ~= 200 then return restart("pay http " .. status) end
    record("pay_ms", now - created)
    paid_at, step = now, "wait"
  elseif step == "wait" then
    if status ~= 200 then return restart("stream http " .. status) end
    if body:find('"reason":"decided"', 1, true) then
      local order = streamed_status(body)
      if not PAID[order] then return restart("order " .. tostring(order) .. " on the stream after paying") end
      if read_after_paid then
        step = "read"
      else
        record("read_ms", now - paid_at)
        record("order_ms", now - started)
        step = "create"
      end
    elseif now - started > give_up_ms then
      restart("not decided within " .. give_up_ms .. " ms")
    end  -- the stream ran out of time undecided: open it again
  else
    if status ~= 200 then return restart("read http " .. status) end
    local order = order_status(body)
    if not PAID[order] then return restart("order " .. tostring(order) .. " after paying") end
    record("read_ms", now - paid_at)
    record("order_ms", now - started)
    step = "create"
  end
end
