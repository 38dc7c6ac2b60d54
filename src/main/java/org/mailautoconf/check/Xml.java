package org.mailautoconf.check;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Namespace-unaware DOM reading, as Thunderbird reads (it matches literal element names), with
 * no DTDs and no external entities: the bytes come from servers the check does not trust.
 */
final class Xml {

    private Xml() {
    }

    static Optional<Document> parse(byte[] bytes) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            return Optional.of(f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getNodeName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    /** The text of the first child called {@code name}, not trimmed (clients do not trim either); empty if none. */
    static String text(Element parent, String name) {
        return child(parent, name).map(Element::getTextContent).orElse("");
    }
}
