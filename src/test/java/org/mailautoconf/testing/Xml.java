package org.mailautoconf.testing;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads answers back with the JDK's DOM parser, namespace-unaware by default because
 * Thunderbird's reader looks elements up by their literal names.
 */
public final class Xml {

    private Xml() {
    }

    public static Document parse(byte[] bytes) {
        return parse(bytes, false);
    }

    public static Document parse(byte[] bytes, boolean namespaceAware) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(namespaceAware);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** The element children of {@code parent} named {@code name}, in document order. */
    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (e.getTagName().equals(name) || name.equals(e.getLocalName()))) {
                out.add(e);
            }
        }
        return out;
    }

    /** The names of the element children, in order. */
    public static List<String> childNames(Element parent) {
        List<String> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e.getTagName());
            }
        }
        return out;
    }

    /** The exact text of the only child {@code name}: not trimmed, because clients do not trim. */
    public static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        if (found.size() != 1) {
            throw new AssertionError("expected one <" + name + "> in <" + parent.getTagName() + ">, found " + found.size());
        }
        return found.get(0).getTextContent();
    }
}
