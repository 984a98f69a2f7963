-- wrk script for the webhook benchmark: POSTs precomputed signed requests to /v1/messages,
-- each webhook-id once (thread N takes every Nth line of the file), and counts the statuses.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(os.getenv("WEBHOOK_REQUESTS"), "r"))
  local total = tonumber(os.getenv("WEBHOOK_THREADS"))
  requests = {}
  local line_number = 0
  for line in file:lines() do
    if line_number % total == index then
      local id, stamp, signature, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
      requests[#requests + 1] = wrk.format("POST", "/v1/messages", {
        ["Host"] = "127.0.0.1",
        ["Content-Type"] = "application/json",
        ["webhook-id"] = id,
        ["webhook-timestamp"] = stamp,
        ["webhook-signature"] = signature,
      }, body)
    end
    line_number = line_number + 1
  end
  file:close()
  next_request = 1
  accepted = 0
  other = 0
end

function request()
  local value = requests[next_request]
  next_request = next_request + 1
  if next_request > #requests then next_request = 1 end
  return value
end

function response(status, headers, body)
  if status == 202 then accepted = accepted + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, thread in ipairs(threads) do
    ok = ok + thread:get("accepted")
    bad = bad + thread:get("other")
  end
  io.write(string.format("STATUS accepted=%d other=%d\n", ok, bad))
end
