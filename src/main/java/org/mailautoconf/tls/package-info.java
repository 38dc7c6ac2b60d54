/**
 * The https certificates: read from a directory of PEM files ({@link org.mailautoconf.tls.CertificateStore}),
 * chosen per handshake by the name the client asked for ({@link org.mailautoconf.tls.SniKeyManager}),
 * and obtained and renewed from an ACME CA for the names the registry lists
 * ({@link org.mailautoconf.tls.Renewals}). Plain Java, no Vert.x: {@code http} wires the listener.
 */
package org.mailautoconf.tls;
