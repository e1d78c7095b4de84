package io.mlgates.core.drift;

/**
 * Evidently's bins ({@code get_binned_data}): numpy's 'sturges' edges over both sides' values, and its
 * replacement of empty bins. See docs/drift.md.
 */
final class Binning {
    private Binning() {
    }

    /**
     * numpy's {@code histogram_bin_edges(values, bins='sturges')} for {@code size} values in [first, last]:
     * ⌈ptp / (ptp / (log2(size) + 1))⌉ equal bins ({@code linspace}); one bin of width 1 around a single value.
     */
    static double[] sturgesEdges(long size, double first, double last) {
        if (first == last) {
            first -= 0.5;
            last += 0.5;
            return linspace(first, last, 1);
        }
        double ptp = last - first;
        double width = ptp / (log2(size) + 1.0);
        int bins = (int) Math.ceil(ptp / width);
        return linspace(first, last, bins);
    }

    private static double log2(long n) {
        // Powers of two exactly, as C's log2 gives them; elsewhere an ulp cannot move the ceiling above.
        if (Long.bitCount(n) == 1) {
            return Long.numberOfTrailingZeros(n);
        }
        return Math.log(n) / Math.log(2);
    }

    /** numpy's {@code linspace(start, stop, bins + 1)}: start + i·step, the last edge exactly stop. */
    private static double[] linspace(double start, double stop, int bins) {
        double[] edges = new double[bins + 1];
        double step = (stop - start) / bins;
        for (int i = 0; i < bins; i++) {
            edges[i] = i * step + start;
        }
        edges[bins] = stop;
        return edges;
    }

    /**
     * Values per bin as {@code np.histogram} counts them: [e_i, e_(i+1)), the last bin closed; estimated for a
     * sketch.
     */
    static double[] counts(NumericDistribution values, double[] edges) {
        int bins = edges.length - 1;
        double[] counts = new double[bins];
        for (int i = 0; i < bins; i++) {
            double upTo = i == bins - 1 ? atMost(values, edges[bins]) : below(values, edges[i + 1]);
            counts[i] = upTo - below(values, edges[i]);
        }
        return counts;
    }

    static double atMost(NumericDistribution values, double x) {
        return values instanceof ExactValues exact ? exact.countAtMost(x) : ((QuantileSketch) values).countAtMost(x);
    }

    static double below(NumericDistribution values, double x) {
        return values instanceof ExactValues exact ? exact.countBelow(x) : ((QuantileSketch) values).countBelow(x);
    }

    /**
     * Evidently's replacement of empty bins (its {@code feel_zeroes}): each 0 share becomes the smallest non-zero
     * share / 10^6 when that is at most 0.0001, else 0.0001. Works in place.
     */
    static void replaceEmpty(double[] shares) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double s : shares) {
            if (s != 0) {
                smallest = Math.min(smallest, s);
            }
        }
        double replacement = smallest <= 0.0001 ? smallest / 1e6 : 0.0001;
        for (int i = 0; i < shares.length; i++) {
            if (shares[i] == 0) {
                shares[i] = replacement;
            }
        }
    }
}
