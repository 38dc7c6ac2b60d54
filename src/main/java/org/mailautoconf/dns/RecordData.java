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
            return address instanceof Inet6Address ? compressed(address.getAddress()) : address.getHostAddress();
        }

        /** RFC 5952 text: lower-case hex, the longest run of two or more zero groups as "::". */
        static String compressed(byte[] bytes) {
            int[] groups = new int[8];
            for (int i = 0; i < 8; i++) {
                groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
            }
            int bestStart = -1;
            int bestLength = 1;
            for (int i = 0; i < 8; ) {
                int j = i;
                while (j < 8 && groups[j] == 0) {
                    j++;
                }
                if (j - i > bestLength) {
                    bestStart = i;
                    bestLength = j - i;
                }
                i = j == i ? i + 1 : j;
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (i == bestStart) {
                    out.append("::");
                    i += bestLength - 1;
                    continue;
                }
                if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                    out.append(':');
                }
                out.append(Integer.toHexString(groups[i]));
            }
            return out.toString();
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
