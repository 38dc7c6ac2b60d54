/**
 * Microsoft Autodiscover: the bounded, entity-free reader of the plain-old-XML request, the
 * Outlook (2006a) and ActiveSync (mobilesync 2006) responses, the protocol's error response and
 * the v2 JSON answers. Pure: no I/O, no clock (the error's {@code Time} is passed in).
 */
package org.mailautoconf.format.autodiscover;
