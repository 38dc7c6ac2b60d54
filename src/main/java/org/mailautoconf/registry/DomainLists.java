package org.mailautoconf.registry;

import java.util.List;
import java.util.Map;

/**
 * The registry's domain lists ({@code domainList:}), each a {@link DomainSet} with its provider.
 * A lookup asks each list in file order: a hoster has one list or a few, and each answer is a
 * hash and a probe or two into a flat table. The loader has checked that no name is in two
 * lists or also in a provider file, so the order never decides anything.
 */
final class DomainLists {

    static final DomainLists NONE = new DomainLists(List.of(), new Provider[0]);

    private final List<ListedDomains> lists;
    private final Provider[] providers;

    private DomainLists(List<ListedDomains> lists, Provider[] providers) {
        this.lists = lists;
        this.providers = providers;
    }

    /** @throws IllegalArgumentException when a list names a provider that is not in {@code ids} */
    static DomainLists of(List<ListedDomains> lists, Map<String, Provider> ids) {
        if (lists.isEmpty()) {
            return NONE;
        }
        Provider[] providers = new Provider[lists.size()];
        for (int i = 0; i < providers.length; i++) {
            providers[i] = ids.get(lists.get(i).providerId());
            if (providers[i] == null) {
                throw new IllegalArgumentException(lists.get(i).source() + " belongs to no provider: " + lists.get(i).providerId());
            }
        }
        return new DomainLists(List.copyOf(lists), providers);
    }

    Provider get(DomainName name) {
        String ascii = name.ascii();
        for (int i = 0; i < providers.length; i++) {
            if (lists.get(i).names().contains(ascii)) {
                return providers[i];
            }
        }
        return null;
    }

    /** The list that names {@code name}, for {@code render} and {@code check}. */
    ListedDomains listOf(DomainName name) {
        for (ListedDomains l : lists) {
            if (l.names().contains(name.ascii())) {
                return l;
            }
        }
        return null;
    }

    List<ListedDomains> lists() {
        return lists;
    }

    long size() {
        long n = 0;
        for (ListedDomains l : lists) {
            n += l.names().size();
        }
        return n;
    }
}
