-- A flood of signed-profile requests, every one for an address never asked before, so every
-- one is a cache miss that would need a new signature: GET /mobileconfig/<unique>@<domain>.
-- Arguments: a prefix that makes this run's addresses new, the domain, and the kind: "signed"
-- (default) or "cached", the same flood of one cached autoconfig answer (what any flood of that
-- rate costs, without signing).
-- Prints "FLOOD req/s 2xx 429 503 other" after the run.
local threads = {}
local counter = 1

setup = function(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

init = function(args)
  prefix = args[1] or "flood"
  domain = args[2] or "polito.it"
  if args[3] == "cached" then
    cached = wrk.format("GET", "/mail/config-v1.1.xml?emailaddress=" .. prefix .. "%40" .. domain)
  end
  n = 0
  ok, limited, busy, other = 0, 0, 0, 0
end

request = function()
  if cached then return cached end
  n = n + 1
  return wrk.format("GET", "/mobileconfig/" .. prefix .. "-" .. id .. "-" .. n .. "@" .. domain)
end

response = function(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1
  elseif status == 429 then limited = limited + 1
  elseif status == 503 then busy = busy + 1
  else other = other + 1 end
end

done = function(summary, latency, requests)
  local o, l, b, x = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); l = l + t:get("limited"); b = b + t:get("busy"); x = x + t:get("other")
  end
  io.write(string.format("FLOOD %.1f %d %d %d %d\n", summary.requests / (summary.duration / 1e6), o, l, b, x))
end
