-- One Autodiscover POST for the address given, the same every time: no request() function, so
-- wrk sends the request it built once, with no script run per request.
init = function(args)
  wrk.method = "POST"
  wrk.path = "/Autodiscover/Autodiscover.xml"
  for k, v in pairs(autodiscover_headers) do wrk.headers[k] = v end
  wrk.body = autodiscover_body(args[1])
end
