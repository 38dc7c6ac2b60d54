package org.mailautoconf.dns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Plans as JSON, for automation (a DNS provider's API, an IaC tool): one object per domain, one
 * per record, with the type's fields spelled out as well as the master-file text.
 */
public final class PlanJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String write(List<RecordPlan> plans) {
        ArrayNode all = JSON.createArrayNode();
        for (RecordPlan plan : plans) {
            ObjectNode p = all.addObject();
            p.put("domain", plan.domain().ascii());
            p.put("provider", plan.providerId());
            p.put("hosted", plan.hosted());
            ArrayNode records = p.putArray("records");
            for (DnsRecord r : plan.records()) {
                ObjectNode o = records.addObject();
                o.put("name", r.owner());
                o.put("ttl", r.ttl());
                o.put("type", r.data().type());
                o.put("data", r.data().masterText());
                fields(r.data(), o);
                r.readers().forEach(o.withArray("clients")::add);
                o.put("why", r.why());
            }
        }
        try {
            return JSON.writeValueAsString(all) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    private static void fields(RecordData data, ObjectNode o) {
        if (data instanceof RecordData.Address a) {
            o.put("address", a.address().getHostAddress());
        } else if (data instanceof RecordData.Alias a) {
            o.put("target", a.target());
        } else if (data instanceof RecordData.Service s) {
            o.put("priority", s.priority());
            o.put("weight", s.weight());
            o.put("port", s.port());
            o.put("target", s.target());
        } else if (data instanceof RecordData.Text t) {
            t.strings().forEach(o.withArray("strings")::add);
        }
    }
}
