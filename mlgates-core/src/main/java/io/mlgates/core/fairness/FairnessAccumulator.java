package io.mlgates.core.fairness;

import io.mlgates.core.metrics.MetricOptions;
import io.mlgates.core.metrics.MetricValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Group figures of a binary model for each sensitive column and each intersection of columns, from one streaming
 * pass: weighted counts and sums per group, nothing per row, so memory grows with the number of groups and not
 * with the rows. Mergeable; not thread-safe (give each thread its own and {@link #merge} them).
 */
public final class FairnessAccumulator {
    /** Joins the names, and the values, of an intersection's columns. */
    public static final String JOIN = "&";

    private final List<String> columns;
    private final List<String> attributes = new ArrayList<>();
    private final List<int[]> attributeColumns = new ArrayList<>();
    private final boolean hasScores;
    private final int calibrationBins;
    private final int maxGroups;
    private final GroupCounts overall;
    private final List<Map<String, GroupCounts>> groups = new ArrayList<>();
    private final StringBuilder key = new StringBuilder();

    /**
     * @param columns the sensitive columns, in the order {@link #add} receives their values
     * @param intersections combinations of those columns, each judged as one attribute
     * @param hasScores whether rows carry a score (for the per-group score metrics)
     * @param calibrationBins bins of the per-group expected calibration error
     * @param maxGroups most groups one attribute may have; more means the column holds ids, not groups
     */
    public FairnessAccumulator(List<String> columns, List<List<String>> intersections, boolean hasScores,
                               int calibrationBins, int maxGroups) {
        this.columns = List.copyOf(columns);
        this.hasScores = hasScores;
        this.calibrationBins = calibrationBins;
        this.maxGroups = maxGroups;
        this.overall = new GroupCounts(hasScores, calibrationBins);
        for (int i = 0; i < columns.size(); i++) {
            attributes.add(columns.get(i));
            attributeColumns.add(new int[] {i});
        }
        for (List<String> intersection : intersections) {
            int[] indices = new int[intersection.size()];
            for (int j = 0; j < indices.length; j++) {
                indices[j] = this.columns.indexOf(intersection.get(j));
                if (indices[j] < 0) {
                    throw new IllegalArgumentException("intersection column " + intersection.get(j)
                            + " is not among the sensitive columns " + columns);
                }
            }
            attributes.add(String.join(JOIN, intersection));
            attributeColumns.add(indices);
        }
        attributes.forEach(a -> groups.add(new HashMap<>()));
    }

    /** The attributes judged: each column, then each intersection by its joined name. */
    public List<String> attributes() {
        return List.copyOf(attributes);
    }

    /**
     * Adds one row.
     *
     * @param values the row's value of each sensitive column, in the constructor's order
     * @throws IllegalArgumentException when an attribute gets more than {@code maxGroups} groups
     */
    public void add(String[] values, boolean actualPositive, boolean predictedPositive, double score, double weight) {
        overall.add(actualPositive, predictedPositive, score, weight);
        for (int a = 0; a < attributes.size(); a++) {
            int[] cols = attributeColumns.get(a);
            String group;
            if (cols.length == 1) {
                group = values[cols[0]];
            } else {
                key.setLength(0);
                for (int j = 0; j < cols.length; j++) {
                    if (j > 0) {
                        key.append(JOIN);
                    }
                    key.append(values[cols[j]]);
                }
                group = key.toString();
            }
            groupCounts(a, group).add(actualPositive, predictedPositive, score, weight);
        }
    }

    private GroupCounts groupCounts(int attribute, String group) {
        Map<String, GroupCounts> byGroup = groups.get(attribute);
        GroupCounts counts = byGroup.get(group);
        if (counts == null) {
            if (byGroup.size() >= maxGroups) {
                throw new IllegalArgumentException("attribute '" + attributes.get(attribute) + "' has more than "
                        + maxGroups + " groups; expected a column of groups, not of ids");
            }
            counts = new GroupCounts(hasScores, calibrationBins);
            byGroup.put(group, counts);
        }
        return counts;
    }

    /** Adds the rows of an accumulator built with the same columns; {@code other} is unchanged. */
    public void merge(FairnessAccumulator other) {
        if (!other.attributes.equals(attributes) || other.hasScores != hasScores
                || other.calibrationBins != calibrationBins) {
            throw new IllegalArgumentException("cannot merge accumulators built differently");
        }
        overall.merge(other.overall);
        for (int a = 0; a < attributes.size(); a++) {
            for (Map.Entry<String, GroupCounts> e : other.groups.get(a).entrySet()) {
                groupCounts(a, e.getKey()).merge(e.getValue());
            }
        }
    }

    public long rows() {
        return overall.rows();
    }

    /** The figures of every group and the disparities of every attribute. */
    public FairnessResult compute(FairnessOptions options) {
        MetricOptions metricOptions = new MetricOptions(options.confidenceLevel(), calibrationBins);
        double level = options.confidenceLevel();
        Disparities.Group all = new Disparities.Group("overall", overall.rates(level), overall);
        Map<String, AttributeFairness> result = new LinkedHashMap<>();
        for (int a = 0; a < attributes.size(); a++) {
            String attribute = attributes.get(a);
            Map<String, GroupFairness> figures = new LinkedHashMap<>();
            List<Disparities.Group> included = new ArrayList<>();
            Map<String, GroupCounts> sorted = new TreeMap<>(groups.get(a));
            for (Map.Entry<String, GroupCounts> e : sorted.entrySet()) {
                GroupCounts c = e.getValue();
                Map<String, GroupCounts.Rate> rates = c.rates(level);
                Optional<String> excluded = c.rows() < options.minGroupSize()
                        ? Optional.of(c.rows() + " rows, fewer than minGroupSize " + options.minGroupSize())
                        : Optional.empty();
                figures.put(e.getKey(), new GroupFairness(c.rows(), c.weight(), values(rates),
                        c.metrics(metricOptions), excluded));
                if (excluded.isEmpty()) {
                    included.add(new Disparities.Group(e.getKey(), rates, c));
                }
            }
            Optional<String> referenceName = Optional.ofNullable(options.reference().get(attribute));
            Optional<Disparities.Group> reference = referenceName.flatMap(
                    r -> included.stream().filter(g -> g.name().equals(r)).findFirst());
            Optional<String> referenceProblem = referenceName.isEmpty()
                    ? Optional.of("no reference group is declared for '" + attribute + "'")
                    : reference.isPresent() ? Optional.empty()
                    : Optional.of("the reference group '" + referenceName.get() + "' "
                    + (figures.containsKey(referenceName.get()) ? "has fewer than minGroupSize "
                    + options.minGroupSize() + " rows" : "does not occur in the data"));
            String note = "with at least minGroupSize " + options.minGroupSize() + " rows";
            Map<String, MetricValue> disparities = Disparities.compute(included, all, note, options, reference,
                    referenceProblem);
            List<ReferenceComparison> comparisons = reference.isPresent()
                    ? comparisons(included, reference.get(), options) : List.of();
            result.put(attribute, new AttributeFairness(attribute, figures, disparities, referenceName, comparisons));
        }
        GroupFairness overallFigures = new GroupFairness(overall.rows(), overall.weight(), values(all.rates()),
                overall.metrics(metricOptions), Optional.empty());
        return new FairnessResult(overallFigures, result);
    }

    private static Map<String, MetricValue> values(Map<String, GroupCounts.Rate> rates) {
        Map<String, MetricValue> values = new LinkedHashMap<>();
        rates.forEach((name, rate) -> values.put(name, rate.value()));
        return values;
    }

    /** Each included group against the reference: ratio of favourable rates and the test of their difference. */
    private static List<ReferenceComparison> comparisons(List<Disparities.Group> included,
                                                         Disparities.Group reference, FairnessOptions options) {
        List<ReferenceComparison> out = new ArrayList<>();
        Favourable ref = Favourable.of(reference.counts(), options.favourableIsPositive());
        for (Disparities.Group g : included) {
            if (g == reference) {
                continue;
            }
            Favourable f = Favourable.of(g.counts(), options.favourableIsPositive());
            MetricValue ratio;
            if (ref.rate() == 0) {
                ratio = MetricValue.undefined("disparate_impact", "the reference group's favourable rate is 0: the"
                        + " ratio is x/0");
            } else {
                MetricValue v = MetricValue.of("disparate_impact", f.rate() / ref.rate());
                ratio = DisparityIntervals.katzLog(f.rate(), f.trials(), ref.rate(), ref.trials(),
                        options.confidenceLevel()).map(v::withInterval).orElse(v);
            }
            boolean exact = g.counts().unitWeights() && reference.counts().unitWeights()
                    && Math.min(g.counts().rows(), reference.counts().rows()) < Significance.LARGE_GROUP;
            Significance.Test test = exact
                    ? Significance.fisherExact(f.favourableRows(), g.counts().rows(), ref.favourableRows(),
                    reference.counts().rows())
                    : Significance.twoProportionZ(f.rate(), f.trials(), ref.rate(), ref.trials());
            out.add(new ReferenceComparison(g.name(), ratio, test));
        }
        return out;
    }

    /** A group's rate of the favourable outcome. */
    private record Favourable(double rate, double trials, long favourableRows) {
        static Favourable of(GroupCounts c, boolean positive) {
            Tally predictedPositive = Tally.union(c.truePositives(), c.falsePositives());
            Tally predictedNegative = Tally.union(c.trueNegatives(), c.falseNegatives());
            Tally favourable = positive ? predictedPositive : predictedNegative;
            double weight = c.weight();
            return new Favourable(weight == 0 ? 0 : Math.min(1, favourable.weight() / weight),
                    c.all().effectiveRows(), favourable.rows());
        }
    }
}
