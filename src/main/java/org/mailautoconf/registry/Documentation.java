package org.mailautoconf.registry;

import java.net.URI;

/** A page where the provider explains the setup, with a short description per language. */
public record Documentation(URI url, LocalizedText description) {}
