package org.mailautoconf.testing;

/**
 * The request documents Microsoft publishes (MS-OXDSCLI 4.1 for Outlook, MS-ASCMD 4.2.1 for
 * ActiveSync phones), with the address to ask about.
 */
public final class Requests {

    public static final String OUTLOOK_REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006";
    public static final String MOBILESYNC_REQUEST_NS = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006";
    public static final String OUTLOOK_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a";
    public static final String MOBILESYNC_SCHEMA = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006";
    public static final String AUTODISCOVER_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";

    private Requests() {
    }

    public static String outlook(String address) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
                  <Request>
                    <EMailAddress>%s</EMailAddress>
                    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
                  </Request>
                </Autodiscover>
                """.formatted(address);
    }

    public static String mobileSync(String address) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006">
                  <Request>
                    <EMailAddress>%s</EMailAddress>
                    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006</AcceptableResponseSchema>
                  </Request>
                </Autodiscover>
                """.formatted(address);
    }

    /** What Thunderbird posts (ExchangeAutoDiscover.sys.mjs): one line, the Outlook schema. */
    public static String thunderbird(String address) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><Autodiscover xmlns=\"" + OUTLOOK_REQUEST_NS + "\"><Request>"
                + "<EMailAddress>" + address + "</EMailAddress><AcceptableResponseSchema>" + OUTLOOK_SCHEMA
                + "</AcceptableResponseSchema></Request></Autodiscover>";
    }
}
