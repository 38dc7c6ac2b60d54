package org.mailautoconf;

/** How the listeners treat connections: timeouts and how many may be open. (Stand-in: filled in by the hardening work.) */
public record ConnectionLimits() {

    public static ConnectionLimits defaults() {
        return new ConnectionLimits();
    }
}
