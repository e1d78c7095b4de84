package io.mlgates.core.gate;

import io.mlgates.core.data.PredictionReader;
import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.MetricOptions;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.MulticlassAccumulator;
import io.mlgates.core.metrics.RegressionAccumulator;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.metrics.ScoreCurves;
import io.mlgates.core.metrics.TaskType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The accumulator of a task, fed from the reader's current row: one seam, so the gate reads the same for every task. */
abstract sealed class TaskMetrics {
    /** @param scoreBudget the memory the kept scores share, spilling to disk past it */
    static TaskMetrics create(TaskType task, boolean hasScores, boolean rankMetrics, int calibrationBins,
                              ScoreBudget scoreBudget) {
        return switch (task) {
            case BINARY -> new Binary(hasScores, rankMetrics, calibrationBins, scoreBudget);
            case MULTICLASS -> new Multiclass();
            case REGRESSION -> new Regression();
        };
    }

    /** The metrics of an accumulator filled elsewhere (statistics read from files): one of the tasks' three. */
    static TaskMetrics of(Object accumulator) {
        if (accumulator instanceof BinaryAccumulator b) {
            return new Binary(b);
        } else if (accumulator instanceof MulticlassAccumulator m) {
            return new Multiclass(m);
        }
        return new Regression((RegressionAccumulator) accumulator);
    }

    abstract void add(PredictionReader row);

    /** Adds the rows {@code later} (of the same task and options) counted after this one's. */
    abstract void merge(TaskMetrics later);

    abstract long rows();

    abstract Map<String, MetricValue> compute(List<String> classNames, MetricOptions options);

    /** The curves to chart; only a binary model with scores has them. */
    Optional<ScoreCurves> curves() {
        return Optional.empty();
    }

    static final class Binary extends TaskMetrics {
        private final BinaryAccumulator acc;

        Binary(boolean hasScores, boolean rankMetrics, int calibrationBins, ScoreBudget scoreBudget) {
            this(new BinaryAccumulator(hasScores, rankMetrics, calibrationBins, scoreBudget));
        }

        Binary(BinaryAccumulator acc) {
            this.acc = acc;
        }

        @Override
        void add(PredictionReader row) {
            acc.add(row.actualPositive(), row.predictedPositive(), row.score(), row.weight());
        }

        @Override
        void merge(TaskMetrics later) {
            acc.merge(((Binary) later).acc);
        }

        @Override
        long rows() {
            return acc.rows();
        }

        @Override
        Map<String, MetricValue> compute(List<String> classNames, MetricOptions options) {
            return acc.compute(options);
        }

        @Override
        Optional<ScoreCurves> curves() {
            return acc.curves();
        }
    }

    static final class Multiclass extends TaskMetrics {
        private final MulticlassAccumulator acc;

        Multiclass() {
            this(new MulticlassAccumulator());
        }

        Multiclass(MulticlassAccumulator acc) {
            this.acc = acc;
        }

        @Override
        void add(PredictionReader row) {
            acc.add(row.actualClass(), row.predictedClass(), row.weight());
        }

        @Override
        void merge(TaskMetrics later) {
            acc.merge(((Multiclass) later).acc);
        }

        @Override
        long rows() {
            return acc.rows();
        }

        @Override
        Map<String, MetricValue> compute(List<String> classNames, MetricOptions options) {
            return acc.compute(classNames, options);
        }
    }

    static final class Regression extends TaskMetrics {
        private final RegressionAccumulator acc;

        Regression() {
            this(new RegressionAccumulator());
        }

        Regression(RegressionAccumulator acc) {
            this.acc = acc;
        }

        @Override
        void add(PredictionReader row) {
            acc.add(row.target(), row.predicted(), row.weight());
        }

        @Override
        void merge(TaskMetrics later) {
            acc.merge(((Regression) later).acc);
        }

        @Override
        long rows() {
            return acc.rows();
        }

        @Override
        Map<String, MetricValue> compute(List<String> classNames, MetricOptions options) {
            return acc.compute(options);
        }
    }
}
