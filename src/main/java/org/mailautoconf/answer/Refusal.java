package org.mailautoconf.answer;

/**
 * A format's reason for having no answer where a provider was found: {@code code} is the
 * format's own error code (Autodiscover's 601), {@code reason} a sentence for the log.
 */
public record Refusal(int code, String reason) {}
