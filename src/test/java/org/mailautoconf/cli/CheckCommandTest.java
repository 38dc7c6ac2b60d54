package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.NamedServer;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.SiteCertificates;
import org.mailautoconf.testing.TlsFront;

/**
 * {@code mailautoconf check} against a real deployment on loopback: BIND's named serving zones
 * that {@code mailautoconf dns} wrote (then broken per case), nginx terminating TLS with
 * certificates of a CA made here, the real service behind it. Each case is its own mail domain
 * of one set-up, started once for the class.
 */
class CheckCommandTest {

    private static final String PUBLIC = "mailautoconf.example.net";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static NamedServer named;
    private static RunningService service;
    private static TlsFront front;
    private static Path registry;
    private static Path ca;

    private static String provider(String id, List<String> domains, String imapHost) {
        return """
                id: %s
                name: Example Mail
                shortName: Example
                domains: [%s]
                incoming:
                  - type: imap
                    hostname: %s
                    port: 993
                    security: tls
                    authentication: password-cleartext
                    login: "%%EMAILADDRESS%%"
                outgoing:
                  - type: smtp
                    hostname: mail.example.net
                    port: 465
                    security: tls
                    authentication: password-cleartext
                    login: "%%EMAILADDRESS%%"
                  - type: smtp
                    hostname: mail.example.net
                    port: 587
                    security: starttls
                    authentication: password-cleartext
                    login: "%%EMAILADDRESS%%"
                """.formatted(id, String.join(", ", domains), imapHost);
    }

    private static final List<String> DOMAINS = List.of("good.example", "soon.example", "noautoconfig.example", "nosrv.example",
            "wrongcname.example", "wrongcert.example", "expired.example", "httponly.example", "mxonly.example",
            "paccstale.example", "nopacctxt.example", "nopaccdoc.example", "paccrollover.example", "nopaccserved.example");

    /** The SHA-256 of some older PACC document: what a zone still publishes after the document changed. */
    private static final String OLD_DIGEST = sha256Base64("{\"protocols\":{}}");

    /** The TXT record `mailautoconf dns` wrote for paccstale.example, before the test made it stale. */
    private static String paccStaleRecord;

    @BeforeAll
    static void deploy() throws Exception {
        // The registry the check compares with, and the one the deployed service runs: they differ for stale.example only.
        registry = dir.resolve("providers");
        Registries.write(registry, "example.yaml", provider("example", DOMAINS, "mail.example.net"));
        Registries.write(registry, "stale.yaml", provider("stale", List.of("stale.example"), "mail.example.net"));
        Path deployed = dir.resolve("deployed");
        Registries.write(deployed, "example.yaml", provider("example",
                DOMAINS.stream().filter(d -> !d.equals("nopaccserved.example")).toList(), "mail.example.net"));
        Registries.write(deployed, "stale.yaml", provider("stale", List.of("stale.example"), "old-mail.example.net"));

        Path zones = Files.createDirectories(dir.resolve("zones"));
        Run dns = run("dns", "-p", registry.toString(), "--public-host", PUBLIC, "--nameserver", "ns.example.net", "-o", zones.toString(), "--all");
        assertThat(dns.status()).as(dns.err()).isZero();
        edit(zones.resolve("noautoconfig.example.zone"), "autoconfig.noautoconfig.example. 3600 IN CNAME " + PUBLIC + ".\n", "");
        edit(zones.resolve("wrongcname.example.zone"), "autoconfig.wrongcname.example. 3600 IN CNAME " + PUBLIC + ".",
                "autoconfig.wrongcname.example. 3600 IN CNAME www.example.net.");
        edit(zones.resolve("mxonly.example.zone"), "autoconfig.mxonly.example. 3600 IN CNAME " + PUBLIC + ".\n",
                "mxonly.example. 3600 IN MX 10 mail.example.net.\n");
        Path paccStale = zones.resolve("paccstale.example.zone");
        paccStaleRecord = Files.readAllLines(paccStale).stream().filter(l -> l.startsWith("_ua-auto-config.")).findFirst().orElseThrow();
        edit(paccStale, paccStaleRecord, paccStaleRecord.replaceAll("d=[A-Za-z0-9+/=]+", "d=" + OLD_DIGEST));
        Path noTxt = zones.resolve("nopacctxt.example.zone");
        Files.writeString(noTxt, String.join("\n", Files.readAllLines(noTxt).stream().filter(l -> !l.startsWith("_ua-auto-config.")).toList())
                + "\n");
        Path noDoc = zones.resolve("nopaccdoc.example.zone");
        Files.writeString(noDoc, String.join("\n", Files.readAllLines(noDoc).stream().filter(l -> !l.startsWith("ua-auto-config.")).toList())
                + "\n");
        // During a change: the old digest stays beside the new one (split in two strings, as long TXT data is).
        Files.writeString(zones.resolve("paccrollover.example.zone"), "_ua-auto-config.paccrollover.example. 3600 IN TXT \"v=UAAC1; a=sha\" \"256; d="
                + OLD_DIGEST + "\"\n", java.nio.file.StandardOpenOption.APPEND);
        Path nosrv = zones.resolve("nosrv.example.zone");
        Files.writeString(nosrv, String.join("\n", Files.readAllLines(nosrv).stream().filter(l -> !l.contains(" IN SRV ")).toList()) + "\n");
        Files.writeString(zones.resolve("example.net.zone"), """
                $ORIGIN example.net.
                $TTL 3600
                @ IN SOA ns.example.net. hostmaster.example.net. ( 1 7200 3600 1209600 3600 )
                @ IN NS ns.example.net.
                ns IN A 127.0.0.1
                mailautoconf IN A 127.0.0.1
                mail IN A 127.0.0.1
                www IN A 127.0.0.2
                autoconfig IN CNAME mailautoconf.example.net.
                """);
        Map<String, Path> served = new LinkedHashMap<>();
        served.put("example.net", zones.resolve("example.net.zone"));
        for (String d : DOMAINS) {
            served.put(d, zones.resolve(d + ".zone"));
        }
        served.put("stale.example", zones.resolve("stale.example.zone"));
        named = NamedServer.start(Files.createDirectories(dir.resolve("named")), served);

        service = RunningService.start(ServiceConfig.defaults().withPort(0).withProvidersDir(deployed)
                .withPublicBaseUrl(Optional.of(URI.create("https://" + PUBLIC))).withCacheBytes(1L << 20));

        SiteCertificates pki = new SiteCertificates("Check Test CA");
        Path certs = Files.createDirectories(dir.resolve("certs"));
        ca = pki.writeCa(dir.resolve("ca.pem"));
        List<String> served443 = new ArrayList<>(List.of(PUBLIC, "autoconfig.example.net"));
        for (String d : List.of("good.example", "noautoconfig.example", "nosrv.example", "wrongcname.example", "stale.example")) {
            served443.add("autoconfig." + d);
            served443.add("autodiscover." + d);
        }
        for (String d : List.of("good.example", "stale.example", "paccstale.example", "nopacctxt.example", "paccrollover.example",
                "nopaccserved.example")) {
            served443.add("ua-auto-config." + d);
        }
        Instant now = Instant.now();
        front = TlsFront.start(Files.createDirectories(dir.resolve("nginx")), service.port(), List.of(
                new TlsFront.Site(served443, pki.issue(certs, "service", served443, 60)),
                new TlsFront.Site(List.of("autoconfig.soon.example", "autodiscover.soon.example"),
                        pki.issue(certs, "soon", List.of("autoconfig.soon.example", "autodiscover.soon.example"), 10)),
                new TlsFront.Site(List.of("autoconfig.wrongcert.example", "autodiscover.wrongcert.example"),
                        pki.issue(certs, "wrongcert", List.of("www.example.net"), 60)),
                new TlsFront.Site(List.of("autoconfig.expired.example", "autodiscover.expired.example"),
                        pki.issue(certs, "expired", List.of("autoconfig.expired.example", "autodiscover.expired.example"),
                                now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(1))))));
    }

    @AfterAll
    static void stop() throws Exception {
        if (front != null) {
            front.close();
        }
        if (service != null) {
            service.close();
        }
        if (named != null) {
            named.close();
        }
    }

    private static String sha256Base64(String text) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static void edit(Path file, String what, String with) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(what);
        Files.writeString(file, text.replace(what, with));
    }

    record Run(int status, String out, String err, Duration took) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        long start = System.nanoTime();
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static Run check(String address, String... more) {
        List<String> args = new ArrayList<>(List.of("check", address, "-p", registry.toString(), "--resolver", named.address(),
                "--connect", "127.0.0.1:" + front.httpsPort(), "--connect-http", "127.0.0.1:" + front.httpPort(), "--ca", ca.toString(),
                "--public-host", PUBLIC, "--timeout", "3"));
        args.addAll(List.of(more));
        Run r = run(args.toArray(String[]::new));
        // The address goes where clients send it, never into the report (terminals, monitoring).
        assertThat(r.out()).doesNotContain(address.substring(0, address.indexOf('@') + 1));
        return r;
    }

    private static JsonNode client(JsonNode report, String client) {
        return StreamSupport.stream(report.get("clients").spliterator(), false).filter(c -> c.get("client").asText().equals(client))
                .findFirst().orElseThrow(() -> new AssertionError("no client " + client + " in " + report.toPrettyString()));
    }

    private static JsonNode step(JsonNode report, String client, String step) {
        return StreamSupport.stream(client(report, client).get("steps").spliterator(), false).filter(s -> s.get("step").asText().equals(step))
                .findFirst().orElseThrow(() -> new AssertionError("no step " + step + " of " + client + " in " + report.toPrettyString()));
    }

    private static String verdict(JsonNode report, String client) {
        return client(report, client).get("verdict").asText();
    }

    @Test
    void everythingRight_everyClientWorks_exitZero() throws Exception {
        Run r = check("mario.rossi@good.example", "--json");

        JsonNode report = r.json();
        assertThat(r.status()).as(report.toPrettyString() + r.err()).isZero();
        for (String c : List.of("thunderbird", "thunderbird-android", "outlook", "autodetect", "apple", "rfc6186", "pacc")) {
            assertThat(verdict(report, c)).as(c).isEqualTo("works");
        }
        JsonNode first = step(report, "thunderbird", "https autoconfig.good.example");
        assertThat(first.get("acceptedByClient").asBoolean()).isTrue();
        assertThat(first.get("equalsRegistry").asBoolean()).isTrue();
        assertThat(first.get("asked").asText()).isEqualTo("GET https://autoconfig.good.example/mail/config-v1.1.xml?emailaddress=<address>");
        // Outlook's root-domain POST fails (no address for good.example), then autodiscover. answers.
        assertThat(step(report, "outlook", "https good.example").get("works").asBoolean()).isFalse();
        assertThat(step(report, "outlook", "https autodiscover.good.example").get("equalsRegistry").asBoolean()).isTrue();
        // AutoDetect's JSON names the public URL, where the POST is answered.
        assertThat(step(report, "autodetect", "v2 JSON at https://autodiscover.good.example").get("asked").asText())
                .isEqualTo("GET https://autodiscover.good.example/autodiscover/autodiscover.json?Email=<address>&Protocol=AutodiscoverV1"
                        + "&RedirectCount=1, then POST https://" + PUBLIC + "/autodiscover/autodiscover.xml");
        assertThat(step(report, "rfc6186", "_imaps._tcp.good.example").get("got").asText()).isEqualTo("mail.example.net:993");
        // PACC: the document's SHA-256 is published.
        assertThat(client(report, "pacc").get("summary").asText())
                .isEqualTo("takes the document from ua-auto-config.good.example: its SHA-256 is published");
        JsonNode doc = step(report, "pacc", "document at https ua-auto-config.good.example");
        assertThat(doc.get("asked").asText()).isEqualTo("GET https://ua-auto-config.good.example/.well-known/user-agent-configuration.json");
        assertThat(doc.get("equalsRegistry").asBoolean()).as("the same bytes").isTrue();
        JsonNode digest = step(report, "pacc", "digest at TXT _ua-auto-config.good.example");
        assertThat(digest.get("got").asText()).startsWith("d=").endsWith("; one is the SHA-256 of the document served");
        assertThat(digest.get("works").asBoolean()).isTrue();

        assertThat(report.toString()).doesNotContain("mario.rossi");
    }

    @Test
    void textReport_saysClientByClientThatItWorks() {
        Run r = check("mario.rossi@good.example");

        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Thunderbird: works (configures itself from https autoconfig.good.example)")
                .contains("Apple devices: works").contains("Every client that the provider supports can configure itself.");
    }

    @Test
    void certificateEndingWithin21Days_isNamed_butWorks() throws Exception {
        Run r = check("mario.rossi@soon.example", "--json");

        JsonNode report = r.json();
        assertThat(verdict(report, "thunderbird")).isEqualTo("works");
        assertThat(step(report, "thunderbird", "https autoconfig.soon.example").get("notes").toString())
                .contains("the certificate for autoconfig.soon.example expires on").contains("renew it");
    }

    @Test
    void noAutoconfigRecord_isFound_withTheRecordToPublish() throws Exception {
        Run r = check("mario.rossi@noautoconfig.example", "--json");

        JsonNode report = r.json();
        assertThat(r.status()).isEqualTo(1);
        JsonNode s = step(report, "thunderbird-android", "https autoconfig.noautoconfig.example");
        assertThat(s.get("got").asText()).isEqualTo("autoconfig.noautoconfig.example does not exist (NXDOMAIN)");
        assertThat(s.get("fix").asText()).isEqualTo("publish `autoconfig.noautoconfig.example. 3600 IN CNAME " + PUBLIC + ".`");
        assertThat(verdict(report, "thunderbird-android")).isEqualTo("fails");
        // Thunderbird desktop still finds the settings, through its Exchange path.
        assertThat(client(report, "thunderbird").get("summary").asText())
                .isEqualTo("configures itself from Exchange: https autodiscover.noautoconfig.example");
    }

    @Test
    void noAutoconfigRecord_butAnMxAtTheOperator_thunderbirdFindsItThroughTheMx() throws Exception {
        Run r = check("mario.rossi@mxonly.example", "--json");

        JsonNode report = r.json();
        assertThat(client(report, "thunderbird").get("summary").asText())
                .isEqualTo("configures itself from MX mail.example.net: https autoconfig.example.net");
        assertThat(step(report, "thunderbird", "MX mail.example.net: https autoconfig.example.net").get("asked").asText())
                .isEqualTo("GET https://autoconfig.example.net/mail/config-v1.1.xml?emailaddress=<address>");
        // Without the address (Thunderbird for Android sends none), autoconfig.example.net answers for example.net: nothing.
        JsonNode android = step(report, "thunderbird-android", "MX mail.example.net: https autoconfig.example.net");
        assertThat(android.get("acceptedByClient").asBoolean()).isFalse();
        assertThat(android.get("got").asText()).startsWith("404 ");
        assertThat(verdict(report, "thunderbird-android")).isEqualTo("fails");
    }

    @Test
    void srvMissing_failsTheRfc6186Clients_only() throws Exception {
        Run r = check("mario.rossi@nosrv.example", "--json");

        JsonNode report = r.json();
        assertThat(r.status()).isEqualTo(1);
        assertThat(verdict(report, "rfc6186")).isEqualTo("fails");
        JsonNode imaps = step(report, "rfc6186", "_imaps._tcp.nosrv.example");
        assertThat(imaps.get("got").asText()).isEqualTo("no SRV record");
        assertThat(imaps.get("fix").asText()).isEqualTo("publish `_imaps._tcp.nosrv.example. 3600 IN SRV 0 1 993 mail.example.net.`");
        assertThat(step(report, "rfc6186", "_imap._tcp.nosrv.example").get("works").asBoolean()).as("not offered, not published").isTrue();
        assertThat(verdict(report, "outlook")).isEqualTo("works");
        assertThat(verdict(report, "thunderbird")).isEqualTo("works");
    }

    @Test
    void cnameToAWrongHost_isFound_thoughTheConnectionGoesToTheTestAddress() throws Exception {
        Run r = check("mario.rossi@wrongcname.example", "--json");

        JsonNode report = r.json();
        assertThat(r.status()).isEqualTo(1);
        JsonNode s = step(report, "thunderbird-android", "https autoconfig.wrongcname.example");
        assertThat(s.get("got").asText()).isEqualTo("autoconfig.wrongcname.example leads to www.example.net [127.0.0.2], not to "
                + PUBLIC + " [127.0.0.1]");
        assertThat(s.get("fix").asText()).isEqualTo("publish `autoconfig.wrongcname.example. 3600 IN CNAME " + PUBLIC + ".`");
        assertThat(verdict(report, "thunderbird-android")).isEqualTo("fails");
        assertThat(verdict(report, "apple")).as("Apple's page is at autoconfig. too").isEqualTo("fails");
    }

    @Test
    void certificateForTheWrongName_isNamed() throws Exception {
        Run r = check("mario.rossi@wrongcert.example", "--json");

        JsonNode report = r.json();
        assertThat(r.status()).isEqualTo(1);
        JsonNode s = step(report, "apple", "setup page");
        assertThat(s.get("got").asText()).isEqualTo("the certificate served for autoconfig.wrongcert.example does not name it (it names www.example.net)");
        assertThat(s.get("fix").asText()).isEqualTo("serve a certificate that names autoconfig.wrongcert.example (add it to the certificate's names)");
        assertThat(verdict(report, "apple")).isEqualTo("fails");
        // Outlook's HTTP redirect method sends it to the public name, whose certificate is right.
        assertThat(client(report, "outlook").get("summary").asText())
                .isEqualTo("configures itself from HTTP redirect from http://autodiscover.wrongcert.example");
    }

    @Test
    void expiredCertificate_isNamed() throws Exception {
        Run r = check("mario.rossi@expired.example", "--json");

        JsonNode report = r.json();
        assertThat(r.status()).isEqualTo(1);
        JsonNode s = step(report, "thunderbird", "https autoconfig.expired.example");
        assertThat(s.get("got").asText()).startsWith("the certificate served for autoconfig.expired.example expired on ");
        assertThat(s.get("fix").asText()).isEqualTo("renew the certificate for autoconfig.expired.example");
        assertThat(verdict(report, "apple")).isEqualTo("fails");
    }

    @Test
    void httpOnly_thunderbirdWorksOverHttp_withANote_appleFails() throws Exception {
        Run r = check("mario.rossi@httponly.example", "--json");

        JsonNode report = r.json();
        assertThat(r.status()).isEqualTo(1);
        assertThat(client(report, "thunderbird").get("summary").asText()).isEqualTo("configures itself from http autoconfig.httponly.example");
        assertThat(step(report, "thunderbird", "http autoconfig.httponly.example").get("notes").toString()).contains("plain http");
        assertThat(step(report, "thunderbird", "https autoconfig.httponly.example").get("got").asText())
                .startsWith("TLS with autoconfig.httponly.example failed");
        assertThat(verdict(report, "apple")).isEqualTo("fails");
        // Outlook's HTTP redirect method leads to the public name, which has https.
        assertThat(client(report, "outlook").get("summary").asText()).isEqualTo("configures itself from HTTP redirect from http://autodiscover.httponly.example");
    }

    @Test
    void anAnswerThatDiffersFromTheRegistry_failsTheClientsThatWouldTakeIt() throws Exception {
        Run r = check("mario.rossi@stale.example", "--json");

        JsonNode report = r.json();
        assertThat(r.status()).isEqualTo(1);
        JsonNode s = step(report, "thunderbird", "https autoconfig.stale.example");
        assertThat(s.get("acceptedByClient").asBoolean()).isTrue();
        assertThat(s.get("equalsRegistry").asBoolean()).isFalse();
        assertThat(s.get("fix").asText()).isEqualTo("incoming server 1 is imap old-mail.example.net:993 SSL user <address>, this registry"
                + " says imap mail.example.net:993 SSL user <address>: deploy this registry at autoconfig.stale.example");
        assertThat(client(report, "thunderbird").get("summary").asText())
                .isEqualTo("would configure itself from https autoconfig.stale.example, which answers differently from this registry");
        assertThat(report.toString()).doesNotContain("mario.rossi");
        for (String c : List.of("thunderbird", "thunderbird-android", "outlook", "autodetect", "apple")) {
            assertThat(verdict(report, c)).as(c).isEqualTo("fails");
        }
        assertThat(verdict(report, "rfc6186")).as("the zone was written from the registry").isEqualTo("works");
        // PACC: the zone has this registry's digest, the service serves the old document, which clients therefore reject.
        assertThat(verdict(report, "pacc")).isEqualTo("fails");
        JsonNode doc = step(report, "pacc", "document at https ua-auto-config.stale.example");
        assertThat(doc.get("equalsRegistry").asBoolean()).isFalse();
        assertThat(doc.get("fix").asText()).isEqualTo("the document served has protocols.imap.host \"old-mail.example.net\", this registry"
                + " says \"mail.example.net\": deploy this registry at ua-auto-config.stale.example");
        JsonNode digest = step(report, "pacc", "digest at TXT _ua-auto-config.stale.example");
        assertThat(digest.get("acceptedByClient").asBoolean()).isFalse();
        assertThat(digest.get("equalsRegistry").asBoolean()).isTrue();
        assertThat(digest.get("fix").asText()).isEqualTo("the document served is not this registry's: deploy this registry at"
                + " ua-auto-config.stale.example");
        assertThat(client(report, "pacc").get("summary").asText()).isEqualTo("rejects the document: no published digest is its SHA-256");
    }

    /** The check of an address at {@code domain}: exit 1, PACC clients fail, and why in the client's summary. */
    private static JsonNode paccFails(String domain, String summary) throws Exception {
        Run r = check("mario.rossi@" + domain, "--json");
        JsonNode report = r.json();
        assertThat(r.status()).isEqualTo(1);
        assertThat(verdict(report, "pacc")).isEqualTo("fails");
        assertThat(client(report, "pacc").get("summary").asText()).isEqualTo(summary);
        return report;
    }

    @Test
    void paccDigestStale_theClientRejectsTheDocument_andTheFixPublishesTheNewDigestBesideTheOld() throws Exception {
        JsonNode report = paccFails("paccstale.example", "rejects the document: no published digest is its SHA-256");
        assertThat(step(report, "pacc", "document at https ua-auto-config.paccstale.example").get("works").asBoolean()).isTrue();
        JsonNode digest = step(report, "pacc", "digest at TXT _ua-auto-config.paccstale.example");
        String current = paccStaleRecord.substring(paccStaleRecord.indexOf("d=") + 2, paccStaleRecord.lastIndexOf('"'));
        assertThat(digest.get("got").asText()).isEqualTo("d=" + OLD_DIGEST + "; none is the SHA-256 of the document served (" + current + ")");
        assertThat(digest.get("acceptedByClient").asBoolean()).isFalse();
        assertThat(digest.get("equalsRegistry").asBoolean()).isFalse();
        assertThat(digest.get("fix").asText()).isEqualTo("publish `_ua-auto-config.paccstale.example. 3600 IN TXT \"v=UAAC1; a=sha256; d="
                + current + "\"` beside the records there now, until clients' cached documents have expired (docs/dns.md)");
    }

    @Test
    void paccNoTxtRecord_theClientRejectsTheDocument_andTheFixIsTheRecord() throws Exception {
        JsonNode report = paccFails("nopacctxt.example", "rejects the document: _ua-auto-config.nopacctxt.example publishes no digest");
        JsonNode digest = step(report, "pacc", "digest at TXT _ua-auto-config.nopacctxt.example");
        assertThat(digest.get("got").asText()).isEqualTo("_ua-auto-config.nopacctxt.example does not exist (NXDOMAIN)");
        assertThat(digest.get("fix").asText()).startsWith("publish `_ua-auto-config.nopacctxt.example. 3600 IN TXT \"v=UAAC1; a=sha256; d=")
                .endsWith("\"`");
    }

    /** The check at {@code domain}, where PACC clients find no document. */
    private static JsonNode paccNoDocument(String domain) throws Exception {
        return paccFails(domain, "finds no document at https://ua-auto-config." + domain + "/.well-known/user-agent-configuration.json");
    }

    @Test
    void paccNoDocument_noName_theFixIsTheName() throws Exception {
        JsonNode report = paccNoDocument("nopaccdoc.example");
        JsonNode doc = step(report, "pacc", "document at https ua-auto-config.nopaccdoc.example");
        assertThat(doc.get("got").asText()).isEqualTo("ua-auto-config.nopaccdoc.example does not exist (NXDOMAIN)");
        assertThat(doc.get("fix").asText()).isEqualTo("publish `ua-auto-config.nopaccdoc.example. 3600 IN CNAME " + PUBLIC + ".`");
        JsonNode digest = step(report, "pacc", "digest at TXT _ua-auto-config.nopaccdoc.example");
        assertThat(digest.get("got").asText()).endsWith("; no document to compare");
        assertThat(digest.get("equalsRegistry").asBoolean()).as("the registry's digest is published").isTrue();
        assertThat(digest.get("acceptedByClient").asBoolean()).isFalse();
    }

    @Test
    void paccNoDocument_theServiceAnswers404() throws Exception {
        JsonNode doc = step(paccNoDocument("nopaccserved.example"), "pacc", "document at https ua-auto-config.nopaccserved.example");
        assertThat(doc.get("got").asText()).startsWith("404 ");
        assertThat(doc.get("fix").asText()).isEqualTo("serve this registry's PACC document at"
                + " https://ua-auto-config.nopaccserved.example/.well-known/user-agent-configuration.json (mailautoconf answers it on that name)");
    }

    @Test
    void paccOldAndNewDigestPublished_duringAChange_works_withANote() throws Exception {
        Run r = check("mario.rossi@paccrollover.example", "--json");

        JsonNode report = r.json();
        assertThat(verdict(report, "pacc")).isEqualTo("works");
        JsonNode digest = step(report, "pacc", "digest at TXT _ua-auto-config.paccrollover.example");
        assertThat(digest.get("got").asText()).contains("d=" + OLD_DIGEST);
        assertThat(digest.get("notes").toString()).contains("2 digests published");
    }

    @Test
    void noRequest_carriesCredentials_notEvenTheAutodiscoverPosts() throws Exception {
        List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        try (java.net.ServerSocket recorder = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> record(recorder, requests));
            t.start();
            String at = "127.0.0.1:" + recorder.getLocalPort();
            Run r = run("check", "mario.rossi@good.example", "-p", registry.toString(), "--resolver", named.address(), "--connect", at,
                    "--connect-http", at, "--timeout", "2", "--json");
            assertThat(r.status()).as(r.err()).isEqualTo(1);
            recorder.close();
            t.join(5000);
        }
        assertThat(requests).as("the plain-http requests the recorder read").anyMatch(h -> h.startsWith("POST /autodiscover/autodiscover.xml "))
                .anyMatch(h -> h.startsWith("GET /mail/config-v1.1.xml?emailaddress=mario.rossi%40good.example "));
        assertThat(requests).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).contains("authorization"));
    }

    /** Reads each request head (https handshakes are not HTTP and get nothing), answers 404. */
    private static void record(java.net.ServerSocket server, List<String> heads) {
        while (!server.isClosed()) {
            try (java.net.Socket s = server.accept()) {
                s.setSoTimeout(1000);
                StringBuilder head = new StringBuilder();
                var in = s.getInputStream();
                for (int b = in.read(); b >= 0 && head.indexOf("\r\n\r\n") < 0; b = in.read()) {
                    head.append((char) b);
                    if (head.indexOf("\r\n\r\n") >= 0) {
                        break;
                    }
                }
                if (head.toString().matches("(?s)^(GET|POST) .*")) {
                    heads.add(head.toString());
                    s.getOutputStream().write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                }
            } catch (java.io.IOException e) {
                // a TLS client hello that never ends a head, or the recorder closing: next
            }
        }
    }

    @Test
    void dnsServerDown_saysSoWithinTheTimeout() {
        int nothing = NamedServer.freePort();
        Run r = run("check", "mario.rossi@good.example", "-p", registry.toString(), "--resolver", "127.0.0.1:" + nothing, "--timeout", "1");

        assertThat(r.status()).isEqualTo(4);
        assertThat(r.err()).startsWith("mailautoconf: the DNS server 127.0.0.1:" + nothing + " did not answer for good.example SOA")
                .contains("nothing else was checked");
        assertThat(r.took()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anAddressNoProviderServes_exitsThree() {
        Run r = check("someone@nowhere.example");

        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("no provider serves nowhere.example");
    }
}
