package org.mailautoconf.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A made-up provider with branding, added to a copy of the shipped files: the shipped providers
 * stay unbranded (we have no licence for their logos). Its logo is a wide word mark (6:1), the
 * shape most likely to overflow a phone's screen.
 */
public final class BrandedProvider {

    public static final String ID = "acme";
    public static final String DOMAIN = "acme.example";
    public static final String NAME_EN = "Acme Polytechnic University";
    public static final String NAME_IT = "Politecnico Acme";
    public static final String LOGO_FILE = "logos/acme.svg";

    public static final String LOGO = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 80" width="480" height="80">
              <title>Acme</title>
              <defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#0b3d91"/><stop offset="1" stop-color="#1565c0"/></linearGradient></defs>
              <rect x="0" y="0" width="80" height="80" rx="12" fill="url(#g)"/>
              <path d="M16 64 L40 14 L64 64 Z" fill="#fff"/>
              <rect x="96" y="18" width="360" height="16" rx="4" fill="#0b3d91"/>
              <rect x="96" y="46" width="250" height="16" rx="4" fill="#1565c0"/>
            </svg>
            """;

    private BrandedProvider() {
    }

    /** The shipped files and the branded provider, in {@code dir}. */
    public static Path withShipped(Path dir) {
        Registries.copyShipped(dir);
        writeLogo(dir, LOGO.getBytes(StandardCharsets.UTF_8));
        Registries.write(dir, "acme.yaml", """
                id: acme
                name: Acme Polytechnic University
                shortName: Acme
                branding:
                  name: {en: %s, it: %s}
                  logo: %s
                domains: [acme.example]
                incoming: [{type: imap, hostname: imap.acme.example, port: 993, security: tls}]
                outgoing: [{type: smtp, hostname: smtp.acme.example, port: 465, security: tls}]
                """.formatted(NAME_EN, NAME_IT, LOGO_FILE));
        return dir;
    }

    /** Replaces the logo file, as an admin saving a new one. */
    public static void writeLogo(Path dir, byte[] bytes) {
        try {
            Files.createDirectories(dir.resolve("logos"));
            Files.write(dir.resolve(LOGO_FILE), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
