package io.mlgates.core.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The counts a chart of a judged column shows, in the bins or categories Evidently compares (its
 * {@code get_binned_data}): a numeric column with more than {@link DriftTests#BINNED_ABOVE} distinct reference values
 * in numpy's 'sturges' bins over both sides' values (so every current value falls in a bin); otherwise per value.
 */
public final class Distributions {
    /** The categories charted one by one; the rest are folded into {@link ColumnDistribution.Other}. */
    public static final int TOP_CATEGORIES = 10;

    private Distributions() {
    }

    /** The counts, when both sides have values of the same kind; a sketched side without counts per value gives none. */
    public static Optional<ColumnDistribution> of(ColumnSummary ref, ColumnSummary cur) {
        if (ref.getClass() != cur.getClass() || ref.values() == 0 || cur.values() == 0) {
            return Optional.empty();
        }
        if (ref instanceof NumericSummary nr && DriftTests.distinctOf(nr) > DriftTests.BINNED_ABOVE) {
            NumericDistribution a = nr.distribution();
            NumericDistribution b = ((NumericSummary) cur).distribution();
            double[] edges = Binning.sturgesEdges(a.count() + b.count(), Math.min(a.min(), b.min()),
                    Math.max(a.max(), b.max()));
            return Optional.of(new ColumnDistribution(ColumnDistribution.Kind.BINS, list(edges), List.of(),
                    list(Binning.counts(a, edges)), list(Binning.counts(b, edges)), Optional.empty()));
        }
        Optional<TreeMap<Object, Long>> a = DriftTests.categories(ref);
        Optional<TreeMap<Object, Long>> b = DriftTests.categories(cur);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<Object> union = new TreeSet<>(a.get().comparator());
        union.addAll(a.get().keySet());
        union.addAll(b.get().keySet());
        List<Object> keys = new ArrayList<>(union);
        if (keys.size() > TOP_CATEGORIES) {
            // the most common by their share on both sides together, so a category new in the current data shows
            double n1 = ref.values();
            double n2 = cur.values();
            List<Object> top = keys.stream().sorted(Comparator.comparingDouble((Object k) ->
                    -(a.get().getOrDefault(k, 0L) / n1 + b.get().getOrDefault(k, 0L) / n2)))
                    .limit(TOP_CATEGORIES).toList();
            keys.retainAll(top);
        }
        List<String> values = new ArrayList<>();
        List<Double> r = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        double shownRef = 0;
        double shownCur = 0;
        for (Object key : keys) {
            values.add(DriftTests.display(key));
            double x = a.get().getOrDefault(key, 0L);
            double y = b.get().getOrDefault(key, 0L);
            r.add(x);
            c.add(y);
            shownRef += x;
            shownCur += y;
        }
        Optional<ColumnDistribution.Other> other = union.size() > keys.size()
                ? Optional.of(new ColumnDistribution.Other(union.size() - keys.size(), ref.values() - shownRef,
                cur.values() - shownCur)) : Optional.empty();
        return Optional.of(new ColumnDistribution(ColumnDistribution.Kind.CATEGORIES, List.of(), values, r, c, other));
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }
}
