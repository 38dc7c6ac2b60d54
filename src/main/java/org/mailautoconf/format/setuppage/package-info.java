/**
 * The setup page people open in a browser: a form for the address, then the provider's steps,
 * a QR code for the phone, a guide per app, the settings as cards, and the provider's
 * documentation. Pure rendering from a Pebble template and message bundles read once (no
 * Vert.x, no I/O per request): the http package reads the request and sends the bytes.
 */
package org.mailautoconf.format.setuppage;
