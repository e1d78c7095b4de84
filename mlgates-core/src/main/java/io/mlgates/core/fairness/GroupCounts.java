package io.mlgates.core.fairness;

import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.Intervals;
import io.mlgates.core.metrics.MetricOptions;
import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.WeightTally;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows of one group (or of all rows): weighted confusion counts for the group rates, and the validation
 * metrics that need no per-row storage (no rank metrics), so that memory does not grow with the rows.
 * Mergeable; not thread-safe.
 */
final class GroupCounts {
    /** The group rates, in the order results list them. */
    static final String SELECTION_RATE = "selection_rate";
    static final String TPR = "tpr";
    static final String FPR = "fpr";
    static final String FNR = "fnr";
    static final String PPV = "ppv";
    static final String ACCURACY = "accuracy";

    /** The group's rows, rank metrics aside; its confusion cells are the group's counts. */
    private final BinaryAccumulator metrics;

    GroupCounts(boolean hasScores, int calibrationBins) {
        metrics = new BinaryAccumulator(hasScores, false, calibrationBins);
    }

    GroupCounts(BinaryAccumulator metrics) {
        this.metrics = metrics;
    }

    void add(boolean actualPositive, boolean predictedPositive, double score, double weight) {
        metrics.add(actualPositive, predictedPositive, score, weight);
    }

    void add(boolean actualPositive, boolean predictedPositive, double score, double weight,
             BinaryAccumulator.RowTerms terms) {
        metrics.add(actualPositive, predictedPositive, score, weight, terms);
    }

    void merge(GroupCounts other) {
        metrics.merge(other.metrics);
    }

    /** The accumulator behind the counts, for the statistics contract. */
    BinaryAccumulator accumulator() {
        return metrics;
    }

    long rows() {
        return metrics.rows();
    }

    double weight() {
        return all().weight();
    }

    boolean unitWeights() {
        return all().unitWeights();
    }

    WeightTally all() {
        return WeightTally.union(metrics.confusion().toArray(WeightTally[]::new));
    }

    WeightTally truePositives() {
        return metrics.confusion().get(0);
    }

    WeightTally falsePositives() {
        return metrics.confusion().get(1);
    }

    WeightTally trueNegatives() {
        return metrics.confusion().get(2);
    }

    WeightTally falseNegatives() {
        return metrics.confusion().get(3);
    }

    /** The validation metrics of the group, rank metrics aside. */
    Map<String, MetricValue> metrics(MetricOptions options) {
        return metrics.compute(options);
    }

    /** The group rates, each with its Wilson interval, or undefined with the reason. */
    Map<String, Rate> rates(double level) {
        WeightTally truePositives = truePositives();
        WeightTally falsePositives = falsePositives();
        WeightTally trueNegatives = trueNegatives();
        WeightTally falseNegatives = falseNegatives();
        WeightTally all = WeightTally.union(truePositives, falsePositives, trueNegatives, falseNegatives);
        WeightTally positives = WeightTally.union(truePositives, falseNegatives);
        WeightTally negatives = WeightTally.union(trueNegatives, falsePositives);
        WeightTally predictedPositive = WeightTally.union(truePositives, falsePositives);
        Map<String, Rate> rates = new LinkedHashMap<>();
        rates.put(SELECTION_RATE, Rate.of(SELECTION_RATE, predictedPositive, all, "no rows", level));
        rates.put(TPR, Rate.of(TPR, truePositives, positives, "no positive labels: tpr is 0/0", level));
        rates.put(FPR, Rate.of(FPR, falsePositives, negatives, "no negative labels: fpr is 0/0", level));
        rates.put(FNR, Rate.of(FNR, falseNegatives, positives, "no positive labels: fnr is 0/0", level));
        rates.put(PPV, Rate.of(PPV, truePositives, predictedPositive,
                "no positive predictions: ppv is 0/0", level));
        rates.put(ACCURACY, Rate.of(ACCURACY, WeightTally.union(truePositives, trueNegatives), all, "no rows",
                level));
        return rates;
    }

    /**
     * A weighted proportion with the effective number of trials behind it (for intervals of differences and
     * ratios), and its Wilson interval.
     */
    record Rate(MetricValue value, double trials) {
        static Rate of(String name, WeightTally successes, WeightTally trials, String undefinedReason, double level) {
            if (!(trials.weight() > 0)) { // no rows, or rows that all weigh 0
                return new Rate(MetricValue.undefined(name, trials.rows() == 0 ? undefinedReason
                        : "only rows of weight 0: " + name + " is 0/0"), 0);
            }
            double p = Math.min(1, successes.fractionOf(trials)); // the ratio of the exact sums, rounded once
            MetricValue v = MetricValue.of(name, p);
            double n = trials.effectiveRows();
            return new Rate(Intervals.wilson(p, n, level).map(v::withInterval).orElse(v), n);
        }

        boolean isDefined() {
            return value.isDefined();
        }

        double p() {
            return value.value().getAsDouble();
        }
    }
}
