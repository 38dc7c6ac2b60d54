package org.mailautoconf.format.autoconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mailautoconf.testing.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The acceptance rules of the two real readers of config-v1.1, as shared/formats.md (A.1, E)
 * records them from Thunderbird's readFromXML and Thunderbird for Android's RealAutoconfigParser:
 * a test-side model of what they accept, so a test fails where a client would.
 *
 * <p>G.1: Thunderbird desktop reads an outgoing {@code <username>} through its namespace-unaware
 * JXON conversion and {@code InputSanitizer.string} ({@code String(value)}): a missing element on a
 * password server becomes "undefined", an empty one the boolean true, so "true"; the account is
 * complete either way and Thunderbird never asks (it has no SMTP login check).
 *
 * <p>What formats.md G.6 and G.9 add for autoconfig 1.2 documents: neither reader checks
 * {@code version}; Thunderbird desktop skips a server section of a type it does not know
 * ({@code jmap}, one at a time, in a try/catch) and every element it does not read
 * ({@code calendar}, {@code addressbook}, {@code fileShare}, {@code setupServer}); Thunderbird for
 * Android reads only IMAP incoming and SMTP outgoing servers and nothing else. Both read an
 * {@code authentication}'s text whatever its {@code system} attribute, so {@code SCRAM-SHA-256}
 * or {@code Basic} is an unknown method that is passed over; a {@code <domain purpose="mx">}
 * is dropped by Thunderbird desktop with a logged error, so it counts as noise here.
 */
final class ThunderbirdReading {

    record ServerView(String type, String hostname, int port, String socketType, String username, List<String> auth) {}

    private static final Set<String> SOCKET_TYPES = Set.of("SSL", "STARTTLS", "plain");
    /** The TCP server types Thunderbird desktop reads; others (jmap, and URL types it reads differently) are skipped. */
    private static final Set<String> DESKTOP_TCP_TYPES = Set.of("imap", "pop3", "nntp", "smtp");
    private static final Set<String> ANDROID_AUTH = Set.of("OAuth2", "password-cleartext", "password-encrypted");
    private static final Set<String> DESKTOP_INCOMING_AUTH = Set.of("password-cleartext", "password-encrypted",
            "OAuth2", "GSSAPI", "NTLM", "plain", "secure");

    private ThunderbirdReading() {
    }

    static Element provider(Document doc) {
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("clientConfig")) {
            throw new AssertionError("root is <" + root.getTagName() + ">, Thunderbird wants <clientConfig>");
        }
        List<Element> providers = Xml.children(root, "emailProvider");
        if (providers.size() != 1) {
            throw new AssertionError("expected one emailProvider, found " + providers.size());
        }
        Element p = providers.get(0);
        if (!p.getAttribute("id").matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            throw new AssertionError("emailProvider id '" + p.getAttribute("id") + "' is not a host name");
        }
        if (Xml.children(p, "domain").isEmpty()) {
            throw new AssertionError("no <domain>");
        }
        return p;
    }

    static List<ServerView> servers(Element provider, String element) {
        List<ServerView> out = new ArrayList<>();
        for (Element s : Xml.children(provider, element)) {
            if (!DESKTOP_TCP_TYPES.contains(s.getAttribute("type"))) {
                continue;
            }
            List<String> auth = Xml.children(s, "authentication").stream().map(Element::getTextContent).toList();
            String username = Xml.children(s, "username").isEmpty() ? null : Xml.text(s, "username");
            String socket = Xml.text(s, "socketType");
            if (!SOCKET_TYPES.contains(socket)) {
                throw new AssertionError("socketType '" + socket + "' is none of SSL, STARTTLS, plain (no trimming)");
            }
            out.add(new ServerView(s.getAttribute("type"), Xml.text(s, "hostname"), Integer.parseInt(Xml.text(s, "port")),
                    socket, username, auth));
        }
        return out;
    }

    /** What Thunderbird desktop logs as an error while still accepting the document (G.9: a purpose="mx" domain). */
    static List<String> desktopNoise(Document doc) {
        return Xml.children(provider(doc), "domain").stream().filter(d -> d.hasAttribute("purpose"))
                .map(d -> "hostname-syntax-error: " + d.getTextContent()).toList();
    }

    /** Null when Thunderbird for Android accepts the document, else why it rejects all of it. */
    static String androidRejection(Document doc) {
        Element p = provider(doc);
        List<ServerView> all = new ArrayList<>(servers(p, "incomingServer").stream().filter(s -> s.type().equals("imap")).toList());
        all.addAll(servers(p, "outgoingServer"));
        for (ServerView s : all) {
            if (!s.socketType().equals("SSL") && !s.socketType().equals("STARTTLS")) {
                return s.hostname() + " has socketType " + s.socketType();
            }
            if (s.username() == null) {
                return s.hostname() + " has no username";
            }
            if (s.auth().stream().noneMatch(ANDROID_AUTH::contains)) {
                return s.hostname() + " has no usable authentication";
            }
        }
        if (servers(p, "incomingServer").stream().noneMatch(s -> s.type().equals("imap"))) {
            return "no IMAP server";
        }
        return null;
    }

    private static final Set<String> DESKTOP_OUTGOING_AUTH = Set.of("none", "client-IP-address", "smtp-after-pop",
            "password-cleartext", "plain", "password-encrypted", "secure", "GSSAPI", "NTLM");
    private static final Set<String> DESKTOP_PASSWORD_AUTH = Set.of("password-cleartext", "password-encrypted",
            "plain", "secure");

    /**
     * The SMTP user name Thunderbird desktop ends up with for this outgoing server (G.1), or null
     * where it reads none (no element and no password authentication).
     */
    static String desktopOutgoingUsername(Element server) {
        List<Element> username = Xml.children(server, "username");
        if (username.isEmpty()) {
            // readAuthentication takes the first value it knows; OAuth2 only for its built-in hosts, never ours.
            boolean password = Xml.children(server, "authentication").stream().map(Element::getTextContent)
                    .filter(DESKTOP_OUTGOING_AUTH::contains).findFirst().map(DESKTOP_PASSWORD_AUTH::contains).orElse(false);
            return password ? "undefined" : null;
        }
        String text = username.get(0).getTextContent();
        if (text.isEmpty()) {
            return "true";
        }
        // JXON: numeric text becomes a number (parseFloat), so "007" is read as 7.
        if (text.strip().matches("[+-]?\\d+(\\.\\d*)?")) {
            double n = Double.parseDouble(text.strip());
            return n == Math.rint(n) ? Long.toString((long) n) : Double.toString(n);
        }
        return text;
    }

    /** The first incoming server Thunderbird desktop can use, as it chooses the account's server. */
    static ServerView desktopIncoming(Document doc) {
        return servers(provider(doc), "incomingServer").stream()
                .filter(s -> s.auth().stream().anyMatch(DESKTOP_INCOMING_AUTH::contains))
                .findFirst().orElseThrow(() -> new AssertionError("Thunderbird finds no usable incoming server"));
    }
}
