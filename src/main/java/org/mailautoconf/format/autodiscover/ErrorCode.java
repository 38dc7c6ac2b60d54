package org.mailautoconf.format.autodiscover;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code ErrorCode} values of MS-OXDSCLI's error response, with the message Exchange sends
 * for each. docs/autodiscover.md says which request gets which.
 */
public enum ErrorCode {
    /** No provider serves the address's domain, or only a LegacyDN came (no directory to look it up in). */
    ADDRESS_NOT_FOUND(500, "The e-mail address cannot be found."),
    /** The {@code EMailAddress} is not an address, so there are no settings for it. */
    NO_CONFIGURATION(501, "Bad Address: there are no configuration options for this e-mail address."),
    /** Empty body, malformed XML, a DTD, the wrong root, no or several {@code Request}s, no address. */
    INVALID_REQUEST(600, "Invalid Request"),
    /** An unknown response schema, or mobilesync from a provider without ActiveSync. */
    SCHEMA_NOT_AVAILABLE(601, "The requested schema is not available for this e-mail address."),
    /** The provider file sends this address somewhere this answer cannot name (a bad redirect). */
    CONFIGURATION_ERROR(602, "Bad Address: the configuration for this e-mail address has errors."),
    /** A bug: building the answer failed. */
    INTERNAL_ERROR(603, "Internal Server Error");

    private final int code;
    private final String message;

    ErrorCode(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    public static Optional<ErrorCode> byCode(int code) {
        return Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }
}
