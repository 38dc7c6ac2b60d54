package org.mailautoconf.registry;

import java.net.URI;

/**
 * Something the user must do before a client can log in (for PEC mailboxes: generate the
 * secondary password), at {@code visitUrl}.
 */
public record EnableStep(URI visitUrl, LocalizedText instructions) {}
