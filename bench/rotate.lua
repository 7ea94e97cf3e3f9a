-- wrk script: each request is one prepared by bench/load.py (a student's own session cookie,
-- CSRF token, path and body), taken in turn.
-- Arguments after "--": the data file, "rotate" (cycle for ever) or "once" (each request at
-- most once, then the thread stops), and the number of wrk threads.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  prepared = dofile(args[1])
  once = args[2] == "once"
  step = tonumber(args[3])
  -- Threads take interleaved shares: thread 0 items 1, 1+step, ...; thread 1 items 2, ...
  position = id
end

function request()
  if position >= #prepared then
    if once then
      -- Out of fresh items: stop. load.py compares submitted attempts with the count.
      wrk.thread:stop()
      return wrk.format("GET", "/healthz")
    end
    position = position % #prepared
  end
  local item = prepared[position + 1]
  position = position + step
  local headers = { ["Cookie"] = item.cookie }
  if item.csrf then
    headers["X-CSRFToken"] = item.csrf
    headers["Content-Type"] = item.type
  end
  return wrk.format(item.method, item.path, headers, item.body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
end
