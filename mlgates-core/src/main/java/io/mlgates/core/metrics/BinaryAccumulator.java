package io.mlgates.core.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntToLongFunction;

/**
 * Binary classification metrics from one streaming pass; mergeable.
 *
 * <p>Confusion counts, log loss, Brier score and the calibration bins are streaming sums. The exact rank metrics
 * (roc_auc, average_precision) keep each row's score as a {@code double} in a {@link ScoreStore} per class (tied
 * scores of weight 1 collapsed into counted records, spilled to disk past the {@link ScoreBudget}), so that they equal
 * scikit-learn's on the same doubles. Definitions are in {@code docs/metrics.md}; every
 * value that the data leaves undefined is returned as {@link MetricValue#undefined}, never as 0, 1 or NaN.
 *
 * <p>The number of calibration bins is fixed at construction, since the bins are filled while rows stream in;
 * with a score column, {@link #compute(MetricOptions)} requires options with the same number. Not thread-safe: give each thread its own
 * accumulator and {@link #merge} them.
 */
public final class BinaryAccumulator {
    static final String NO_SCORES = "no score column";
    static final String NO_RANK = "rank metrics not requested";
    static final String NO_ROWS = "no rows";
    static final String ALL_WEIGHT_ZERO = "every row has weight 0";

    /** numpy's float64 machine epsilon, the clipping of scikit-learn's log_loss. */
    private static final double LOG_LOSS_EPS = Math.ulp(1.0);

    private final boolean hasScores;
    private final boolean rankMetrics;
    private final int calibrationBins;

    private final WeightTally truePositives = new WeightTally();
    private final WeightTally falsePositives = new WeightTally();
    private final WeightTally trueNegatives = new WeightTally();
    private final WeightTally falseNegatives = new WeightTally();

    // Exact sums (see ExactSum): merged in any order they are the same number, bit for bit, rounded once when read.
    // Weights beyond double's range on the way (1e160 squared) neither overflow nor underflow them.
    /** A plain running total, only to notice cheaply when the exact one may be approaching double's range. */
    private double roughWeight;
    private final ExactSum logLoss = new ExactSum();
    private final ExactSum brier = new ExactSum();
    private final WeightTally[] binWeight;
    private final WeightTally[] binLabel;
    private final ExactSum[] binScore;

    /** The terms of the rows added without shared ones; a run of tied rows computes them once. */
    private final RowTerms ownTerms = new RowTerms();

    /** Where the kept scores spill; an accumulator made {@link #emptyLike} shares it. */
    private final ScoreBudget scoreBudget;
    private final ScoreStore positiveScores;
    private final ScoreStore negativeScores;

    /**
     * Rows of weight 1 not yet in the sums and stores, counted by the number of their score in {@code countedIn}
     * and their label: {@code counts[2 n + 1]} positive rows at score number n, {@code counts[2 n]} negative ones.
     * Both null when no row is counted.
     */
    private DistinctScores countedIn;
    private int[] counts;
    /** The score budget's bytes the counts hold, where the scores are kept for the rank metrics. */
    private long countBytes;
    /** Rows go to the sums and stores one by one: the score budget could not hold the counts. */
    private boolean rowByRow;

    /**
     * An accumulator with {@link MetricOptions#DEFAULTS}' number of calibration bins.
     *
     * @param hasScores the file has a score column (probability of the positive class, in [0,1])
     * @param rankMetrics keep the scores needed for roc_auc and average_precision (exact)
     */
    public BinaryAccumulator(boolean hasScores, boolean rankMetrics) {
        this(hasScores, rankMetrics, MetricOptions.DEFAULTS.calibrationBins());
    }

    /**
     * @param hasScores the file has a score column (probability of the positive class, in [0,1])
     * @param rankMetrics keep the scores needed for roc_auc and average_precision (exact)
     * @param calibrationBins equal-width bins over [0, 1] for ece; {@link #compute} must be given the same number
     */
    public BinaryAccumulator(boolean hasScores, boolean rankMetrics, int calibrationBins) {
        this(hasScores, rankMetrics, calibrationBins, ScoreBudget.defaults());
    }

    /**
     * @param hasScores the file has a score column (probability of the positive class, in [0,1])
     * @param rankMetrics keep the scores needed for roc_auc and average_precision (exact)
     * @param calibrationBins equal-width bins over [0, 1] for ece; {@link #compute} must be given the same number
     * @param scoreBudget the memory the kept scores may take before sorted runs spill to disk; share one among the
     *        accumulators of one evaluation, and close it when the results are computed
     */
    public BinaryAccumulator(boolean hasScores, boolean rankMetrics, int calibrationBins, ScoreBudget scoreBudget) {
        if (calibrationBins < 1) {
            throw new IllegalArgumentException("calibration bins must be at least 1: " + calibrationBins);
        }
        this.hasScores = hasScores;
        this.rankMetrics = rankMetrics;
        this.calibrationBins = calibrationBins;
        this.scoreBudget = scoreBudget;
        int bins = hasScores ? calibrationBins : 0;
        binWeight = tallies(bins);
        binLabel = tallies(bins);
        binScore = sums(bins);
        boolean keepScores = hasScores && rankMetrics;
        positiveScores = keepScores ? new ScoreStore(scoreBudget) : null;
        negativeScores = keepScores ? new ScoreStore(scoreBudget) : null;
    }

    /**
     * Adds one row.
     *
     * @param actualPositive the label
     * @param predictedPositive the predicted label; decides the confusion cell
     * @param score probability of the positive class in [0, 1]; ignored when the accumulator has no scores
     * @param weight 0 or more and finite (1.0 when the file has no weight column); a row of weight 0 is counted and
     *        weighs nothing, as in scikit-learn
     */
    public void add(boolean actualPositive, boolean predictedPositive, double score, double weight) {
        add(actualPositive, predictedPositive, score, weight, ownTerms);
    }

    /**
     * Adds one row, with its terms shared with the other accumulators the row feeds (see {@link RowTerms}).
     *
     * @param terms where the row's log loss and squared error are computed, or found when they are the last row's
     */
    public void add(boolean actualPositive, boolean predictedPositive, double score, double weight, RowTerms terms) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be 0 or more and finite: " + weight);
        }
        if (hasScores && !(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must lie in [0, 1]: " + score);
        }
        roughWeight += weight;
        cell(actualPositive, predictedPositive).add(weight);
        if (roughWeight > Double.MAX_VALUE / 4) {
            requireFiniteTotal();
        }
        if (!hasScores) {
            return;
        }
        // counted only where the scores are kept: a store then sorts distinct scores, not rows (the sums alone cost
        // less row by row than counted, for groups whose rows repeat few of their scores)
        if (weight == 1.0 && positiveScores != null && !rowByRow) {
            DistinctScores table = terms.distinctScores();
            int n = table.number(score);
            if (n >= 0) {
                count(table, n, actualPositive);
                return;
            }
        }
        terms.of(actualPositive, score);
        logLoss.addProduct(weight, terms.logLoss);
        brier.addProduct(weight, terms.squaredError);
        // score * bins >= 0, so the cast is the floor (without Math.floor's cost where it is not an intrinsic)
        int bin = Math.min((int) (score * calibrationBins), calibrationBins - 1);
        binWeight[bin].add(weight);
        if (actualPositive) {
            binLabel[bin].add(weight);
        }
        binScore[bin].addProduct(weight, score);
        // a row of weight 0 moves no rank metric; scikit-learn leaves it out of the curves' thresholds, and so do we
        if (positiveScores != null && weight > 0) {
            (actualPositive ? positiveScores : negativeScores).add(score, weight);
        }
    }

    /** Counts a row of weight 1 at score number {@code n} of {@code table}. */
    private void count(DistinctScores table, int n, boolean actualPositive) {
        if (countedIn != table) {
            settleCounts();
            countedIn = table;
            counts = new int[0];
            table.register(this);
        }
        int i = 2 * n + (actualPositive ? 1 : 0);
        int[] c = counts;
        if (i >= c.length) {
            int length = table.countsLength(i);
            table.grew(length - c.length);
            // the counts stand for kept scores: past the budget they are settled into the stores, which spill
            long more = (long) (length - c.length) * Integer.BYTES;
            scoreBudget.take(more);
            countBytes += more;
            rowByRow = scoreBudget.over();
            c = Arrays.copyOf(c, length);
            counts = c;
        }
        if (++c[i] == Integer.MAX_VALUE || rowByRow) {
            settleCounts(); // a count holds less than 2^31 rows; past the budget, the rows go one by one
        }
    }

    /** Settles the counted rows, if any, into the sums and stores. */
    private void settleCounts() {
        if (countedIn != null) {
            settleCounts(countedIn);
        }
    }

    /**
     * Adds the rows counted against {@code table} to the sums, bins and stores: count times each term, exactly, and
     * one counted record a distinct score and label; nothing when this accumulator counts against another table or
     * none.
     *
     * @return the rows settled and the records (distinct score and label) they made
     */
    long[] settleCounts(DistinctScores table) {
        if (countedIn != table) {
            return new long[2];
        }
        int[] c = counts;
        countedIn = null;
        counts = null;
        scoreBudget.release(countBytes);
        countBytes = 0;
        long rows = 0;
        long records = 0;
        int scores = Math.min(table.size(), c.length / 2);
        for (int n = 0; n < scores; n++) {
            for (int label = 0; label < 2; label++) {
                int k = c[2 * n + label];
                if (k == 0) {
                    continue;
                }
                rows += k;
                records++;
                boolean positive = label == 1;
                double score = table.score(n);
                double w = k; // exact: below 2^31
                logLoss.addProduct(w, table.logLoss(n, positive));
                brier.addProduct(w, table.squaredError(n, positive));
                int bin = Math.min((int) (score * calibrationBins), calibrationBins - 1);
                binWeight[bin].addUnits(k);
                if (positive) {
                    binLabel[bin].addUnits(k);
                }
                binScore[bin].addProduct(w, score);
            }
        }
        if (positiveScores != null) {
            store(table, n -> 2 * n + 1 < c.length ? c[2 * n + 1] : 0, positiveScores);
            store(table, n -> 2 * n < c.length ? c[2 * n] : 0, negativeScores);
        }
        return new long[] {rows, records};
    }

    /**
     * Adds rows of weight 1 counted elsewhere ({@link CountedRows}): {@code c[4 n + 2 label + predicted]} rows at
     * score number n of {@code table} (1 for a positive label, a positive prediction). The same sums, bins and
     * records as adding the rows one by one: count times each term, exactly; a counted record a distinct score.
     *
     * @throws ArithmeticException when the weights pass double's range, as a row's would
     */
    void addCounted(DistinctScores table, long[] c) {
        long rows = 0;
        int scores = Math.min(table.size(), c.length / 4);
        for (int n = 0; n < scores; n++) {
            double score = table.score(n);
            int bin = Math.min((int) (score * calibrationBins), calibrationBins - 1);
            for (int label = 0; label < 2; label++) {
                long notPredicted = c[4 * n + 2 * label];
                long predicted = c[4 * n + 2 * label + 1];
                long k = notPredicted + predicted;
                if (k == 0) {
                    continue;
                }
                boolean positive = label == 1;
                cell(positive, false).addUnits(notPredicted);
                cell(positive, true).addUnits(predicted);
                rows += k;
                if (k >= 1L << 53) {
                    throw new ArithmeticException("more than 2^53 rows at one score");
                }
                double w = k; // exact: below 2^53
                logLoss.addProduct(w, table.logLoss(n, positive));
                brier.addProduct(w, table.squaredError(n, positive));
                binWeight[bin].addUnits(k);
                if (positive) {
                    binLabel[bin].addUnits(k);
                }
                binScore[bin].addProduct(w, score);
            }
        }
        roughWeight += rows;
        requireFiniteTotal();
        if (positiveScores != null) {
            store(table, n -> 4 * n + 3 < c.length ? c[4 * n + 2] + c[4 * n + 3] : 0, positiveScores);
            store(table, n -> 4 * n + 1 < c.length ? c[4 * n] + c[4 * n + 1] : 0, negativeScores);
        }
    }

    /**
     * Hands counted rows of one label to a store as records of distinct scores, ascending.
     *
     * @param rowsAt the rows of the label at a score's number
     */
    private static void store(DistinctScores table, IntToLongFunction rowsAt, ScoreStore store) {
        int[] ascending = table.ascending();
        int records = 0;
        boolean allOne = true;
        for (int n : ascending) {
            long k = rowsAt.applyAsLong(n);
            if (k > 0) {
                records++;
                allOne &= k == 1;
            }
        }
        if (records == 0) {
            return;
        }
        double[] scores = new double[records];
        long[] units = allOne ? null : new long[records];
        long rows = 0;
        int r = 0;
        for (int n : ascending) {
            long k = rowsAt.applyAsLong(n);
            if (k > 0) {
                scores[r] = table.score(n);
                if (units != null) {
                    units[r] = k;
                }
                rows += k;
                r++;
            }
        }
        store.addCounted(scores, units, rows);
    }

    /**
     * The terms of one row that depend on that row alone, its log loss -log(p) (or -log(1 - p)) and squared error
     * (y - p)^2, computed once and shared by the accumulators the row feeds (overall and each group of each
     * sensitive attribute): one logarithm a row instead of one an accumulator. Each term is a double computed from
     * the row alone, so the exact sums of them do not depend on the order of the rows. Not thread-safe: one per
     * thread.
     */
    public static final class RowTerms {
        private double score = Double.NaN;
        private boolean actualPositive;
        private double logLoss;
        private double squaredError;
        /** The distinct scores of the rows of weight 1 these terms met, made on first use. */
        private DistinctScores distinctScores;

        DistinctScores distinctScores() {
            DistinctScores d = distinctScores;
            if (d == null) {
                d = new DistinctScores();
                distinctScores = d;
            }
            return d;
        }

        /** Computes the terms of a row, unless they are those of the row before (the same label and score). */
        void of(boolean actualPositive, double score) {
            // NaN never equals: the first row computes; 0.0 and -0.0 give the same terms
            if (score == this.score && actualPositive == this.actualPositive) {
                return;
            }
            this.score = score;
            this.actualPositive = actualPositive;
            logLoss = logLoss(actualPositive, score);
            squaredError = squaredError(actualPositive, score);
        }

        /** A row's log loss, -log(p) or -log(1 - p), with p clipped as scikit-learn's log_loss clips it. */
        static double logLoss(boolean actualPositive, double score) {
            double clipped = Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, score));
            return -Math.log(actualPositive ? clipped : 1 - clipped);
        }

        /** A row's squared error (y - p)^2. */
        static double squaredError(boolean actualPositive, double score) {
            double residual = (actualPositive ? 1.0 : 0.0) - score;
            return residual * residual;
        }
    }

    /** Adds the rows of another accumulator with the same flags and calibration bins; {@code other} is unchanged. */
    public void merge(BinaryAccumulator other) {
        settleCounts();
        other.settleCounts();
        if (other.hasScores != hasScores || other.rankMetrics != rankMetrics
                || hasScores && other.calibrationBins != calibrationBins) {
            throw new IllegalArgumentException("cannot merge accumulators built differently: hasScores "
                    + hasScores + "/" + other.hasScores + ", rankMetrics " + rankMetrics + "/" + other.rankMetrics
                    + ", calibration bins " + calibrationBins + "/" + other.calibrationBins);
        }
        mergeCounts(other);
        if (positiveScores != null) {
            positiveScores.merge(other.positiveScores);
            negativeScores.merge(other.negativeScores);
        }
    }

    /** Everything but the rank summary. */
    private void mergeCounts(BinaryAccumulator other) {
        truePositives.merge(other.truePositives);
        falsePositives.merge(other.falsePositives);
        trueNegatives.merge(other.trueNegatives);
        falseNegatives.merge(other.falseNegatives);
        roughWeight += other.roughWeight;
        logLoss.add(other.logLoss);
        brier.add(other.brier);
        for (int b = 0; b < binWeight.length; b++) {
            binWeight[b].merge(other.binWeight[b]);
            binLabel[b].merge(other.binLabel[b]);
            binScore[b].add(other.binScore[b]);
        }
        requireFiniteTotal();
    }

    /**
     * This accumulator's counts and sums without its rank summary: what it would hold had it been built without rank
     * metrics (its confusion counts, sums and calibration bins are exact, so the copy is too).
     */
    public BinaryAccumulator withoutRanks() {
        settleCounts();
        BinaryAccumulator copy = new BinaryAccumulator(hasScores, false, calibrationBins, scoreBudget);
        copy.mergeCounts(this);
        return copy;
    }

    /**
     * An empty accumulator built as this one is, with the same score budget: merged into it, this one's spilled
     * runs are shared rather than copied, and they are removed when that budget is closed.
     */
    public BinaryAccumulator emptyLike() {
        return new BinaryAccumulator(hasScores, rankMetrics, calibrationBins, scoreBudget);
    }

    public long rows() {
        return all().rows();
    }

    /** Copies of the confusion cells' tallies: true positives, false positives, true negatives, false negatives. */
    public List<WeightTally> confusion() {
        return List.of(WeightTally.union(truePositives), WeightTally.union(falsePositives),
                WeightTally.union(trueNegatives), WeightTally.union(falseNegatives));
    }

    /** Writes this accumulator's state as an object of the statistics contract (docs/statistics.md). */
    public void writeState(JsonGenerator g) throws IOException {
        settleCounts();
        g.writeStartObject();
        g.writeBooleanField("hasScores", hasScores);
        g.writeBooleanField("rankMetrics", rankMetrics);
        g.writeNumberField("calibrationBins", calibrationBins);
        StateJson.tally(g, "truePositives", truePositives);
        StateJson.tally(g, "falsePositives", falsePositives);
        StateJson.tally(g, "trueNegatives", trueNegatives);
        StateJson.tally(g, "falseNegatives", falseNegatives);
        if (hasScores) {
            StateJson.exact(g, "logLoss", logLoss.exact());
            StateJson.exact(g, "brier", brier.exact());
            g.writeArrayFieldStart("bins");
            for (int b = 0; b < calibrationBins; b++) {
                g.writeStartObject();
                StateJson.tally(g, "rows", binWeight[b]);
                StateJson.tally(g, "positives", binLabel[b]);
                StateJson.exact(g, "scoreSum", binScore[b].exact());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (positiveScores != null) {
            g.writeObjectFieldStart("ranks");
            g.writeFieldName("positives");
            positiveScores.writeGroups(g);
            g.writeFieldName("negatives");
            negativeScores.writeGroups(g);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /**
     * Reads a state written by {@link #writeState}, already checked against the contract's schema.
     *
     * @param pointer the JSON pointer of {@code state}, for messages
     * @throws StateJson.StateException when a value does not hold (a sum that is not exact text, bins that do not
     *     add up to the rows)
     */
    public static BinaryAccumulator readState(JsonNode state, String pointer, ScoreBudget scoreBudget)
            throws StateJson.StateException {
        boolean hasScores = StateJson.flag(state, "hasScores", pointer);
        boolean rankMetrics = StateJson.flag(state, "rankMetrics", pointer);
        long bins = StateJson.count(state, "calibrationBins", pointer);
        if (bins < 1 || bins > MetricOptions.MAX_CALIBRATION_BINS) {
            throw new StateJson.StateException(pointer + "/calibrationBins", "expected 1 to "
                    + MetricOptions.MAX_CALIBRATION_BINS + " bins, got " + bins);
        }
        BinaryAccumulator acc = new BinaryAccumulator(hasScores, rankMetrics, (int) bins, scoreBudget);
        StateJson.tally(state, "truePositives", pointer, acc.truePositives);
        StateJson.tally(state, "falsePositives", pointer, acc.falsePositives);
        StateJson.tally(state, "trueNegatives", pointer, acc.trueNegatives);
        StateJson.tally(state, "falseNegatives", pointer, acc.falseNegatives);
        acc.roughWeight = acc.all().weight();
        if (Double.isInfinite(acc.roughWeight)) {
            throw new StateJson.StateException(pointer, "expected weights adding up to at most "
                    + Double.MAX_VALUE + ", got more");
        }
        if (hasScores) {
            acc.logLoss.add(StateJson.exact(state, "logLoss", pointer));
            acc.brier.add(StateJson.exact(state, "brier", pointer));
            JsonNode binStates = state.path("bins");
            if (binStates.size() != bins) {
                throw new StateJson.StateException(pointer + "/bins", "expected " + bins + " bins, got "
                        + binStates.size());
            }
            long binnedRows = 0;
            for (int b = 0; b < bins; b++) {
                String at = pointer + "/bins/" + b;
                JsonNode bin = binStates.get(b);
                StateJson.tally(bin, "rows", at, acc.binWeight[b]);
                StateJson.tally(bin, "positives", at, acc.binLabel[b]);
                acc.binScore[b].add(StateJson.exact(bin, "scoreSum", at));
                binnedRows += acc.binWeight[b].rows();
            }
            if (binnedRows != acc.rows()) {
                throw new StateJson.StateException(pointer + "/bins", "expected bins holding every row ("
                        + acc.rows() + "), got " + binnedRows);
            }
        }
        if (acc.positiveScores != null) {
            String at = pointer + "/ranks";
            JsonNode ranks = state.path("ranks");
            long positives = acc.positiveScores.readGroups(ranks.path("positives"), at + "/positives");
            long negatives = acc.negativeScores.readGroups(ranks.path("negatives"), at + "/negatives");
            long labelledPositive = acc.truePositives.rows() + acc.falseNegatives.rows();
            long labelledNegative = acc.trueNegatives.rows() + acc.falsePositives.rows();
            if (positives > labelledPositive || negatives > labelledNegative) {
                throw new StateJson.StateException(at, "expected at most the labelled rows in the rank summary ("
                        + labelledPositive + " positive, " + labelledNegative + " negative), got " + positives
                        + " and " + negatives);
            }
        }
        return acc;
    }

    /** The total weight must stay inside double's range: results and bins report it. */
    private void requireFiniteTotal() {
        if (Double.isInfinite(all().weight())) {
            throw new ArithmeticException("the weights add up to more than " + Double.MAX_VALUE
                    + "; divide every weight by the same constant");
        }
    }

    public double weightSum() {
        return all().weight();
    }

    public boolean hasScores() {
        return hasScores;
    }

    /** Whether the scores are kept for the exact rank metrics. */
    public boolean hasRankMetrics() {
        return rankMetrics;
    }

    /** The number of calibration bins this accumulator fills. */
    public int calibrationBins() {
        return calibrationBins;
    }

    /** This accumulator, adding every row to the sums and stores one by one: the reference counting must equal, for tests. */
    BinaryAccumulator rowByRow() {
        settleCounts();
        rowByRow = true;
        return this;
    }

    /** Whether the scores are stored with weights (a weight other than 1 was seen); for tests of the memory rule. */
    boolean storesWeights() {
        return positiveScores != null && (positiveScores.hasWeightStorage() || negativeScores.hasWeightStorage());
    }

    /**
     * Every metric of {@link Metric#of Metric.of(BINARY)}, in that order. May be called any number of times, between
     * adds and merges too.
     *
     * @throws IllegalArgumentException when the accumulator has scores and the options ask for another number of
     *         calibration bins than it was built with
     */
    public Map<String, MetricValue> compute(MetricOptions options) {
        if (hasScores && options.calibrationBins() != calibrationBins) {
            throw new IllegalArgumentException("this accumulator was built with " + calibrationBins
                    + " calibration bins but the options ask for " + options.calibrationBins());
        }
        settleCounts();
        double level = options.confidenceLevel();
        WeightTally all = all();
        WeightTally actualPositive = WeightTally.union(truePositives, falseNegatives);
        WeightTally actualNegative = WeightTally.union(trueNegatives, falsePositives);
        WeightTally predictedPositive = WeightTally.union(truePositives, falsePositives);
        boolean noRows = all.rows() == 0;

        Map<String, MetricValue> out = new LinkedHashMap<>();
        MetricValue accuracy = noRows ? MetricValue.undefined("accuracy", NO_ROWS)
                : all.weight() == 0 ? MetricValue.undefined("accuracy", ALL_WEIGHT_ZERO)
                : proportion("accuracy", WeightTally.union(truePositives, trueNegatives), all, level);
        MetricValue precision = weightless(predictedPositive)
                ? MetricValue.undefined("precision", noRows ? NO_ROWS
                : none(predictedPositive, "positive predictions") + ": precision is 0/0")
                : proportion("precision", truePositives, predictedPositive, level);
        MetricValue recall = weightless(actualPositive)
                ? MetricValue.undefined("recall", noRows ? NO_ROWS
                : none(actualPositive, "positive labels") + ": recall is 0/0")
                : proportion("recall", truePositives, actualPositive, level);
        MetricValue specificity = weightless(actualNegative)
                ? MetricValue.undefined("specificity", noRows ? NO_ROWS
                : none(actualNegative, "negative labels") + ": specificity is 0/0")
                : proportion("specificity", trueNegatives, actualNegative, level);
        out.put("accuracy", accuracy);
        out.put("balanced_accuracy", balancedAccuracy(noRows, recall, specificity));
        out.put("precision", precision);
        out.put("recall", recall);
        out.put("specificity", specificity);
        out.put("f1", noRows ? MetricValue.undefined("f1", NO_ROWS)
                : weightless(actualPositive) && weightless(predictedPositive)
                ? MetricValue.undefined("f1", none(actualPositive, "positive labels") + " and "
                + none(predictedPositive, "positive predictions") + ": f1 is 0/0")
                : MetricValue.of("f1", Math.min(1, 2 * truePositives.fractionOf(
                        WeightTally.union(truePositives, truePositives, falsePositives, falseNegatives)))));
        putRankMetrics(out, actualPositive, actualNegative, noRows, level);
        putScoreMetrics(out, noRows);
        return Collections.unmodifiableMap(out);
    }

    /** No rows, or rows that all weigh 0: a proportion over them is 0/0. */
    private static boolean weightless(WeightTally rows) {
        return !(rows.weight() > 0);
    }

    /** "no positive labels", or "the positive labels all have weight 0" when there are some. */
    private static String none(WeightTally rows, String what) {
        return rows.rows() == 0 ? "no " + what : "the " + what + " all have weight 0";
    }

    /**
     * The ROC and precision-recall curves and the calibration bins, bounded in size (see {@link ScoreCurves});
     * empty without a score column. The operating points need the stored scores: without rank metrics, or without
     * both classes, they are undefined and the reason is given. May be called any number of times.
     */
    public Optional<ScoreCurves> curves() {
        if (!hasScores) {
            return Optional.empty();
        }
        settleCounts();
        List<CalibrationBin> bins = new ArrayList<>(calibrationBins);
        for (int b = 0; b < calibrationBins; b++) {
            ExactSum.Exact w = binWeight[b].exactWeight();
            boolean empty = w.signum() == 0; // no rows, or rows of weight 0: the means are 0/0
            bins.add(new CalibrationBin((double) b / calibrationBins, (double) (b + 1) / calibrationBins,
                    binWeight[b].rows(), w.toDouble(),
                    empty ? OptionalDouble.empty() : OptionalDouble.of(Intervals.clamp01(binScore[b].exact().divide(w))),
                    empty ? OptionalDouble.empty() : OptionalDouble.of(Intervals.clamp01(binLabel[b].fractionOf(binWeight[b])))));
        }
        Optional<String> undefined;
        if (!rankMetrics) {
            undefined = Optional.of(NO_RANK);
        } else if (rows() == 0) {
            undefined = Optional.of(NO_ROWS);
        } else if (positiveScores.rows() == 0) {
            undefined = Optional.of(none(WeightTally.union(truePositives, falseNegatives), "positive labels")
                    + ": the ROC and precision-recall curves need both classes");
        } else if (negativeScores.rows() == 0) {
            undefined = Optional.of(none(WeightTally.union(trueNegatives, falsePositives), "negative labels")
                    + ": the ROC and precision-recall curves need both classes");
        } else {
            undefined = Optional.empty();
        }
        List<OperatingPoint> points = undefined.isPresent() ? List.of()
                : OperatingPoints.sample(ScoreGroups.of(positiveScores, negativeScores, unitWeights()),
                ScoreCurves.MAX_POINTS);
        return Optional.of(new ScoreCurves(points, undefined, bins));
    }

    private static MetricValue balancedAccuracy(boolean noRows, MetricValue recall, MetricValue specificity) {
        String name = "balanced_accuracy";
        if (noRows) {
            return MetricValue.undefined(name, NO_ROWS);
        }
        if (!recall.isDefined()) {
            return MetricValue.undefined(name, "no positive labels: balanced_accuracy needs recall, which is 0/0");
        }
        if (!specificity.isDefined()) {
            return MetricValue.undefined(name,
                    "no negative labels: balanced_accuracy needs specificity, which is 0/0");
        }
        return MetricValue.of(name, (recall.value().getAsDouble() + specificity.value().getAsDouble()) / 2);
    }

    private void putRankMetrics(Map<String, MetricValue> out, WeightTally actualPositive,
                                WeightTally actualNegative, boolean noRows, double level) {
        String auc = "roc_auc";
        String ap = "average_precision";
        if (!hasScores) {
            out.put(auc, MetricValue.undefined(auc, NO_SCORES));
            out.put(ap, MetricValue.undefined(ap, NO_SCORES));
            return;
        }
        if (!rankMetrics) {
            out.put(auc, MetricValue.undefined(auc, NO_RANK));
            out.put(ap, MetricValue.undefined(ap, NO_RANK));
            return;
        }
        if (noRows) {
            out.put(auc, MetricValue.undefined(auc, NO_ROWS));
            out.put(ap, MetricValue.undefined(ap, NO_ROWS));
            return;
        }
        RankMetrics rank = RankMetrics.of(ScoreGroups.of(positiveScores, negativeScores,
                actualPositive.unitWeights() && actualNegative.unitWeights()));
        if (weightless(actualPositive)) {
            out.put(auc, MetricValue.undefined(auc, none(actualPositive, "positive labels")
                    + ": roc_auc needs both classes"));
        } else if (weightless(actualNegative)) {
            out.put(auc, MetricValue.undefined(auc, none(actualNegative, "negative labels")
                    + ": roc_auc needs both classes"));
        } else {
            MetricValue value = MetricValue.of(auc, rank.auc().orElseThrow());
            out.put(auc, rank.aucInterval(level).map(value::withInterval).orElse(value));
        }
        out.put(ap, rank.averagePrecision()
                .map(v -> MetricValue.of(ap, v))
                .orElseGet(() -> MetricValue.undefined(ap, none(actualPositive, "positive labels")
                        + ": average_precision is 0/0")));
    }

    private void putScoreMetrics(Map<String, MetricValue> out, boolean noRows) {
        for (String name : new String[] {"log_loss", "brier", "ece"}) {
            if (!hasScores) {
                out.put(name, MetricValue.undefined(name, NO_SCORES));
            } else if (noRows) {
                out.put(name, MetricValue.undefined(name, NO_ROWS));
            }
        }
        if (!hasScores || noRows) {
            return;
        }
        ExactSum.Exact totalWeight = all().exactWeight();
        if (totalWeight.signum() == 0) {
            for (String name : new String[] {"log_loss", "brier", "ece"}) {
                out.put(name, MetricValue.undefined(name, ALL_WEIGHT_ZERO));
            }
            return;
        }
        out.put("log_loss", MetricValue.of("log_loss", logLoss.exact().divide(totalWeight)));
        out.put("brier", MetricValue.of("brier", brier.exact().divide(totalWeight)));
        CompensatedSum ece = new CompensatedSum(); // ten or so terms, in bin order
        for (int b = 0; b < calibrationBins; b++) {
            ExactSum.Exact w = binWeight[b].exactWeight();
            if (w.signum() != 0) {
                double meanLabel = binLabel[b].fractionOf(binWeight[b]);
                double meanScore = binScore[b].exact().divide(w);
                ece.add(w.divide(totalWeight) * Math.abs(meanLabel - meanScore));
            }
        }
        out.put("ece", MetricValue.of("ece", ece.value()));
    }

    /** A weighted proportion with its Wilson interval over the Kish effective sample size. */
    private static MetricValue proportion(String name, WeightTally successes, WeightTally trials, double level) {
        double p = Math.min(1, successes.fractionOf(trials));
        MetricValue value = MetricValue.of(name, p);
        return Intervals.wilson(p, trials.effectiveRows(), level).map(value::withInterval).orElse(value);
    }

    private boolean unitWeights() {
        return all().unitWeights();
    }

    private WeightTally all() {
        return WeightTally.union(truePositives, falsePositives, trueNegatives, falseNegatives);
    }

    private WeightTally cell(boolean actualPositive, boolean predictedPositive) {
        if (actualPositive) {
            return predictedPositive ? truePositives : falseNegatives;
        }
        return predictedPositive ? falsePositives : trueNegatives;
    }

    private static WeightTally[] tallies(int n) {
        WeightTally[] tallies = new WeightTally[n];
        for (int i = 0; i < n; i++) {
            tallies[i] = new WeightTally();
        }
        return tallies;
    }

    private static ExactSum[] sums(int n) {
        ExactSum[] sums = new ExactSum[n];
        for (int i = 0; i < n; i++) {
            sums[i] = new ExactSum();
        }
        return sums;
    }
}
