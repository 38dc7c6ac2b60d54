package org.mailautoconf.registry;

/**
 * A value the provider's own documents do not state, taken as the most likely one and kept
 * visible until someone confirms it: {@code field} is the path in the provider file.
 */
public record Assumption(String field, String note) {}
