package org.mailautoconf.registry.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailautoconf.registry.Branding;
import org.mailautoconf.registry.LocalizedText;

/**
 * Binds a provider's {@code branding: {name: ..., logo: logos/example.svg}}: the name the setup
 * page shows (one text, or one per language) and a logo file in {@code providers.d/}, read now
 * and checked by content ({@link LogoContent}), since the page shows it to every visitor.
 */
final class BrandingBinder {

    static final String FIELD = "branding";

    /** A logo is a few KiB; more is a photo or an embedded bitmap, not something to send with every page. */
    static final int MAX_LOGO_BYTES = 64 * 1024;

    /** Code points; the longest university names are about 60. */
    static final int MAX_NAME_LENGTH = 80;

    /** The watcher sees changes in providers.d and the folders directly in it (DirectoryChanges). */
    private static final int MAX_PATH_SEGMENTS = 2;

    /** A language key for a name written once, for every language (BCP 47's "undetermined"). */
    static final String ANY_LANGUAGE = "und";

    private final NodeReader reader;

    BrandingBinder(NodeReader reader) {
        this.reader = reader;
    }

    /** Empty when absent, null when wrong (the problems say why). */
    Optional<Branding> bind(Map<String, YamlNode.Entry> providerFields, Path providerFile) {
        YamlNode.Entry e = providerFields.get(FIELD);
        if (e == null) {
            return Optional.empty();
        }
        Map<String, YamlNode.Entry> f = reader.fields(e.value(), FIELD, Set.of("name", "logo"));
        if (f == null) {
            return null;
        }
        if (f.isEmpty()) {
            reader.error(e.value().location(), FIELD, "empty-value", "give a name, a logo or both, or leave branding out");
            return null;
        }
        LocalizedText name = f.containsKey("name") ? name(f.get("name")) : LocalizedText.EMPTY;
        Optional<Branding.Logo> logo = f.containsKey("logo") ? logo(f.get("logo"), providerFile) : Optional.empty();
        return name == null || logo == null ? null : Optional.of(new Branding(name, logo));
    }

    private LocalizedText name(YamlNode.Entry e) {
        String path = FIELD + ".name";
        LocalizedText name;
        if (e.value() instanceof YamlNode.Mapping m) {
            name = reader.localized(e, path);
            // A language that was not read (its problem is reported) would otherwise just be missing.
            if (name == null || name.byLanguage().size() != m.entries().size()) {
                return null;
            }
            if (name.isEmpty()) {
                reader.error(m.location(), path, "empty-value", "give the name, or one per language such as {it: ..., en: ...}");
                return null;
            }
        } else {
            String text = reader.text(e, path);
            if (text == null) {
                return null;
            }
            name = new LocalizedText(Map.of(ANY_LANGUAGE, text.strip()));
        }
        boolean ok = true;
        for (String text : name.byLanguage().values()) {
            ok &= nameFits(text, e.value().location(), path);
        }
        return ok ? name : null;
    }

    private boolean nameFits(String text, Location at, String path) {
        int length = text.codePointCount(0, text.length());
        if (length > MAX_NAME_LENGTH) {
            reader.error(at, path, "name-too-long", "has " + length + " characters; a name beside a logo has at most "
                    + MAX_NAME_LENGTH + " (it must fit a 320-pixel phone screen)");
            return false;
        }
        int bad = text.codePoints().filter(BrandingBinder::invisible).findFirst().orElse(-1);
        if (bad >= 0) {
            reader.error(at, path, "control-character", String.format(
                    "contains the control character U+%04X; a name is one line of visible text", bad));
            return false;
        }
        return true;
    }

    /** Control characters, and the bidirectional overrides that would make the name read differently than written. */
    private static boolean invisible(int c) {
        return Character.getType(c) == Character.CONTROL || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private Optional<Branding.Logo> logo(YamlNode.Entry e, Path providerFile) {
        String path = FIELD + ".logo";
        String written = reader.text(e, path);
        if (written == null) {
            return null;
        }
        Location at = e.value().location();
        String relative = relativePath(written.strip(), at, path);
        if (relative == null) {
            return null;
        }
        Path file = providerFile.toAbsolutePath().getParent().resolve(relative);
        byte[] bytes;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile()) {
                reader.error(at, path, "logo-missing", file + " is not a file");
                return null;
            }
            if (a.size() > MAX_LOGO_BYTES) {
                reader.error(at, path, "logo-too-large", tooLarge(file, a.size() + " bytes"));
                return null;
            }
            bytes = BoundedRead.read(file, MAX_LOGO_BYTES);
        } catch (NoSuchFileException ex) {
            reader.error(at, path, "logo-missing", "no logo at " + file + " (the path is relative to the provider file's directory)");
            return null;
        } catch (BoundedRead.TooLarge ex) {
            reader.error(at, path, "logo-too-large", tooLarge(file, "more than " + MAX_LOGO_BYTES + " bytes"));
            return null;
        } catch (IOException ex) {
            reader.error(at, path, "unreadable", "cannot read the logo " + file + ": " + ex);
            return null;
        }
        LogoContent.Verdict verdict = LogoContent.check(bytes);
        if (verdict instanceof LogoContent.Verdict.Refused r) {
            reader.error(at, path, r.code(), file.getFileName() + " " + r.reason());
            return null;
        }
        return Optional.of(Branding.Logo.of(relative, ((LogoContent.Verdict.Image) verdict).type(), bytes));
    }

    /** The path inside providers.d, with '/' between its parts; null (with a problem) when it would leave it or is too deep. */
    private String relativePath(String written, Location at, String path) {
        String problem = null;
        List<String> parts = new ArrayList<>();
        if (written.startsWith("/") || written.contains("\\") || written.contains(":")) {
            problem = "must be a path relative to the provider directory, such as logos/example.svg, was '" + written + "'";
        } else {
            for (String part : written.split("/")) {
                if (part.equals("..")) {
                    problem = "must stay inside the provider directory ('..' leaves it), was '" + written + "'";
                    break;
                }
                if (!part.isEmpty() && !part.equals(".")) {
                    parts.add(part);
                }
            }
            if (problem == null && (parts.isEmpty() || parts.size() > MAX_PATH_SEGMENTS)) {
                problem = "must name a file in the provider directory or in a folder directly in it (logos/example.svg),"
                        + " where a change is seen and reloaded; was '" + written + "'";
            }
        }
        if (problem != null) {
            reader.error(at, path, "bad-logo-path", problem);
            return null;
        }
        return String.join("/", parts);
    }

    private static String tooLarge(Path file, String size) {
        return file.getFileName() + " has " + size + "; a logo may have at most " + MAX_LOGO_BYTES
                + " (64 KiB): save it as an optimised SVG or a smaller PNG";
    }
}
