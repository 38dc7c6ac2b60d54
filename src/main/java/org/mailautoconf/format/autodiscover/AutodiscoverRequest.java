package org.mailautoconf.format.autodiscover;

import java.util.Optional;
import org.mailautoconf.registry.EmailAddress;

/**
 * What an Autodiscover POST asks: the settings of {@code address} in {@code schema}.
 * {@code legacyDn} is kept for completeness; without an Exchange directory it names nobody.
 */
public record AutodiscoverRequest(EmailAddress address, ResponseSchema schema, Optional<String> legacyDn) {}
