-- Outlook's Autodiscover POST (MS-OXDSCLI request body), over a spread of addresses, with the
-- Basic credentials Outlook sends, which the server must ignore.
local addresses = {}
local n = 0
init = function(args)
  for line in io.lines(args[1]) do addresses[#addresses + 1] = line end
end
request = function()
  n = n % #addresses + 1
  local body = '<?xml version="1.0" encoding="utf-8"?>\n'
    .. '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">\n'
    .. '  <Request>\n'
    .. '    <EMailAddress>' .. addresses[n] .. '</EMailAddress>\n'
    .. '    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>\n'
    .. '  </Request>\n'
    .. '</Autodiscover>\n'
  return wrk.format("POST", "/Autodiscover/Autodiscover.xml",
    {["Content-Type"] = "text/xml; charset=utf-8", ["Authorization"] = "Basic dXNlcjpwYXNzd29yZA=="}, body)
end
