package org.mailautoconf.registry;

/**
 * One provider's domain-list file, as loaded: its names and whose they are. Kept out of the
 * {@link Provider} record: a list of ten million names is index data, and an unchanged list is
 * taken over by the next registry as this very object (a reload of another file reads no list).
 *
 * @param providerId the provider whose file names the list
 * @param source     the list's file name relative to providers.d, for messages and {@code render}
 * @param names      the normalised names
 * @param checksum   a checksum of the file's bytes, for the registry version
 */
public record ListedDomains(String providerId, String source, DomainSet names, long checksum) {}
