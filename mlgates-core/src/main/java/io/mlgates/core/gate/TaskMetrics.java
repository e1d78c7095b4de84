package io.mlgates.core.gate;

import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.MetricOptions;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.MulticlassAccumulator;
import io.mlgates.core.metrics.RegressionAccumulator;
import io.mlgates.core.metrics.ScoreCurves;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The metrics of a task's accumulator: one seam, so that a gate judges every task the same way. */
abstract sealed class TaskMetrics {
    /** The metrics of an accumulator (of rows read, or of statistics files): one of the tasks' three. */
    static TaskMetrics of(Object accumulator) {
        if (accumulator instanceof BinaryAccumulator b) {
            return new Binary(b);
        } else if (accumulator instanceof MulticlassAccumulator m) {
            return new Multiclass(m);
        }
        return new Regression((RegressionAccumulator) accumulator);
    }

    abstract long rows();

    abstract Map<String, MetricValue> compute(List<String> classNames, MetricOptions options);

    /** The curves to chart; only a binary model with scores has them. */
    Optional<ScoreCurves> curves() {
        return Optional.empty();
    }

    static final class Binary extends TaskMetrics {
        private final BinaryAccumulator acc;

        Binary(BinaryAccumulator acc) {
            this.acc = acc;
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

        Multiclass(MulticlassAccumulator acc) {
            this.acc = acc;
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

        Regression(RegressionAccumulator acc) {
            this.acc = acc;
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
