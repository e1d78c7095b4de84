package io.mlgates.core.fairness;

import io.mlgates.core.metrics.Direction;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every disparity the ethics gate reports, defined once: its name in policies and results, its definition and
 * published source, which way is fairer, and how its interval is built. The policy schema's metric enum and the
 * table of {@code docs/fairness.md} are checked against this list by a test.
 */
public enum Disparity {
    DEMOGRAPHIC_PARITY_DIFFERENCE("between-groups difference of `selection_rate`", "Fairlearn",
            Direction.LOWER_IS_BETTER, IntervalMethod.PAIRS),
    DEMOGRAPHIC_PARITY_DIFFERENCE_TO_OVERALL("to-overall difference of `selection_rate`", "Fairlearn",
            Direction.LOWER_IS_BETTER, IntervalMethod.NONE),
    DEMOGRAPHIC_PARITY_RATIO("between-groups ratio of `selection_rate`", "Fairlearn",
            Direction.HIGHER_IS_BETTER, IntervalMethod.PAIRS),
    DEMOGRAPHIC_PARITY_RATIO_TO_OVERALL("to-overall ratio of `selection_rate`", "Fairlearn",
            Direction.HIGHER_IS_BETTER, IntervalMethod.NONE),
    EQUALIZED_ODDS_DIFFERENCE("the larger of the between-groups differences of `tpr` and of `fpr`", "Fairlearn",
            Direction.LOWER_IS_BETTER, IntervalMethod.PAIRS_TWICE),
    EQUALIZED_ODDS_DIFFERENCE_TO_OVERALL("the larger of the to-overall differences of `tpr` and of `fpr`",
            "Fairlearn", Direction.LOWER_IS_BETTER, IntervalMethod.NONE),
    EQUALIZED_ODDS_RATIO("the smaller of the between-groups ratios of `tpr` and of `fpr`", "Fairlearn",
            Direction.HIGHER_IS_BETTER, IntervalMethod.PAIRS_TWICE),
    EQUALIZED_ODDS_RATIO_TO_OVERALL("the smaller of the to-overall ratios of `tpr` and of `fpr`", "Fairlearn",
            Direction.HIGHER_IS_BETTER, IntervalMethod.NONE),
    EQUAL_OPPORTUNITY_DIFFERENCE("between-groups difference of `tpr`",
            "Fairlearn's form; AIF360's signed form has the same magnitude for two groups",
            Direction.LOWER_IS_BETTER, IntervalMethod.PAIRS),
    EQUAL_OPPORTUNITY_DIFFERENCE_TO_OVERALL("to-overall difference of `tpr`", "Fairlearn",
            Direction.LOWER_IS_BETTER, IntervalMethod.NONE),
    AVERAGE_ODDS_DIFFERENCE("max_g A_g - min_g A_g, A_g = (FPR_g + TPR_g) / 2",
            "AIF360 (A_u - A_p for two groups; the largest such difference for more)",
            Direction.LOWER_IS_BETTER, IntervalMethod.PAIRS),
    AVERAGE_ODDS_DIFFERENCE_TO_OVERALL("max_g abs(A_g - A_all)", "AIF360's A_g, in Fairlearn's to-overall form",
            Direction.LOWER_IS_BETTER, IntervalMethod.NONE),
    PREDICTIVE_PARITY_DIFFERENCE("between-groups difference of `ppv`",
            "predictive parity (Chouldechova 2017) in Fairlearn's between-groups form",
            Direction.LOWER_IS_BETTER, IntervalMethod.PAIRS),
    PREDICTIVE_PARITY_DIFFERENCE_TO_OVERALL("to-overall difference of `ppv`",
            "predictive parity (Chouldechova 2017) in Fairlearn's to-overall form",
            Direction.LOWER_IS_BETTER, IntervalMethod.NONE),
    DISPARATE_IMPACT("min over groups g other than the reference r of F_g / F_r, F the favourable rate",
            "AIF360 (unprivileged over privileged, the worst group)", Direction.HIGHER_IS_BETTER,
            IntervalMethod.REFERENCE),
    DISPARATE_IMPACT_TO_OVERALL("min_g F_g / F_all", "AIF360's ratio, against all rows",
            Direction.HIGHER_IS_BETTER, IntervalMethod.NONE),
    THEIL_INDEX("generalized entropy index, alpha = 1, of the benefits b = yhat - y + 1 over all rows", "AIF360",
            Direction.LOWER_IS_BETTER, IntervalMethod.NONE),
    BETWEEN_GROUP_THEIL_INDEX("the Theil index with each row's benefit replaced by its group's mean", "AIF360",
            Direction.LOWER_IS_BETTER, IntervalMethod.NONE);

    /** How a disparity's interval is built; {@code docs/fairness.md} gives the formulas. */
    public enum IntervalMethod {
        /** Simultaneous over the k(k-1)/2 pairs of groups (Bonferroni), so that it holds for the extremes. */
        PAIRS("Bonferroni over the k(k-1)/2 pairs"),
        /** As {@link #PAIRS}, over the pairs of both rates (tpr and fpr): 2 k(k-1)/2 comparisons. */
        PAIRS_TWICE("Bonferroni over the k(k-1)/2 pairs of tpr and of fpr"),
        /** Simultaneous over the k-1 comparisons with the reference group (Bonferroni). */
        REFERENCE("Bonferroni over the k-1 comparisons with the reference"),
        /** None: a group is part of the overall rows, so the two are not independent. */
        NONE("none");

        private final String description;

        IntervalMethod(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        /** How many intervals share the error rate among k groups: the Bonferroni divisor. */
        public long comparisons(int groups) {
            long k = groups;
            return switch (this) {
                case PAIRS -> k * (k - 1) / 2;
                case PAIRS_TWICE -> k * (k - 1);
                case REFERENCE -> k - 1;
                case NONE -> 0;
            };
        }
    }

    private final String definition;
    private final String source;
    private final Direction direction;
    private final IntervalMethod interval;

    Disparity(String definition, String source, Direction direction, IntervalMethod interval) {
        this.definition = definition;
        this.source = source;
        this.direction = direction;
        this.interval = interval;
    }

    /** The name in policies and results, for example {@code demographic_parity_difference}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String definition() {
        return definition;
    }

    public String source() {
        return source;
    }

    public Direction direction() {
        return direction;
    }

    public IntervalMethod interval() {
        return interval;
    }

    /** Every name, in the order results list them. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Disparity::id).toList();
    }

    public static Optional<Disparity> byId(String id) {
        return Arrays.stream(values()).filter(d -> d.id().equals(id)).findFirst();
    }
}
