package org.mailautoconf.check;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS as the clients see it, from one server (dnsjava's SimpleResolver: no cache, no search
 * list), each query bounded by the check's timeout. CNAME chains are followed here so that a
 * report can name every alias on the way.
 */
public final class Dns {

    /** The server did not answer (timeout, nothing listening, unreachable). */
    public static final class Unreachable extends Exception {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The answer to one question: the records of the asked type, and NXDOMAIN or another failure code. */
    public record Answer(String name, List<Record> records, int rcode) {
        public boolean nxdomain() {
            return rcode == Rcode.NXDOMAIN;
        }
    }

    /** A name followed through its aliases to its addresses; {@code addresses} empty when it leads nowhere. */
    public record Resolution(String name, List<String> aliases, List<InetAddress> addresses, String problem) {
        public boolean resolves() {
            return !addresses.isEmpty();
        }

        /** The name the aliases end at (the name itself without aliases). */
        public String finalName() {
            return aliases.isEmpty() ? name : aliases.get(aliases.size() - 1);
        }
    }

    private static final int MAX_ALIASES = 8;

    private final SimpleResolver resolver;
    private final String server;

    public Dns(CheckSettings settings) {
        InetSocketAddress address = settings.resolver().orElseGet(Dns::systemServer);
        this.resolver = new SimpleResolver(address);
        this.resolver.setTimeout(settings.timeout());
        this.server = address.getHostString() + ":" + address.getPort();
    }

    private static InetSocketAddress systemServer() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        return servers.isEmpty() ? new InetSocketAddress(InetAddress.getLoopbackAddress(), 53) : servers.get(0);
    }

    /** The server asked, {@code HOST:PORT}, for messages. */
    public String server() {
        return server;
    }

    public Answer query(String name, int type) throws Unreachable {
        Name qname;
        try {
            qname = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            return new Answer(name, List.of(), Rcode.FORMERR);
        }
        Message response;
        try {
            response = resolver.send(Message.newQuery(Record.newRecord(qname, type, DClass.IN)));
        } catch (IOException e) {
            throw new Unreachable("the DNS server " + server + " did not answer for " + name + " " + Type.string(type)
                    + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        return new Answer(name, List.copyOf(response.getSection(Section.ANSWER)), response.getRcode());
    }

    /** Follows CNAMEs from {@code name} and collects its A and AAAA addresses. */
    public Resolution resolve(String name) throws Unreachable {
        List<String> aliases = new ArrayList<>();
        String current = strip(name);
        for (int hop = 0; hop <= MAX_ALIASES; hop++) {
            List<InetAddress> addresses = new ArrayList<>();
            List<String> chain = new ArrayList<>();
            boolean nxdomain = false;
            for (int type : new int[] {Type.A, Type.AAAA}) {
                Answer a = query(current, type);
                nxdomain |= a.nxdomain();
                // Within one answer the server may already give (part of) the chain: walk it.
                List<String> walked = new ArrayList<>();
                String owner = current;
                for (int step = 0; step < MAX_ALIASES; step++) {
                    Optional<String> next = targetOf(a.records(), owner);
                    if (next.isEmpty()) {
                        break;
                    }
                    owner = next.get();
                    walked.add(owner);
                }
                if (walked.size() > chain.size()) {
                    chain = walked;
                }
                for (Record r : a.records()) {
                    if (strip(r.getName().toString()).equals(owner)) {
                        if (r instanceof ARecord ar) {
                            addresses.add(ar.getAddress());
                        } else if (r instanceof AAAARecord ar) {
                            addresses.add(ar.getAddress());
                        }
                    }
                }
            }
            aliases.addAll(chain);
            if (!addresses.isEmpty()) {
                return new Resolution(strip(name), aliases, addresses, "");
            }
            if (chain.isEmpty()) {
                String problem = nxdomain ? current + " does not exist (NXDOMAIN)" : current + " has no address (no A or AAAA record)";
                return new Resolution(strip(name), aliases, List.of(), problem);
            }
            current = chain.get(chain.size() - 1);
        }
        return new Resolution(strip(name), aliases, List.of(), name + ": more than " + MAX_ALIASES + " aliases in a row");
    }

    private static Optional<String> targetOf(List<Record> records, String owner) {
        return records.stream().filter(r -> r instanceof CNAMERecord && strip(r.getName().toString()).equals(owner))
                .map(r -> strip(((CNAMERecord) r).getTarget().toString())).findFirst();
    }

    static String strip(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
