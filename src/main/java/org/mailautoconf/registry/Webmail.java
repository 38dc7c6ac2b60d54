package org.mailautoconf.registry;

import java.net.URI;

public record Webmail(URI loginPage) {}
