package org.mailautoconf.registry;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * A provider's private CA, which clients must trust to reach its servers. {@code certificate}
 * is empty while the admin has not yet put the file where {@code file} says ({@code source}
 * tells where the provider publishes it).
 */
public record CaCertificate(Path file, Optional<URI> source, Optional<X509Certificate> certificate) {}
