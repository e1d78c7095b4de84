package io.mlgates.core.metrics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regression metrics from one streaming pass over (target, predicted, weight); mergeable, constant memory.
 *
 * <p>Every sum is exact ({@link ExactSum}): the weight, and the products w t, w t^2, w t p and w p^2 taken without
 * rounding, from which the squared error (sum w (t - p)^2 = sum w t^2 - 2 sum w t p + sum w p^2) and the targets'
 * sum of squared deviations (sum w t^2 - (sum w t)^2 / sum w) are computed exactly, then rounded once. So no finite
 * input overflows or underflows on the way, all-equal targets give a variance of exactly 0, and accumulators merged
 * in any order give the same metrics bit for bit. Only a final value that is itself beyond double's range (an mae
 * above 1.8e308) is reported undefined, with the reason. Definitions are in {@code docs/metrics.md}. Not
 * thread-safe.
 */
public final class RegressionAccumulator {
    private long rows;
    private final ExactSum weight = new ExactSum();
    /** sum w |t - p|, as sum sign(t - p) (w t - w p): exact. */
    private final ExactSum absoluteError = new ExactSum();
    private final ExactSum wt = new ExactSum();
    private final ExactSum wtt = new ExactSum();
    private final ExactSum wtp = new ExactSum();
    private final ExactSum wpp = new ExactSum();
    // mape over the rows with a target other than 0
    private final ExactSum mapeWeight = new ExactSum();
    private final ExactSum percentageError = new ExactSum();
    private long zeroTargets;

    public RegressionAccumulator() {
    }

    /**
     * Adds one row.
     *
     * @param target the true value, finite
     * @param predicted the prediction, finite
     * @param weight 0 or more and finite (1.0 when the file has no weight column); a row of weight 0 weighs nothing
     */
    public void add(double target, double predicted, double weight) {
        if (!Double.isFinite(target) || !Double.isFinite(predicted)) {
            throw new IllegalArgumentException("target and prediction must be finite: " + target + ", " + predicted);
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be 0 or more and finite: " + weight);
        }
        rows++;
        if (target == 0) {
            zeroTargets++;
        }
        if (weight == 0) {
            return; // counted; weighs nothing in any sum
        }
        this.weight.add(weight);
        if (target != predicted) {
            double sign = target > predicted ? 1 : -1;
            absoluteError.addProduct(sign, weight, target);
            absoluteError.addProduct(-sign, weight, predicted);
        }
        wt.addProduct(weight, target);
        wtt.addProduct(weight, target, target);
        wtp.addProduct(weight, target, predicted);
        wpp.addProduct(weight, predicted, predicted);
        if (target != 0) {
            mapeWeight.add(weight);
            // the row's ratio, computed from that row alone; halved when the difference would overflow
            double difference = target - predicted;
            double ratio = Double.isFinite(difference) ? Math.abs(difference) / Math.abs(target)
                    : Math.abs(target / 2 - predicted / 2) / Math.abs(target / 2);
            percentageError.addProduct(weight, ratio);
        }
    }

    /** Adds the rows of another accumulator; {@code other} is unchanged. */
    public void merge(RegressionAccumulator other) {
        long otherRows = other.rows; // read first: other may be this
        long otherZeros = other.zeroTargets;
        weight.add(other.weight);
        absoluteError.add(other.absoluteError);
        wt.add(other.wt);
        wtt.add(other.wtt);
        wtp.add(other.wtp);
        wpp.add(other.wpp);
        mapeWeight.add(other.mapeWeight);
        percentageError.add(other.percentageError);
        rows += otherRows;
        zeroTargets += otherZeros;
    }

    private static final String[] SUMS = {"weight", "absoluteError", "wt", "wtt", "wtp", "wpp", "mapeWeight",
        "percentageError"};

    private ExactSum[] sums() {
        return new ExactSum[] {weight, absoluteError, wt, wtt, wtp, wpp, mapeWeight, percentageError};
    }

    /** Writes this accumulator's state as an object of the statistics contract (docs/statistics.md). */
    public void writeState(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeNumberField("rows", rows);
        g.writeNumberField("zeroTargets", zeroTargets);
        ExactSum[] sums = sums();
        for (int i = 0; i < SUMS.length; i++) {
            StateJson.exact(g, SUMS[i], sums[i].exact());
        }
        g.writeEndObject();
    }

    /** Reads a state written by {@link #writeState}, already checked against the contract's schema. */
    public static RegressionAccumulator readState(JsonNode state, String pointer) throws StateJson.StateException {
        RegressionAccumulator acc = new RegressionAccumulator();
        acc.rows = StateJson.count(state, "rows", pointer);
        acc.zeroTargets = StateJson.count(state, "zeroTargets", pointer);
        if (acc.zeroTargets > acc.rows) {
            throw new StateJson.StateException(pointer + "/zeroTargets", "expected at most rows (" + acc.rows
                    + ") zero targets, got " + acc.zeroTargets);
        }
        ExactSum[] sums = acc.sums();
        for (int i = 0; i < SUMS.length; i++) {
            sums[i].add(StateJson.exact(state, SUMS[i], pointer));
        }
        if (acc.weight.exact().signum() < 0 || acc.mapeWeight.exact().signum() < 0) {
            throw new StateJson.StateException(pointer + "/weight", "expected sums of weights of 0 or more");
        }
        return acc;
    }

    public long rows() {
        return rows;
    }

    /** The sum of the weights; infinite only where it exceeds double's range. */
    public double weightSum() {
        return weight.value();
    }

    /**
     * mae, rmse, r2, mape, then mape_zero_targets: the count of rows skipped by mape ({@link Metric} order).
     */
    public Map<String, MetricValue> compute(MetricOptions options) {
        Map<String, MetricValue> out = new LinkedHashMap<>();
        ExactSum.Exact w = weight.exact();
        if (rows == 0 || w.signum() == 0) {
            for (String name : Metric.names(TaskType.REGRESSION)) {
                out.put(name, MetricValue.undefined(name,
                        rows == 0 ? BinaryAccumulator.NO_ROWS : BinaryAccumulator.ALL_WEIGHT_ZERO));
            }
        } else {
            ExactSum.Exact tt = wtt.exact();
            ExactSum.Exact sumT = wt.exact();
            ExactSum.Exact sse = tt.add(wtp.exact().scale(1).negate()).add(wpp.exact());
            out.put("mae", finite("mae", absoluteError.exact().divide(w)));
            out.put("rmse", finite("rmse", sqrtOfRatio(sse, w)));
            // (sum w t^2 - (sum w t)^2 / W) W: the targets' squared deviations times W, exactly
            ExactSum.Exact sstTimesW = tt.multiply(w).add(sumT.multiply(sumT).negate());
            out.put("r2", sstTimesW.signum() > 0 ? finite("r2", 1 - sse.multiply(w).divide(sstTimesW))
                    : MetricValue.undefined("r2", rows == 1
                    ? "a single row: r2 divides by the variance of the targets, which is 0"
                    : "all targets are equal: r2 divides by their variance, which is 0"));
            out.put("mape", !mapeWeight.isZero() ? finite("mape", percentageError.ratioTo(mapeWeight))
                    : MetricValue.undefined("mape", "every target is 0: mape divides by the target"));
        }
        String zero = Metric.MAPE_ZERO_TARGETS.id();
        out.put(zero, MetricValue.of(zero, zeroTargets));
        return Collections.unmodifiableMap(out);
    }

    /** sqrt(a / b) for a >= 0, b > 0, taken on a / b scaled near 1 by an even power of two: no overflow on the way. */
    private static double sqrtOfRatio(ExactSum.Exact a, ExactSum.Exact b) {
        if (a.signum() == 0) {
            return 0;
        }
        long top = (long) a.exponent() + a.mantissa().bitLength() - b.exponent() - b.mantissa().bitLength();
        int half = (int) Math.floorDiv(top, 2);
        return Math.scalb(Math.sqrt(a.scale(-2 * half).divide(b)), half);
    }

    private static MetricValue finite(String name, double value) {
        if (!Double.isFinite(value)) {
            return MetricValue.undefined(name, name + " is beyond double precision's range (about 1.8e308)");
        }
        return MetricValue.of(name, value);
    }
}
