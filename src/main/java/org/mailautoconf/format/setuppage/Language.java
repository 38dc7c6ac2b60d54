package org.mailautoconf.format.setuppage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the setup page; each has its texts in {@code setuppage/messages_<tag>.properties}
 * (a new language is that file and one constant here). English unless the browser ranks Italian above English (or
 * names Italian and not English): most people who reach an Italian provider's page from an
 * Italian browser get Italian, everyone else a language more of them read.
 */
public enum Language {
    IT("it"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** This language, then English, then the rest: the order in which provider texts are looked up. */
    public List<String> preference() {
        List<String> tags = new ArrayList<>(List.of(tag));
        for (Language l : List.of(EN, IT)) {
            if (l != this) {
                tags.add(l.tag);
            }
        }
        for (Language l : values()) {
            if (!tags.contains(l.tag)) {
                tags.add(l.tag);
            }
        }
        return List.copyOf(tags);
    }

    /** Every language but this one, for the page's language links. */
    public List<Language> others() {
        return Arrays.stream(values()).filter(l -> l != this).toList();
    }

    /** An explicit choice ({@code ?lang=it}) wins; then {@code Accept-Language}; then English. */
    public static Language choose(Optional<String> explicit, Optional<String> acceptLanguage) {
        Optional<Language> chosen = explicit.flatMap(Language::byTag);
        return chosen.orElseGet(() -> acceptLanguage.map(Language::fromAcceptLanguage).orElse(EN));
    }

    public static Optional<Language> byTag(String tag) {
        String primary = tag.strip().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-');
        if (dash >= 0) {
            primary = primary.substring(0, dash);
        }
        for (Language l : values()) {
            if (l.tag.equals(primary)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The best of ours in an RFC 9110 {@code Accept-Language}: highest weight, then first listed. */
    static Language fromAcceptLanguage(String header) {
        Language best = EN;
        double bestWeight = 0;
        for (String range : header.split(",", 20)) {
            String[] parts = range.split(";");
            Optional<Language> lang = byTag(parts[0]);
            double weight = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            if (lang.isPresent() && weight > bestWeight) {
                best = lang.get();
                bestWeight = weight;
            }
        }
        return best;
    }
}
