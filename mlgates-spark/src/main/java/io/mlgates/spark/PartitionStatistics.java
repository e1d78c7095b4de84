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
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one or more partitions reduce to on their way between Spark's tasks and to the driver: their statistics as the
 * contract's JSON without the rank lists (small: counts and exact sums), the rank lists as {@link RankList}s
 * (primitive arrays, the bulk), or the first bad row that stopped them. Merging is exact: the skeletons merge through
 * the core's own {@code Statistics.merge}, the rank lists score by score with exact weights, so any tree of merges
 * gives the single pass's statistics bit for bit. Nothing of the core needs to be {@link Serializable}, and the
 * fields are plain (no records, no transient state) so that Java serialization and Kryo both carry it.
 */
final class PartitionStatistics implements Serializable {
    @Serial
    private static final long serialVersionUID = 2L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DISPLAY = "a partition's statistics";

    /** A partition's bad input, as the core's reader told it. */
    static final class Failure implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
        private final int partition;
        private final String file;
        private final long line;
        private final long column;
        private final String problem;

        Failure(int partition, String file, long line, long column, String problem) {
            this.partition = partition;
            this.file = file;
            this.line = line;
            this.column = column;
            this.problem = problem;
        }

        int partition() {
            return partition;
        }

        BadInputException exception() {
            return new BadInputException(file, line, column, problem);
        }
    }

    /** The statistics' JSON with every rank list empty; null for {@link #none()} and after a failure. */
    private byte[] skeleton;
    /** The rank lists, in the order the skeleton holds them. */
    private RankList[] lists;
    private Failure failure;

    private PartitionStatistics(byte[] skeleton, RankList[] lists, Failure failure) {
        this.skeleton = skeleton;
        this.lists = lists;
        this.failure = failure;
    }

    /** No rows yet: merged with another, gives the other (the zero of Spark's tree aggregation). */
    static PartitionStatistics none() {
        return new PartitionStatistics(null, new RankList[0], null);
    }

    static PartitionStatistics of(Statistics statistics) {
        Bytes out = new Bytes();
        try {
            statistics.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RankSections.Split split = RankSections.split(out.buffer(), out.size());
        return new PartitionStatistics(split.skeleton(), split.lists().toArray(RankList[]::new), null);
    }

    static PartitionStatistics failed(int partition, BadInputException e) {
        return new PartitionStatistics(null, new RankList[0], new Failure(partition, e.file(), e.line(), e.column(),
                e.problem()));
    }

    Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    private boolean isNone() {
        return skeleton == null && failure == null;
    }

    /**
     * These rows and {@code later}'s together (any order and grouping of merges gives the same statistics, bit for
     * bit); a failure wins, the one of the lowest partition first, as a read from the table's start would meet it.
     * Changes and returns this one, or returns {@code later} when this holds nothing yet.
     */
    PartitionStatistics merge(PartitionStatistics later, TaskType task) {
        if (later.isNone()) {
            return this;
        }
        if (isNone()) {
            return later;
        }
        if (failure != null || later.failure != null) {
            if (failure == null || later.failure != null && later.failure.partition() < failure.partition()) {
                failure = later.failure;
            }
            skeleton = null;
            lists = new RankList[0];
            return this;
        }
        // the skeletons hold no scores: the budget is never used, its folder never made
        try (ScoreBudget none = ScoreBudget.ofBytes(ScoreBudget.MIN_BYTES, Path.of(System.getProperty(
                "java.io.tmpdir")))) {
            Statistics into = parse(skeleton, none);
            Statistics other = parse(later.skeleton, none);
            if (task == TaskType.BINARY && !into.classes().equals(other.classes())) {
                List<String> both = binaryClasses(into.classes(), other.classes());
                into = into.classes().equals(both) ? into : relabel(into, both, none);
                other = other.classes().equals(both) ? other : relabel(other, both, none);
            }
            into.merge(other);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            into.write(out);
            byte[] merged = out.toByteArray();
            Map<String, RankList> mine = RankSections.byKey(skeleton, List.of(lists));
            Map<String, RankList> theirs = RankSections.byKey(later.skeleton, List.of(later.lists));
            List<String> keys = RankSections.keys(merged);
            RankList[] joined = new RankList[keys.size()];
            for (int i = 0; i < joined.length; i++) {
                joined[i] = RankList.merge(mine.getOrDefault(keys.get(i), RankList.EMPTY),
                        theirs.getOrDefault(keys.get(i), RankList.EMPTY));
            }
            skeleton = merged;
            lists = joined;
        } catch (BadInputException e) {
            failure = new Failure(-1, e.file(), e.line(), e.column(), e.problem());
            skeleton = null;
            lists = new RankList[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * The merged statistics, on the driver after the last merge: the contract's JSON, rank lists included, read once
     * by the core. Their rank summaries keep scores within {@code budget} (spilling past it): use them before closing
     * it.
     */
    Statistics statistics(ScoreBudget budget) throws BadInputException {
        if (failure != null) {
            throw failure.exception();
        }
        if (skeleton == null) {
            throw new IllegalStateException("no partition's statistics");
        }
        Bytes json = new Bytes();
        try {
            RankSections.join(skeleton, List.of(lists), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] whole = json.size() == json.buffer().length ? json.buffer()
                : java.util.Arrays.copyOf(json.buffer(), json.size());
        json = null;
        return parse(whole, budget);
    }

    private static Statistics parse(byte[] bytes, ScoreBudget scores) throws BadInputException {
        return StatisticsFiles.parse(bytes, DISPLAY, scores, PredictionReader.MAX_DISTINCT_VALUES);
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
            return parse(JSON.writeValueAsBytes(tree), budget);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A byte stream whose buffer is read in place, not copied. */
    private static final class Bytes extends ByteArrayOutputStream {
        Bytes() {
            super(1 << 16);
        }

        byte[] buffer() {
            return buf;
        }
    }
}
