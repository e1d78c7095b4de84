package io.mlgates.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.audit.AuditHead;
import io.mlgates.core.candidate.Candidate;
import io.mlgates.core.drift.ColumnDistribution;
import io.mlgates.core.drift.ColumnDrift;
import io.mlgates.core.drift.DatasetDrift;
import io.mlgates.core.drift.DriftMethod;
import io.mlgates.core.drift.DriftReport;
import io.mlgates.core.drift.DriftValue;
import io.mlgates.core.drift.ErrorBound;
import io.mlgates.core.fairness.AttributeFairness;
import io.mlgates.core.fairness.Disparity;
import io.mlgates.core.fairness.FairnessResult;
import io.mlgates.core.fairness.GroupFairness;
import io.mlgates.core.fairness.JudgedDisparities;
import io.mlgates.core.fairness.ReferenceComparison;
import io.mlgates.core.fairness.Significance;
import io.mlgates.core.gate.BinaryReading;
import io.mlgates.core.gate.CheckResult;
import io.mlgates.core.gate.DataSource;
import io.mlgates.core.gate.DataSummary;
import io.mlgates.core.stats.Statistics;
import io.mlgates.core.gate.Evidence;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.Limit;
import io.mlgates.core.gate.SeenChainHead;
import io.mlgates.core.gate.Status;
import io.mlgates.core.gate.WaiverNote;
import io.mlgates.core.metrics.CalibrationBin;
import io.mlgates.core.metrics.Interval;
import io.mlgates.core.metrics.MetricSource;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.OperatingPoint;
import io.mlgates.core.metrics.ScoreCurves;
import io.mlgates.core.policy.OrganisationRef;
import io.mlgates.core.metrics.TaskType;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The JSON form of a gate result, as described by {@code gate-result.schema.json} beside this class.
 * An undefined value is written as {@code null} with its reason; numbers are written at full precision.
 */
public final class GateResultJson {
    /** Bumped on any incompatible change of the JSON form. */
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_RESOURCE = "gate-result.schema.json";

    /** Members of an attribute's object that are not disparities, and of a group's that are not rates. */
    private static List<Statistics.Origin> origins(JsonNode origins) {
        List<Statistics.Origin> read = new ArrayList<>();
        for (JsonNode o : origins) {
            read.add(new Statistics.Origin(text(o, "engine"), text(o, "engineVersion"), text(o, "input"),
                    text(o, "format"), o.required("rows").asLong(), o.required("partitions").asLong()));
        }
        return read;
    }

    private static final Set<String> NOT_DISPARITIES = Set.of("reference", "comparedWith", "missingExcluded",
            "groups", "judged", "comparisons");
    private static final Set<String> NOT_RATES = Set.of("count", "weight", "excluded", "metrics");

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
        candidate.put("kind", r.candidate().kind().id());
        candidate.put("artifacts", r.candidate().artifacts());
        candidate.put("files", r.candidate().fileCount());
        candidate.put("bytes", r.candidate().totalBytes());
        ObjectNode policy = root.putObject("policy");
        policy.put("digest", r.policyDigest());
        policy.put("file", r.policyFile().orElse(null));
        if (r.organisationPolicy().isPresent()) {
            ObjectNode organisation = policy.putObject("organisation");
            organisation.put("file", r.organisationPolicy().get().file());
            organisation.put("digest", r.organisationPolicy().get().digest());
        } else {
            policy.putNull("organisation");
        }
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
        data.put("failedPredictions", d.failedPredictions());
        ArrayNode failures = data.putArray("failureReasons");
        d.failureReasons().forEach(failures::add);
        data.put("bytes", d.bytes());
        data.put("source", d.source().id());
        if (!d.origins().isEmpty()) {
            ArrayNode origins = data.putArray("origins");
            for (Statistics.Origin o : d.origins()) {
                ObjectNode origin = origins.addObject();
                origin.put("engine", o.engine());
                origin.put("engineVersion", o.engineVersion());
                origin.put("input", o.input());
                origin.put("format", o.format());
                origin.put("rows", o.rows());
                origin.put("partitions", o.partitions());
            }
        }
        d.binary().ifPresent(b -> {
            ObjectNode binary = data.putObject("binary");
            binary.put("positive", b.positive());
            binary.put("negative", b.negative().orElse(null));
            binary.put("threshold", b.threshold());
            binary.put("predictionColumn", b.predictionColumn().orElse(null));
            binary.put("favourable", b.favourablePositive() ? "positive" : "negative");
        });
        evidence(root, r.evidence());
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
        if (r.fairness().isPresent()) {
            FairnessResult fairness = r.fairness().get();
            ObjectNode attributes = root.putObject("fairness");
            fairness.attributes().forEach((name, a) -> attributes.set(name, attribute(a)));
            root.set("fairnessOverall", group(fairness.overall()));
        }
        r.drift().ifPresent(report -> root.set("drift", drift(report)));
        return root;
    }

    /** Per judged column its method, statistic, p-value (null for a distance), threshold and verdict; the data set. */
    private ObjectNode drift(DriftReport report) {
        ObjectNode node = f.objectNode();
        ObjectNode columns = node.putObject("columns");
        report.columns().forEach((name, c) -> {
            ObjectNode column = columns.putObject(name);
            column.put("method", c.method().id());
            putDriftValue(column, "statistic", c.statistic());
            if (c.pValue().isPresent()) {
                putDriftValue(column, "pValue", c.pValue().get());
            } else {
                column.putNull("pValue");
            }
            column.put("threshold", c.threshold());
            if (c.drifted().isPresent()) {
                column.put("drifted", c.drifted().get());
            } else {
                column.putNull("drifted");
                column.put("reason", c.score().undefinedReason().orElseThrow());
            }
            column.put("referenceRows", c.referenceRows());
            column.put("currentRows", c.currentRows());
            c.errorBound().ifPresent(b -> {
                ObjectNode bound = column.putObject("errorBound");
                bound.put("rankError", b.rankError());
                putNumber(bound, "statisticError", b.statisticError());
            });
            c.distribution().ifPresent(dist -> column.set("distribution", distribution(dist)));
        });
        DatasetDrift d = report.dataset();
        ObjectNode dataset = node.putObject("dataset");
        putDriftValue(dataset, "share", d.share());
        if (d.drifted().isPresent()) {
            dataset.put("drifted", d.drifted().get());
        } else {
            dataset.putNull("drifted");
        }
        dataset.put("columns", d.columns());
        dataset.put("driftedColumns", d.driftedColumns());
        dataset.put("undefinedColumns", d.undefinedColumns());
        dataset.put("threshold", d.threshold());
        return node;
    }

    /** Both sides' counts per bin ({@code edges}) or per category ({@code values}, then {@code other}). */
    private ObjectNode distribution(ColumnDistribution d) {
        ObjectNode node = f.objectNode();
        node.put("kind", d.kind().id());
        if (d.kind() == ColumnDistribution.Kind.BINS) {
            ArrayNode edges = node.putArray("edges");
            d.edges().forEach(edges::add);
        } else {
            ArrayNode values = node.putArray("values");
            d.values().forEach(values::add);
        }
        counts(node.putArray("reference"), d.reference());
        counts(node.putArray("current"), d.current());
        d.other().ifPresent(o -> {
            ObjectNode other = node.putObject("other");
            other.put("categories", o.categories());
            count(other, "reference", o.reference());
            count(other, "current", o.current());
        });
        return node;
    }

    /** A whole count as an integer; a sketch's estimate as it is. */
    private static void counts(ArrayNode array, List<Double> counts) {
        counts.forEach(c -> {
            if (c == Math.rint(c) && Math.abs(c) < 1e15) {
                array.add(c.longValue());
            } else {
                array.add(c);
            }
        });
    }

    private static void count(ObjectNode node, String name, double c) {
        if (c == Math.rint(c) && Math.abs(c) < 1e15) {
            node.put(name, (long) c);
        } else {
            node.put(name, c);
        }
    }

    private static Optional<ColumnDistribution> readDistribution(JsonNode d) {
        if (!d.isObject()) {
            return Optional.empty();
        }
        ColumnDistribution.Kind kind = ColumnDistribution.Kind.byId(text(d, "kind")).orElseThrow(
                () -> new IllegalArgumentException("unknown distribution kind " + d.path("kind")));
        List<Double> edges = new ArrayList<>();
        d.path("edges").forEach(e -> edges.add(e.asDouble()));
        List<String> values = new ArrayList<>();
        d.path("values").forEach(v -> values.add(v.asText()));
        List<Double> reference = new ArrayList<>();
        d.required("reference").forEach(v -> reference.add(v.asDouble()));
        List<Double> current = new ArrayList<>();
        d.required("current").forEach(v -> current.add(v.asDouble()));
        JsonNode o = d.path("other");
        return Optional.of(new ColumnDistribution(kind, edges, values, reference, current, o.isObject()
                ? Optional.of(new ColumnDistribution.Other(o.required("categories").asInt(),
                o.required("reference").asDouble(), o.required("current").asDouble())) : Optional.empty()));
    }

    /** A drift value, or null and {@code NAMEReason} saying why the data leaves it undefined. */
    private static void putDriftValue(ObjectNode node, String name, DriftValue value) {
        putNumber(node, name, value.value());
        value.undefinedReason().ifPresent(reason -> node.put(name + "Reason", reason));
    }

    private static DriftValue driftValue(JsonNode node, String name) {
        OptionalDouble value = number(node, name);
        return value.isPresent() ? DriftValue.of(value.getAsDouble())
                : DriftValue.undefined(text(node, name + "Reason"));
    }

    private static Optional<DriftReport> readDrift(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        Map<String, ColumnDrift> columns = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.required("columns").properties()) {
            JsonNode c = e.getValue();
            DriftMethod method = DriftMethod.byId(text(c, "method")).orElseThrow(
                    () -> new IllegalArgumentException("unknown drift method " + c.path("method")));
            JsonNode b = c.path("errorBound");
            columns.put(e.getKey(), new ColumnDrift(method, driftValue(c, "statistic"),
                    method.isTest() ? Optional.of(driftValue(c, "pValue")) : Optional.empty(),
                    c.required("threshold").asDouble(),
                    c.path("drifted").isBoolean() ? Optional.of(c.path("drifted").asBoolean()) : Optional.empty(),
                    c.required("referenceRows").asLong(), c.required("currentRows").asLong(),
                    b.isObject() ? Optional.of(new ErrorBound(b.required("rankError").asDouble(),
                            number(b, "statisticError"))) : Optional.empty(),
                    readDistribution(c.path("distribution"))));
        }
        JsonNode d = node.required("dataset");
        return Optional.of(new DriftReport(columns, new DatasetDrift(driftValue(d, "share"),
                d.path("drifted").isBoolean() ? Optional.of(d.path("drifted").asBoolean()) : Optional.empty(),
                d.required("columns").asInt(), d.required("driftedColumns").asInt(),
                d.required("undefinedColumns").asInt(), d.required("threshold").asDouble())));
    }

    private void evidence(ObjectNode root, Evidence e) {
        ArrayNode inputs = root.putArray("inputs");
        e.inputs().forEach(i -> inputs.addObject().put("role", i.role()).put("file", i.file()).put("digest", i.digest()));
        ObjectNode head = root.putObject("registryHead");
        SeenChainHead seen = e.chainHead();
        head.put("registry", seen.registry());
        if (seen.head().isPresent()) {
            head.put("seq", seen.head().get().seq());
            head.put("hash", seen.head().get().hash());
        } else {
            head.putNull("seq");
            head.putNull("hash");
            head.put("reason", seen.reason().orElseThrow());
        }
        ObjectNode overrides = root.putObject("overrides");
        e.overrides().forEach(overrides::put);
    }

    private static Evidence readEvidence(JsonNode root) {
        List<Evidence.Input> inputs = new ArrayList<>();
        for (JsonNode i : root.required("inputs")) {
            inputs.add(new Evidence.Input(text(i, "role"), text(i, "file"), text(i, "digest")));
        }
        JsonNode h = root.required("registryHead");
        SeenChainHead seen;
        if (h.path("seq").isNull()) {
            seen = SeenChainHead.none(text(h, "registry"), text(h, "reason"));
        } else {
            if (!h.required("seq").canConvertToExactIntegral() || !h.required("seq").canConvertToLong()) {
                throw new IllegalArgumentException("'seq' should be an integer");
            }
            seen = SeenChainHead.of(text(h, "registry"), new AuditHead(h.required("seq").asLong(), text(h, "hash")));
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> o : root.required("overrides").properties()) {
            overrides.put(o.getKey(), text(root.required("overrides"), o.getKey()));
        }
        return new Evidence(inputs, seen, overrides);
    }

    private ObjectNode attribute(AttributeFairness a) {
        ObjectNode node = f.objectNode();
        node.put("reference", a.reference().orElse(null));
        node.put("comparedWith", a.comparedWith().orElse(null));
        node.put("missingExcluded", a.missingExcluded());
        ObjectNode groups = node.putObject("groups");
        a.groups().forEach((value, g) -> groups.set(value, group(g)));
        a.disparities().forEach((name, v) -> node.set(name, rate(v)));
        JudgedDisparities judged = a.judged();
        ObjectNode j = node.putObject("judged");
        ArrayNode judgedGroups = j.putArray("groups");
        judged.groups().forEach(judgedGroups::add);
        ArrayNode leftOut = j.putArray("leftOut");
        judged.leftOut().forEach(leftOut::add);
        ObjectNode intervals = j.putObject("intervals");
        intervals.put("method", JudgedDisparities.INTERVAL_METHOD);
        intervals.put("groups", judged.groups().size());
        intervals.put("pairs", judged.pairs());
        judged.values().forEach((name, v) -> j.set(name, rate(v)));
        ArrayNode comparisons = node.putArray("comparisons");
        for (ReferenceComparison c : a.comparisons()) {
            ObjectNode comparison = comparisons.addObject();
            comparison.put("group", c.group());
            comparison.set("disparate_impact", rate(c.ratio()));
            comparison.put("test", c.test().name());
            comparison.put("pValue", c.test().pValue());
        }
        return node;
    }

    private ObjectNode group(GroupFairness g) {
        ObjectNode node = f.objectNode();
        node.put("count", g.count());
        node.put("weight", g.weight());
        node.put("excluded", g.excluded().orElse(null));
        g.rates().forEach((name, v) -> node.set(name, rate(v)));
        ObjectNode metrics = node.putObject("metrics");
        g.metrics().forEach((name, m) -> metrics.set(name, metric(m)));
        return node;
    }

    /** A rate or disparity: a metric without a source, since it is always computed. */
    private ObjectNode rate(MetricValue m) {
        ObjectNode node = f.objectNode();
        putNumber(node, "value", m.value());
        m.undefinedReason().ifPresent(reason -> node.put("reason", reason));
        putInterval(node, m.ci());
        return node;
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
        if (c.waiver().isPresent()) {
            WaiverNote w = c.waiver().get();
            ObjectNode waiver = node.putObject("waiver");
            waiver.put("pattern", w.pattern());
            waiver.put("reason", w.reason());
            waiver.put("approver", w.approver());
            waiver.put("expires", w.expires().toString());
            waiver.put("was", w.was().name());
        } else {
            node.putNull("waiver");
        }
        return node;
    }

    private static void putNumber(ObjectNode node, String key, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(key, value.getAsDouble());
        } else {
            node.putNull(key);
        }
    }

    /** The optional {@code data.binary} object; results written before it existed have none. */
    private static Optional<BinaryReading> binary(JsonNode b) {
        if (b.isMissingNode() || b.isNull()) {
            return Optional.empty();
        }
        String favourable = text(b, "favourable");
        if (!favourable.equals("positive") && !favourable.equals("negative")) {
            throw new IllegalArgumentException("data.binary.favourable should be positive or negative");
        }
        return Optional.of(new BinaryReading(text(b, "positive"), optionalText(b, "negative"),
                b.required("threshold").asDouble(), optionalText(b, "predictionColumn"),
                favourable.equals("positive")));
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
            // results written before candidates had a kind judged model artefacts
            Candidate candidate = new Candidate(text(c, "digest"), c.has("kind") ? Candidate.Kind.of(text(c, "kind"))
                    : Candidate.Kind.MODEL, text(c, "artifacts"), c.required("files").asLong(),
                    c.required("bytes").asLong());
            JsonNode d = root.required("data");
            List<String> classes = new ArrayList<>();
            d.required("classes").forEach(n -> classes.add(n.asText()));
            List<String> reasons = new ArrayList<>();
            d.required("dropReasons").forEach(n -> reasons.add(n.asText()));
            DataSummary data = new DataSummary(text(d, "predictions"),
                    TaskType.valueOf(text(d, "task").toUpperCase(Locale.ROOT)), classes, d.required("rows").asLong(),
                    d.required("droppedRows").asLong(), reasons, d.required("failedPredictions").asLong(),
                    texts(d.required("failureReasons")), d.required("bytes").asLong(), binary(d.path("binary")),
                    // results written before the source was recorded read rows
                    d.has("source") ? DataSource.of(text(d, "source")) : DataSource.ROWS, origins(d.path("origins")));
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
                Optional<WaiverNote> waiver = Optional.empty();
                JsonNode w = n.path("waiver");
                if (w.isObject()) {
                    waiver = Optional.of(new WaiverNote(text(w, "pattern"), text(w, "reason"), text(w, "approver"),
                            LocalDate.parse(text(w, "expires")), Status.valueOf(text(w, "was"))));
                }
                checks.add(new CheckResult(text(n, "id"), Status.valueOf(text(n, "status")),
                        optionalText(n, "metric"), number(n, "observed"), interval(n), limit, number(n, "baseline"),
                        optionalText(n, "slice"), text(n, "message"), waiver));
            }
            Optional<FairnessResult> fairness = Optional.empty();
            if (root.path("fairness").isObject()) {
                Map<String, AttributeFairness> attributes = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : root.path("fairness").properties()) {
                    attributes.put(e.getKey(), readAttribute(e.getKey(), e.getValue()));
                }
                fairness = Optional.of(new FairnessResult(readGroup(root.required("fairnessOverall")), attributes));
            }
            JsonNode curves = root.required("curves");
            return new GateResult(text(root, "gate"), Status.valueOf(text(root, "status")), text(root, "model"),
                    candidate, text(root.required("policy"), "digest"), optionalText(root.required("policy"), "file"),
                    organisation(root.required("policy").path("organisation")), data, metrics, checks,
                    curves.isNull() ? Optional.empty() : Optional.of(curves(curves)),
                    Instant.parse(text(root, "evaluatedAt")), text(root, "engineVersion"), fairness,
                    readEvidence(root), readDrift(root.path("drift")));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new BadInputException(displayName, 0, 0, "not a gate result: " + e.getMessage(), e);
        }
    }

    private static Optional<OrganisationRef> organisation(JsonNode node) {
        return node.isObject() ? Optional.of(new OrganisationRef(text(node, "file"), text(node, "digest")))
                : Optional.empty();
    }

    private static AttributeFairness readAttribute(String name, JsonNode node) {
        Map<String, GroupFairness> groups = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.required("groups").properties()) {
            groups.put(e.getKey(), readGroup(e.getValue()));
        }
        Map<String, MetricValue> disparities = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!NOT_DISPARITIES.contains(e.getKey())) {
                disparities.put(e.getKey(), readRate(e.getKey(), e.getValue()));
            }
        }
        List<ReferenceComparison> comparisons = new ArrayList<>();
        for (JsonNode c : node.required("comparisons")) {
            comparisons.add(new ReferenceComparison(text(c, "group"),
                    readRate("disparate_impact", c.required("disparate_impact")),
                    new Significance.Test(text(c, "test"), c.required("pValue").asDouble())));
        }
        JsonNode j = node.required("judged");
        Map<String, MetricValue> judged = new LinkedHashMap<>();
        for (String disparity : Disparity.ids()) {
            judged.put(disparity, readRate(disparity, j.required(disparity)));
        }
        return new AttributeFairness(name, groups, disparities, new JudgedDisparities(texts(j.required("groups")),
                texts(j.required("leftOut")), judged), optionalText(node, "reference"),
                optionalText(node, "comparedWith"), comparisons, node.required("missingExcluded").asLong());
    }

    private static GroupFairness readGroup(JsonNode node) {
        Map<String, MetricValue> rates = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!NOT_RATES.contains(e.getKey())) {
                rates.put(e.getKey(), readRate(e.getKey(), e.getValue()));
            }
        }
        Map<String, MetricValue> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.required("metrics").properties()) {
            JsonNode m = e.getValue();
            metrics.put(e.getKey(), new MetricValue(e.getKey(), number(m, "value"), optionalText(m, "reason"),
                    interval(m), MetricSource.valueOf(text(m, "source").toUpperCase(Locale.ROOT))));
        }
        return new GroupFairness(node.required("count").asLong(), node.required("weight").asDouble(), rates, metrics,
                optionalText(node, "excluded"));
    }

    private static MetricValue readRate(String name, JsonNode m) {
        return new MetricValue(name, number(m, "value"), optionalText(m, "reason"), interval(m), MetricSource.COMPUTED);
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

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
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
