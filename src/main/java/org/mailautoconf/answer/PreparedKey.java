package org.mailautoconf.answer;

/**
 * What a prepared answer depends on: the provider as of one of its versions ({@code generation}
 * changes only when a reload changes that provider), the client format, and the domain
 * ({@code @domain}) it was prepared for. Complete answers are cached by format and subject alone.
 */
record PreparedKey(String providerId, long generation, ClientFormat format, String subject) {}
