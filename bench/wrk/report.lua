-- Shared by the load benchmark's wrk scripts (loaded with dofile from the repository root): a monotonic
-- clock, a file of samples per wrk thread, and one JSON line of wrk's counts that bench/load_wrk.py reads.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } kassa_timespec;
int clock_gettime(int clk_id, kassa_timespec *tp);
]]
local clock = ffi.new("kassa_timespec")

function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

-- Each thread appends its samples and failures to its own file (wrk cannot copy nested tables out of a
-- thread's Lua state); the bench reads them all after the run.
local out

local function write(line)
  if out == nil then
    out = assert(io.open(string.format("%s/thread-%d.txt", os.getenv("KASSA_BENCH_SAMPLES_DIR"), thread_number), "a"))
  end
  out:write(line, "\n")
  out:flush()
end

function record(name, value)
  write(string.format("%s %.3f", name, value))
end

function fail(reason)
  write("fail " .. reason)
end

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads + 1)
  threads[#threads + 1] = thread
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format('KASSA_BENCH_RESULT {"duration_s":%.3f,"requests":%d,"socket_errors":%d,"non_2xx":%d,'
                         .. '"latency_p50_ms":%.3f,"latency_p99_ms":%.3f}\n', summary.duration / 1e6, summary.requests,
                         errors.connect + errors.read + errors.write + errors.timeout, errors.status,
                         latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
