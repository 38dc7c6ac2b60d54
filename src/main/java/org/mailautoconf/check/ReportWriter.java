package org.mailautoconf.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** A report for people (one block per client, its steps, each failure's fix) or for monitoring (JSON). */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** One progress line: what a step found, as it finishes. */
    public static String progress(StepResult s) {
        return (s.works() ? "  ok    " : s.accepted() ? "  DIFF  " : "  no    ") + s.client() + ": " + s.step() + ": " + s.got();
    }

    public static String text(CheckReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Discovery for an address at ").append(report.domain()).append(" (provider ").append(report.providerId())
                .append(", DNS server ").append(report.dnsServer()).append(")\n");
        for (ClientReport c : report.clients()) {
            out.append('\n').append(c.client().title()).append(": ").append(verdict(c.verdict())).append(" (").append(c.summary())
                    .append(")\n");
            for (StepResult s : c.steps()) {
                out.append(s.works() ? "  ok   " : s.accepted() ? "  DIFF " : "  FAIL ").append(s.step()).append('\n');
                out.append("         asked: ").append(s.asked()).append('\n');
                out.append("         got:   ").append(s.got()).append('\n');
                s.notes().forEach(n -> out.append("         note:  ").append(n).append('\n'));
                if (!s.works()) {
                    s.fix().ifPresent(f -> out.append("         fix:   ").append(f).append('\n'));
                }
            }
        }
        long failing = report.clients().stream().filter(c -> c.verdict() == ClientReport.Verdict.FAILS).count();
        out.append('\n').append(failing == 0 ? "Every client that the provider supports can configure itself."
                : failing + " client" + (failing == 1 ? "" : "s") + " cannot configure " + (failing == 1 ? "itself" : "themselves")
                        + ": see FAIL above.").append('\n');
        return out.toString();
    }

    private static String verdict(ClientReport.Verdict v) {
        return switch (v) {
            case WORKS -> "works";
            case FAILS -> "FAILS";
            case NOT_APPLICABLE -> "not applicable";
        };
    }

    public static String json(CheckReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("domain", report.domain());
        root.put("provider", report.providerId());
        root.put("dnsServer", report.dnsServer());
        root.put("allWork", report.allWork());
        ArrayNode clients = root.putArray("clients");
        for (ClientReport c : report.clients()) {
            ObjectNode o = clients.addObject();
            o.put("client", c.client().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            o.put("title", c.client().title());
            o.put("verdict", c.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            o.put("summary", c.summary());
            ArrayNode steps = o.putArray("steps");
            for (StepResult s : c.steps()) {
                ObjectNode st = steps.addObject();
                st.put("step", s.step());
                st.put("asked", s.asked());
                st.put("got", s.got());
                st.put("acceptedByClient", s.accepted());
                s.equalsRegistry().ifPresentOrElse(e -> st.put("equalsRegistry", e), () -> st.putNull("equalsRegistry"));
                st.put("works", s.works());
                s.fix().filter(f -> !s.works()).ifPresent(f -> st.put("fix", f));
                s.notes().forEach(st.withArray("notes")::add);
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and booleans always serialises", e);
        }
    }
}
