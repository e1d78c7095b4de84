package io.mlgates.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.DataSummary;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Limit;
import io.mlgates.core.gate.Status;
import io.mlgates.core.metrics.CalibrationBin;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.MetricSource;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.OperatingPoint;
import io.mlgates.core.metrics.ScoreCurves;
import io.mlgates.core.policy.TaskType;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The JSON form of a gate result, as described by {@code gate-result.schema.json} beside this class.
 * An undefined value is written as {@code null} with its reason; numbers are written at full precision.
 */
public final class GateResultJson {
    /** Bumped on any incompatible change of the JSON form. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_RESOURCE = "gate-result.schema.json";

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final JsonNodeFactory f = JsonNodeFactory.instance;

    public void write(GateResult result, OutputStream out) throws IOException {
        mapper.writeValue(out, toTree(result));
    }

    public String toJson(GateResult result) {
        try {
            return mapper.writeValueAsString(toTree(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    public ObjectNode toTree(GateResult r) {
        ObjectNode root = f.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("gate", r.gate());
        root.put("status", r.status().name());
        root.put("model", r.modelName());
        ObjectNode candidate = root.putObject("candidate");
        candidate.put("digest", r.candidate().digest());
        candidate.put("artifacts", r.candidate().artifacts());
        candidate.put("files", r.candidate().fileCount());
        candidate.put("bytes", r.candidate().totalBytes());
        ObjectNode policy = root.putObject("policy");
        policy.put("digest", r.policyDigest());
        policy.put("file", r.policyFile().orElse(null));
        DataSummary d = r.data();
        ObjectNode data = root.putObject("data");
        data.put("predictions", d.predictions());
        data.put("task", d.task().name().toLowerCase(Locale.ROOT));
        ArrayNode classes = data.putArray("classes");
        d.classes().forEach(classes::add);
        data.put("rows", d.rows());
        data.put("droppedRows", d.droppedRows());
        ArrayNode reasons = data.putArray("dropReasons");
        d.dropReasons().forEach(reasons::add);
        data.put("bytes", d.bytes());
        ObjectNode metrics = root.putObject("metrics");
        r.metrics().forEach((name, m) -> metrics.set(name, metric(m)));
        ObjectNode counts = root.putObject("counts");
        for (Status s : Status.values()) {
            counts.put(s.name(), r.count(s));
        }
        ArrayNode checks = root.putArray("checks");
        r.checks().forEach(c -> checks.add(check(c)));
        if (r.curves().isPresent()) {
            root.set("curves", curves(r.curves().get()));
        } else {
            root.putNull("curves");
        }
        root.put("evaluatedAt", r.evaluatedAt().toString());
        root.put("engineVersion", r.engineVersion());
        return root;
    }

    private ObjectNode metric(MetricValue m) {
        ObjectNode node = f.objectNode();
        putNumber(node, "value", m.value());
        m.undefinedReason().ifPresent(reason -> node.put("reason", reason));
        putInterval(node, m.ci());
        node.put("source", m.source().name().toLowerCase(Locale.ROOT));
        return node;
    }

    private ObjectNode curves(ScoreCurves curves) {
        ObjectNode node = f.objectNode();
        ArrayNode points = node.putArray("operatingPoints");
        for (OperatingPoint p : curves.operatingPoints()) {
            points.addObject().put("threshold", p.threshold()).put("tpr", p.truePositiveRate())
                    .put("fpr", p.falsePositiveRate()).put("precision", p.precision());
        }
        curves.undefinedReason().ifPresent(reason -> node.put("reason", reason));
        ArrayNode bins = node.putArray("calibration");
        for (CalibrationBin b : curves.calibration()) {
            ObjectNode bin = bins.addObject().put("low", b.low()).put("high", b.high()).put("rows", b.rows())
                    .put("weight", b.weight());
            putNumber(bin, "meanScore", b.meanScore());
            putNumber(bin, "positiveRate", b.positiveRate());
        }
        return node;
    }

    private void putInterval(ObjectNode node, Optional<Interval> ci) {
        if (ci.isPresent()) {
            node.putArray("ci").add(ci.get().low()).add(ci.get().high());
            node.put("ciLevel", ci.get().level());
            node.put("ciMethod", ci.get().method());
        } else {
            node.putNull("ci");
        }
    }

    private ObjectNode check(CheckResult c) {
        ObjectNode node = f.objectNode();
        node.put("id", c.id());
        node.put("status", c.status().name());
        node.put("metric", c.metric().orElse(null));
        putNumber(node, "observed", c.observed());
        putInterval(node, c.ci());
        if (c.limit().isPresent()) {
            Limit l = c.limit().get();
            ObjectNode limit = node.putObject("limit");
            limit.put("op", l.comparison().symbol());
            limit.put("value", l.value());
            limit.put("judged", l.judged().name().toLowerCase(Locale.ROOT));
        } else {
            node.putNull("limit");
        }
        putNumber(node, "baseline", c.baseline());
        node.put("slice", c.slice().orElse(null));
        node.put("message", c.message());
        return node;
    }

    private static void putNumber(ObjectNode node, String key, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(key, value.getAsDouble());
        } else {
            node.putNull(key);
        }
    }

    /** Reads a result written by {@link #write}; the inverse of it for every field. */
    public GateResult read(byte[] json, String displayName) throws BadInputException {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new BadInputException(displayName, 0, 0, "malformed JSON: " + e.getMessage(), e);
        }
        try {
            if (root == null || root.path("schemaVersion").asInt() != SCHEMA_VERSION) {
                throw new IllegalArgumentException("expected a gate result of schemaVersion " + SCHEMA_VERSION);
            }
            JsonNode c = root.required("candidate");
            Candidate candidate = new Candidate(text(c, "digest"), text(c, "artifacts"), c.required("files").asLong(),
                    c.required("bytes").asLong());
            JsonNode d = root.required("data");
            List<String> classes = new ArrayList<>();
            d.required("classes").forEach(n -> classes.add(n.asText()));
            List<String> reasons = new ArrayList<>();
            d.required("dropReasons").forEach(n -> reasons.add(n.asText()));
            DataSummary data = new DataSummary(text(d, "predictions"),
                    TaskType.valueOf(text(d, "task").toUpperCase(Locale.ROOT)), classes, d.required("rows").asLong(),
                    d.required("droppedRows").asLong(), reasons, d.required("bytes").asLong());
            Map<String, MetricValue> metrics = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : root.required("metrics").properties()) {
                JsonNode m = e.getValue();
                metrics.put(e.getKey(), new MetricValue(e.getKey(), number(m, "value"), optionalText(m, "reason"),
                        interval(m), MetricSource.valueOf(text(m, "source").toUpperCase(Locale.ROOT))));
            }
            List<CheckResult> checks = new ArrayList<>();
            for (JsonNode n : root.required("checks")) {
                Optional<Limit> limit = Optional.empty();
                JsonNode l = n.path("limit");
                if (l.isObject()) {
                    limit = Optional.of(new Limit(">=".equals(text(l, "op")) ? Limit.Comparison.AT_LEAST
                            : Limit.Comparison.AT_MOST, l.required("value").asDouble(),
                            Limit.Judged.valueOf(text(l, "judged").toUpperCase(Locale.ROOT))));
                }
                checks.add(new CheckResult(text(n, "id"), Status.valueOf(text(n, "status")),
                        optionalText(n, "metric"), number(n, "observed"), interval(n), limit, number(n, "baseline"),
                        optionalText(n, "slice"), text(n, "message")));
            }
            JsonNode curves = root.required("curves");
            return new GateResult(text(root, "gate"), Status.valueOf(text(root, "status")), text(root, "model"),
                    candidate, text(root.required("policy"), "digest"), optionalText(root.required("policy"), "file"),
                    data, metrics, checks, curves.isNull() ? Optional.empty() : Optional.of(curves(curves)),
                    Instant.parse(text(root, "evaluatedAt")), text(root, "engineVersion"));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new BadInputException(displayName, 0, 0, "not a gate result: " + e.getMessage(), e);
        }
    }

    private static ScoreCurves curves(JsonNode node) {
        List<OperatingPoint> points = new ArrayList<>();
        for (JsonNode p : node.required("operatingPoints")) {
            points.add(new OperatingPoint(p.required("threshold").asDouble(), p.required("tpr").asDouble(),
                    p.required("fpr").asDouble(), p.required("precision").asDouble()));
        }
        List<CalibrationBin> bins = new ArrayList<>();
        for (JsonNode b : node.required("calibration")) {
            bins.add(new CalibrationBin(b.required("low").asDouble(), b.required("high").asDouble(),
                    b.required("rows").asLong(), b.required("weight").asDouble(), number(b, "meanScore"),
                    number(b, "positiveRate")));
        }
        return new ScoreCurves(points, optionalText(node, "reason"), bins);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.required(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' should be a string");
        }
        return v.asText();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static OptionalDouble number(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? OptionalDouble.of(v.asDouble()) : OptionalDouble.empty();
    }

    private static Optional<Interval> interval(JsonNode node) {
        JsonNode ci = node.path("ci");
        if (!ci.isArray()) {
            return Optional.empty();
        }
        return Optional.of(new Interval(ci.get(0).asDouble(), ci.get(1).asDouble(), node.required("ciLevel").asDouble(),
                node.required("ciMethod").asText()));
    }
}
