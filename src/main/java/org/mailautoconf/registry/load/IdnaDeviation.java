package org.mailautoconf.registry.load;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import org.mailautoconf.registry.DomainName;

/**
 * Names whose IDNA 2003 form differs from the IDNA 2008 (UTS #46 non-transitional) form that we
 * serve: ß, ς, ZWJ and ZWNJ, which IDNA 2003 and transitional processing map away ({@code faß.de}
 * to {@code fass.de}), so that clients of the two kinds look up different domains, owned perhaps
 * by someone else.
 */
final class IdnaDeviation {

    private IdnaDeviation() {
    }

    /**
     * The IDNA 2003 ASCII form of {@code name} when it is not the name's own, or "none" when
     * IDNA 2003 cannot write the name at all; empty when both agree (every ASCII name).
     */
    static Optional<String> idna2003(DomainName name) {
        if (name.unicode().equals(name.ascii())) {
            return Optional.empty();
        }
        try {
            // The JDK's IDN is IDNA 2003 (RFC 3490, Unicode 3.2): what the old code and older clients do.
            String old = IDN.toASCII(name.unicode(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            return old.equals(name.ascii()) ? Optional.empty() : Optional.of(old);
        } catch (IllegalArgumentException e) {
            return Optional.of("none");
        }
    }

    /** A warning at {@code at} when the name deviates; {@code what} is "the domain" or "the host name". */
    static void check(DomainName name, String what, NodeReader reader, Location at, String field) {
        idna2003(name).ifPresent(old -> reader.warning(at, field, "idna-deviation", what + " " + name.unicode() + " is "
                + name.ascii() + " in IDNA 2008, as Thunderbird, browsers and Apple look it up, but "
                + (old.equals("none") ? "has no IDNA 2003 form" : old + " in IDNA 2003")
                + ", as older clients and libraries do: they reach a different domain; make sure it is yours, or avoid"
                + " ß, ς and zero-width joiners in names"));
    }
}
