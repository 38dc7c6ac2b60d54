package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.testing.Registries;

/** {@code mailautoconf dns}: what it prints for the shipped providers, and that BIND's checker accepts it. */
class DnsCommandTest {

    private static final String PUBLIC = "mailautoconf.example.net";

    @TempDir
    Path dir;

    private static CheckCommandTest.Run dns(String... args) {
        String[] all = Stream.concat(Stream.of("dns", "-p", Registries.SHIPPED.toString()), Stream.of(args)).toArray(String[]::new);
        return CheckCommandTest.run(all);
    }

    /** named-checkzone with every check failing the zone; SRV and NS targets inside it must have addresses. */
    private static String checkzone(String origin, Path zone) throws IOException, InterruptedException {
        Path checker = Stream.of("/usr/bin/named-checkzone", "/usr/sbin/named-checkzone").map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("named-checkzone is not installed: run .ci/install-dns (apt-get install bind9-utils)"));
        Process p = new ProcessBuilder(checker.toString(), "-i", "local", "-k", "fail", "-m", "fail", "-M", "fail", "-S", "fail", "-n", "fail",
                "-r", "fail", origin, zone.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(zone + ":\n" + Files.readString(zone) + "\n" + output).isZero();
        return output;
    }

    @Test
    void completeZones_ofEveryShippedDomain_passNamedCheckzone() throws Exception {
        CheckCommandTest.Run r = dns("--all", "--public-host", PUBLIC, "--nameserver", "ns1.example.net", "-o", dir.toString());

        assertThat(r.status()).as(r.err()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> zones = files.sorted().toList();
            assertThat(zones).extracting(z -> z.getFileName().toString()).contains("polito.it.zone", "hln.it.zone", "timpec.it.zone");
            for (Path zone : zones) {
                assertThat(checkzone(zone.getFileName().toString().replaceFirst("\\.zone$", ""), zone)).contains("OK");
            }
        }
    }

    @Test
    void aFragment_pastedIntoAZone_passesNamedCheckzone_andNamesTheClientsOfEachRecord() throws Exception {
        CheckCommandTest.Run r = dns("polito.it", "--public-host", PUBLIC);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain(" SOA ").contains("$ORIGIN polito.it.\n")
                .contains("; read by: Thunderbird, Thunderbird for Android, FairEmail, KMail, Geary, Apple devices (the setup page)\n"
                        + "autoconfig.polito.it. 3600 IN CNAME mailautoconf.example.net.\n")
                .contains("autodiscover.polito.it. 3600 IN CNAME mailautoconf.example.net.\n")
                .contains("; read by: Outlook, Thunderbird (Exchange path)\n_autodiscover._tcp.polito.it. 3600 IN SRV 0 0 443 mailautoconf.example.net.\n")
                .contains("_imaps._tcp.polito.it. 3600 IN SRV 0 1 993 mail.polito.it.\n")
                .contains("_pop3s._tcp.polito.it. 3600 IN SRV 10 1 995 mail.polito.it.\n")
                .contains("_submissions._tcp.polito.it. 3600 IN SRV 0 1 465 mail.polito.it.\n")
                .contains("_imap._tcp.polito.it. 3600 IN SRV 0 0 0 .\n")
                .contains("_submission._tcp.polito.it. 3600 IN SRV 0 0 0 .\n");
        Path zone = Files.writeString(dir.resolve("polito.it.zone"), "$TTL 3600\n"
                + "polito.it. IN SOA ns1.example.net. hostmaster.polito.it. ( 1 7200 3600 1209600 3600 )\npolito.it. IN NS ns1.example.net.\n"
                + r.out());
        checkzone("polito.it", zone);
    }

    @Test
    void withAddresses_theNamesGetAAndAaaaRecords_notAliases() throws Exception {
        CheckCommandTest.Run r = dns("hln.it", "--public-host", PUBLIC, "--address", "192.0.2.80", "--address", "2001:db8::80",
                "--nameserver", "ns1.example.net");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("autoconfig.hln.it. 3600 IN A 192.0.2.80\n").contains("autoconfig.hln.it. 3600 IN AAAA 2001:db8::80\n")
                .contains("autodiscover.hln.it. 3600 IN A 192.0.2.80\n").doesNotContain("CNAME");
        checkzone("hln.it", Files.writeString(dir.resolve("hln.it.zone"), r.out()));
    }

    @Test
    void json_spellsOutEachRecord() throws Exception {
        CheckCommandTest.Run r = dns("polito.it", "--public-url", "https://" + PUBLIC + "/", "--format", "json");

        assertThat(r.status()).as(r.err()).isZero();
        JsonNode plan = new ObjectMapper().readTree(r.out()).get(0);
        assertThat(plan.get("domain").asText()).isEqualTo("polito.it");
        assertThat(plan.get("provider").asText()).isEqualTo("polito");
        assertThat(plan.get("hosted").asBoolean()).isFalse();
        JsonNode imaps = plan.get("records").get(3);
        assertThat(imaps.get("name").asText()).isEqualTo("_imaps._tcp.polito.it");
        assertThat(imaps.get("type").asText()).isEqualTo("SRV");
        assertThat(imaps.get("port").asInt()).isEqualTo(993);
        assertThat(imaps.get("target").asText()).isEqualTo("mail.polito.it");
        assertThat(imaps.get("clients").toString()).contains("FairEmail");
        assertThat(plan.get("records").get(0).get("target").asText()).as("the host of --public-url").isEqualTo(PUBLIC);
    }

    @Test
    void aHostedCustomerDomain_getsTheOperatorsNames_andItsOwnServerNames() throws Exception {
        Registries.write(dir, "hoster.yaml", """
                id: hoster
                name: Hoster
                domains: [hoster.example]
                incoming:
                  - type: imap
                    hostname: imap.%EMAILDOMAIN%
                    port: 993
                    security: tls
                    authentication: password-cleartext
                    login: "%EMAILADDRESS%"
                outgoing:
                  - type: smtp
                    hostname: smtp.hoster.example
                    port: 465
                    security: tls
                    authentication: password-cleartext
                    login: "%EMAILADDRESS%"
                """);
        CheckCommandTest.Run r = CheckCommandTest.run("dns", "-p", dir.toString(), "--default-provider", "hoster", "--public-host", PUBLIC,
                "customer.example");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("; A customer domain the operator serves: the customer adds these records")
                .contains("autoconfig.customer.example. 3600 IN CNAME mailautoconf.example.net.\n")
                .contains("_imaps._tcp.customer.example. 3600 IN SRV 0 1 993 imap.customer.example.\n")
                .contains("_submissions._tcp.customer.example. 3600 IN SRV 0 1 465 smtp.hoster.example.\n");
    }

    @Test
    void aDomainNoProviderServes_exitsThree_andNoPublicHostOrABadTtl_exitsTwo() {
        CheckCommandTest.Run unknown = dns("nowhere.example", "--public-host", PUBLIC);
        assertThat(unknown.status()).isEqualTo(3);
        assertThat(unknown.err()).contains("no provider serves nowhere.example");

        CheckCommandTest.Run noHost = CheckCommandTest.run("dns", "-p", Registries.SHIPPED.toString(), "polito.it", "--public-url", "");
        assertThat(noHost.status()).isEqualTo(2);
        assertThat(noHost.err()).contains("give --public-host NAME");

        CheckCommandTest.Run badTtl = dns("polito.it", "--public-host", PUBLIC, "--ttl", "-1");
        assertThat(badTtl.status()).isEqualTo(2);
        assertThat(badTtl.err()).contains("--ttl is a number of seconds");
    }

    @Test
    void aFormatOtherThanZoneOrJson_exits2_namingIt() {
        CliRun r = CliRun.run("dns", "-p", Registries.SHIPPED.toString(), "polito.it", "--public-host", PUBLIC, "--format", "yaml");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("mailautoconf: --format is zone or json, was yaml");
    }

    @Test
    void domainsAndAllTogether_exit2() {
        CliRun r = CliRun.run("dns", "-p", Registries.SHIPPED.toString(), "polito.it", "--all", "--public-host", PUBLIC);
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("mailautoconf: name the domains, or give --all (not both)");
    }

    @Test
    void aPublicHostThatIsNotADomainName_exits2_sayingWhy() {
        CliRun r = CliRun.run("dns", "-p", Registries.SHIPPED.toString(), "polito.it", "--public-host", "bad..example.net");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("mailautoconf: a domain name has no empty labels (\"..\")");
    }
}
