package io.mlgates.core.metrics;

import java.io.Closeable;
import java.util.function.Supplier;

/**
 * The distinct scores of both classes, highest first, each with the rows of each class scoring exactly it and the
 * exact sum of their weights: all the rank metrics and curves need, and nothing that depends on the order in which
 * the rows came. The walk can be taken any number of times.
 */
final class ScoreGroups {
    private final Supplier<Cursor> cursors;
    private final ExactSum.Exact positiveTotal;
    private final ExactSum.Exact negativeTotal;
    private final long positiveRows;
    private final long negativeRows;
    private final boolean unitWeights;

    /**
     * @param unitWeights whether every weight of the rows behind these scores is 1, so that DeLong's placement values
     *     apply
     */
    ScoreGroups(Supplier<Cursor> cursors, ExactSum.Exact positiveTotal, ExactSum.Exact negativeTotal,
                long positiveRows, long negativeRows, boolean unitWeights) {
        this.cursors = cursors;
        this.positiveTotal = positiveTotal;
        this.negativeTotal = negativeTotal;
        this.positiveRows = positiveRows;
        this.negativeRows = negativeRows;
        this.unitWeights = unitWeights;
    }

    /** The groups of two stores' scores. */
    static ScoreGroups of(ScoreStore positives, ScoreStore negatives, boolean unitWeights) {
        return new ScoreGroups(() -> new StoreCursor(positives.descending(), negatives.descending()),
                positives.totalWeight(), negatives.totalWeight(), positives.rows(), negatives.rows(), unitWeights);
    }

    long positiveRows() {
        return positiveRows;
    }

    long negativeRows() {
        return negativeRows;
    }

    boolean unitWeights() {
        return unitWeights;
    }

    RankMetrics.Scale scale() {
        return new RankMetrics.Scale(positiveTotal, negativeTotal);
    }

    /**
     * Visits each distinct score from the highest down, with the scaled weights scoring above it and at or above
     * it: the one walk that the rank metrics and the curves share. The cumulative weights never decrease from one
     * score to the next, whatever the rounding, so that the curves built on them are monotone.
     */
    void walk(RankMetrics.ScoreGroupVisitor visitor) {
        RankMetrics.Scale scale = scale();
        try (Cursor c = cursors.get()) {
            CompensatedSum tpSum = new CompensatedSum();
            CompensatedSum fpSum = new CompensatedSum();
            double tpAbove = 0;
            double fpAbove = 0;
            boolean more = c.next();
            while (more) {
                tpSum.add(c.positiveWeight(scale.positiveExponent));
                fpSum.add(c.negativeWeight(scale.negativeExponent));
                double tpAt = Math.max(tpAbove, tpSum.value());
                double fpAt = Math.max(fpAbove, fpSum.value());
                double score = c.score();
                long positives = c.positives();
                long negatives = c.negatives();
                more = c.next();
                visitor.group(score, positives, negatives, tpAbove, tpAt, fpAbove, fpAt, !more);
                tpAbove = tpAt;
                fpAbove = fpAt;
            }
        }
    }

    /** One distinct score at a time, highest first. */
    interface Cursor extends Closeable {
        boolean next();

        double score();

        long positives();

        long negatives();

        /** The positives' weight at this score times 2^-exponent, from the exact sum, rounded once. */
        double positiveWeight(int exponent);

        /** The negatives' weight at this score times 2^-exponent, from the exact sum, rounded once. */
        double negativeWeight(int exponent);

        @Override
        void close();
    }

    /**
     * The rows of one class at one score: a count of the rows of weight 1, and the exact sum of the others' weights
     * (no sum while there is one).
     */
    static final class GroupWeight {
        private long rows;
        private long units;
        /** Records of weighted rows added: their weights are {@code single}, {@code second}, a sum from the third. */
        private long records;
        private double single;
        private double second;
        private ExactSum sum;

        /** The exact sum; for a group whose weights are all 1, the row count. */
        ExactSum.Exact exact() {
            ExactSum.Exact unit = units == 0 ? ExactSum.Exact.ZERO
                    : ExactSum.Exact.of(java.math.BigInteger.valueOf(units), 0);
            if (records == 0) {
                return unit;
            }
            ExactSum.Exact weights;
            if (sum != null) {
                weights = sum.exact();
            } else {
                ExactSum s = new ExactSum();
                s.add(single);
                if (records == 2) {
                    s.add(second);
                }
                weights = s.exact();
            }
            return weights.add(unit);
        }

        boolean allUnit() {
            return records == 0;
        }

        void reset() {
            rows = 0;
            units = 0;
            records = 0;
            sum = null;
        }

        /**
         * Adds a record of {@link ScoreStore.Cursor}: {@code unitRows} rows of weight 1, or (negative)
         * {@code -unitRows} rows whose weights sum to {@code w}.
         */
        void add(long unitRows, double w) {
            if (unitRows > 0) {
                rows += unitRows;
                units += unitRows;
                return;
            }
            if (records == 0) {
                single = w;
            } else if (records == 1) {
                second = w;
            } else {
                if (sum == null) {
                    sum = new ExactSum();
                    sum.add(single);
                    sum.add(second);
                }
                sum.add(w);
            }
            records++;
            rows -= unitRows;
        }

        long rows() {
            return rows;
        }

        double scaled(int exponent) {
            if (rows == 0) {
                return 0;
            }
            if (records == 0 && Math.getExponent((double) rows) - exponent > Double.MIN_EXPONENT) {
                return Math.scalb((double) rows, -exponent); // exact: rows < 2^53 and the result is normal
            }
            if (units == 0 && records == 1 && single > 0
                    && Math.getExponent(single) - exponent > Double.MIN_EXPONENT) {
                return Math.scalb(single, -exponent); // exact, so equal to the rounded exact sum
            }
            if (units == 0 && records == 2) {
                // a sum of two doubles is rounded once by the addition; scaled exactly while it and the result are
                // normal, so equal to the rounded exact sum (a weight past a double's precision: two slices)
                double both = single + second;
                if (both > 0 && both < Double.POSITIVE_INFINITY && Math.getExponent(both) > Double.MIN_EXPONENT
                        && Math.getExponent(both) - exponent > Double.MIN_EXPONENT) {
                    return Math.scalb(both, -exponent);
                }
            }
            return exact().scale(-exponent).toDouble();
        }
    }

    /** Groups two class cursors by score. */
    private static final class StoreCursor implements Cursor {
        private final ScoreStore.Cursor positives;
        private final ScoreStore.Cursor negatives;
        private boolean hasP;
        private boolean hasN;
        private final GroupWeight p = new GroupWeight();
        private final GroupWeight n = new GroupWeight();
        private double score;

        StoreCursor(ScoreStore.Cursor positives, ScoreStore.Cursor negatives) {
            this.positives = positives;
            this.negatives = negatives;
            hasP = positives.next();
            hasN = negatives.next();
        }

        @Override
        public boolean next() {
            if (!hasP && !hasN) {
                return false;
            }
            score = !hasP ? negatives.score() : !hasN ? positives.score()
                    : Math.max(positives.score(), negatives.score());
            p.reset();
            while (hasP && positives.score() == score) {
                p.add(positives.units(), positives.weight());
                hasP = positives.next();
            }
            n.reset();
            while (hasN && negatives.score() == score) {
                n.add(negatives.units(), negatives.weight());
                hasN = negatives.next();
            }
            return true;
        }

        @Override
        public double score() {
            return score;
        }

        @Override
        public long positives() {
            return p.rows();
        }

        @Override
        public long negatives() {
            return n.rows();
        }

        @Override
        public double positiveWeight(int exponent) {
            return p.scaled(exponent);
        }

        @Override
        public double negativeWeight(int exponent) {
            return n.scaled(exponent);
        }

        @Override
        public void close() {
            try {
                positives.close();
            } finally {
                negatives.close();
            }
        }
    }
}
