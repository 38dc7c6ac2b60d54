package org.mailautoconf;

/** How the service logs. (Stand-in: filled in by the hardening work.) */
public record LogSettings() {

    public static LogSettings defaults() {
        return new LogSettings();
    }
}
