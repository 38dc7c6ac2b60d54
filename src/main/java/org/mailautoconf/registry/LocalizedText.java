package org.mailautoconf.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A text in several languages, keyed by language tag ({@code it}, {@code en}), in file order. */
public record LocalizedText(Map<String, String> byLanguage) {

    public static final LocalizedText EMPTY = new LocalizedText(Map.of());

    public LocalizedText {
        byLanguage = Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }

    /** The text in the first of the wanted languages that exists, else the first one written. */
    public Optional<String> best(List<String> wantedLanguages) {
        for (String lang : wantedLanguages) {
            String text = byLanguage.get(lang);
            if (text != null) {
                return Optional.of(text);
            }
        }
        return byLanguage.values().stream().findFirst();
    }
}
