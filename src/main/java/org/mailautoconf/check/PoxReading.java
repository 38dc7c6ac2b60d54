package org.mailautoconf.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.LoginTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads an Autodiscover (POX, outlook 2006a) answer as Outlook and Thunderbird's Exchange path
 * do (formats.md B.2, B.5): literal element names, an {@code Error}, a {@code redirectAddr}, or
 * the {@code Protocol} list.
 */
final class PoxReading {

    /** {@code redirectAddr}: the address the client asks again with; {@code refuses} empty when accepted. */
    record Read(Settings settings, Optional<String> redirectAddr, List<String> refuses, List<String> thunderbirdRefuses) {}

    private PoxReading() {
    }

    static Read read(HttpAnswer answer, EmailAddress address) {
        if (answer.status() != 200) {
            String why = "HTTP " + answer.status() + ", not 200";
            return new Read(empty(), Optional.empty(), List.of(why), List.of(why));
        }
        return read(answer.body(), address);
    }

    static Read read(byte[] body, EmailAddress address) {
        Document doc = Xml.parse(body).orElse(null);
        if (doc == null || !doc.getDocumentElement().getNodeName().equals("Autodiscover")) {
            String why = doc == null ? "not well-formed XML" : "the root element is " + doc.getDocumentElement().getNodeName()
                    + ", not Autodiscover (no namespace prefix)";
            return new Read(empty(), Optional.empty(), List.of(why), List.of(why));
        }
        Element response = Xml.child(doc.getDocumentElement(), "Response").orElse(null);
        if (response == null) {
            return new Read(empty(), Optional.empty(), List.of("no Response element"), List.of("no Response element"));
        }
        Optional<Element> error = Xml.child(response, "Error");
        if (error.isPresent()) {
            String why = "Autodiscover error " + Xml.text(error.get(), "ErrorCode").strip() + ": " + Xml.text(error.get(), "Message").strip();
            return new Read(empty(), Optional.empty(), List.of(why), List.of(why));
        }
        Element account = Xml.child(response, "Account").orElse(null);
        if (account == null) {
            return new Read(empty(), Optional.empty(), List.of("no Account element"), List.of("no Account element"));
        }
        String action = Xml.text(account, "Action").strip();
        if (action.equals("redirectAddr")) {
            return new Read(empty(), Optional.of(Xml.text(account, "RedirectAddr").strip()), List.of(), List.of());
        }
        if (action.equals("redirectUrl")) {
            List<String> tb = List.of("redirectUrl in the XML: Thunderbird does not follow it (an HTTP 302 is followed)");
            return new Read(empty(), Optional.empty(), List.of(), tb);
        }
        List<Settings.Endpoint> incoming = new ArrayList<>();
        List<Settings.Endpoint> outgoing = new ArrayList<>();
        for (Element p : Xml.children(account, "Protocol")) {
            String type = Xml.text(p, "Type").strip();
            String security = Xml.child(p, "Encryption").map(e -> "Encryption " + e.getTextContent().strip())
                    .orElse("SSL " + Xml.child(p, "SSL").map(e -> e.getTextContent().strip()).orElse("on"));
            int port;
            try {
                port = Integer.parseInt(Xml.text(p, "Port").strip());
            } catch (NumberFormatException e) {
                port = 0;
            }
            String login = Xml.child(p, "LoginName").map(e -> LoginTemplate.fill(e.getTextContent().strip(), address)).orElse("");
            Settings.Endpoint e = new Settings.Endpoint(type, Xml.text(p, "Server").strip(), port, security, login);
            (type.equals("SMTP") ? outgoing : incoming).add(e);
        }
        List<String> refuses = new ArrayList<>();
        if (incoming.isEmpty() && outgoing.isEmpty()) {
            refuses.add("no Protocol with settings");
        }
        List<String> tb = new ArrayList<>(refuses);
        boolean tbIncoming = incoming.stream().anyMatch(e -> (e.protocol().equals("IMAP") || e.protocol().equals("POP3"))
                && !e.host().isEmpty() && e.port() > 0);
        if (!tbIncoming || outgoing.stream().noneMatch(e -> !e.host().isEmpty() && e.port() > 0)) {
            tb.add("Thunderbird needs an IMAP or POP3 and an SMTP server with host and port (\"No valid configs found\")");
        }
        return new Read(new Settings(incoming, outgoing), Optional.empty(), refuses, tb);
    }

    private static Settings empty() {
        return new Settings(List.of(), List.of());
    }
}
