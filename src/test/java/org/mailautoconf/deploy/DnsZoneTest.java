package org.mailautoconf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.Security;
import org.mailautoconf.registry.Server;
import org.mailautoconf.testing.Registries;

/**
 * deploy/dns: each zone passes BIND's own checker, and its records agree with the example
 * provider file and with the names the Ingress and nginx have a certificate for.
 */
class DnsZoneTest {

    /** One resource record, names absolute without the final dot. */
    record Rr(String owner, String type, List<String> data) {}

    static List<Path> zones() throws IOException {
        try (Stream<Path> files = Files.list(DeployFiles.DNS)) {
            return files.filter(f -> f.toString().endsWith(".zone")).sorted().toList();
        }
    }

    private static String origin(Path zone) {
        return zone.getFileName().toString().replaceFirst("\\.zone$", "");
    }

    /** The master-file syntax this example uses: $ORIGIN, $TTL, ( ) continuations, ; comments, blank owners. */
    static List<Rr> records(Path zone) {
        String origin = origin(zone);
        List<Rr> out = new ArrayList<>();
        String owner = null;
        StringBuilder pending = new StringBuilder();
        int open = 0;
        for (String raw : DeployFiles.read(zone).split("\n")) {
            String line = raw.replaceFirst(";.*", "");
            open += line.chars().filter(c -> c == '(').count() - line.chars().filter(c -> c == ')').count();
            pending.append(line.replace("(", " ").replace(")", " ")).append(' ');
            if (open > 0) {
                continue;
            }
            String whole = pending.toString();
            pending.setLength(0);
            if (whole.isBlank() || whole.startsWith("$")) {
                continue;
            }
            List<String> words = new ArrayList<>(List.of(whole.strip().split("\\s+")));
            if (!Character.isWhitespace(whole.charAt(0))) {
                owner = absolute(words.remove(0), origin);
            }
            if (words.get(0).matches("\\d+")) {
                words.remove(0);
            }
            if (words.get(0).equals("IN")) {
                words.remove(0);
            }
            String type = words.remove(0);
            List<String> data = words.stream().map(w -> type.equals("SRV") || type.equals("CNAME") || type.equals("MX") || type.equals("NS")
                    ? (w.matches("\\d+") ? w : absolute(w, origin)) : w).toList();
            out.add(new Rr(owner, type, data));
        }
        return out;
    }

    private static String absolute(String name, String origin) {
        if (name.equals("@")) {
            return origin;
        }
        if (name.equals(".")) {
            return ".";
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name + "." + origin;
    }

    private static Optional<Rr> one(List<Rr> rrs, String owner, String type) {
        List<Rr> found = rrs.stream().filter(r -> r.owner().equals(owner) && r.type().equals(type)).toList();
        assertThat(found.size()).as(type + " records of " + owner).isLessThanOrEqualTo(1);
        return found.stream().findFirst();
    }

    private static Set<String> ingressTlsHosts() {
        Set<String> hosts = new TreeSet<>();
        JsonNode ingress = DeployFiles.only(DeployFiles.kubernetesObjects(DeployFiles.KUBERNETES), "Ingress");
        ingress.at("/spec/tls/0/hosts").forEach(h -> hosts.add(h.asText()));
        return hosts;
    }

    @Test
    void bothZones_areHere() throws IOException {
        assertThat(zones()).extracting(DnsZoneTest::origin).containsExactly("example.com", "example.org");
    }

    @ParameterizedTest
    @MethodSource("zones")
    void namedCheckzone_acceptsTheZone(Path zone) {
        Path checker = Tools.require("named-checkzone", "apt-get install bind9-utils (.ci/install-deploy-tools)");
        // -i local: SRV, MX and NS targets inside the zone must have addresses and be no alias;
        // nothing is looked up outside it (there is no DNS here). Each other check fails the zone.
        Tools.Result r = Tools.run(Path.of("."), checker.toString(), "-i", "local", "-k", "fail", "-m", "fail", "-M", "fail",
                "-S", "fail", "-n", "fail", "-r", "fail", origin(zone), zone.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("OK");
    }

    @ParameterizedTest
    @MethodSource("zones")
    void rfc6186Records_publishTheServersOfTheProviderFile_inItsOrder(Path zone) {
        Registry registry = Registries.load(DeployFiles.EXAMPLE_PROVIDERS);
        Provider provider = registry.providerFor(DomainName.parse(origin(zone))).orElseThrow().provider();
        Set<String> expected = new TreeSet<>();
        List<Server> servers = new ArrayList<>(provider.incoming());
        servers.addAll(provider.outgoing());
        for (Server s : servers) {
            expected.add(service(s) + " " + s.hostname() + ":" + s.port());
        }
        List<Rr> rrs = records(zone);
        Set<String> published = new TreeSet<>();
        for (Rr r : rrs) {
            if (r.type().equals("SRV") && !r.data().get(3).equals(".") && !r.owner().startsWith("_autodiscover.")) {
                published.add(r.owner().substring(0, r.owner().indexOf("._tcp.")) + " " + r.data().get(3) + ":" + r.data().get(2));
            }
        }
        assertThat(published).isEqualTo(expected);
        // RFC 6186 3.4: the lower SRV priority is the preferred of IMAP and POP3, as incoming[0] is in the file.
        IncomingServer first = provider.incoming().get(0);
        IncomingServer second = provider.incoming().get(1);
        int firstPriority = Integer.parseInt(one(rrs, service(first) + "._tcp." + origin(zone), "SRV").orElseThrow().data().get(0));
        int secondPriority = Integer.parseInt(one(rrs, service(second) + "._tcp." + origin(zone), "SRV").orElseThrow().data().get(0));
        assertThat(firstPriority).isLessThan(secondPriority);
        // What the provider does not offer is said to be not offered (target "."), not left to guessing.
        for (String plain : List.of("_imap", "_pop3")) {
            if (expected.stream().noneMatch(e -> e.startsWith(plain + " "))) {
                assertThat(one(rrs, plain + "._tcp." + origin(zone), "SRV").orElseThrow().data().get(3)).isEqualTo(".");
            }
        }
    }

    private static String service(Server s) {
        String base = switch (s.type()) {
            case "imap" -> "_imap";
            case "pop3" -> "_pop3";
            case "smtp" -> "_submission";
            default -> throw new AssertionError(s.type());
        };
        return s.security() == Security.TLS ? base + "s" : base;
    }

    @ParameterizedTest
    @MethodSource("zones")
    void autodiscoverSrv_andTheClientNames_leadToANameWithTheCertificate(Path zone) {
        Set<String> certified = ingressTlsHosts();
        assertThat(Set.copyOf(DeployFiles.nginxHttpsServerNames())).isEqualTo(certified);
        String publicHost = URI.create(DeployFiles.envFile(DeployFiles.read(DeployFiles.SYSTEMD_ENV)).get("MAILAUTOCONF_PUBLIC_URL")).getHost();
        List<Rr> rrs = records(zone);
        Rr srv = one(rrs, "_autodiscover._tcp." + origin(zone), "SRV").orElseThrow();
        assertThat(srv.data().get(2)).as("port").isEqualTo("443");
        assertThat(srv.data().get(3)).isIn(certified).isEqualTo(publicHost);
        for (String name : List.of("autoconfig", "autodiscover")) {
            String owner = name + "." + origin(zone);
            Optional<Rr> alias = one(rrs, owner, "CNAME");
            if (alias.isPresent()) {
                assertThat(alias.get().data().get(0)).isIn(certified);
            } else {
                assertThat(owner).isIn(certified);
                assertThat(one(rrs, owner, "A")).as("an address for " + owner).isPresent();
            }
        }
    }
}
