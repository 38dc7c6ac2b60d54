-- Outlook's Autodiscover request document (MS-OXDSCLI) for one address, and the headers Outlook
-- sends with it (Basic credentials, which the server must ignore).
autodiscover_headers = {["Content-Type"] = "text/xml; charset=utf-8", ["Authorization"] = "Basic dXNlcjpwYXNzd29yZA=="}
autodiscover_body = function(address)
  return '<?xml version="1.0" encoding="utf-8"?>\n'
    .. '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">\n'
    .. '  <Request>\n'
    .. '    <EMailAddress>' .. address .. '</EMailAddress>\n'
    .. '    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>\n'
    .. '  </Request>\n'
    .. '</Autodiscover>\n'
end
