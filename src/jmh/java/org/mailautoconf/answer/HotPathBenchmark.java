package org.mailautoconf.answer;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.RegistryLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The request path below HTTP, per client format: a cache hit (lookup + cached bytes), a splice
 * of a prepared answer (a new address of a known domain), and a whole render for comparison.
 * Run with bench/jmh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPathBenchmark {

    @Param({"autoconfig", "autodiscover-outlook", "mobileconfig"})
    public String format;

    private ClientFormat clientFormat;
    private FormatRenderer renderer;
    private Answers answers;
    private Registry registry;
    private Provider provider;
    private DomainName domain;
    private EmailAddress known;
    private PreparedAnswer prepared;
    private long counter;

    @Setup
    public void setUp() {
        registry = new RegistryLoader().load(Path.of("providers.d"), Optional.empty()).registry().orElseThrow();
        // The server's own table: the same bytes and headers it sends, Content-Disposition included.
        Map<ClientFormat, FormatRenderer> renderers = Renderers.table(Optional.empty());
        clientFormat = switch (format) {
            case "autoconfig" -> ClientFormat.AUTOCONFIG;
            case "autodiscover-outlook" -> ClientFormat.AUTODISCOVER_OUTLOOK;
            default -> ClientFormat.MOBILECONFIG;
        };
        renderer = renderers.get(clientFormat);
        answers = new Answers(renderers);
        answers.publish(registry);
        known = EmailAddress.parse("mario.rossi@timpec.it");
        domain = known.domain();
        provider = registry.providerFor(domain).orElseThrow().provider();
        answers.lookup(clientFormat, domain, Optional.of(known));
        prepared = PreparedAnswer.prepare(renderer, provider, domain).orElse(null);
    }

    /** A repeat request: registry lookup, cache hit, the stored bytes. */
    @Benchmark
    public Object cachedAnswer() {
        return answers.lookup(clientFormat, domain, Optional.of(known));
    }

    /** A new address of a known domain: the prepared runs with the local part copied in (null where the format cannot be prepared). */
    @Benchmark
    public Object splicedAnswer() {
        return prepared == null ? null : prepared.splice("user" + (counter++ & 1023));
    }

    /** What a request would cost without preparation: the whole document built again. */
    @Benchmark
    public Object wholeRender() {
        return renderer.render(provider, domain, Optional.of(new EmailAddress("user" + (counter++ & 1023), domain)));
    }

    /** The registry lookup alone. */
    @Benchmark
    public Object providerLookup() {
        return registry.providerFor(domain);
    }
}
