package org.mailautoconf;

/** How much expensive, uncached work (profile signing) may run and wait. (Stand-in: filled in by the hardening work.) */
public record SigningLimits() {

    public static SigningLimits defaults() {
        return new SigningLimits();
    }
}
