-- GET over a spread of addresses: PATHS is a file of request paths, one per line, taken in turn.
local paths = {}
local n = 0
init = function(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end
request = function()
  n = n % #paths + 1
  return wrk.format("GET", paths[n])
end
