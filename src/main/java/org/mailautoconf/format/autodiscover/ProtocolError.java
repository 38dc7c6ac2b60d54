package org.mailautoconf.format.autodiscover;

/**
 * Why an Autodiscover request gets the protocol's error response. {@code reason} is our own
 * sentence for the log and the {@code DebugData} element: it never quotes the client's input.
 */
public record ProtocolError(ErrorCode code, String reason) {}
