package io.mlgates.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgates.core.BadInputException;
import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.metrics.TaskType;
import io.mlgates.core.stats.Statistics;
import io.mlgates.core.stats.StatisticsFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * What a partition reduces to on its way to the driver: its statistics in the contract's own JSON (so that nothing
 * of the core needs to be {@link Serializable}), or the first bad row that stopped it. On the driver the results
 * merge into one live {@link Statistics}: each partition's JSON is read once.
 */
final class PartitionStatistics implements Serializable, AutoCloseable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A partition's bad input, as the core's reader told it. */
    record Failure(int partition, String file, long line, long column, String problem) implements Serializable {
        BadInputException exception() {
            return new BadInputException(file, line, column, problem);
        }
    }

    private byte[] json;
    private Failure failure;
    /** The statistics merged so far on the driver; written back to {@link #json} if ever sent again. */
    private transient Statistics live;
    /** Where the driver keeps the merged rank summaries' scores; made at the first merge, closed with this. */
    private transient ScoreBudget budget;

    private PartitionStatistics(byte[] json, Failure failure) {
        this.json = json;
        this.failure = failure;
    }

    static PartitionStatistics of(Statistics statistics) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            statistics.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PartitionStatistics(out.toByteArray(), null);
    }

    static PartitionStatistics failed(int partition, BadInputException e) {
        return new PartitionStatistics(null, new Failure(partition, e.file(), e.line(), e.column(), e.problem()));
    }

    Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Adds {@code later}'s rows to these (any order gives the same statistics, bit for bit); a failure wins, the one of
     * the lowest partition first, as a read from the table's start would meet it.
     */
    PartitionStatistics merge(PartitionStatistics later, TaskType task) {
        if (failure != null || later.failure != null) {
            if (failure == null || later.failure != null && later.failure.partition() < failure.partition()) {
                failure = later.failure;
            }
            live = null;
            json = null;
            return this;
        }
        try {
            Statistics into = live();
            Statistics other = later.parse(json(later), budget());
            if (task == TaskType.BINARY && !into.classes().equals(other.classes())) {
                List<String> both = binaryClasses(into.classes(), other.classes());
                into = into.classes().equals(both) ? into : relabel(into, both, budget());
                other = other.classes().equals(both) ? other : relabel(other, both, budget());
            }
            into.merge(other);
            live = into;
            json = null;
            return this;
        } catch (BadInputException e) {
            failure = new Failure(-1, e.file(), e.line(), e.column(), e.problem());
            live = null;
            json = null;
            return this;
        }
    }

    /**
     * The merged statistics; call on the driver, after the last merge. Their rank summaries may keep scores in this
     * object's spill folder: use them before {@link #close()}.
     */
    Statistics statistics() throws BadInputException {
        if (failure != null) {
            throw failure.exception();
        }
        return live();
    }

    private Statistics live() throws BadInputException {
        if (live == null) {
            live = parse(json, budget());
        }
        return live;
    }

    private static byte[] json(PartitionStatistics p) throws BadInputException {
        if (p.json == null) {
            // a result merged already on the driver is never merged into another
            throw new IllegalStateException("partition statistics merged twice");
        }
        return p.json;
    }

    private Statistics parse(byte[] bytes, ScoreBudget scores) throws BadInputException {
        return StatisticsFiles.parse(bytes, "a partition's statistics", scores, PredictionReader.MAX_DISTINCT_VALUES);
    }

    private ScoreBudget budget() {
        if (budget == null) {
            budget = ScoreBudget.defaults();
        }
        return budget;
    }

    @Override
    public void close() {
        if (budget != null) {
            budget.close();
        }
    }

    /**
     * A binary model's classes as two partitions found them without declared classes: the positive class first, then
     * the other label once a partition met it. A partition that met only positives names one class; two partitions
     * that met different other labels met three classes, which a read of the whole table refuses too.
     */
    private static List<String> binaryClasses(List<String> a, List<String> b) throws BadInputException {
        List<String> longer = a.size() >= b.size() ? a : b;
        List<String> shorter = longer == a ? b : a;
        if (longer.subList(0, shorter.size()).equals(shorter)) {
            return longer;
        }
        throw new BadInputException("the table", 0, 0, "the labels " + a + " and " + b + " make more than two"
                + " classes, but a binary model has two; declare predictions.classes or set task: multiclass");
    }

    /** The same statistics naming {@code classes}: only the negative class's name was unknown. */
    private static Statistics relabel(Statistics statistics, List<String> classes, ScoreBudget budget)
            throws BadInputException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            statistics.write(out);
            JsonNode tree = JSON.readTree(out.toByteArray());
            ArrayNode names = ((ObjectNode) tree).putArray("classes");
            classes.forEach(names::add);
            return StatisticsFiles.parse(JSON.writeValueAsBytes(tree), "a partition's statistics", budget,
                    PredictionReader.MAX_DISTINCT_VALUES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws IOException {
        if (json == null && live != null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            live.write(bytes);
            json = bytes.toByteArray();
        }
        out.defaultWriteObject();
    }
}
