package org.mailautoconf.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.LoginTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a config-v1.1.xml answer the way Thunderbird desktop and Thunderbird for Android do
 * (../shared/formats.md A.1, A.2, E; their readFromXML.sys.mjs and RealAutoconfigParser.kt),
 * and says what each would refuse.
 */
final class AutoconfigReading {

    /** What was read, and why each client would refuse it (empty: accepted). */
    record Read(Settings settings, List<String> desktopRefuses, List<String> androidRefuses) {}

    private static final Set<String> SOCKET_TYPES = Set.of("SSL", "STARTTLS", "plain");
    private static final Set<String> DESKTOP_AUTH = Set.of("password-cleartext", "password-encrypted", "OAuth2", "GSSAPI", "NTLM",
            "plain", "secure");
    private static final Set<String> DESKTOP_OUTGOING_AUTH = Set.of("password-cleartext", "password-encrypted", "OAuth2", "GSSAPI",
            "NTLM", "plain", "secure", "none", "client-IP-address", "smtp-after-pop");
    private static final Set<String> ANDROID_AUTH = Set.of("OAuth2", "password-cleartext", "password-encrypted");

    private AutoconfigReading() {
    }

    static Read read(HttpAnswer answer, EmailAddress address) {
        List<String> desktop = new ArrayList<>();
        String type = answer.contentType();
        if (!(type.startsWith("text/xml") || type.startsWith("application/xml") || type.startsWith("text/rdf"))) {
            desktop.add("Content-Type is '" + type + "': Thunderbird reads only text/xml or application/xml (lower case) as XML");
        }
        if (answer.status() / 100 != 2) {
            String why = "HTTP " + answer.status() + ", not 2xx";
            return new Read(new Settings(List.of(), List.of()), List.of(why), List.of(why));
        }
        return read(answer.body(), address, desktop);
    }

    /** Reads a document; {@code desktop} holds refusals found before (the Content-Type). */
    static Read read(byte[] body, EmailAddress address, List<String> desktop) {
        List<String> android = new ArrayList<>();
        Document doc = Xml.parse(body).orElse(null);
        Element provider = doc == null ? null : Xml.child(doc.getDocumentElement(), "emailProvider").orElse(null);
        if (doc == null || !doc.getDocumentElement().getNodeName().equals("clientConfig") || provider == null) {
            String why = doc == null ? "not well-formed XML" : "no clientConfig/emailProvider element";
            return new Read(new Settings(List.of(), List.of()), List.of(why), List.of(why));
        }
        if (!provider.getAttribute("id").matches("[A-Za-z0-9.-]+")) {
            String why = "emailProvider id '" + provider.getAttribute("id") + "' is not a host name";
            desktop.add(why);
            android.add(why);
        }
        if (Xml.children(provider, "domain").isEmpty()) {
            desktop.add("no <domain>");
            android.add("no <domain>");
        }
        List<Settings.Endpoint> incoming = new ArrayList<>();
        List<Settings.Endpoint> outgoing = new ArrayList<>();
        boolean desktopIncoming = false;
        boolean androidImap = false;
        for (Element s : Xml.children(provider, "incomingServer")) {
            String protocol = s.getAttribute("type");
            incoming.add(endpoint(protocol, s, address));
            desktopIncoming |= (protocol.equals("imap") || protocol.equals("pop3")) && usable(s, DESKTOP_AUTH);
            if (protocol.equals("imap")) {
                androidImap = true;
                android(s, "IMAP", android);
            }
        }
        boolean desktopOutgoing = false;
        for (Element s : Xml.children(provider, "outgoingServer")) {
            outgoing.add(endpoint(s.getAttribute("type"), s, address));
            desktopOutgoing |= s.getAttribute("type").equals("smtp") && usable(s, DESKTOP_OUTGOING_AUTH);
            android(s, "SMTP", android);
        }
        if (!desktopIncoming) {
            desktop.add("no incoming IMAP or POP3 server Thunderbird can use (host, port, socketType SSL/STARTTLS/plain, a usable authentication)");
        }
        if (!desktopOutgoing) {
            desktop.add("no outgoing SMTP server Thunderbird can use");
        }
        if (!androidImap) {
            android.add("no IMAP server (Thunderbird for Android reads only IMAP)");
        }
        if (outgoing.isEmpty()) {
            android.add("no SMTP server");
        }
        return new Read(new Settings(incoming, outgoing), desktop, android);
    }

    private static Settings.Endpoint endpoint(String protocol, Element s, EmailAddress address) {
        int port;
        try {
            port = Integer.parseInt(Xml.text(s, "port").strip());
        } catch (NumberFormatException e) {
            port = 0;
        }
        return new Settings.Endpoint(protocol, LoginTemplate.fill(Xml.text(s, "hostname"), address), port,
                Xml.text(s, "socketType"), LoginTemplate.fill(Xml.text(s, "username"), address));
    }

    private static boolean usable(Element s, Set<String> auth) {
        return !Xml.text(s, "hostname").isBlank() && !Xml.text(s, "port").isBlank()
                && Xml.children(s, "socketType").stream().anyMatch(t -> SOCKET_TYPES.contains(t.getTextContent()))
                && Xml.children(s, "authentication").stream().anyMatch(a -> auth.contains(a.getTextContent()));
    }

    /** TB Android refuses the whole document for one bad IMAP or SMTP server (formats.md E.3). */
    private static void android(Element s, String what, List<String> refusals) {
        String host = Xml.text(s, "hostname");
        String socket = Xml.text(s, "socketType");
        if (!socket.equals("SSL") && !socket.equals("STARTTLS")) {
            refusals.add(what + " server " + host + " has socketType '" + socket + "' (only SSL or STARTTLS)");
        }
        if (Xml.child(s, "username").isEmpty()) {
            refusals.add(what + " server " + host + " has no <username>");
        }
        if (Xml.children(s, "authentication").stream().noneMatch(a -> ANDROID_AUTH.contains(a.getTextContent()))) {
            refusals.add(what + " server " + host + " offers none of OAuth2, password-cleartext, password-encrypted");
        }
    }
}
