package io.mlgates.core.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.policy.StagePolicy;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The board as JSON, shape {@value #SCHEMA_VERSION} of docs/board.md: the same for {@code mlgates board --format
 * json} and the Jenkins page's {@code api/json}. What is absent or undefined is {@code null}, never left out, so a
 * reader tells "none" from "not said"; moments are ISO-8601 (instants in UTC, departures with their offset and zone).
 */
public final class BoardJson {
    /** Raised when a field is added in a way a reader of the old shape would misread (renamed, retyped, removed). */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The board as indented JSON text, ending with a line break. */
    public String toJson(Board board) {
        try {
            return mapper.writeValueAsString(toTree(board)) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    /** The board as a JSON tree, for a caller that embeds it or serialises it its own way. */
    public ObjectNode toTree(Board board) {
        ObjectNode root = F.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("asOf", board.asOf().toString());
        ObjectNode filter = root.putObject("filter");
        text(filter, "team", board.filter().team());
        text(filter, "stage", board.filter().stage());
        text(filter, "status", board.filter().status().map(Enum::name));
        text(filter, "train", board.filter().train());
        ObjectNode counts = root.putObject("counts");
        board.counts().forEach((status, n) -> counts.put(status.name(), n));
        ArrayNode models = root.putArray("models");
        board.models().forEach(row -> models.add(model(row)));
        ArrayNode trains = root.putArray("trains");
        for (TrainView train : board.trains()) {
            ObjectNode t = trains.addObject();
            t.put("name", train.name());
            departure(t, "next", train.next());
            names(t.putArray("boarding"), train.boarding());
            names(t.putArray("waiting"), train.waiting());
            names(t.putArray("blocked"), train.blocked());
            ArrayNode lapsing = t.putArray("lapsing");
            train.lapsing().forEach(l -> expiry(lapsing.addObject().put("model", l.row().model()), l.expiry()));
            text(t, "disagreement", train.disagreement());
        }
        return root;
    }

    private static ObjectNode model(ModelRow row) {
        ModelFacts facts = row.facts();
        ObjectNode m = F.objectNode();
        m.put("model", facts.model());
        text(m, "team", facts.team());
        text(m, "location", facts.location());
        text(m, "locationLink", facts.locationLink());
        text(m, "train", facts.trainName());
        m.put("status", row.status().name());
        ArrayNode stages = m.putArray("stages");
        for (StagePolicy stage : facts.promotion().stages()) {
            ObjectNode s = stages.addObject().put("stage", stage.name());
            Integer version = row.stageVersions().get(stage.name());
            if (version == null) {
                s.putNull("version");
            } else {
                s.put("version", version);
            }
            s.put("train", stage.train());
        }
        if (facts.candidate().isEmpty()) {
            m.putNull("candidate");
        } else {
            LatestCandidate c = facts.candidate().get();
            ObjectNode candidate = m.putObject("candidate");
            candidate.put("digest", c.digest());
            candidate.put("label", c.label());
            text(candidate, "link", c.link());
            if (row.candidateVersion().isPresent()) {
                candidate.put("version", row.candidateVersion().get());
            } else {
                candidate.putNull("version");
            }
            ArrayNode results = candidate.putArray("results");
            for (GateResultRef r : c.results()) {
                ObjectNode result = results.addObject();
                result.put("gate", r.gate());
                result.put("id", r.id());
                result.put("status", r.status().name());
                text(result, "judgedAt", r.judgedAt().map(Object::toString));
                text(result, "link", r.link());
            }
        }
        text(m, "nextStage", row.nextStage());
        ArrayNode blockers = m.putArray("blockers");
        row.blockers().forEach(b -> blockers.addObject().put("rule", b.rule()).put("message", b.message()));
        ArrayNode approvals = m.putArray("approvals");
        for (StageApprovals a : row.approvals()) {
            ObjectNode s = approvals.addObject();
            s.put("stage", a.stage());
            s.put("group", a.group());
            s.put("quorum", a.quorum());
            strings(s.putArray("approvedBy"), a.approvedBy());
            strings(s.putArray("rejectedBy"), a.rejectedBy());
            s.put("stillNeeded", a.stillNeeded());
            strings(s.putArray("mayStillApprove"), a.mayStillApprove());
            s.put("verifiedOnly", a.verifiedOnly());
            strings(s.putArray("notCounted"), a.notCounted());
        }
        ArrayNode pending = m.putArray("pending");
        for (PendingDecision p : facts.pending()) {
            pending.addObject().put("stage", p.stage()).put("label", p.label()).put("link", p.link())
                    .put("since", p.since().toString());
        }
        ArrayNode expiries = m.putArray("expiries");
        row.expiries().forEach(e -> expiry(expiries.addObject(), e));
        departure(m, "departure", row.departure());
        return m;
    }

    private static void expiry(ObjectNode node, Expiry e) {
        node.put("kind", e.kind().name());
        node.put("what", e.what());
        node.put("lapses", e.lapses().toString());
        node.put("beforeDeparture", e.beforeDeparture());
    }

    private static void departure(ObjectNode parent, String field, Optional<Departure> departure) {
        if (departure.isEmpty()) {
            parent.putNull(field);
            return;
        }
        Departure d = departure.get();
        parent.putObject(field).put("train", d.train())
                .put("departs", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.departs()))
                .put("zone", d.departs().getZone().getId())
                .put("cutoff", d.cutoff().toString());
    }

    private static void names(ArrayNode array, List<ModelRow> rows) {
        rows.forEach(r -> array.add(r.model()));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void text(ObjectNode node, String field, Optional<String> value) {
        if (value.isPresent()) {
            node.put(field, value.get());
        } else {
            node.putNull(field);
        }
    }
}
