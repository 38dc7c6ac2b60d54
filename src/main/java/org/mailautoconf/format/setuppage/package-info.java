/**
 * The setup page people open in a browser: a form for the address, then the Apple profile
 * link, the settings for manual setup, and the provider's steps and documentation. Pure
 * rendering (no Vert.x): the http package reads the request and sends the bytes.
 */
package org.mailautoconf.format.setuppage;
