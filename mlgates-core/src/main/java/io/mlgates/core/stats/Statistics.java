package io.mlgates.core.stats;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlgates.core.fairness.FairnessAccumulator;
import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.MulticlassAccumulator;
import io.mlgates.core.metrics.RegressionAccumulator;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.metrics.StateJson;
import io.mlgates.core.metrics.TaskType;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a shard of prediction rows reduces to for the gates (docs/statistics.md): the task's accumulator over all
 * rows, one per value of each slice column, the fairness groups, and the row counts of the read. Statistics built
 * alike (same task, classes, score column, calibration bins, slices and sensitive columns) {@link #merge} exactly:
 * merged in any order they give the metrics of one pass over all the rows, bit for bit. Not thread-safe.
 */
public final class Statistics {
    /** The value of {@code format} in every statistics file. */
    public static final String FORMAT = "mlgates-statistics";
    /** The version this engine writes and reads; docs/statistics.md says what changes it. */
    public static final int VERSION = 1;

    private final TaskType task;
    private final List<String> classes;
    private final Accumulator overall;
    private final Map<String, Map<String, Accumulator>> slices;
    private final Optional<FairnessAccumulator> fairness;
    private final Optional<Decisions> decisions;
    private long rowsDropped;
    private long failedPredictions;
    /** Cleared by a merge: merged statistics no longer come from one run of one engine. */
    private Optional<Origin> origin = Optional.empty();
    /** The current data's column profiles, for drift judged without the rows; merged with the statistics. */
    private Optional<CurrentProfile> profile = Optional.empty();

    private Statistics(TaskType task, List<String> classes, Accumulator overall,
                       Map<String, Map<String, Accumulator>> slices, Optional<FairnessAccumulator> fairness,
                       Optional<Decisions> decisions, long rowsDropped, long failedPredictions) {
        if (decisions.isPresent() != (task == TaskType.BINARY)) {
            throw new IllegalArgumentException("a binary model's statistics, and only those, say how rows became"
                    + " decisions");
        }
        this.task = task;
        this.classes = List.copyOf(classes);
        this.overall = overall;
        this.slices = slices;
        this.fairness = fairness;
        this.decisions = decisions;
        this.rowsDropped = rowsDropped;
        this.failedPredictions = failedPredictions;
    }

    /**
     * How a binary model's rows were read as decisions: a gate judges the statistics only under the same reading,
     * since the confusion counts depend on it.
     *
     * @param positive the positive class's label
     * @param threshold the score at or above which a row counted as predicted positive
     * @param predictionColumn the column whose values were the decisions; empty when the threshold made them
     */
    public record Decisions(String positive, double threshold, Optional<String> predictionColumn) {
        public Decisions {
            Objects.requireNonNull(positive, "positive");
            Objects.requireNonNull(predictionColumn, "predictionColumn");
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("threshold must lie in [0, 1]: " + threshold);
            }
        }

        /** In words, for a refusal: "positive 'bad', the score cut at 0.5". */
        public String describe() {
            return "positive '" + positive + "', " + predictionColumn.map(c -> "the decisions of column '" + c + "'")
                    .orElse("the score cut at " + threshold);
        }
    }

    /**
     * Which engine computed the statistics and over what, when another engine than a read of one file did
     * (docs/spark.md); a gate's result shows it.
     *
     * @param engine the engine, {@code spark}
     * @param engineVersion its version
     * @param input the table as the job was given it (a path or a URI)
     * @param format how the table was read ({@code parquet}, {@code csv}, ...)
     * @param rows the table's rows read: judged, dropped, and failed predictions that were not judged
     * @param partitions the partitions whose statistics were merged
     */
    public record Origin(String engine, String engineVersion, String input, String format, long rows,
                         long partitions) {
        public Origin {
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(engineVersion, "engineVersion");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(format, "format");
            if (rows < 0 || partitions < 1) {
                throw new IllegalArgumentException("an origin has rows (>= 0) and partitions (>= 1): " + rows + ", "
                        + partitions);
            }
        }

        /** In words: "spark 4.1.0 over 1000 rows in 4 partitions of data.parquet (parquet)". */
        public String describe() {
            return engine + " " + engineVersion + " over " + rows + " rows in " + partitions + " partition"
                    + (partitions == 1 ? "" : "s") + " of " + input + " (" + format + ")";
        }
    }

    /**
     * Statistics of a binary model's rows.
     *
     * @param slices per slice column, the accumulator of each value (filled by the caller)
     * @param decisions how the rows were read as decisions
     */
    public static Statistics binary(List<String> classes, BinaryAccumulator overall,
                                    Map<String, Map<String, BinaryAccumulator>> slices,
                                    Optional<FairnessAccumulator> fairness, Decisions decisions, long rowsDropped,
                                    long failedPredictions) {
        return new Statistics(TaskType.BINARY, classes, new Accumulator.Binary(overall), wrap(slices,
                Accumulator.Binary::new), fairness, Optional.of(decisions), rowsDropped, failedPredictions);
    }

    public static Statistics multiclass(List<String> classes, MulticlassAccumulator overall,
                                        Map<String, Map<String, MulticlassAccumulator>> slices, long rowsDropped,
                                        long failedPredictions) {
        return new Statistics(TaskType.MULTICLASS, classes, new Accumulator.Multiclass(overall),
                wrap(slices, Accumulator.Multiclass::new), Optional.empty(), Optional.empty(), rowsDropped, failedPredictions);
    }

    public static Statistics regression(RegressionAccumulator overall,
                                        Map<String, Map<String, RegressionAccumulator>> slices, long rowsDropped,
                                        long failedPredictions) {
        return new Statistics(TaskType.REGRESSION, List.of(), new Accumulator.Regression(overall),
                wrap(slices, Accumulator.Regression::new), Optional.empty(), Optional.empty(), rowsDropped, failedPredictions);
    }

    private static <A> Map<String, Map<String, Accumulator>> wrap(Map<String, Map<String, A>> slices,
                                                                 java.util.function.Function<A, Accumulator> as) {
        Map<String, Map<String, Accumulator>> wrapped = new TreeMap<>();
        slices.forEach((column, values) -> {
            Map<String, Accumulator> byValue = new TreeMap<>();
            values.forEach((value, acc) -> byValue.put(value, as.apply(acc)));
            wrapped.put(column, byValue);
        });
        return wrapped;
    }

    public TaskType task() {
        return task;
    }

    public List<String> classes() {
        return classes;
    }

    /** Rows judged. */
    public long rows() {
        return overall.rows();
    }

    public long rowsDropped() {
        return rowsDropped;
    }

    public long failedPredictions() {
        return failedPredictions;
    }

    /**
     * The rows of the table these statistics were read from: judged, dropped, and the failed predictions a binary
     * model does not judge (another task's are judged, and counted among them); what an {@link Origin} counts.
     */
    public long tableRows() {
        return rows() + rowsDropped + (task == TaskType.BINARY ? 0 : failedPredictions);
    }

    /** The task's accumulator over all rows: a binary, multiclass or regression accumulator. */
    public Object overall() {
        return overall.unwrap();
    }

    /**
     * These statistics with only the parts a reader needs: the slices, the fairness groups, the rank summary over all
     * rows. The accumulators kept are shared with these statistics, not copied.
     */
    public Statistics projected(boolean withSlices, boolean withFairness, boolean withOverallRanks) {
        Accumulator over = overall;
        if (!withOverallRanks && overall instanceof Accumulator.Binary b && b.acc().hasRankMetrics()) {
            over = new Accumulator.Binary(b.acc().withoutRanks());
        }
        Statistics projected = new Statistics(task, classes, over, withSlices ? slices : new TreeMap<>(),
                withFairness ? fairness : Optional.empty(), decisions, rowsDropped, failedPredictions);
        projected.profile = profile;
        return projected;
    }

    /** The binary accumulator over all rows; empty for another task. */
    public Optional<BinaryAccumulator> binary() {
        return overall instanceof Accumulator.Binary b ? Optional.of(b.acc()) : Optional.empty();
    }

    public Optional<MulticlassAccumulator> multiclass() {
        return overall instanceof Accumulator.Multiclass m ? Optional.of(m.acc()) : Optional.empty();
    }

    public Optional<RegressionAccumulator> regression() {
        return overall instanceof Accumulator.Regression r ? Optional.of(r.acc()) : Optional.empty();
    }

    /** The slice columns. */
    public List<String> sliceColumns() {
        return List.copyOf(slices.keySet());
    }

    public Optional<FairnessAccumulator> fairness() {
        return fairness;
    }

    /** How a binary model's rows were read as decisions; empty for another task. */
    public Optional<Decisions> decisions() {
        return decisions;
    }

    /** Which engine computed these statistics, when the file says so; empty once merged. */
    public Optional<Origin> origin() {
        return origin;
    }

    /** Says which engine computed these statistics, over what; written with them. */
    public void origin(Origin origin) {
        this.origin = Optional.of(origin);
    }

    /** The profiles of the input columns of the rows read, when these statistics carry them. */
    public Optional<CurrentProfile> profile() {
        return profile;
    }

    /** Carries {@code profile}, the current data's column profiles of these very rows; written with them. */
    public void profile(CurrentProfile profile) {
        this.profile = Optional.of(profile);
    }

    /** Whether the slice column's accumulators keep a rank summary (those of a binary model may). */
    public boolean sliceHasRanks(String column) {
        Map<String, Accumulator> values = slices.get(column);
        return values != null && values.values().stream()
                .allMatch(a -> a instanceof Accumulator.Binary b && b.acc().hasRankMetrics());
    }

    /**
     * Adds the rows of statistics built alike; {@code other} is unchanged (its score runs may be shared).
     *
     * @throws IllegalArgumentException when they were built differently, saying how
     */
    public void merge(Statistics other) {
        Optional<String> difference = differenceFrom(other);
        if (difference.isPresent()) {
            throw new IllegalArgumentException(difference.get());
        }
        overall.merge(other.overall);
        other.slices.forEach((column, values) -> values.forEach((value, acc) ->
                slices.get(column).computeIfAbsent(value, v -> acc.emptyLike()).merge(acc)));
        fairness.ifPresent(f -> f.merge(other.fairness.orElseThrow()));
        profile.ifPresent(p -> p.merge(other.profile.orElseThrow()));
        rowsDropped += other.rowsDropped;
        failedPredictions += other.failedPredictions;
        origin = Optional.empty();
    }

    /** How {@code other} was built differently, in words; empty when the two merge. */
    public Optional<String> differenceFrom(Statistics other) {
        if (task != other.task) {
            return Optional.of("a " + name(other.task) + " model's statistics, not a " + name(task) + " model's");
        }
        if (!classes.equals(other.classes)) {
            return Optional.of("the classes " + other.classes + ", not " + classes + " (in that order)");
        }
        String shape = overall.shape();
        String otherShape = other.overall.shape();
        if (!shape.equals(otherShape)) {
            return Optional.of(otherShape + ", not " + shape);
        }
        if (!slices.keySet().equals(other.slices.keySet())) {
            return Optional.of("the slice columns " + other.slices.keySet() + ", not " + slices.keySet());
        }
        if (!decisions.equals(other.decisions)) {
            return Optional.of("decisions read with " + other.decisions.map(Decisions::describe).orElse("nothing")
                    + ", not " + decisions.map(Decisions::describe).orElse("nothing"));
        }
        List<String> attributes = fairness.map(FairnessAccumulator::attributes).orElse(List.of());
        List<String> otherAttributes = other.fairness.map(FairnessAccumulator::attributes).orElse(List.of());
        if (fairness.isPresent() != other.fairness.isPresent() || !attributes.equals(otherAttributes)) {
            return Optional.of("the fairness attributes " + (other.fairness.isPresent() ? otherAttributes : "(none)")
                    + ", not " + (fairness.isPresent() ? attributes : "(none)"));
        }
        if (profile.isPresent() != other.profile.isPresent()) {
            return Optional.of(other.profile.isPresent() ? "the current data's column profiles, not none"
                    : "no column profiles of the current data, not the profiles of " + profile.get().names());
        }
        if (profile.isPresent()) {
            return profile.get().differenceFrom(other.profile.get());
        }
        return Optional.empty();
    }

    private static String name(TaskType task) {
        return task.name().toLowerCase(Locale.ROOT);
    }

    /** Writes the statistics file: UTF-8 JSON of the contract's current {@link #VERSION}. */
    public void write(OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("task", name(task));
            g.writeArrayFieldStart("classes");
            for (String c : classes) {
                g.writeString(c);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("rows");
            g.writeNumberField("judged", rows());
            g.writeNumberField("dropped", rowsDropped);
            g.writeNumberField("failedPredictions", failedPredictions);
            g.writeEndObject();
            g.writeFieldName("metrics");
            overall.write(g);
            g.writeArrayFieldStart("slices");
            for (Map.Entry<String, Map<String, Accumulator>> column : slices.entrySet()) {
                g.writeStartObject();
                g.writeStringField("column", column.getKey());
                g.writeArrayFieldStart("groups");
                for (Map.Entry<String, Accumulator> value : column.getValue().entrySet()) {
                    g.writeStartObject();
                    g.writeStringField("value", value.getKey());
                    g.writeFieldName("metrics");
                    value.getValue().write(g);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (fairness.isPresent()) {
                g.writeFieldName("fairness");
                fairness.get().writeState(g);
            }
            if (decisions.isPresent()) {
                g.writeObjectFieldStart("decisions");
                g.writeStringField("positive", decisions.get().positive());
                g.writeNumberField("threshold", decisions.get().threshold());
                g.writeStringField("predictionColumn", decisions.get().predictionColumn().orElse(null));
                g.writeEndObject();
            }
            if (origin.isPresent()) {
                Origin o = origin.get();
                g.writeObjectFieldStart("origin");
                g.writeStringField("engine", o.engine());
                g.writeStringField("engineVersion", o.engineVersion());
                g.writeStringField("input", o.input());
                g.writeStringField("format", o.format());
                g.writeNumberField("rows", o.rows());
                g.writeNumberField("partitions", o.partitions());
                g.writeEndObject();
            }
            if (profile.isPresent()) {
                g.writeFieldName("profile");
                profile.get().write(g);
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    /**
     * Builds statistics from a document that the contract's schema accepted.
     *
     * @param maxGroups most groups a fairness attribute may have
     */
    static Statistics fromDocument(JsonNode root, ScoreBudget budget, int maxGroups)
            throws StateJson.StateException {
        TaskType task = TaskType.valueOf(root.path("task").asText().toUpperCase(Locale.ROOT));
        List<String> classes = new ArrayList<>();
        root.path("classes").forEach(c -> classes.add(c.asText()));
        Accumulator overall = Accumulator.read(task, root.path("metrics"), "/metrics", budget);
        Map<String, Map<String, Accumulator>> slices = new TreeMap<>();
        JsonNode sliceStates = root.path("slices");
        for (int i = 0; i < sliceStates.size(); i++) {
            JsonNode column = sliceStates.get(i);
            String name = column.path("column").asText();
            if (slices.containsKey(name)) {
                throw new StateJson.StateException("/slices/" + i + "/column", "expected each slice column once, got '"
                        + name + "' again");
            }
            Map<String, Accumulator> byValue = new TreeMap<>();
            long rows = 0;
            JsonNode groups = column.path("groups");
            for (int j = 0; j < groups.size(); j++) {
                String at = "/slices/" + i + "/groups/" + j;
                String value = groups.get(j).path("value").asText();
                Accumulator acc = Accumulator.read(task, groups.get(j).path("metrics"), at + "/metrics", budget);
                if (byValue.put(value, acc) != null) {
                    throw new StateJson.StateException(at + "/value", "expected each value once, got '" + value
                            + "' again");
                }
                rows += acc.rows();
            }
            if (rows != overall.rows()) {
                throw new StateJson.StateException("/slices/" + i, "expected groups holding every row ("
                        + overall.rows() + "), got " + rows);
            }
            slices.put(name, byValue);
        }
        Optional<FairnessAccumulator> fairness = Optional.empty();
        if (root.has("fairness")) {
            if (task != TaskType.BINARY) {
                throw new StateJson.StateException("/fairness", "expected fairness groups for a binary model only");
            }
            BinaryAccumulator binary = ((Accumulator.Binary) overall).acc();
            FairnessAccumulator f = FairnessShape.of(root.path("fairness"), binary.hasScores(),
                    binary.calibrationBins(), maxGroups);
            f.readState(root.path("fairness"), "/fairness");
            if (f.rows() != overall.rows()) {
                throw new StateJson.StateException("/fairness/overall", "expected the fairness groups to hold every"
                        + " row (" + overall.rows() + "), got " + f.rows());
            }
            fairness = Optional.of(f);
        }
        Optional<Decisions> decisions = Optional.empty();
        if (root.has("decisions")) {
            if (task != TaskType.BINARY) {
                throw new StateJson.StateException("/decisions", "expected decisions for a binary model only");
            }
            JsonNode d = root.path("decisions");
            JsonNode column = d.path("predictionColumn");
            decisions = Optional.of(new Decisions(d.path("positive").asText(), d.path("threshold").asDouble(),
                    column.isNull() ? Optional.empty() : Optional.of(column.asText())));
        } else if (task == TaskType.BINARY) {
            throw new StateJson.StateException("", "expected \"decisions\": how the rows were read as decisions"
                    + " (positive class, threshold, prediction column), which a binary model's statistics hold");
        }
        JsonNode rows = root.path("rows");
        long judged = StateJson.count(rows, "judged", "/rows");
        if (judged != overall.rows()) {
            throw new StateJson.StateException("/rows/judged", "expected the rows of the metrics (" + overall.rows()
                    + "), got " + judged);
        }
        Statistics read = new Statistics(task, classes, overall, slices, fairness, decisions,
                StateJson.count(rows, "dropped", "/rows"), StateJson.count(rows, "failedPredictions", "/rows"));
        if (root.has("origin")) {
            JsonNode o = root.path("origin");
            long tableRows = StateJson.count(o, "rows", "/origin");
            long inTable = read.tableRows();
            if (tableRows != inTable) {
                throw new StateJson.StateException("/origin/rows", "expected the rows judged, dropped and failed"
                        + " (" + inTable + "), got " + tableRows);
            }
            read.origin(new Origin(o.path("engine").asText(), o.path("engineVersion").asText(),
                    o.path("input").asText(), o.path("format").asText(), tableRows,
                    StateJson.count(o, "partitions", "/origin")));
        }
        if (root.has("profile")) {
            read.profile(CurrentProfile.read(root.path("profile"), "/profile", read.rows(),
                    task == TaskType.BINARY, read.binary().map(BinaryAccumulator::hasScores).orElse(false)));
        }
        return read;
    }

    /** The task's accumulator, whichever it is. */
    private sealed interface Accumulator {
        long rows();

        void merge(Accumulator other);

        void write(JsonGenerator g) throws IOException;

        /** How it was built, in words, for a refused merge. */
        String shape();

        Accumulator emptyLike();

        Object unwrap();

        static Accumulator read(TaskType task, JsonNode state, String pointer, ScoreBudget budget)
                throws StateJson.StateException {
            return switch (task) {
                case BINARY -> new Binary(BinaryAccumulator.readState(state, pointer, budget));
                case MULTICLASS -> new Multiclass(MulticlassAccumulator.readState(state, pointer));
                case REGRESSION -> new Regression(RegressionAccumulator.readState(state, pointer));
            };
        }

        record Binary(BinaryAccumulator acc) implements Accumulator {
            @Override
            public long rows() {
                return acc.rows();
            }

            @Override
            public void merge(Accumulator other) {
                acc.merge(((Binary) other).acc);
            }

            @Override
            public void write(JsonGenerator g) throws IOException {
                acc.writeState(g);
            }

            @Override
            public String shape() {
                return (acc.hasScores() ? "scores in " + acc.calibrationBins() + " calibration bins" : "no scores")
                        + (acc.hasRankMetrics() ? " with a rank summary" : " without a rank summary");
            }

            @Override
            public Object unwrap() {
                return acc;
            }

            @Override
            public Accumulator emptyLike() {
                return new Binary(acc.emptyLike());
            }
        }

        record Multiclass(MulticlassAccumulator acc) implements Accumulator {
            @Override
            public long rows() {
                return acc.rows();
            }

            @Override
            public void merge(Accumulator other) {
                acc.merge(((Multiclass) other).acc);
            }

            @Override
            public void write(JsonGenerator g) throws IOException {
                acc.writeState(g);
            }

            @Override
            public String shape() {
                return "a confusion matrix";
            }

            @Override
            public Object unwrap() {
                return acc;
            }

            @Override
            public Accumulator emptyLike() {
                return new Multiclass(new MulticlassAccumulator());
            }
        }

        record Regression(RegressionAccumulator acc) implements Accumulator {
            @Override
            public long rows() {
                return acc.rows();
            }

            @Override
            public void merge(Accumulator other) {
                acc.merge(((Regression) other).acc);
            }

            @Override
            public void write(JsonGenerator g) throws IOException {
                acc.writeState(g);
            }

            @Override
            public String shape() {
                return "regression sums";
            }

            @Override
            public Object unwrap() {
                return acc;
            }

            @Override
            public Accumulator emptyLike() {
                return new Regression(new RegressionAccumulator());
            }
        }
    }

    @Override
    public String toString() {
        return "Statistics[" + name(task) + ", " + rows() + " rows]";
    }

    /** Slices as the gate reads them: column to value to accumulator, of the task's accumulator type. */
    public <A> Map<String, Map<String, A>> slices(Class<A> type) {
        Map<String, Map<String, A>> out = new LinkedHashMap<>();
        slices.forEach((column, values) -> {
            Map<String, A> byValue = new TreeMap<>();
            values.forEach((value, acc) -> byValue.put(value, type.cast(acc.unwrap())));
            out.put(column, byValue);
        });
        return out;
    }
}
