package org.mailautoconf.testing;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads answers back with the JDK's DOM parser, namespace-aware or not, as a client would. */
public final class PoxXml {

    private PoxXml() {
    }

    /** Namespace-aware, as Outlook and Exchange clients read. */
    public static Element parse(byte[] body) {
        return parse(body, true);
    }

    /** Namespace-unaware, as Thunderbird's JXON reads (element names taken literally). */
    public static Element parseIgnoringNamespaces(byte[] body) {
        return parse(body, false);
    }

    private static Element parse(byte[] body, boolean namespaceAware) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(namespaceAware);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + new String(body, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    /** The child elements, in document order. */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /** The children with this local name (or node name, when read without namespaces). */
    public static List<Element> children(Element parent, String name) {
        return children(parent).stream().filter(e -> name.equals(nameOf(e))).toList();
    }

    public static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.size() != 1) {
            throw new AssertionError("expected one <" + name + "> in <" + nameOf(parent) + ">, found " + found.size());
        }
        return found.get(0);
    }

    public static Optional<String> optionalText(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).getTextContent());
    }

    public static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    public static String nameOf(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
    }

    public static String namespaceOf(Element e) {
        return e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
    }
}
