package org.mailautoconf.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mailautoconf.testing.TestProcess;

/**
 * A throw-away OpenLDAP {@code slapd} (Debian's, installed by .ci/install-directory): a slapd.conf
 * with the mdb backend in a temporary directory, the tree loaded by {@code slapadd}, listening
 * on {@code ldap://127.0.0.1:PORT/} only, in the foreground so the test owns the process.
 */
public final class Slapd implements AutoCloseable {

    public static final String SUFFIX = "dc=uni,dc=example";
    public static final String SERVICE_DN = "cn=mailautoconf,ou=services," + SUFFIX;
    public static final String SERVICE_PASSWORD = "svc-Secret-42";

    private final Process process;
    public final int port;

    private Slapd(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Slapd start(Path dir, String ldif) throws IOException, InterruptedException {
        Path db = Files.createDirectories(dir.resolve("db"));
        Path conf = dir.resolve("slapd.conf");
        Files.writeString(conf, String.join("\n",
                "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema",
                "include /etc/ldap/schema/inetorgperson.schema",
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "pidfile " + dir.resolve("slapd.pid"),
                "access to attrs=userPassword by anonymous auth by * none",
                "access to * by dn.exact=\"" + SERVICE_DN + "\" read by * none",
                "database mdb",
                "maxsize 10485760",
                "suffix \"" + SUFFIX + "\"",
                "rootdn \"cn=admin," + SUFFIX + "\"",
                "directory " + db,
                ""), StandardCharsets.UTF_8);
        Path data = dir.resolve("tree.ldif");
        Files.writeString(data, ldif, StandardCharsets.UTF_8);
        Process add = new ProcessBuilder("/usr/sbin/slapadd", "-f", conf.toString(), "-l", data.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("slapadd.log").toFile()).start();
        if (!add.waitFor(30, TimeUnit.SECONDS) || add.exitValue() != 0) {
            throw new AssertionError("slapadd failed: " + Files.readString(dir.resolve("slapadd.log")));
        }
        int port = LocalPorts.free();
        Process p = new ProcessBuilder("/usr/sbin/slapd", "-f", conf.toString(), "-h", "ldap://127.0.0.1:" + port + "/",
                "-d", "0").redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
        try {
            LocalPorts.awaitListening(port, Duration.ofSeconds(20), p);
        } catch (AssertionError e) {
            p.destroyForcibly();
            throw new AssertionError(e.getMessage() + ": " + Files.readString(dir.resolve("slapd.log")));
        }
        return new Slapd(p, port);
    }

    public static String entries(List<String> entries) {
        return String.join("\n\n", entries) + "\n";
    }

    /** The suffix, ou=people, ou=services and the service's own entry with its password, then {@code people}. */
    public static String tree(String organisation, List<String> people) {
        List<String> all = new java.util.ArrayList<>(List.of(
                "dn: " + SUFFIX + "\nobjectClass: dcObject\nobjectClass: organization\ndc: uni\no: " + organisation,
                "dn: ou=people," + SUFFIX + "\nobjectClass: organizationalUnit\nou: people",
                "dn: ou=services," + SUFFIX + "\nobjectClass: organizationalUnit\nou: services",
                "dn: " + SERVICE_DN + "\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\n"
                        + "cn: mailautoconf\nuserPassword: " + SERVICE_PASSWORD));
        all.addAll(people);
        return entries(all);
    }

    /** Halnet's customers: one, whose SMTP login hn-000417 is not derived from the address. */
    public static Slapd halnet(Path dir) throws IOException, InterruptedException {
        return start(dir, tree("Halnet", List.of("dn: uid=hn-000417,ou=people," + SUFFIX
                + "\nobjectClass: inetOrgPerson\nuid: hn-000417\ncn: Iuri Turchi\nsn: Turchi\nmail: iuriturchi@hln.it")));
    }

    /** A copy of the shipped providers whose halnet.yaml takes its SMTP logins from source {@code customers}. */
    public static Path halnetProviders(Path dir) throws IOException {
        Path providers = org.mailautoconf.testing.Registries.copyShipped(dir);
        Path halnet = providers.resolve("halnet.yaml");
        Files.writeString(halnet, Files.readString(halnet) + "\ndirectory:\n  source: customers\n  supplies: [outgoingLogin]\n");
        return providers;
    }

    /** A directories file in {@code conf} whose source {@code customers} is this tree on {@code port}, login from {@code attribute}. */
    public static Path customersFile(Path conf, int port, String attribute, String extraSources) throws IOException {
        Files.createDirectories(conf);
        Files.writeString(conf.resolve("bind.secret"), SERVICE_PASSWORD);
        Path file = conf.resolve("directories.yaml");
        Files.writeString(file, """
                sources:
                  customers:
                    type: ldap
                    url: ldap://127.0.0.1:%d
                    bindDn: %s
                    passwordFile: bind.secret
                    baseDn: ou=people,%s
                    filter: (mail={address})
                    attributes: {outgoingLogin: %s}
                """.formatted(port, SERVICE_DN, SUFFIX, attribute) + extraSources);
        return file;
    }

    /** Throws no InterruptedException, which each try-with-resources would have to handle (javac's -Xlint:try). */
    @Override
    public void close() {
        TestProcess.stop(process);
    }
}
