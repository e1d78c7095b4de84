package io.mlgates.core.fairness;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlgates.core.metrics.BinaryAccumulator;
import io.mlgates.core.metrics.MetricOptions;
import io.mlgates.core.metrics.ScoreBudget;
import io.mlgates.core.metrics.StateJson;
import java.io.IOException;
import io.mlgates.core.metrics.MetricValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Group figures of a binary model for each sensitive column and each intersection of columns, from one streaming
 * pass: weighted counts and sums per group, nothing per row, so memory grows with the number of groups and not
 * with the rows. Mergeable; not thread-safe (give each thread its own and {@link #merge} them).
 */
public final class FairnessAccumulator {
    /** Joins the names, and the values, of an intersection's columns. */
    public static final String JOIN = "&";
    /** The group of rows with no value (an empty cell) in a sensitive column. */
    public static final String MISSING = "(missing)";

    private final List<String> columns;
    private final List<String> attributes = new ArrayList<>();
    private final List<int[]> attributeColumns = new ArrayList<>();
    private final boolean hasScores;
    private final int calibrationBins;
    private final int maxGroups;
    private final GroupCounts overall;
    private final List<Map<String, GroupCounts>> groups = new ArrayList<>();
    /** Per attribute, the groups of rows that miss a value in one of its columns. */
    private final List<Set<String>> missing = new ArrayList<>();
    private final StringBuilder key = new StringBuilder();
    /** A row's log loss and squared error, computed once for the overall counts and every group. */
    private final BinaryAccumulator.RowTerms terms = new BinaryAccumulator.RowTerms();
    /**
     * For {@link #add(int[], String[], boolean, boolean, double, double)}: per column, the value each number stood
     * for; and per attribute, its groups found by the numbers of its columns' values (nested arrays, one level a
     * column, the last holding the groups). A row whose values are these very strings finds its groups by index.
     */
    private final String[][] valueOfNumber;
    private final Object[][] groupsByNumbers;

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
        attributes.forEach(a -> {
            groups.add(new HashMap<>());
            missing.add(new HashSet<>());
        });
        valueOfNumber = new String[columns.size()][];
        Arrays.fill(valueOfNumber, new String[0]);
        groupsByNumbers = new Object[attributes.size()][];
        Arrays.fill(groupsByNumbers, new Object[0]);
    }

    /** The attributes of {@code columns} and {@code intersections}: each column, then each intersection joined. */
    public static List<String> attributes(List<String> columns, List<List<String>> intersections) {
        List<String> all = new ArrayList<>(columns);
        intersections.forEach(i -> all.add(String.join(JOIN, i)));
        return all;
    }

    /** The attributes judged: each column, then each intersection by its joined name. */
    public List<String> attributes() {
        return List.copyOf(attributes);
    }

    /**
     * Adds one row.
     *
     * @param values the row's value of each sensitive column, in the constructor's order; an empty (blank) value
     *     is missing and counts in the group {@link #MISSING}
     * @throws IllegalArgumentException when an attribute gets more than {@code maxGroups} groups, or a value is
     *     the reserved name {@link #MISSING}
     */
    public void add(String[] values, boolean actualPositive, boolean predictedPositive, double score, double weight) {
        for (int i = 0; i < values.length; i++) {
            requireNotReserved(i, values[i]);
        }
        overall.add(actualPositive, predictedPositive, score, weight, terms);
        for (int a = 0; a < attributes.size(); a++) {
            group(a, values).add(actualPositive, predictedPositive, score, weight, terms);
        }
    }

    /**
     * Adds one row whose values come with numbers, as a reader gives them ({@code PredictionReader.groupNumber}):
     * the same as {@link #add(String[], boolean, boolean, double, double)}, but a row whose values were met before
     * finds its groups by index, without a key or a map. A number is trusted only with the very string it came with
     * before; another string under a known number is looked up by its value again.
     *
     * @param numbers per column, the value's number: 0 or more, small (they index arrays)
     */
    public void add(int[] numbers, String[] values, boolean actualPositive, boolean predictedPositive, double score,
                    double weight) {
        for (int i = 0; i < values.length; i++) {
            String[] known = valueOfNumber[i];
            int n = numbers[i];
            if (n >= known.length || known[n] != values[i]) {
                learn(i, n, values[i]);
            }
        }
        overall.add(actualPositive, predictedPositive, score, weight, terms);
        for (int a = 0; a < groupsByNumbers.length; a++) {
            int[] cols = attributeColumns.get(a);
            Object[] level = groupsByNumbers[a];
            int last = cols.length - 1;
            for (int j = 0; j < last && level != null; j++) {
                int n = numbers[cols[j]];
                level = n < level.length ? (Object[]) level[n] : null;
            }
            int n = numbers[cols[last]];
            GroupCounts counts = level != null && n < level.length ? (GroupCounts) level[n] : null;
            if (counts == null) {
                counts = group(a, values);
                remember(a, numbers, counts);
            }
            counts.add(actualPositive, predictedPositive, score, weight, terms);
        }
    }

    /**
     * The accumulators a row with {@code values} feeds: the overall counts', then its group's of each attribute (made
     * on first sight, as by {@link #add}): where rows counted apart ({@code CountedRows}) are added.
     *
     * @param values the row's value of each sensitive column, in the constructor's order
     */
    public List<BinaryAccumulator> accumulatorsOf(String[] values) {
        List<BinaryAccumulator> fed = new ArrayList<>(1 + attributes.size());
        fed.add(overall.accumulator());
        for (int a = 0; a < attributes.size(); a++) {
            fed.add(group(a, values).accumulator());
        }
        return fed;
    }

    /** Binds number {@code n} of column {@code column} to {@code value}; a number that stood for another forgets all. */
    private void learn(int column, int n, String value) {
        if (n < 0) {
            throw new IllegalArgumentException("a value's number must be 0 or more: " + n);
        }
        requireNotReserved(column, value);
        String[] known = valueOfNumber[column];
        if (n < known.length && known[n] != null) {
            // another string under a known number: what was found by it may be another group's
            for (String[] k : valueOfNumber) {
                Arrays.fill(k, null);
            }
            Arrays.fill(groupsByNumbers, new Object[0]);
        }
        if (n >= known.length) {
            known = Arrays.copyOf(known, Math.max(n + 1, 2 * known.length));
            valueOfNumber[column] = known;
        }
        known[n] = value;
    }

    /** Files the group of attribute {@code a} under the numbers of its columns' values. */
    private void remember(int a, int[] numbers, GroupCounts counts) {
        int[] cols = attributeColumns.get(a);
        groupsByNumbers[a] = fit(groupsByNumbers[a], numbers[cols[0]]);
        Object[] level = groupsByNumbers[a];
        for (int j = 0; j < cols.length - 1; j++) {
            int n = numbers[cols[j]];
            Object[] next = fit((Object[]) level[n], numbers[cols[j + 1]]);
            level[n] = next;
            level = next;
        }
        level[numbers[cols[cols.length - 1]]] = counts;
    }

    /** {@code level}, or a longer copy of it, with room at {@code index}; a new array for null. */
    private static Object[] fit(Object[] level, int index) {
        if (level == null) {
            return new Object[Math.max(4, index + 1)];
        }
        return index < level.length ? level : Arrays.copyOf(level, Math.max(index + 1, 2 * level.length));
    }

    private void requireNotReserved(int column, String value) {
        if (MISSING.equals(value)) {
            throw new IllegalArgumentException("column '" + columns.get(column) + "' holds the value " + MISSING
                    + ", which names the group of rows with no value; expected another value, or an empty one");
        }
    }

    /** The group of attribute {@code a} that the row's values fall in, made on first sight. */
    private GroupCounts group(int a, String[] values) {
        int[] cols = attributeColumns.get(a);
        boolean missingValue = false;
        String group;
        if (cols.length == 1) {
            missingValue = values[cols[0]].isBlank();
            group = missingValue ? MISSING : values[cols[0]];
        } else {
            key.setLength(0);
            for (int j = 0; j < cols.length; j++) {
                if (j > 0) {
                    key.append(JOIN);
                }
                String v = values[cols[j]];
                missingValue |= v.isBlank();
                key.append(v.isBlank() ? MISSING : v);
            }
            group = key.toString();
        }
        GroupCounts counts = groupCounts(a, group);
        if (missingValue) {
            missing.get(a).add(group);
        }
        return counts;
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
            missing.get(a).addAll(other.missing.get(a));
        }
    }

    public long rows() {
        return overall.rows();
    }

    /**
     * A new accumulator of {@code columns} and {@code intersections} holding this one's counts of those attributes:
     * what a gate judges of statistics that were kept for more attributes than it judges.
     *
     * @throws IllegalArgumentException naming the first attribute this accumulator does not hold
     */
    public FairnessAccumulator select(List<String> columns, List<List<String>> intersections) {
        FairnessAccumulator selected = new FairnessAccumulator(columns, intersections, hasScores, calibrationBins,
                maxGroups);
        selected.overall.merge(overall);
        for (int a = 0; a < selected.attributes.size(); a++) {
            int from = indexOf(selected.columnsOf(a));
            if (from < 0) {
                throw new IllegalArgumentException(selected.attributes.get(a));
            }
            for (Map.Entry<String, GroupCounts> e : groups.get(from).entrySet()) {
                selected.groupCounts(a, e.getKey()).merge(e.getValue());
            }
            selected.missing.get(a).addAll(missing.get(from));
        }
        return selected;
    }

    private List<String> columnsOf(int attribute) {
        return Arrays.stream(attributeColumns.get(attribute)).mapToObj(columns::get).toList();
    }

    private int indexOf(List<String> attributeColumnNames) {
        for (int a = 0; a < attributes.size(); a++) {
            if (columnsOf(a).equals(attributeColumnNames)) {
                return a;
            }
        }
        return -1;
    }

    /** The sensitive columns, in the order {@link #add} receives their values. */
    public List<String> columns() {
        return columns;
    }

    /** Writes this accumulator's state as an object of the statistics contract (docs/statistics.md). */
    public void writeState(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("attributes");
        for (int a = 0; a < attributes.size(); a++) {
            g.writeStartObject();
            g.writeStringField("name", attributes.get(a));
            g.writeArrayFieldStart("columns");
            for (int c : attributeColumns.get(a)) {
                g.writeString(columns.get(c));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("groups");
            for (Map.Entry<String, GroupCounts> e : new TreeMap<>(groups.get(a)).entrySet()) {
                g.writeStartObject();
                g.writeStringField("value", e.getKey());
                g.writeBooleanField("missing", missing.get(a).contains(e.getKey()));
                g.writeFieldName("counts");
                e.getValue().accumulator().writeState(g);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("overall");
        overall.accumulator().writeState(g);
        g.writeEndObject();
    }

    /**
     * Reads a state written by {@link #writeState} into this accumulator, built for the same columns and
     * intersections; already checked against the contract's schema.
     */
    public void readState(JsonNode state, String pointer) throws StateJson.StateException {
        JsonNode attributeStates = state.path("attributes");
        List<String> names = new ArrayList<>();
        attributeStates.forEach(a -> names.add(a.path("name").asText()));
        if (!names.equals(attributes)) {
            throw new StateJson.StateException(pointer + "/attributes", "expected the attributes " + attributes
                    + " (the sensitive columns, then their intersections), got " + names);
        }
        FairnessAccumulator read = new FairnessAccumulator(columns, List.of(), hasScores, calibrationBins, maxGroups);
        read.attributes.clear();
        read.attributeColumns.clear();
        read.attributes.addAll(attributes);
        read.attributeColumns.addAll(attributeColumns);
        read.groups.clear();
        read.missing.clear();
        attributes.forEach(x -> {
            read.groups.add(new HashMap<>());
            read.missing.add(new HashSet<>());
        });
        read.overall.merge(new GroupCounts(checked(state.path("overall"), pointer + "/overall")));
        for (int a = 0; a < attributes.size(); a++) {
            JsonNode groupStates = attributeStates.get(a).path("groups");
            long rows = 0;
            for (int i = 0; i < groupStates.size(); i++) {
                String at = pointer + "/attributes/" + a + "/groups/" + i;
                JsonNode group = groupStates.get(i);
                String value = group.path("value").asText();
                if (read.groups.get(a).containsKey(value)) {
                    throw new StateJson.StateException(at + "/value", "expected each group once, got '" + value
                            + "' again");
                }
                if (read.groups.get(a).size() >= maxGroups) {
                    throw new StateJson.StateException(at, "expected at most " + maxGroups + " groups of '"
                            + attributes.get(a) + "'");
                }
                GroupCounts counts = new GroupCounts(checked(group.path("counts"), at + "/counts"));
                read.groups.get(a).put(value, counts);
                if (StateJson.flag(group, "missing", at)) {
                    read.missing.get(a).add(value);
                }
                rows += counts.rows();
            }
            if (rows != read.overall.rows()) {
                throw new StateJson.StateException(pointer + "/attributes/" + a, "expected groups holding every row ("
                        + read.overall.rows() + "), got " + rows);
            }
        }
        merge(read);
    }

    /** A group's accumulator, built as this one's are (scores, bins, no rank metrics). */
    private BinaryAccumulator checked(JsonNode state, String pointer) throws StateJson.StateException {
        BinaryAccumulator acc = BinaryAccumulator.readState(state, pointer, ScoreBudget.defaults());
        if (acc.hasScores() != hasScores || acc.calibrationBins() != calibrationBins || acc.hasRankMetrics()) {
            throw new StateJson.StateException(pointer, "expected group counts with" + (hasScores ? "" : "out")
                    + " scores, " + calibrationBins + " calibration bins and no rank summary");
        }
        return acc;
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
            List<Disparities.Group> present = new ArrayList<>();
            List<Disparities.Group> judged = new ArrayList<>();
            List<String> leftOut = new ArrayList<>();
            long missingExcluded = 0;
            GroupCounts kept = new GroupCounts(hasScores, calibrationBins);
            for (Map.Entry<String, GroupCounts> e : new TreeMap<>(groups.get(a)).entrySet()) {
                GroupCounts c = e.getValue();
                if (options.excludeMissing() && missing.get(a).contains(e.getKey())) {
                    missingExcluded += c.rows();
                    continue;
                }
                kept.merge(c);
                Map<String, GroupCounts.Rate> rates = c.rates(level);
                Optional<String> excluded = c.rows() < options.minGroupSize()
                        ? Optional.of(c.rows() + " rows, fewer than minGroupSize " + options.minGroupSize())
                        : Optional.empty();
                figures.put(e.getKey(), new GroupFairness(c.rows(), c.weight(), values(rates),
                        c.metrics(metricOptions), excluded));
                Disparities.Group g = new Disparities.Group(e.getKey(), rates, c);
                present.add(g);
                if (excluded.isEmpty()) {
                    judged.add(g);
                } else {
                    leftOut.add(e.getKey());
                }
            }
            // rows left out for a missing value are not part of this attribute's overall either, as when a data
            // scientist drops them before calling Fairlearn
            Disparities.Group attributeOverall = missingExcluded == 0 ? all
                    : new Disparities.Group("overall", kept.rates(level), kept);
            Optional<String> referenceName = Optional.ofNullable(options.reference().get(attribute));
            Map<String, MetricValue> reported = Disparities.compute(present, attributeOverall,
                    "fewer than two groups: nothing to compare", options,
                    reference(attribute, referenceName, present, figures, "does not occur in the data"));
            Disparities.Reference judgedReference = reference(attribute, referenceName, judged, figures,
                    "does not occur in the data");
            // every group large enough: the judged values are the reported ones
            Map<String, MetricValue> judgedValues = leftOut.isEmpty() && judged.size() >= 2 ? reported
                    : Disparities.compute(judged, attributeOverall, "fewer than two groups with at least minGroupSize "
                    + options.minGroupSize() + " rows: nothing to judge", options, judgedReference);
            Optional<Disparities.Group> comparedWith = judged.size() < 2 ? Optional.empty()
                    : referenceName.isPresent() ? judgedReference.group()
                    : Optional.of(mostFavoured(judged, options.favourableIsPositive()));
            List<ReferenceComparison> comparisons = new ArrayList<>();
            comparedWith.ifPresent(r -> judged.stream().filter(g -> g != r)
                    .forEach(g -> comparisons.add(ReferenceComparison.of(g, r, options))));
            result.put(attribute, new AttributeFairness(attribute, figures, reported,
                    new JudgedDisparities(judged.stream().map(Disparities.Group::name).toList(), leftOut,
                            judgedValues), referenceName, comparedWith.map(Disparities.Group::name), comparisons,
                    missingExcluded));
        }
        GroupFairness overallFigures = new GroupFairness(overall.rows(), overall.weight(), values(all.rates()),
                overall.metrics(metricOptions), Optional.empty());
        return new FairnessResult(overallFigures, result);
    }

    /** The declared reference among {@code among}, or why it is not there. */
    private static Disparities.Reference reference(String attribute, Optional<String> name,
                                                   List<Disparities.Group> among, Map<String, GroupFairness> figures,
                                                   String absent) {
        if (name.isEmpty()) {
            return new Disparities.Reference(Optional.empty(),
                    Optional.of("no reference group is declared for '" + attribute + "'"));
        }
        Optional<Disparities.Group> found = among.stream().filter(g -> g.name().equals(name.get())).findFirst();
        if (found.isPresent()) {
            return new Disparities.Reference(found, Optional.empty());
        }
        GroupFairness figure = figures.get(name.get());
        return new Disparities.Reference(Optional.empty(), Optional.of("the reference group '" + name.get() + "' "
                + (figure == null ? absent : "has " + figure.count() + " rows, fewer than minGroupSize")));
    }

    /** The group with the highest favourable rate (the first by name among equals). */
    private static Disparities.Group mostFavoured(List<Disparities.Group> groups, boolean favourablePositive) {
        Disparities.Group best = groups.get(0);
        double bestRate = favourableRate(best, favourablePositive);
        for (Disparities.Group g : groups) {
            double rate = favourableRate(g, favourablePositive);
            if (rate > bestRate) {
                best = g;
                bestRate = rate;
            }
        }
        return best;
    }

    private static double favourableRate(Disparities.Group g, boolean favourablePositive) {
        GroupCounts.Rate sr = g.rate(GroupCounts.SELECTION_RATE);
        double p = sr.isDefined() ? sr.p() : 0;
        return favourablePositive ? p : 1 - p;
    }

    private static Map<String, MetricValue> values(Map<String, GroupCounts.Rate> rates) {
        Map<String, MetricValue> values = new LinkedHashMap<>();
        rates.forEach((name, rate) -> values.put(name, rate.value()));
        return values;
    }
}
