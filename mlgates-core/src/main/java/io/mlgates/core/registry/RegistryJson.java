package io.mlgates.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.audit.CanonicalJson;
import io.mlgates.core.gate.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON forms that registries store: gate evidence, metrics, and what the audit log records of each change. */
final class RegistryJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RegistryJson() {
    }

    static ArrayNode evidence(List<GateEvidence> evidence) {
        ArrayNode list = F.arrayNode();
        evidence.forEach(e -> list.add(e.toJson()));
        return list;
    }

    static List<GateEvidence> evidence(JsonNode list) {
        List<GateEvidence> evidence = new ArrayList<>();
        for (JsonNode e : list) {
            evidence.add(new GateEvidence(e.path("gate").asText(), Status.valueOf(e.path("status").asText()),
                    e.path("candidateDigest").asText(), e.path("policyDigest").asText(),
                    Instant.parse(e.path("evaluatedAt").asText())));
        }
        return evidence;
    }

    static ObjectNode metrics(Map<String, Double> metrics) {
        ObjectNode object = F.objectNode();
        metrics.forEach(object::put);
        return object;
    }

    static Map<String, Double> metrics(JsonNode object) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        object.properties().forEach(m -> metrics.put(m.getKey(), m.getValue().asDouble()));
        return metrics;
    }

    /** What the audit log records of a registration. */
    static String registrationEvidence(Registration r) {
        ObjectNode node = F.objectNode();
        node.put("source", r.source());
        node.put("buildLink", r.buildLink().orElse(""));
        node.put("author", r.author());
        node.set("gates", evidence(r.evidence()));
        node.set("metrics", metrics(r.metrics()));
        return CanonicalJson.of(node);
    }

    /** What the audit log records of a decision. */
    static String decisionEvidence(Approval a) {
        ObjectNode node = F.objectNode().put("decision", a.decision().action()).put("reason", a.reason())
                .put("identity", a.identity());
        a.signature().ifPresent(s -> node.put("keyFingerprint", s.keyFingerprint()).put("statement", s.statement())
                .put("signature", s.armored()));
        return CanonicalJson.of(node);
    }

    /** What the audit log records of a stage move: the mover's evidence with the move itself. */
    static String moveEvidence(StageMoveRequest m) {
        ObjectNode node = F.objectNode();
        if (m.expected().isPresent()) {
            node.put("from", m.expected().getAsInt());
        } else {
            node.putNull("from");
        }
        node.put("to", m.to());
        node.put("reason", m.reason());
        node.put("emergency", m.emergency());
        node.set("evidence", CanonicalJson.parse(m.evidence()));
        return CanonicalJson.of(node);
    }
}
