package io.mlgates.core.fairness;

import io.mlgates.core.metrics.MetricValue;
import io.mlgates.core.metrics.WeightTally;
import java.util.Objects;

/**
 * One group against the attribute's reference group: the ratio of their rates of the favourable outcome (AIF360's
 * disparate impact), for the four-fifths rule, with the test of whether the rates differ.
 *
 * @param group the group compared
 * @param ratio favourable rate of the group over that of the reference, with its log-method interval
 * @param test the significance test and its two-sided p-value
 */
public record ReferenceComparison(String group, MetricValue ratio, Significance.Test test) {
    public ReferenceComparison {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(ratio, "ratio");
        Objects.requireNonNull(test, "test");
    }

    /** Group g against the reference: the ratio with its interval at {@code level}, and the test. */
    static ReferenceComparison of(Disparities.Group g, Disparities.Group reference, FairnessOptions options) {
        Favourable f = Favourable.of(g.counts(), options.favourableIsPositive());
        Favourable ref = Favourable.of(reference.counts(), options.favourableIsPositive());
        boolean exact = g.counts().unitWeights() && reference.counts().unitWeights()
                && Math.min(g.counts().rows(), reference.counts().rows()) < Significance.LARGE_GROUP;
        Significance.Test test = exact
                ? Significance.fisherExact(f.favourableRows(), g.counts().rows(), ref.favourableRows(),
                reference.counts().rows())
                : Significance.twoProportionZ(f.rate(), f.trials(), ref.rate(), ref.trials());
        return new ReferenceComparison(g.name(), ratio(g, reference, options.favourableIsPositive(),
                options.confidenceLevel()), test);
    }

    /** The ratio of g's favourable rate to the reference's (AIF360 disparate impact), its interval at level. */
    static MetricValue ratio(Disparities.Group g, Disparities.Group reference, boolean favourablePositive,
                             double level) {
        String name = Disparity.DISPARATE_IMPACT.id();
        Favourable f = Favourable.of(g.counts(), favourablePositive);
        Favourable ref = Favourable.of(reference.counts(), favourablePositive);
        if (ref.rate() == 0) {
            return MetricValue.undefined(name, "the reference group's favourable rate is 0: the ratio is x/0");
        }
        MetricValue v = MetricValue.of(name, f.rate() / ref.rate());
        return DisparityIntervals.katzLog(f.rate(), f.trials(), ref.rate(), ref.trials(), level)
                .map(v::withInterval).orElse(v);
    }

    /** A group's rate of the favourable outcome, its effective size, and its favourable row count. */
    private record Favourable(double rate, double trials, long favourableRows) {
        static Favourable of(GroupCounts c, boolean positive) {
            WeightTally predictedPositive = WeightTally.union(c.truePositives(), c.falsePositives());
            WeightTally predictedNegative = WeightTally.union(c.trueNegatives(), c.falseNegatives());
            WeightTally favourable = positive ? predictedPositive : predictedNegative;
            double weight = c.weight();
            return new Favourable(weight == 0 ? 0 : Math.min(1, favourable.weight() / weight),
                    c.all().effectiveRows(), favourable.rows());
        }
    }
}
