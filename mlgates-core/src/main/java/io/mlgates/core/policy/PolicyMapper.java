package io.mlgates.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgates.core.drift.DriftMethod;
import io.mlgates.core.drift.DriftPolicy;
import io.mlgates.core.metrics.Direction;
import io.mlgates.core.metrics.TaskType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Turns a policy tree that passed the schema and the rules into the {@link Policy} records. */
final class PolicyMapper {
    private PolicyMapper() {
    }

    static Policy toPolicy(JsonNode root, String defaultModelName) {
        JsonNode model = root.path("model");
        JsonNode metrics = root.path("metrics");
        Policy defaults = Policy.defaults(defaultModelName);
        JsonNode baseline = root.path("baseline");
        return new Policy(
                text(model.path("name"), defaults.modelName()),
                text(model.path("artifacts"), defaults.artifacts()),
                constant(root.path("task"), TaskType.class, defaults.task()),
                predictions(root.path("predictions")),
                number(metrics.path("confidenceLevel"), defaults.confidenceLevel()),
                metrics.path("calibrationBins").isMissingNode() ? defaults.calibrationBins()
                        : metrics.path("calibrationBins").intValue(),
                optionalText(metrics.path("reported")),
                limits(root.path("limits")),
                baseline.isMissingNode() ? Optional.empty() : Optional.of(new Baseline(
                        optionalText(baseline.path("path")), optionalText(baseline.path("from")),
                        comparisons(baseline.path("compare")))),
                slices(root.path("slices")),
                ethics(root.path("ethics")),
                waivers(root.path("waivers")),
                promotion(root.path("promotion")),
                optionalText(model.path("team")),
                schema(root.path("schema")),
                data(root.path("data"), root.path("drift")));
    }

    private static DataPolicy data(JsonNode data, JsonNode drift) {
        Map<String, DriftPolicy.ColumnRequest> overrides = new LinkedHashMap<>();
        drift.path("overrides").properties().forEach(e -> overrides.put(e.getKey(), new DriftPolicy.ColumnRequest(
                optionalText(e.getValue().path("method")).map(m -> DriftMethod.byId(m).orElseThrow()),
                optionalNumber(e.getValue().path("threshold")))));
        return new DataPolicy(optionalText(data.path("reference")), optionalText(data.path("profile")),
                optionalText(data.path("current")), texts(data.path("columns")),
                new DriftPolicy(number(drift.path("share"), DriftPolicy.DEFAULT_SHARE), overrides),
                constant(drift.path("severity"), Severity.class, DataPolicy.DEFAULT_SEVERITY));
    }

    private static SchemaPolicy schema(JsonNode node) {
        SchemaPolicy defaults = SchemaPolicy.defaults();
        Map<String, String> breaks = new LinkedHashMap<>();
        node.path("breaks").properties().forEach(e -> breaks.put(e.getKey(), e.getValue().asText()));
        return new SchemaPolicy(optionalText(node.path("declared")), optionalText(node.path("production")), breaks,
                number(node.path("maxNullShare"), defaults.maxNullShare()),
                constant(node.path("severity"), Severity.class, defaults.severity()));
    }

    private static EthicsPolicy ethics(JsonNode node) {
        EthicsPolicy defaults = EthicsPolicy.defaults();
        JsonNode documentation = node.path("documentation");
        JsonNode licences = node.path("licences");
        List<Dataset> datasets = new ArrayList<>();
        for (JsonNode dataset : node.path("datasets")) {
            datasets.add(new Dataset(dataset.path("name").asText(), dataset.path("licence").asText(),
                    optionalText(dataset.path("datasheet"))));
        }
        return new EthicsPolicy(
                constant(node.path("riskTier"), RiskTier.class, defaults.riskTier()),
                fairness(node.path("fairness")),
                new DocumentationPolicy(optionalText(documentation.path("modelCard")),
                        optionalText(documentation.path("features")), optionalText(documentation.path("explanation"))),
                texts(node.path("protectedAttributes")),
                datasets,
                new LicencePolicy(licences.path("allow").isMissingNode() ? Optional.empty()
                        : Optional.of(texts(licences.path("allow"))), texts(licences.path("deny"))));
    }

    private static FairnessPolicy fairness(JsonNode node) {
        FairnessPolicy defaults = FairnessPolicy.defaults();
        List<List<String>> intersections = new ArrayList<>();
        node.path("intersections").forEach(i -> intersections.add(texts(i)));
        Map<String, String> reference = new LinkedHashMap<>();
        node.path("reference").properties().forEach(e -> reference.put(e.getKey(), e.getValue().asText()));
        List<FairnessLimit> limits = new ArrayList<>();
        for (JsonNode limit : node.path("limits")) {
            limits.add(new FairnessLimit(limit.path("metric").asText(), texts(limit.path("attributes")),
                    optionalNumber(limit.path("min")), optionalNumber(limit.path("max")),
                    constant(limit.path("severity"), Severity.class, Severity.FAIL),
                    constant(limit.path("judge"), FairnessJudge.class, FairnessJudge.ESTIMATE)));
        }
        JsonNode minGroupSize = node.path("minGroupSize");
        return new FairnessPolicy(texts(node.path("sensitive")), intersections,
                constant(node.path("favourable"), Favourable.class, defaults.favourable()),
                minGroupSize.isMissingNode() ? defaults.minGroupSize() : minGroupSize.intValue(), reference, limits,
                constant(node.path("missing"), MissingValues.class, defaults.missing()));
    }

    private static List<Waiver> waivers(JsonNode waivers) {
        List<Waiver> result = new ArrayList<>();
        for (JsonNode waiver : waivers) {
            result.add(new Waiver(waiver.path("check").asText(), waiver.path("reason").asText(),
                    optionalText(waiver.path("approver")), LocalDate.parse(waiver.path("expires").asText())));
        }
        return result;
    }

    private static List<String> texts(JsonNode list) {
        List<String> result = new ArrayList<>();
        list.forEach(item -> result.add(item.asText()));
        return result;
    }

    private static PromotionPolicy promotion(JsonNode node) {
        PromotionPolicy defaults = PromotionPolicy.defaults();
        if (node.isMissingNode()) {
            return defaults;
        }
        List<StagePolicy> stages = new ArrayList<>();
        for (JsonNode stage : node.path("stages")) {
            stages.add(stage(stage));
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> group : node.path("groups").properties()) {
            List<String> members = new ArrayList<>();
            group.getValue().forEach(m -> members.add(m.asText()));
            groups.put(group.getKey(), members);
        }
        if (stages.isEmpty()) {
            defaults.groups().forEach(groups::putIfAbsent); // the default stages name the default group
        }
        JsonNode train = node.path("train");
        JsonNode emergency = node.path("emergency");
        return new PromotionPolicy(stages.isEmpty() ? defaults.stages() : stages,
                flag(node.path("allowSkipping"), defaults.allowSkipping()),
                flag(node.path("fourEyes"), defaults.fourEyes()),
                groups,
                train.isMissingNode() ? Optional.empty() : Optional.of(train(train)),
                emergency.isMissingNode() ? Optional.empty() : Optional.of(new EmergencyPath(
                        emergency.path("quorum").intValue(), optionalText(emergency.path("group")))),
                text(node.path("registry"), defaults.registry()),
                text(node.path("results"), defaults.results()));
    }

    private static StagePolicy stage(JsonNode stage) {
        StagePolicy byConvention = StagePolicy.of(stage.path("name").asText());
        List<String> gates = new ArrayList<>();
        stage.path("gates").forEach(g -> gates.add(g.asText()));
        JsonNode accept = stage.path("accept");
        List<String> accepted = new ArrayList<>();
        accept.forEach(a -> accepted.add(a.asText()));
        JsonNode approvals = stage.path("approvals");
        return new StagePolicy(byConvention.name(),
                stage.path("gates").isMissingNode() ? byConvention.gates() : gates,
                accept.isMissingNode() ? byConvention.acceptWarn() : accepted.contains("warn"),
                accept.isMissingNode() ? byConvention.acceptWaived() : accepted.contains("waived"),
                approvals.isMissingNode() ? Optional.empty() : Optional.of(new ApprovalRule(
                        approvals.path("group").asText(),
                        approvals.path("quorum").isMissingNode() ? ApprovalRule.DEFAULT_QUORUM
                                : approvals.path("quorum").intValue(),
                        approvals.path("expiresAfter").isMissingNode() ? ApprovalRule.DEFAULT_EXPIRY
                                : duration(approvals.path("expiresAfter").asText()))),
                flag(stage.path("train"), false), stage.path("identity").asText("declared").equals("verified"),
                flag(stage.path("acceptOverrides"), byConvention.acceptOverrides()));
    }

    private static ReleaseTrain train(JsonNode train) {
        List<ReleaseTrain.Departure> departures = new ArrayList<>();
        for (JsonNode departure : train.path("departures")) {
            departures.add(new ReleaseTrain.Departure(
                    DayOfWeek.valueOf(departure.path("day").asText().toUpperCase(Locale.ROOT)),
                    LocalTime.parse(departure.path("time").asText())));
        }
        List<ReleaseTrain.Freeze> freezes = new ArrayList<>();
        for (JsonNode freeze : train.path("freezes")) {
            freezes.add(new ReleaseTrain.Freeze(moment(freeze.path("from").asText(), false),
                    moment(freeze.path("until").asText(), true), freeze.path("reason").asText()));
        }
        return new ReleaseTrain(text(train.path("name"), ReleaseTrain.DEFAULT_NAME), ZoneId.of(train.path("timeZone").asText()), departures,
                train.path("window").isMissingNode() ? ReleaseTrain.DEFAULT_WINDOW
                        : duration(train.path("window").asText()),
                train.path("cutoff").isMissingNode() ? Duration.ZERO : duration(train.path("cutoff").asText()),
                freezes);
    }

    /** {@code 30m}, {@code 4h}, {@code 14d}: the schema has checked the form. */
    static Duration duration(String written) {
        long amount = Long.parseLong(written.substring(0, written.length() - 1));
        return switch (written.charAt(written.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("a duration ends in m, h or d: " + written);
        };
    }

    /**
     * A freeze's bound: a date and time, or a date. A date that ends a freeze means the whole of that day, so
     * {@code until: 2026-12-31} ends at the start of 2027-01-01.
     */
    static LocalDateTime moment(String written, boolean end) {
        if (written.length() > 10) {
            return LocalDateTime.parse(written);
        }
        LocalDate date = LocalDate.parse(written);
        return (end ? date.plusDays(1) : date).atStartOfDay();
    }

    private static boolean flag(JsonNode node, boolean fallback) {
        return node.isMissingNode() ? fallback : node.booleanValue();
    }

    private static PredictionSource predictions(JsonNode node) {
        PredictionSource defaults = PredictionSource.defaults();
        JsonNode columns = node.path("columns");
        List<String> classes = new ArrayList<>();
        node.path("classes").forEach(c -> classes.add(c.asText()));
        return new PredictionSource(
                text(node.path("path"), defaults.path()),
                constant(node.path("format"), FileFormat.class, defaults.format()),
                node.path("delimiter").isMissingNode() ? defaults.delimiter()
                        : node.path("delimiter").asText().charAt(0),
                column(columns, "label"),
                column(columns, "score"),
                column(columns, "prediction"),
                column(columns, "weight"),
                text(node.path("positive"), defaults.positive()),
                classes,
                number(node.path("threshold"), defaults.threshold()),
                constant(node.path("invalidRows"), InvalidRows.class, defaults.invalidRows()),
                number(node.path("maxDroppedShare"), defaults.maxDroppedShare()));
    }

    private static Column column(JsonNode columns, String conventional) {
        JsonNode named = columns.path(conventional);
        return named.isMissingNode() ? Column.byConvention(conventional) : Column.named(named.asText());
    }

    private static List<MetricLimit> limits(JsonNode limits) {
        List<MetricLimit> result = new ArrayList<>();
        for (JsonNode limit : limits) {
            result.add(new MetricLimit(limit.path("metric").asText(), optionalNumber(limit.path("min")),
                    optionalNumber(limit.path("max")), constant(limit.path("severity"), Severity.class, Severity.FAIL),
                    constant(limit.path("judge"), Judge.class, Judge.ESTIMATE)));
        }
        return result;
    }

    private static List<BaselineComparison> comparisons(JsonNode comparisons) {
        List<BaselineComparison> result = new ArrayList<>();
        for (JsonNode comparison : comparisons) {
            JsonNode direction = comparison.path("direction");
            result.add(new BaselineComparison(comparison.path("metric").asText(),
                    optionalNumber(comparison.path("maxDrop")), optionalNumber(comparison.path("maxRelativeDrop")),
                    optionalNumber(comparison.path("minGain")), optionalNumber(comparison.path("minRelativeGain")),
                    direction.isMissingNode() ? Optional.empty() : Optional.of(direction(direction.asText())),
                    constant(comparison.path("severity"), Severity.class, Severity.FAIL)));
        }
        return result;
    }

    private static List<SliceRule> slices(JsonNode slices) {
        List<SliceRule> result = new ArrayList<>();
        for (JsonNode slice : slices) {
            JsonNode minSize = slice.path("minSize");
            result.add(new SliceRule(slice.path("column").asText(),
                    minSize.isMissingNode() ? SliceRule.DEFAULT_MIN_SIZE : minSize.intValue(),
                    limits(slice.path("limits"))));
        }
        return result;
    }

    /** {@code higher} or {@code lower}, as written in a policy. */
    static Direction direction(String written) {
        return switch (written) {
            case "higher" -> Direction.HIGHER_IS_BETTER;
            case "lower" -> Direction.LOWER_IS_BETTER;
            default -> throw new IllegalArgumentException("direction must be higher or lower: " + written);
        };
    }

    private static <E extends Enum<E>> E constant(JsonNode node, Class<E> type, E fallback) {
        return node.isMissingNode() ? fallback : Enum.valueOf(type, node.asText().toUpperCase(Locale.ROOT));
    }

    private static String text(JsonNode node, String fallback) {
        return node.isMissingNode() ? fallback : node.asText();
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node.isMissingNode() ? Optional.empty() : Optional.of(node.asText());
    }

    private static double number(JsonNode node, double fallback) {
        return node.isMissingNode() ? fallback : node.doubleValue();
    }

    private static OptionalDouble optionalNumber(JsonNode node) {
        return node.isMissingNode() ? OptionalDouble.empty() : OptionalDouble.of(node.doubleValue());
    }
}
