package org.mailautoconf.format.setuppage;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * HTML in its XML syntax, written through StAX so that every text and attribute value is
 * escaped by the library: no string of ours or of a provider file ever becomes markup. Void
 * elements ({@code meta}, {@code input}) are written {@code <input/>}, which HTML accepts; every
 * other element gets an end tag even when empty, as HTML requires.
 */
final class HtmlWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    private final XMLStreamWriter xml;

    HtmlWriter() {
        try {
            xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeDTD("<!DOCTYPE html>");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an element; {@code attributes} are name/value pairs, null values left out. */
    HtmlWriter start(String name, String... attributes) {
        try {
            xml.writeStartElement(name);
            attributes(attributes);
            // An empty text keeps StAX from collapsing an empty element into <name/>.
            xml.writeCharacters("");
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    HtmlWriter end() {
        try {
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    HtmlWriter text(String text) {
        try {
            xml.writeCharacters(text);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <name attr="..">text</name>}. */
    HtmlWriter element(String name, String text, String... attributes) {
        return start(name, attributes).text(text).end();
    }

    /** A void element such as {@code <meta>} or {@code <input>}. */
    HtmlWriter empty(String name, String... attributes) {
        try {
            xml.writeEmptyElement(name);
            attributes(attributes);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    HtmlWriter newline() {
        return text("\n");
    }

    byte[] toBytes() {
        try {
            xml.writeEndDocument();
            xml.close();
            out.write('\n');
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void attributes(String... attributes) throws XMLStreamException {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                xml.writeAttribute(attributes[i], attributes[i + 1]);
            }
        }
    }
}
