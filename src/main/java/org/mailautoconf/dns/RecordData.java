package org.mailautoconf.dns;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The data of one resource record, as the types a record plan needs: addresses and aliases for
 * the service's names, SRV for RFC 6186/6764 and Autodiscover, TXT for PACC's digest.
 */
public sealed interface RecordData {

    /** The record type's mnemonic: {@code A}, {@code CNAME}, {@code SRV}... */
    String type();

    /** The data in RFC 1035 master-file syntax, names absolute (with the final dot). */
    String masterText();

    /** An A or AAAA record. */
    record Address(InetAddress address) implements RecordData {
        @Override
        public String type() {
            return address instanceof Inet6Address ? "AAAA" : "A";
        }

        @Override
        public String masterText() {
            return address.getHostAddress();
        }
    }

    /** A CNAME: the owner is another name for {@code target}. */
    record Alias(String target) implements RecordData {
        @Override
        public String type() {
            return "CNAME";
        }

        @Override
        public String masterText() {
            return absolute(target);
        }
    }

    /** An SRV record (RFC 2782); target {@code "."} says the service is not offered (RFC 6186 §4). */
    record Service(int priority, int weight, int port, String target) implements RecordData {
        public static Service notOffered() {
            return new Service(0, 0, 0, ".");
        }

        public boolean offered() {
            return !target.equals(".");
        }

        @Override
        public String type() {
            return "SRV";
        }

        @Override
        public String masterText() {
            return priority + " " + weight + " " + port + " " + absolute(target);
        }
    }

    /** A TXT record of one or more character strings (PACC's {@code v=UAAC1; a=sha256; d=...}). */
    record Text(List<String> strings) implements RecordData {
        public Text {
            strings = List.copyOf(strings);
        }

        @Override
        public String type() {
            return "TXT";
        }

        @Override
        public String masterText() {
            return strings.stream().map(s -> '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                    .collect(Collectors.joining(" "));
        }
    }

    static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
