package org.mailautoconf.answer;

/**
 * What a cached answer depends on: the provider as of one of its versions ({@code generation}
 * changes only when a reload changes that provider), the client format, and the subject asked
 * about: a normalised address, or {@code @domain} for answers that depend on the domain only.
 */
record AnswerKey(String providerId, long generation, ClientFormat format, String subject) {}
