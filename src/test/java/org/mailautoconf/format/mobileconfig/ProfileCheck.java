package org.mailautoconf.format.mobileconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSObject;
import com.dd.plist.PropertyListParser;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads profiles back with real parsers and holds them against Apple's schema. */
final class ProfileCheck {

    private ProfileCheck() {
    }

    /** The profile as dd-plist's own parser reads it. */
    static NSDictionary plist(byte[] profile) throws Exception {
        NSObject root = PropertyListParser.parse(profile);
        assertThat(root).isInstanceOf(NSDictionary.class);
        return (NSDictionary) root;
    }

    /** The payload dictionaries, in order. */
    static List<NSDictionary> payloads(byte[] profile) throws Exception {
        List<NSDictionary> out = new ArrayList<>();
        for (NSObject o : ((NSArray) plist(profile).get("PayloadContent")).getArray()) {
            out.add((NSDictionary) o);
        }
        return out;
    }

    static NSDictionary payload(byte[] profile, String type) throws Exception {
        return payloads(profile).stream().filter(p -> p.get("PayloadType").toJavaObject().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " payload"));
    }

    /** A namespace-aware DOM of the profile; the Apple DTD is never fetched. */
    static Document dom(byte[] profile) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setCoalescing(true);
        f.setExpandEntityReferences(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new ByteArrayInputStream(profile));
    }

    /**
     * Every key of the profile and of each payload is in Apple's schema table, written as the
     * schema's type (the XML element itself, not what a lenient reader makes of it), with an
     * allowed value; every required key is there.
     */
    static void conformsToSchema(byte[] profile) throws Exception {
        Element plist = dom(profile).getDocumentElement();
        assertThat(plist.getTagName()).isEqualTo("plist");
        assertThat(plist.getAttribute("version")).isEqualTo("1.0");
        List<Element> top = children(plist);
        assertThat(top).hasSize(1);
        Map<String, Element> profileKeys = dictionary(top.get(0));
        check("profile", profileKeys, AppleSchema.TOP);
        Element content = profileKeys.get("PayloadContent");
        for (Element payload : children(content)) {
            assertThat(payload.getTagName()).as("a payload is a dict").isEqualTo("dict");
            Map<String, Element> keys = dictionary(payload);
            String type = keys.get("PayloadType").getTextContent();
            check(type, keys, AppleSchema.payloadKeys(type));
        }
    }

    private static void check(String where, Map<String, Element> actual, Map<String, AppleSchema.Key> schema) {
        actual.forEach((key, value) -> {
            AppleSchema.Key expected = schema.get(key);
            assertThat(expected).as("%s: key %s is in Apple's schema", where, key).isNotNull();
            assertThat(expected.type().elements).as("%s: %s is <%s>", where, key, expected.type()).contains(value.getTagName());
            if (!expected.rangeList().isEmpty()) {
                assertThat(expected.rangeList()).as("%s: value of %s", where, key).contains(value.getTextContent());
            }
            if (expected.type() == AppleSchema.Type.INTEGER) {
                assertThat(value.getTextContent()).as("%s: %s is a whole number", where, key).matches("-?[0-9]+");
            }
            if (expected.type() == AppleSchema.Type.STRING) {
                assertThat(value.getTextContent()).as("%s: %s is not empty", where, key).isNotEmpty();
            }
        });
        schema.forEach((key, expected) -> {
            if (expected.required()) {
                assertThat(actual).as("%s: required key %s", where, key).containsKey(key);
            }
        });
    }

    /** A plist {@code <dict>} as key to value element; keys are unique. */
    private static Map<String, Element> dictionary(Element dict) {
        List<Element> items = children(dict);
        assertThat(items.size() % 2).as("a dict alternates key and value").isZero();
        Map<String, Element> out = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i += 2) {
            assertThat(items.get(i).getTagName()).isEqualTo("key");
            Element previous = out.put(items.get(i).getTextContent(), items.get(i + 1));
            assertThat(previous).as("key %s once", items.get(i).getTextContent()).isNull();
        }
        return out;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }
}
