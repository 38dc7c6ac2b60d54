package org.mailautoconf.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mailautoconf.dns.PlanJson;
import org.mailautoconf.dns.PublicHost;
import org.mailautoconf.dns.RecordPlan;
import org.mailautoconf.dns.RecordPlanner;
import org.mailautoconf.dns.ZoneWriter;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.LoadResult;
import org.mailautoconf.registry.load.RegistryLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mailautoconf dns}: the records each domain publishes (docs/dns.md). */
@Command(name = "dns", mixinStandardHelpOptions = true,
        description = {"Print the DNS records each mail domain publishes so that clients find their settings,",
                "each with a comment naming the clients that read it. Exit 3 when no provider serves a domain named."})
final class DnsCommand implements Callable<Integer> {

    /** Where clients reach the service; shared by {@code dns} and {@code check}. */
    static final class PublicHostOption {
        @Option(names = "--public-host", paramLabel = "NAME",
                description = "The service's public host name (its certificate's name; default: the host of --public-url).")
        String publicHost;

        @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:MAILAUTOCONF_PUBLIC_URL}",
                description = "The service's public https URL, as for serve (env MAILAUTOCONF_PUBLIC_URL).")
        String publicUrl;

        Optional<String> name() {
            if (publicHost != null && !publicHost.isBlank()) {
                return Optional.of(publicHost);
            }
            return Optional.ofNullable(publicUrl).filter(u -> !u.isBlank()).map(u -> URI.create(u).getHost());
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    RegistryOptions registry;

    @Mixin
    PublicHostOption publicHost;

    @Parameters(paramLabel = "DOMAIN", arity = "0..*", description = "Mail domains (default with --all: every domain of the registry).")
    List<String> domains = new ArrayList<>();

    @Option(names = "--all", description = "Every exact domain of every provider file.")
    boolean all;

    @Option(names = "--address", paramLabel = "IP", description = "The service's address: A/AAAA records instead of CNAMEs (repeatable).")
    List<String> addresses = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "zone", description = "zone (master-file syntax, default) or json.")
    String format;

    @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "3600", description = "TTL of every record (default: ${DEFAULT-VALUE}).")
    int ttl;

    @Option(names = "--nameserver", paramLabel = "NAME",
            description = "Write complete zones (SOA and NS with these name servers), not fragments to paste (repeatable).")
    List<String> nameServers = new ArrayList<>();

    @Option(names = {"-o", "--output-dir"}, paramLabel = "DIR", description = "Write one <domain>.zone (or .json) per domain into DIR.")
    Path outputDir;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (!format.equals("zone") && !format.equals("json")) {
            err.println("mailautoconf: --format is zone or json, was " + format);
            return 2;
        }
        if (ttl < 0) {
            err.println("mailautoconf: --ttl is a number of seconds, 0 or more, was " + ttl);
            return 2;
        }
        if (domains.isEmpty() != all) {
            err.println("mailautoconf: name the domains, or give --all (not both)");
            return 2;
        }
        Optional<String> host = publicHost.name();
        if (host.isEmpty()) {
            err.println("mailautoconf: give --public-host NAME (or --public-url, MAILAUTOCONF_PUBLIC_URL): the name clients reach the service at");
            return 2;
        }
        PublicHost target;
        try {
            List<InetAddress> ips = new ArrayList<>();
            for (String a : addresses) {
                ips.add(literal(a));
            }
            target = new PublicHost(DomainName.parse(host.get()).ascii(), ips);
        } catch (IllegalArgumentException e) {
            err.println("mailautoconf: " + e.getMessage());
            return 2;
        }
        Optional<Registry> loaded = load(registry, err);
        if (loaded.isEmpty()) {
            return 1;
        }
        Registry reg = loaded.get();
        RecordPlanner planner = RecordPlanner.standard();
        List<RecordPlan> plans = new ArrayList<>();
        for (DomainName d : all ? RecordPlanner.allDomains(reg) : domains.stream().map(DomainName::parse).toList()) {
            Optional<RecordPlan> plan = planner.plan(reg, d, target, ttl);
            if (plan.isEmpty()) {
                err.println("mailautoconf: no provider serves " + d.ascii());
                return 3;
            }
            plans.add(plan.get());
        }
        return write(plans, out, err);
    }

    private int write(List<RecordPlan> plans, PrintWriter out, PrintWriter err) {
        boolean json = format.equals("json");
        ZoneWriter zones = new ZoneWriter(nameServers);
        if (outputDir == null) {
            out.print(json ? new PlanJson().write(plans) : zones.write(plans));
            out.flush();
            return 0;
        }
        try {
            Files.createDirectories(outputDir);
            for (RecordPlan p : plans) {
                String name = p.domain().ascii() + (json ? ".json" : ".zone");
                Files.writeString(outputDir.resolve(name), json ? new PlanJson().write(List.of(p)) : zones.write(p));
            }
            return 0;
        } catch (IOException e) {
            err.println("mailautoconf: cannot write into " + outputDir + ": " + e.getMessage());
            return 1;
        }
    }

    /** The registry, or empty after printing every error (exit 1). */
    static Optional<Registry> load(RegistryOptions registry, PrintWriter err) {
        LoadResult loaded = new RegistryLoader().load(registry.providers, registry.defaultProvider());
        if (loaded.registry().isEmpty()) {
            loaded.errors().forEach(err::println);
            err.flush();
        }
        return loaded.registry();
    }

    /** An IP literal, never a name to look up. */
    private static InetAddress literal(String text) {
        if (!text.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw new IllegalArgumentException("--address takes an IP address, was " + text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--address takes an IP address, was " + text);
        }
    }
}
