package io.mlgates.core.stats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.metrics.StateJson;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.policy.Policy;
import io.mlgates.core.policy.PredictionSource;
import io.mlgates.core.profile.ColumnAccumulator;
import io.mlgates.core.profile.ColumnProfile;
import io.mlgates.core.profile.DataProfile;
import io.mlgates.core.profile.TableAccumulator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The current data as the drift checks read it beside the predictions (a policy with {@code data.reference} or
 * {@code data.profile} and no {@code data.current}): the profiles of the input columns of the rows read, and a binary
 * model's answers (the profile of its scores, its decisions counted) for the drift of its output. The gate fills it in
 * its pass over the rows; a statistics file carries it as its {@code profile} section (docs/statistics.md), written
 * by {@code mlgates stats} and the Spark job, so that {@code validate --stats} judges drift as on the rows. It merges
 * exactly, as its column accumulators do: the section keeps how each number was written (the spellings), which a merge
 * needs and a profile does not keep. Not thread-safe.
 */
public final class CurrentProfile {
    /** The name of the model's scores among the profiled columns, as the drift results name them. */
    public static final String SCORE = "score";

    private final TableAccumulator inputs;
    private final boolean output;
    private final ColumnAccumulator score;
    private long scoredRows;
    private long positive;
    private long negative;

    /**
     * An empty profile of {@code columns}.
     *
     * @param output whether the model's answers are kept too (a binary model's)
     */
    public CurrentProfile(List<String> columns, boolean output) {
        this(new TableAccumulator(columns), output, new ColumnAccumulator(), 0, 0, 0);
    }

    private CurrentProfile(TableAccumulator inputs, boolean output, ColumnAccumulator score, long scoredRows,
                           long positive, long negative) {
        this.inputs = inputs;
        this.output = output;
        this.score = score;
        this.scoredRows = scoredRows;
        this.positive = positive;
        this.negative = negative;
    }

    /** Whether {@code policy} judges drift of input columns read beside the predictions, and so needs this. */
    public static boolean needed(Policy policy) {
        return policy.data().judged() && policy.data().current().isEmpty();
    }

    /**
     * The input columns to profile of a table with {@code tableColumns}: the policy's {@code data.columns} the table
     * has, or else every column but the label, score, prediction, weight and slice columns (the gate judges those of
     * them that the reference has too, so a profile does not depend on the reference).
     */
    public static List<String> columns(Policy policy, PredictionSource source, List<String> tableColumns) {
        if (!policy.data().columns().isEmpty()) {
            return policy.data().columns().stream().filter(tableColumns::contains).toList();
        }
        Set<String> roles = new LinkedHashSet<>(List.of(source.label().name(), source.score().name(),
                source.prediction().name(), source.weight().name()));
        roles.addAll(RowStatistics.Shape.slices(policy).sliceColumns());
        return new LinkedHashSet<>(tableColumns).stream().filter(c -> !roles.contains(c)).toList();
    }

    /**
     * Adds the reader's current row: its input columns (the reader's inputs from index {@code first}, in this
     * profile's order) and, when kept, the model's answer.
     */
    public void add(PredictionReader row, int first) {
        inputs.countRow();
        for (int i = 0; i < inputs.names().size(); i++) {
            if (row.inputIsNull(first + i)) {
                inputs.column(i).addNull();
            } else {
                inputs.column(i).add(row.inputText(first + i));
            }
        }
        if (!output || row.predictionFailed()) {
            return; // no answer of the model to compare: it is counted against the model elsewhere
        }
        scoredRows++;
        if (row.hasScores()) {
            score.add(Double.toString(row.score()));
        }
        if (row.predictedPositive()) {
            positive++;
        } else {
            negative++;
        }
    }

    /** Adds the rows {@code later} profiled (built alike: {@link #differenceFrom} is empty); it is unchanged. */
    public void merge(CurrentProfile later) {
        Optional<String> difference = differenceFrom(later);
        if (difference.isPresent()) {
            throw new IllegalArgumentException(difference.get());
        }
        inputs.merge(later.inputs);
        score.merge(later.score);
        scoredRows += later.scoredRows;
        positive += later.positive;
        negative += later.negative;
    }

    /** How {@code other} was built differently, in words; empty when the two merge. */
    public Optional<String> differenceFrom(CurrentProfile other) {
        if (!inputs.names().equals(other.inputs.names())) {
            return Optional.of("the profiles of the input columns " + other.inputs.names() + ", not "
                    + inputs.names());
        }
        if (output != other.output) {
            return Optional.of("profiles " + (other.output ? "with" : "without") + " the model's answers, not "
                    + (output ? "with" : "without"));
        }
        return Optional.empty();
    }

    /** The profiled input columns, in order. */
    public List<String> names() {
        return inputs.names();
    }

    /** The input columns' profiles. */
    public DataProfile inputs() {
        return inputs.profile();
    }

    /** Whether the model's answers are kept (a binary model's). */
    public boolean hasOutput() {
        return output;
    }

    /** The profile of the model's scores, named {@value #SCORE}; no rows without scores. */
    public ColumnProfile score() {
        return score.profile(SCORE);
    }

    /** Rows with an answer of the model: the rows whose prediction did not fail. */
    public long scoredRows() {
        return scoredRows;
    }

    /** Of the {@link #scoredRows}, those predicted positive. */
    public long positive() {
        return positive;
    }

    /** Of the {@link #scoredRows}, those predicted negative. */
    public long negative() {
        return negative;
    }

    /** Rows profiled. */
    public long rows() {
        return inputs.rows();
    }

    /**
     * Shards of profiles of {@code columns} for a parallel read of a reader whose input columns from index
     * {@code first} are these.
     */
    public static PredictionReader.Shards<CurrentProfile> shards(List<String> columns, boolean output, int first) {
        return new PredictionReader.Shards<>() {
            @Override
            public CurrentProfile create() {
                return new CurrentProfile(columns, output);
            }

            @Override
            public void add(CurrentProfile shard, PredictionReader row) {
                shard.add(row, first);
            }

            @Override
            public void merge(CurrentProfile into, CurrentProfile later) {
                into.merge(later);
            }
        };
    }

    /**
     * Reads every row of {@code reader} (opened on {@code source} with the shape's group columns and, as its input
     * columns, {@code columns}) into the statistics of {@code shape} with this profile of the rows, in one pass.
     */
    public static Statistics readWithStatistics(PredictionReader reader, PredictionSource source, TaskType task,
                                                RowStatistics.Shape shape, ScoreBudget budget, List<String> columns)
            throws BadInputException {
        PredictionReader.Shards<RowStatistics.Shard> statistics = RowStatistics.shards(task, reader.hasScores(),
                shape, budget);
        PredictionReader.Shards<CurrentProfile> profiles = shards(columns, task == TaskType.BINARY, 0);
        PredictionReader.Both<RowStatistics.Shard, CurrentProfile> read = reader.readAll(
                PredictionReader.Shards.beside(statistics, profiles));
        Statistics s = RowStatistics.statistics(read.first(), reader, source, task, shape);
        s.profile(read.second());
        return s;
    }

    /** The section alone, as a statistics file holds it: to send it elsewhere (a Spark partition's to the driver). */
    public byte[] json() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
            write(g);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A section sent with {@link #json()}, checked as a file's section is (its own rows, answers and scores taken as
     * it says; the file it joins checks them against its statistics when read).
     *
     * @param display how messages name it
     */
    public static CurrentProfile fromJson(byte[] json, String display) throws BadInputException {
        try {
            JsonNode section = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            return read(section, "", section.path("rows").asLong(), section.has("output"),
                    section.path("output").path("score").path("rows").asLong() > 0);
        } catch (IOException e) {
            throw new BadInputException(display, 0, 0, "not valid JSON: " + e.getMessage(), e);
        } catch (StateJson.StateException e) {
            throw StatisticsFiles.refusal(json, display, e.pointer(), e.getMessage());
        }
    }

    /** Writes the section: UTF-8 JSON of the contract, each column as a profile file writes it. */
    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("rows", rows());
        g.writeArrayFieldStart("columns");
        DataProfile profile = inputs.profile();
        for (ColumnProfile column : profile.columns()) {
            StringBuilder json = new StringBuilder();
            ProfileFiles.column(json, column);
            g.writeRawValue(json.toString());
        }
        g.writeEndArray();
        g.writeObjectFieldStart("spellings");
        for (int i = 0; i < inputs.names().size(); i++) {
            SortedMap<String, Long> spelled = inputs.column(i).spellings();
            if (!spelled.isEmpty()) {
                g.writeFieldName(inputs.names().get(i));
                spellings(g, spelled);
            }
        }
        g.writeEndObject();
        if (output) {
            g.writeObjectFieldStart("output");
            g.writeNumberField("scoredRows", scoredRows);
            g.writeNumberField("positive", positive);
            g.writeNumberField("negative", negative);
            StringBuilder json = new StringBuilder();
            ProfileFiles.column(json, score());
            g.writeFieldName("score");
            g.writeRawValue(json.toString());
            g.writeFieldName("scoreSpellings");
            spellings(g, score.spellings());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void spellings(JsonGenerator g, SortedMap<String, Long> spelled) throws IOException {
        g.writeStartArray();
        for (Map.Entry<String, Long> e : spelled.entrySet()) {
            g.writeStartArray();
            g.writeString(e.getKey());
            g.writeNumber(e.getValue());
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /**
     * Reads the section at {@code at} of a document the contract's schema accepted, checking what a schema cannot say
     * (counts that add up, spellings of the very numbers counted).
     *
     * @param rows the rows the statistics judged (a binary model's failed predictions among them): each was profiled
     * @param binary whether the statistics are a binary model's, whose answers the section keeps
     * @param hasScores whether its rows have scores
     */
    static CurrentProfile read(JsonNode section, String at, long rows, boolean binary, boolean hasScores)
            throws StateJson.StateException {
        long profiled = section.path("rows").asLong();
        if (profiled != rows) {
            throw new StateJson.StateException(at + "/rows", "expected the rows the statistics judged (" + rows
                    + "), got " + profiled);
        }
        JsonNode spellings = section.path("spellings");
        List<String> names = new ArrayList<>();
        List<ColumnAccumulator> columns = new ArrayList<>();
        JsonNode list = section.path("columns");
        for (int i = 0; i < list.size(); i++) {
            String pointer = at + "/columns/" + i;
            ColumnProfile column = column(list.get(i), pointer, rows);
            if (names.contains(column.name())) {
                throw new StateJson.StateException(pointer + "/name", "expected each column once, got '"
                        + column.name() + "' again");
            }
            names.add(column.name());
            columns.add(restore(column, spellings.get(column.name()), at + "/spellings/"
                    + column.name().replace("~", "~0").replace("/", "~1"), pointer));
        }
        var unknown = new ArrayList<String>();
        spellings.fieldNames().forEachRemaining(n -> {
            if (!names.contains(n)) {
                unknown.add(n);
            }
        });
        if (!unknown.isEmpty()) {
            throw new StateJson.StateException(at + "/spellings", "expected spellings of profiled columns only, got"
                    + " those of " + unknown);
        }
        TableAccumulator inputs = TableAccumulator.of(rows, names, columns);
        JsonNode o = section.path("output");
        if (binary != section.has("output")) {
            throw new StateJson.StateException(binary ? at : at + "/output", "expected the model's answers"
                    + " (\"output\") " + (binary ? "in a binary model's profile" : "only in a binary model's profile"));
        }
        if (!binary) {
            return new CurrentProfile(inputs, false, new ColumnAccumulator(), 0, 0, 0);
        }
        long scored = StateJson.count(o, "scoredRows", at + "/output");
        long pos = StateJson.count(o, "positive", at + "/output");
        long neg = StateJson.count(o, "negative", at + "/output");
        if (scored > rows || pos + neg != scored) {
            throw new StateJson.StateException(at + "/output/scoredRows", "expected at most the " + rows + " rows,"
                    + " predicted positive or negative (" + pos + " + " + neg + "), got " + scored);
        }
        ColumnProfile scores = column(o.path("score"), at + "/output/score", o.path("score").path("rows").asLong());
        long expected = hasScores ? scored : 0;
        if (scores.rows() != expected || scores.nulls() != 0 || !scores.name().equals(SCORE)) {
            throw new StateJson.StateException(at + "/output/score", "expected the scores of the " + expected
                    + " rows with an answer" + (hasScores ? "" : " (the rows have no scores)") + ", named '" + SCORE
                    + "'");
        }
        ColumnAccumulator score = restore(scores, o.get("scoreSpellings"), at + "/output/scoreSpellings",
                at + "/output/score");
        return new CurrentProfile(inputs, true, score, scored, pos, neg);
    }

    private static ColumnProfile column(JsonNode node, String at, long rows) throws StateJson.StateException {
        try {
            return ProfileFiles.column(node, at, rows);
        } catch (ProfileFiles.Refusal r) {
            throw new StateJson.StateException(r.pointer, r.getMessage());
        }
    }

    /** The accumulator of a column read, with its spellings (present exactly when the profile keeps numbers). */
    private static ColumnAccumulator restore(ColumnProfile column, JsonNode spelled, String at, String columnAt)
            throws StateJson.StateException {
        boolean numbers = column.values() instanceof io.mlgates.core.profile.ColumnValues.Numbers;
        if (numbers != (spelled != null)) {
            throw new StateJson.StateException(numbers ? columnAt : at, numbers ? "expected the spellings of the"
                    + " column's numbers beside it" : "expected spellings only for a column that counts its numbers");
        }
        TreeMap<String, Long> spellings = new TreeMap<>();
        if (spelled != null) {
            String previous = null;
            for (int i = 0; i < spelled.size(); i++) {
                String spelling = spelled.get(i).get(0).asText();
                if (previous != null && previous.compareTo(spelling) >= 0) {
                    throw new StateJson.StateException(at + "/" + i, "expected distinct spellings in ascending order");
                }
                previous = spelling;
                spellings.put(spelling, spelled.get(i).get(1).asLong());
            }
        }
        try {
            return ColumnAccumulator.of(column, spellings);
        } catch (IllegalArgumentException e) {
            throw new StateJson.StateException(spelled != null ? at : columnAt, "expected what a profile of rows"
                    + " holds: " + e.getMessage());
        }
    }
}
