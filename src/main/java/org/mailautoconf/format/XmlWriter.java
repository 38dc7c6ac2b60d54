package org.mailautoconf.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An indented XML document written through StAX, which does all escaping. Elements are opened
 * and closed explicitly because the client formats fix the order of every element; indentation
 * goes only between elements, never inside a value (Thunderbird does not trim values).
 */
public final class XmlWriter {

    private static final XMLOutputFactory FACTORY = factory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    private final XMLStreamWriter xml;
    private int depth;
    private boolean lastWasStart;

    public XmlWriter() {
        try {
            xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an element; {@code attributes} are name/value pairs, null values left out. */
    public XmlWriter start(String name, String... attributes) {
        try {
            newline();
            xml.writeStartElement(name);
            attributes(attributes);
            depth++;
            lastWasStart = true;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code xmlns} on the element just opened: a default namespace, no prefix. */
    public XmlWriter namespace(String uri) {
        try {
            xml.writeDefaultNamespace(uri);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public XmlWriter end() {
        try {
            depth--;
            if (!lastWasStart) {
                newline();
            }
            xml.writeEndElement();
            lastWasStart = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <name attr="..">text</name>} on one line. */
    public XmlWriter element(String name, String text, String... attributes) {
        try {
            newline();
            xml.writeStartElement(name);
            attributes(attributes);
            xml.writeCharacters(text);
            xml.writeEndElement();
            lastWasStart = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <name attr=".."/>}. */
    public XmlWriter empty(String name, String... attributes) {
        try {
            newline();
            xml.writeEmptyElement(name);
            attributes(attributes);
            lastWasStart = false;
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] toBytes() {
        try {
            xml.writeEndDocument();
            xml.close();
            out.write('\n');
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static XMLOutputFactory factory() {
        XMLOutputFactory f = XMLOutputFactory.newFactory();
        // Woodstox writes <?xml version='1.0'?> by default; the double-quoted form is what every sample shows.
        String doubleQuotes = "com.ctc.wstx.useDoubleQuotesInXmlDecl";
        if (f.isPropertySupported(doubleQuotes)) {
            f.setProperty(doubleQuotes, Boolean.TRUE);
        }
        return f;
    }

    private void attributes(String... attributes) throws XMLStreamException {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                xml.writeAttribute(attributes[i], attributes[i + 1]);
            }
        }
    }

    private void newline() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
