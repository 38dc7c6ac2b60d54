package org.mailautoconf.format.setuppage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page's texts in one language, read once from {@code setuppage/messages_<tag>.properties}
 * (UTF-8, as Java reads properties bundles since 9). No fallback between languages or to the
 * JVM's locale: a missing key is a bug that the tests find, never a sentence in another
 * language. A text's {@code {name}} parts are filled with plain values; the template escapes
 * the result like any other value.
 */
final class Texts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private static final String BUNDLE = "setuppage.messages";

    private final Map<String, String> texts;

    private Texts(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    static Texts load(Language language) {
        ResourceBundle bundle;
        try {
            bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language.tag()), Texts.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no setup page texts for " + language.tag() + ": " + e.getMessage(), e);
        }
        Map<String, String> texts = new HashMap<>();
        for (String key : bundle.keySet()) {
            texts.put(key, bundle.getString(key));
        }
        return new Texts(texts);
    }

    /** Every text, for the template's {@code t.key}. */
    Map<String, String> all() {
        return texts;
    }

    String get(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("no setup page text " + key);
        }
        return text;
    }

    Optional<String> find(String key) {
        return Optional.ofNullable(texts.get(key));
    }

    /**
     * The text with each {@code {name}} replaced by its value, in one pass: a value that itself
     * contains {@code {name}} (an address may) stays as it is.
     */
    String format(String key, String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return PLACEHOLDER.matcher(get(key)).replaceAll(
                m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }

    /** {@code prefix.1}, {@code prefix.2}, ... for as long as they exist. */
    List<String> numbered(String prefix) {
        List<String> out = new ArrayList<>();
        for (int i = 1; texts.containsKey(prefix + "." + i); i++) {
            out.add(texts.get(prefix + "." + i));
        }
        return out;
    }
}
