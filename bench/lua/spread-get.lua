-- GET over a spread of paths (a file, one per line), taken in turn. Every request is built once,
-- in init; request() only hands out the next one, so the script costs wrk little per request.
local requests = {}
local n = 0
init = function(args)
  for line in io.lines(args[1]) do requests[#requests + 1] = wrk.format("GET", line) end
end
request = function()
  n = n % #requests + 1
  return requests[n]
end
