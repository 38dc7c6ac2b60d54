package org.mailautoconf.registry;

/** A domain a provider serves: an exact name, or {@code *.name} for every name below it. */
public record DomainPattern(DomainName name, boolean wildcard) {

    @Override
    public String toString() {
        return wildcard ? "*." + name.ascii() : name.ascii();
    }
}
