package org.mailautoconf.mx;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import org.mailautoconf.HostPort;
import org.mailautoconf.registry.DomainName;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * One MX query, with dnsjava: its {@code sendAsync} sends over UDP (TCP when truncated) from one
 * NIO selector thread of its own, so a query holds no thread while it waits, and its answer is
 * handed to {@code executor}. Vert.x's DnsClient would do the same on the event loop but gives
 * neither the response code of a failure nor the TTLs, and would put the resolver in the http
 * package; dnsjava is already on the classpath for the check command.
 */
final class MxQuery {

    /** CNAMEs followed at most from the asked name to the one with the MX records. */
    private static final int MAX_CNAMES = 8;

    private final Resolver resolver;
    private final Executor executor;

    /** @param resolvers empty: the system's resolvers (/etc/resolv.conf) */
    MxQuery(List<HostPort> resolvers, Duration timeout, Executor executor) {
        this.executor = executor;
        Resolver r;
        if (resolvers.size() == 1) {
            r = simple(resolvers.get(0));
        } else {
            ExtendedResolver extended = resolvers.isEmpty() ? new ExtendedResolver()
                    : new ExtendedResolver(resolvers.stream().map(MxQuery::simple).toList());
            extended.setRetries(1);
            r = extended;
        }
        r.setTimeout(timeout);
        this.resolver = r;
    }

    private static Resolver simple(HostPort hp) {
        return new SimpleResolver(new InetSocketAddress(hp.host(), hp.port()));
    }

    CompletableFuture<MxAnswer> ask(DomainName domain) {
        Name name;
        try {
            name = Name.fromString(domain.ascii() + ".");
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(MxAnswer.of(MxAnswer.Outcome.ERROR, Duration.ZERO));
        }
        Message query = Message.newQuery(Record.newRecord(name, Type.MX, DClass.IN));
        return resolver.sendAsync(query, executor).toCompletableFuture()
                .handle((response, failure) -> failure != null ? failed(failure) : read(name, response));
    }

    private static MxAnswer failed(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        boolean timeout = t instanceof TimeoutException || t instanceof SocketTimeoutException
                || (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("imed out"));
        return MxAnswer.of(timeout ? MxAnswer.Outcome.TIMEOUT : MxAnswer.Outcome.ERROR, Duration.ZERO);
    }

    /** The answer section read as RFC 5321 and 7505 say; a CNAME at the asked name is followed within the answer. */
    static MxAnswer read(Name asked, Message response) {
        int rcode = response.getRcode();
        long negativeTtl = negativeTtl(response);
        if (rcode == Rcode.NXDOMAIN) {
            return MxAnswer.of(MxAnswer.Outcome.NXDOMAIN, Duration.ofSeconds(negativeTtl));
        }
        if (rcode == Rcode.SERVFAIL) {
            return MxAnswer.of(MxAnswer.Outcome.SERVFAIL, Duration.ZERO);
        }
        if (rcode != Rcode.NOERROR) {
            return MxAnswer.of(MxAnswer.Outcome.ERROR, Duration.ZERO);
        }
        List<Record> answer = response.getSection(Section.ANSWER);
        Name owner = asked;
        long ttl = Long.MAX_VALUE;
        for (int hops = 0; hops < MAX_CNAMES; hops++) {
            CNAMERecord alias = null;
            for (Record r : answer) {
                if (r instanceof CNAMERecord c && r.getName().equals(owner)) {
                    alias = c;
                }
            }
            if (alias == null) {
                break;
            }
            ttl = Math.min(ttl, alias.getTTL());
            owner = alias.getTarget();
        }
        List<MXRecord> mx = new ArrayList<>();
        for (Record r : answer) {
            if (r instanceof MXRecord m && r.getName().equals(owner)) {
                mx.add(m);
                ttl = Math.min(ttl, m.getTTL());
            }
        }
        if (mx.isEmpty()) {
            return MxAnswer.of(MxAnswer.Outcome.NO_MX, Duration.ofSeconds(negativeTtl));
        }
        // RFC 7505: a single "." MX means no mail; a "." beside real hosts is ignored.
        List<MXRecord> real = mx.stream().filter(m -> !m.getTarget().equals(Name.root)).toList();
        if (real.isEmpty()) {
            return MxAnswer.of(MxAnswer.Outcome.NULL_MX, Duration.ofSeconds(ttl));
        }
        List<DomainName> hosts = new ArrayList<>();
        real.stream().sorted(Comparator.comparingInt(MXRecord::getPriority)).forEach(m -> {
            try {
                hosts.add(DomainName.parse(m.getTarget().toString(true)));
            } catch (IllegalArgumentException e) {
                // a target that is no host name (an underscore label, say) matches no provider
            }
        });
        return new MxAnswer(hosts.isEmpty() ? MxAnswer.Outcome.NO_MX : MxAnswer.Outcome.HOSTS, hosts, Duration.ofSeconds(ttl));
    }

    /** RFC 2308: the SOA's minimum, bounded by its own TTL; none given: 0 (then the cache's lower bound applies). */
    private static long negativeTtl(Message response) {
        for (Record r : response.getSection(Section.AUTHORITY)) {
            if (r instanceof org.xbill.DNS.SOARecord soa) {
                return Math.min(soa.getTTL(), soa.getMinimum());
            }
        }
        return 0;
    }
}
