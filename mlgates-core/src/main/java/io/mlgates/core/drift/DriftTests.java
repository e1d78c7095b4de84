package io.mlgates.core.drift;

import io.mlgates.core.drift.DriftPolicy.ColumnRequest;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * Drift of columns between reference and current summaries, with Evidently's definitions, its automatic choice of
 * method by reference size, column type and distinct values, and its default thresholds. Each statistic is
 * defined in docs/drift.md with its source; a value the data leaves undefined comes with the reason.
 */
public final class DriftTests {
    /** Evidently: references of at most this many values get statistical tests, larger ones distances. */
    public static final long SMALL_REFERENCE = 1000;
    /** Evidently: numeric columns with more distinct values than this get KS or Wasserstein. */
    public static final int FEW_VALUES = 5;
    /** Evidently: columns with at most this many distinct values get the z-test (small reference). */
    public static final int TWO_VALUES = 2;
    /** Evidently bins a numeric reference with more distinct values than this; fewer are taken as categories. */
    static final int BINNED_ABOVE = 20;
    /** Evidently's floor under the reference's standard deviation in the normed Wasserstein distance. */
    static final double WASSERSTEIN_NORM_FLOOR = 0.001;

    private DriftTests() {
    }

    /** The columns both sides have, in the reference's order. */
    public static List<String> sharedColumns(Map<String, ? extends ColumnSummary> reference,
                                             Map<String, ? extends ColumnSummary> current) {
        return reference.keySet().stream().filter(current::containsKey).toList();
    }

    /**
     * Judges each named column (a column missing on a side is judged undefined, with that reason) and the data
     * set.
     */
    public static DriftReport judge(List<String> columns, Map<String, ? extends ColumnSummary> reference,
                                    Map<String, ? extends ColumnSummary> current, DriftPolicy policy) {
        Map<String, ColumnDrift> results = new LinkedHashMap<>();
        for (String column : columns) {
            results.put(column, judge(Optional.ofNullable(reference.get(column)),
                    Optional.ofNullable(current.get(column)), policy.request(column)));
        }
        return new DriftReport(results, dataset(results.values(), policy.share()));
    }

    /** Evidently's data-set drift over the columns with a defined result. */
    public static DatasetDrift dataset(Collection<ColumnDrift> columns, double share) {
        int judged = 0;
        int drifted = 0;
        int undefined = 0;
        for (ColumnDrift c : columns) {
            if (c.drifted().isPresent()) {
                judged++;
                drifted += c.drifted().get() ? 1 : 0;
            } else {
                undefined++;
            }
        }
        if (judged == 0) {
            return new DatasetDrift(DriftValue.undefined(columns.isEmpty() ? "no column to judge"
                    : "no column's drift is defined"), Optional.empty(), 0, 0, undefined, share);
        }
        double value = (double) drifted / judged;
        return new DatasetDrift(DriftValue.of(value), Optional.of(value >= share), judged, drifted, undefined, share);
    }

    /**
     * Evidently's automatic choice. Reference of at most 1000 values: numeric with more than 5 distinct values
     * (both sides together) KS, otherwise chi-square above 2 distinct values and the z-test at 2 or fewer.
     * Larger reference: numeric with more than 5 distinct values Wasserstein (normed), otherwise Jensen–Shannon.
     */
    public static DriftMethod automaticMethod(ColumnSummary reference, ColumnSummary current) {
        long distinct = distinctTogether(reference, current);
        boolean numeric = reference instanceof NumericSummary;
        if (reference.values() <= SMALL_REFERENCE) {
            if (numeric && distinct > FEW_VALUES) {
                return DriftMethod.KS;
            }
            return distinct > TWO_VALUES ? DriftMethod.CHI_SQUARE : DriftMethod.Z;
        }
        return numeric && distinct > FEW_VALUES ? DriftMethod.WASSERSTEIN : DriftMethod.JENSEN_SHANNON;
    }

    /** Drift of one column; either side may be absent, and the result then says so. */
    public static ColumnDrift judge(Optional<? extends ColumnSummary> reference,
                                    Optional<? extends ColumnSummary> current, ColumnRequest request) {
        Objects.requireNonNull(request, "request");
        DriftMethod method = request.method().orElseGet(() -> {
            ColumnSummary ref = reference.isPresent() ? reference.get() : current.orElseThrow(
                    () -> new IllegalArgumentException("a column needs a summary on at least one side"));
            ColumnSummary cur = current.isPresent() ? current.get() : ref;
            return ref.getClass() == cur.getClass() ? automaticMethod(ref, cur) : automaticMethod(ref, ref);
        });
        double threshold = request.threshold().orElse(method.defaultThreshold());
        long refRows = reference.map(ColumnSummary::values).orElse(0L);
        long curRows = current.map(ColumnSummary::values).orElse(0L);
        Optional<String> problem = problem(reference, current, method);
        Computed computed = problem.map(Computed::undefined)
                .orElseGet(() -> compute(method, reference.orElseThrow(), current.orElseThrow()));
        DriftValue score = method.isTest() ? computed.pValue.orElseThrow() : computed.statistic;
        Optional<Boolean> drifted = score.isDefined()
                ? Optional.of(method.drifted(score.value().getAsDouble(), threshold)) : Optional.empty();
        Optional<ColumnDistribution> distribution = reference.isPresent() && current.isPresent()
                ? Distributions.of(reference.get(), current.get()) : Optional.empty();
        return new ColumnDrift(method, computed.statistic, method.isTest() ? computed.pValue : Optional.empty(),
                threshold, drifted, refRows, curRows, computed.errorBound, distribution);
    }

    private static Optional<String> problem(Optional<? extends ColumnSummary> reference,
                                            Optional<? extends ColumnSummary> current, DriftMethod method) {
        if (reference.isEmpty() || current.isEmpty()) {
            return Optional.of("the column is absent from the " + (reference.isEmpty() ? "reference" : "current")
                    + " data");
        }
        ColumnSummary ref = reference.get();
        ColumnSummary cur = current.get();
        if (ref.getClass() != cur.getClass()) {
            return Optional.of("the column is " + kind(ref) + " in the reference data but " + kind(cur)
                    + " in the current data");
        }
        for (ColumnSummary side : List.of(ref, cur)) {
            if (side.values() == 0) {
                return Optional.of("no values in the " + (side == ref ? "reference" : "current") + " data ("
                        + side.rows() + " rows, all null)");
            }
        }
        if ((method == DriftMethod.KS || method == DriftMethod.WASSERSTEIN) && !(ref instanceof NumericSummary)) {
            return Optional.of(method.id() + " applies to numeric columns; this one is categorical");
        }
        return Optional.empty();
    }

    private static String kind(ColumnSummary s) {
        return s instanceof NumericSummary ? "numeric" : "categorical";
    }

    /** A statistic, the p-value of a test, and the error bound of a sketched input. */
    private record Computed(DriftValue statistic, Optional<DriftValue> pValue, Optional<ErrorBound> errorBound) {
        static Computed undefined(String reason) {
            DriftValue u = DriftValue.undefined(reason);
            return new Computed(u, Optional.of(u), Optional.empty());
        }

        static Computed distance(double value, Optional<ErrorBound> bound) {
            return new Computed(DriftValue.of(value), Optional.empty(), bound);
        }
    }

    private static Computed compute(DriftMethod method, ColumnSummary ref, ColumnSummary cur) {
        return switch (method) {
            case KS -> ks(numeric(ref), numeric(cur));
            case WASSERSTEIN -> wasserstein(numeric(ref), numeric(cur));
            case CHI_SQUARE -> withCategories(ref, cur, DriftTests::chiSquare);
            case Z -> withCategories(ref, cur, DriftTests::zTest);
            case JENSEN_SHANNON, PSI, KL_DIVERGENCE -> binned(method, ref, cur);
            case HELLINGER -> hellinger(ref, cur);
        };
    }

    private static NumericDistribution numeric(ColumnSummary s) {
        return ((NumericSummary) s).distribution();
    }

    // ---- KS and Wasserstein: the two empirical distribution functions ----

    private static Computed ks(NumericDistribution ref, NumericDistribution cur) {
        double n1 = ref.count();
        double n2 = cur.count();
        double d = 0;
        for (double x : knots(ref, cur)) {
            d = Math.max(d, Math.abs(Binning.atMost(ref, x) / n1 - Binning.atMost(cur, x) / n2));
            d = Math.max(d, Math.abs(Binning.below(ref, x) / n1 - Binning.below(cur, x) / n2));
        }
        Kolmogorov.Result result = Kolmogorov.twoSample(ref.count(), cur.count(), d);
        Optional<ErrorBound> bound = rankError(ref, cur).map(e -> new ErrorBound(e, OptionalDouble.of(e)));
        return new Computed(DriftValue.of(result.statistic()), Optional.of(DriftValue.of(result.pValue())), bound);
    }

    private static Computed wasserstein(NumericDistribution ref, NumericDistribution cur) {
        if (ref.min() == ref.max()) {
            return Computed.undefined("the reference has a single value (" + ref.min()
                    + "): its standard deviation is 0");
        }
        double n1 = ref.count();
        double n2 = cur.count();
        double[] knots = knots(ref, cur);
        double area = 0;
        for (int i = 0; i + 1 < knots.length; i++) {
            double a = knots[i];
            double b = knots[i + 1];
            double da = Binning.atMost(ref, a) / n1 - Binning.atMost(cur, a) / n2;
            double db = Binning.below(ref, b) / n1 - Binning.below(cur, b) / n2;
            area += absIntegral(da, db) * (b - a);
        }
        double norm = Math.max(Math.sqrt(ref.m2() / ref.count()), WASSERSTEIN_NORM_FLOOR);
        Optional<ErrorBound> bound = rankError(ref, cur).map(e -> new ErrorBound(e,
                OptionalDouble.of((areaError(ref) / n1 + areaError(cur) / n2) / norm)));
        return Computed.distance(area / norm, bound);
    }

    /** The mean of |f| over an interval where f runs linearly from fa to fb. */
    private static double absIntegral(double fa, double fb) {
        if (fa == fb || (fa >= 0) == (fb >= 0)) {
            return (Math.abs(fa) + Math.abs(fb)) / 2;
        }
        return (fa * fa + fb * fb) / (2 * (Math.abs(fa) + Math.abs(fb)));
    }

    private static double areaError(NumericDistribution d) {
        return d instanceof QuantileSketch s ? s.areaError() : 0;
    }

    private static Optional<Double> rankError(NumericDistribution ref, NumericDistribution cur) {
        double e = 0;
        boolean sketched = false;
        for (NumericDistribution d : List.of(ref, cur)) {
            if (d instanceof QuantileSketch s) {
                e += s.rankErrorShare();
                sketched = true;
            }
        }
        return sketched ? Optional.of(Math.min(e, 1)) : Optional.empty();
    }

    /** Where either side's distribution function bends: its values, or its sketch's bucket ends. */
    private static double[] knots(NumericDistribution ref, NumericDistribution cur) {
        double[] a = knotsOf(ref);
        double[] b = knotsOf(cur);
        double[] out = new double[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            double next = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
            if (n == 0 || out[n - 1] != next) {
                out[n++] = next;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static double[] knotsOf(NumericDistribution d) {
        if (d instanceof QuantileSketch s) {
            return s.knots();
        }
        ExactValues e = (ExactValues) d;
        double[] v = new double[e.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = e.value(i);
        }
        return v;
    }

    // ---- methods over categories (or the distinct values of a numeric column) ----

    /** Python's order: numbers by value, strings by code point. */
    private static final Comparator<Object> KEY_ORDER = (a, b) -> a instanceof Double x
            ? Double.compare(x, (Double) b) : compareCodePoints((String) a, (String) b);

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The count of each category (each distinct value of an exact numeric column); empty for a sketch. */
    static Optional<TreeMap<Object, Long>> categories(ColumnSummary s) {
        TreeMap<Object, Long> map = new TreeMap<>(KEY_ORDER);
        if (s instanceof CategoricalSummary c) {
            map.putAll(c.counts());
            return Optional.of(map);
        }
        if (((NumericSummary) s).distribution() instanceof ExactValues e) {
            for (int i = 0; i < e.size(); i++) {
                map.put(e.value(i), e.countOf(i));
            }
            return Optional.of(map);
        }
        return Optional.empty();
    }

    private static long distinctTogether(ColumnSummary ref, ColumnSummary cur) {
        Optional<TreeMap<Object, Long>> a = categories(ref);
        Optional<TreeMap<Object, Long>> b = categories(cur);
        if (a.isEmpty() || b.isEmpty() || ref.getClass() != cur.getClass()) {
            // A sketch holds more distinct values than the cap (at least 1000): "many" for every rule.
            return a.isEmpty() || b.isEmpty() ? Long.MAX_VALUE : Math.max(a.get().size(), b.get().size());
        }
        TreeSet<Object> union = new TreeSet<>(KEY_ORDER);
        union.addAll(a.get().keySet());
        union.addAll(b.get().keySet());
        return union.size();
    }

    private interface CategoryMethod {
        Computed apply(List<Object> keys, Map<Object, Long> ref, long n1, Map<Object, Long> cur, long n2);
    }

    private static Computed withCategories(ColumnSummary ref, ColumnSummary cur, CategoryMethod method) {
        Optional<TreeMap<Object, Long>> a = categories(ref);
        Optional<TreeMap<Object, Long>> b = categories(cur);
        if (a.isEmpty() || b.isEmpty()) {
            return Computed.undefined("the " + (a.isEmpty() ? "reference" : "current")
                    + " values were summarised by a sketch, which keeps no count per value");
        }
        TreeSet<Object> union = new TreeSet<>(KEY_ORDER);
        union.addAll(a.get().keySet());
        union.addAll(b.get().keySet());
        return method.apply(List.copyOf(union), a.get(), ref.values(), b.get(), cur.values());
    }

    /**
     * Evidently's chi-square: observed = current counts, expected = reference counts × n_current / n_reference,
     * over the categories of both sides; p = chi2.sf(statistic, categories − 1).
     */
    private static Computed chiSquare(List<Object> keys, Map<Object, Long> ref, long n1, Map<Object, Long> cur,
                                      long n2) {
        if (keys.size() < 2) {
            return Computed.undefined("a single value on both sides: the chi-square test has no degree of freedom");
        }
        double norm = (double) n2 / n1;
        double statistic = 0;
        Optional<Object> unexpected = Optional.empty();
        for (Object key : keys) {
            double expected = ref.getOrDefault(key, 0L) * norm;
            double observed = cur.getOrDefault(key, 0L);
            if (expected == 0) {
                unexpected = Optional.of(key);
            } else {
                statistic += (observed - expected) * (observed - expected) / expected;
            }
        }
        if (unexpected.isPresent()) {
            // scipy: (observed − 0)² / 0 = ∞, and chi2.sf(∞) = 0.
            return new Computed(DriftValue.undefined("value '" + display(unexpected.get())
                    + "' is absent from the reference: its expected count is 0, the statistic infinite"),
                    Optional.of(DriftValue.of(0.0)), Optional.empty());
        }
        double p = Gamma.regularizedGammaQ((keys.size() - 1) / 2.0, statistic / 2);
        return new Computed(DriftValue.of(statistic), Optional.of(DriftValue.of(p)), Optional.empty());
    }

    /**
     * Evidently's two-proportion z-test: the first value (sorted) against all others,
     * z = (p1 − p2) / √(P(1 − P)(1/n1 + 1/n2)), p = 2(1 − Φ(|z|)).
     */
    private static Computed zTest(List<Object> keys, Map<Object, Long> ref, long n1, Map<Object, Long> cur,
                                  long n2) {
        if (keys.size() < 2) {
            return Computed.undefined("a single value (" + display(keys.get(0))
                    + ") on both sides: the z statistic is 0/0");
        }
        Object first = keys.get(0);
        double p1 = (double) (n1 - ref.getOrDefault(first, 0L)) / n1;
        double p2 = (double) (n2 - cur.getOrDefault(first, 0L)) / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double p = Erf.erfc(Math.abs(z) / Math.sqrt(2));
        return new Computed(DriftValue.of(z), Optional.of(DriftValue.of(p)), Optional.empty());
    }

    static String display(Object key) {
        return key instanceof Double d ? (d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue())
                : d.toString()) : key.toString();
    }

    // ---- binned methods ----

    private record Shares(double[] reference, double[] current, Optional<ErrorBound> bound) {
    }

    /** Evidently's {@code get_binned_data}: shares per bin (numeric reference of > 20 values) or per value. */
    private static Optional<Shares> shares(ColumnSummary ref, ColumnSummary cur, boolean fillEmpty,
                                           String[] whyNot) {
        double[] r;
        double[] c;
        Optional<ErrorBound> bound = Optional.empty();
        if (ref instanceof NumericSummary nr && distinctOf(nr) > BINNED_ABOVE) {
            NumericDistribution a = nr.distribution();
            NumericDistribution b = numeric(cur);
            double[] edges = Binning.sturgesEdges(a.count() + b.count(), Math.min(a.min(), b.min()),
                    Math.max(a.max(), b.max()));
            r = divide(Binning.counts(a, edges), a.count());
            c = divide(Binning.counts(b, edges), b.count());
            bound = rankError(a, b).map(e -> new ErrorBound(e, OptionalDouble.empty()));
        } else {
            Optional<TreeMap<Object, Long>> a = categories(ref);
            Optional<TreeMap<Object, Long>> b = categories(cur);
            if (a.isEmpty() || b.isEmpty()) {
                whyNot[0] = "the reference has at most " + BINNED_ABOVE + " distinct values, so Evidently compares"
                        + " values, but the current values were summarised by a sketch, which keeps no count per value";
                return Optional.empty();
            }
            TreeSet<Object> union = new TreeSet<>(KEY_ORDER);
            union.addAll(a.get().keySet());
            union.addAll(b.get().keySet());
            r = new double[union.size()];
            c = new double[union.size()];
            int i = 0;
            for (Object key : union) {
                r[i] = (double) a.get().getOrDefault(key, 0L) / ref.values();
                c[i++] = (double) b.get().getOrDefault(key, 0L) / cur.values();
            }
        }
        if (fillEmpty) {
            Binning.replaceEmpty(r);
            Binning.replaceEmpty(c);
        }
        return Optional.of(new Shares(r, c, bound));
    }

    static long distinctOf(NumericSummary s) {
        return s.distribution() instanceof ExactValues e ? e.size() : Long.MAX_VALUE;
    }

    private static double[] divide(double[] counts, long n) {
        double[] r = new double[counts.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = counts[i] / n;
        }
        return r;
    }

    private static Computed binned(DriftMethod method, ColumnSummary ref, ColumnSummary cur) {
        String[] whyNot = new String[1];
        Optional<Shares> shares = shares(ref, cur, method != DriftMethod.JENSEN_SHANNON, whyNot);
        if (shares.isEmpty()) {
            return Computed.undefined(whyNot[0]);
        }
        double[] r = shares.get().reference();
        double[] c = shares.get().current();
        double value = switch (method) {
            case PSI -> psi(r, c);
            case KL_DIVERGENCE -> klDivergence(r, c);
            default -> jensenShannon(r, c);
        };
        return Computed.distance(value, shares.get().bound());
    }

    /** PSI = Σ (r_i − c_i) ln(r_i / c_i). */
    private static double psi(double[] r, double[] c) {
        double sum = 0;
        for (int i = 0; i < r.length; i++) {
            sum += (r[i] - c[i]) * Math.log(r[i] / c[i]);
        }
        return sum;
    }

    /** scipy's {@code entropy(r, c)}: both normalised to sum 1, then Σ p_i ln(p_i / q_i). */
    private static double klDivergence(double[] r, double[] c) {
        double[] p = normalised(r);
        double[] q = normalised(c);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += relativeEntropy(p[i], q[i]);
        }
        return sum;
    }

    /** scipy's {@code jensenshannon(r, c)}: √((Σ rel_entr(p, m) + Σ rel_entr(q, m)) / 2), m = (p + q) / 2. */
    private static double jensenShannon(double[] r, double[] c) {
        double[] p = normalised(r);
        double[] q = normalised(c);
        double left = 0;
        double right = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2.0;
            left += relativeEntropy(p[i], m);
            right += relativeEntropy(q[i], m);
        }
        return Math.sqrt(Math.max(left + right, 0) / 2.0);
    }

    /** scipy's {@code rel_entr}: x ln(x / y), 0 where x is 0 (y is never 0 where x is not, here). */
    private static double relativeEntropy(double x, double y) {
        return x == 0 ? 0 : x * Math.log(x / y);
    }

    private static double[] normalised(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] / sum;
        }
        return r;
    }

    /**
     * Evidently's Hellinger distance: √(1 − Σ √(p_i q_i)) over category shares; for a numeric column over
     * densities of 'sturges' bins laid over the distinct values of both sides, each product times the bin width.
     */
    private static Computed hellinger(ColumnSummary ref, ColumnSummary cur) {
        double affinity = 0;
        if (ref instanceof CategoricalSummary) {
            Optional<Shares> shares = shares(ref, cur, false, new String[1]);
            double[] p = shares.orElseThrow().reference();
            double[] q = shares.get().current();
            for (int i = 0; i < p.length; i++) {
                affinity += Math.sqrt(p[i] * q[i]);
            }
        } else {
            Optional<TreeMap<Object, Long>> a = categories(ref);
            Optional<TreeMap<Object, Long>> b = categories(cur);
            if (a.isEmpty() || b.isEmpty()) {
                return Computed.undefined("Evidently bins the Hellinger distance by the number of distinct values,"
                        + " which a sketch does not keep");
            }
            TreeSet<Object> union = new TreeSet<>(KEY_ORDER);
            union.addAll(a.get().keySet());
            union.addAll(b.get().keySet());
            double[] edges = Binning.sturgesEdges(union.size(), (Double) union.first(), (Double) union.last());
            double[] h1 = density(Binning.counts(numeric(ref), edges), edges);
            double[] h2 = density(Binning.counts(numeric(cur), edges), edges);
            double width = (edges[edges.length - 1] - edges[0]) / (edges.length - 1);
            for (int i = 0; i < h1.length; i++) {
                affinity += Math.sqrt(h1[i] * h2[i]) * width;
            }
        }
        affinity = Math.min(1, Math.max(0, affinity));
        return Computed.distance(Math.sqrt(1 - affinity), Optional.empty());
    }

    /** numpy's {@code histogram(density=True)}: count / bin width / total. */
    private static double[] density(double[] counts, double[] edges) {
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        double[] d = new double[counts.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = counts[i] / (edges[i + 1] - edges[i]) / total;
        }
        return d;
    }
}
