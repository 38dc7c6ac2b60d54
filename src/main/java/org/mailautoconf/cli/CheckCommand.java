package org.mailautoconf.cli;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mailautoconf.HostPort;
import org.mailautoconf.check.CheckReport;
import org.mailautoconf.check.CheckSettings;
import org.mailautoconf.check.Checker;
import org.mailautoconf.check.Dns;
import org.mailautoconf.check.ReportWriter;
import org.mailautoconf.registry.EmailAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mailautoconf check ADDRESS}: each client's discovery, replayed against live DNS and HTTPS. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Replay each client's discovery for ADDRESS over real DNS and HTTPS, compare every answer with this",
                "registry's, and say client by client what works and how to fix what does not. Sends no credentials.",
                "Exit 0 when every client the provider supports can configure itself, 1 when one cannot, 2 on bad",
                "options, 3 when no provider serves the address, 4 when the DNS server does not answer."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions registry;

    @Mixin
    DnsCommand.PublicHostOption publicHost;

    @Parameters(paramLabel = "ADDRESS", description = "An address of the domain to check (never used to log in).")
    String address;

    @Option(names = "--resolver", paramLabel = "IP[:PORT]", description = "The DNS server to ask (default: the system's first).")
    String resolver;

    @Option(names = "--connect", paramLabel = "HOST:PORT",
            description = "Send every https connection here, keeping the URL's name for SNI, Host and the certificate check.")
    String connect;

    @Option(names = "--connect-http", paramLabel = "HOST:PORT", description = "The same for plain http (default: --connect's host, port 80).")
    String connectHttp;

    @Option(names = "--ca", paramLabel = "PEM", description = "Also trust these CA certificates (besides the system's).")
    Path ca;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Per DNS query and per HTTP exchange (default: ${DEFAULT-VALUE}, Thunderbird's own).")
    double timeout;

    @Option(names = "--json", description = "Print the report as JSON (for monitoring); no progress.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EmailAddress parsed;
        CheckSettings settings;
        try {
            parsed = EmailAddress.parse(address);
            settings = new CheckSettings(Optional.ofNullable(resolver).map(r -> socket(r, 53)),
                    Optional.ofNullable(connect).map(c -> socket(c, -1)), Optional.ofNullable(connectHttp).map(c -> socket(c, -1)),
                    Optional.ofNullable(ca), Duration.ofMillis((long) (timeout * 1000)), publicHost.name().map(String::toLowerCase));
        } catch (IllegalArgumentException e) {
            err.println("mailautoconf: " + e.getMessage());
            return 2;
        }
        Optional<org.mailautoconf.registry.Registry> loaded = DnsCommand.load(registry, err);
        if (loaded.isEmpty()) {
            return 1;
        }
        // Progress only where a person watches: a terminal, and not when the output is for machines.
        boolean progress = !json && System.console() != null;
        Optional<CheckReport> report;
        try {
            report = new Checker(loaded.get(), settings).check(parsed, step -> {
                if (progress) {
                    err.println(ReportWriter.progress(step));
                    err.flush();
                }
            });
        } catch (Dns.Unreachable e) {
            err.println("mailautoconf: " + e.getMessage() + "; nothing else was checked");
            return 4;
        } catch (IllegalArgumentException e) {
            err.println("mailautoconf: " + e.getMessage());
            return 2;
        }
        if (report.isEmpty()) {
            err.println("mailautoconf: no provider serves " + parsed.domain().ascii());
            return 3;
        }
        out.print(json ? ReportWriter.json(report.get()) : ReportWriter.text(report.get()));
        out.flush();
        return report.get().allWork() ? 0 : 1;
    }

    /** {@code IP[:PORT]} or {@code HOST:PORT}; {@code defaultPort} -1 when the port is required. */
    private static InetSocketAddress socket(String text, int defaultPort) {
        boolean bareIpv6 = !text.startsWith("[") && text.indexOf(':') != text.lastIndexOf(':');
        boolean noPort = text.indexOf(':') < 0 || bareIpv6;
        if (noPort && defaultPort > 0) {
            return new InetSocketAddress(text, defaultPort);
        }
        HostPort hp = HostPort.parse(text);
        return new InetSocketAddress(hp.host(), hp.port());
    }
}
