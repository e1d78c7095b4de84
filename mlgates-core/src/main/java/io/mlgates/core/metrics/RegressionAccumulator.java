package io.mlgates.core.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regression metrics from one streaming pass over (target, predicted, weight); mergeable, constant memory.
 *
 * <p>Sums use Neumaier's compensated summation, and the weighted variance of the targets (the denominator of r2) is
 * accumulated with West's weighted form of Welford's update and merged with Chan's formula, so that ten million rows
 * around a large mean stay accurate. Definitions are in {@code docs/metrics.md}. Not thread-safe.
 *
 * <p>Every sum is kept in scaled units, so that no finite input overflows or underflows on the way: values (targets
 * and predictions) in units of 2^valueExponent, above the largest magnitude seen, and weights in units of
 * 2^weightExponent, the exponent of the largest weight seen. Both only rise, and a rise rescales the sums by a power
 * of two, which is exact. A target minus a prediction of 1e308 and -1e308, or the square of an error times a weight
 * of 1e160, then stays inside double's range; only a final value that is itself beyond it (an mae above 1.8e308) is
 * reported undefined, with the reason.
 */
public final class RegressionAccumulator {
    /** Below the exponent of any double: the scale before any value or weight other than 0. */
    private static final int NONE = -1100;

    private long rows;
    private int valueExponent = NONE;
    private int weightExponent = NONE;
    // in units of 2^weightExponent
    private final CompensatedSum weight = new CompensatedSum();
    // in units of 2^(weightExponent + valueExponent)
    private final CompensatedSum absoluteError = new CompensatedSum();
    // in units of 2^(weightExponent + 2 valueExponent)
    private final CompensatedSum squaredError = new CompensatedSum();
    // weighted Welford over the targets: mean in units of 2^valueExponent, weight as above, m2 as squaredError
    private double targetMean;
    private final CompensatedSum targetM2 = new CompensatedSum();
    private double welfordWeight;
    // mape over the rows with a target other than 0, in units of 2^weightExponent
    private final CompensatedSum mapeWeight = new CompensatedSum();
    private final CompensatedSum percentageError = new CompensatedSum();
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
        double largest = Math.max(Math.abs(target), Math.abs(predicted));
        rescale(largest > 0 ? Math.getExponent(largest) + 1 : NONE, Math.getExponent(weight));
        double w = Math.scalb(weight, -weightExponent); // below 2
        double t = Math.scalb(target, -valueExponent); // |t| < 1
        double p = Math.scalb(predicted, -valueExponent);
        double error = t - p; // |error| < 2: no overflow
        this.weight.add(w);
        absoluteError.add(w * Math.abs(error));
        squaredError.add(w * error * error);

        welfordWeight += w;
        double delta = t - targetMean;
        targetMean += delta * (w / welfordWeight);
        targetM2.add(w * delta * (t - targetMean));

        if (target != 0) {
            mapeWeight.add(w);
            // the ratio of the unscaled values: scaling would lose a tiny target's digits to the largest value's
            double difference = target - predicted;
            double ratio = Double.isFinite(difference) ? Math.abs(difference) / Math.abs(target)
                    : Math.abs(target / 2 - predicted / 2) / Math.abs(target / 2);
            percentageError.add(w * ratio);
        }
    }

    /** Raises the units to 2^values and 2^weights where those are larger, rescaling every sum exactly. */
    private void rescale(int values, int weights) {
        int dv = Math.min(0, valueExponent - values);
        int dw = Math.min(0, weightExponent - weights);
        if (dv == 0 && dw == 0) {
            return;
        }
        weight.scale(dw);
        absoluteError.scale(dw + dv);
        squaredError.scale(dw + 2 * dv);
        targetMean = Math.scalb(targetMean, dv);
        targetM2.scale(dw + 2 * dv);
        welfordWeight = Math.scalb(welfordWeight, dw);
        mapeWeight.scale(dw);
        percentageError.scale(dw);
        valueExponent -= dv;
        weightExponent -= dw;
    }

    /** Adds the rows of another accumulator; {@code other} is unchanged. */
    public void merge(RegressionAccumulator other) {
        if (other.rows == 0) {
            return;
        }
        rescale(other.valueExponent, other.weightExponent);
        // other's sums in this accumulator's units
        int dv = other.valueExponent - valueExponent;
        int dw = other.weightExponent - weightExponent;
        double wb = Math.scalb(other.welfordWeight, dw);
        double meanB = Math.scalb(other.targetMean, dv);

        // Chan, Golub and LeVeque: combine two partial means and sums of squared deviations.
        double wa = welfordWeight;
        double meanA = targetMean;
        double combined = wa + wb;
        double delta = meanB - meanA;
        double m2Correction = combined > 0 ? delta * delta * (wa * wb / combined) : 0;

        rows += other.rows;
        weight.addScaled(other.weight, dw);
        absoluteError.addScaled(other.absoluteError, dw + dv);
        squaredError.addScaled(other.squaredError, dw + 2 * dv);
        targetMean = wa == 0 ? meanB : meanA + delta * (wb / combined);
        welfordWeight = combined;
        targetM2.addScaled(other.targetM2, dw + 2 * dv);
        targetM2.add(m2Correction);
        mapeWeight.addScaled(other.mapeWeight, dw);
        percentageError.addScaled(other.percentageError, dw);
        zeroTargets += other.zeroTargets;
    }

    public long rows() {
        return rows;
    }

    /** The sum of the weights; infinite only where it exceeds double's range. */
    public double weightSum() {
        return Math.scalb(weight.value(), weightExponent);
    }

    /**
     * mae, rmse, r2, mape, then mape_zero_targets: the count of rows skipped by mape ({@link Metric} order).
     */
    public Map<String, MetricValue> compute(MetricOptions options) {
        Map<String, MetricValue> out = new LinkedHashMap<>();
        double w = weight.value();
        if (rows == 0 || !(w > 0)) {
            for (String name : Metric.names(TaskType.REGRESSION)) {
                out.put(name, MetricValue.undefined(name,
                        rows == 0 ? BinaryAccumulator.NO_ROWS : BinaryAccumulator.ALL_WEIGHT_ZERO));
            }
        } else {
            out.put("mae", finite("mae", Math.scalb(absoluteError.value() / w, valueExponent)));
            out.put("rmse", finite("rmse", Math.scalb(Math.sqrt(squaredError.value() / w), valueExponent)));
            double sst = targetM2.value();
            out.put("r2", sst > 0 ? finite("r2", 1 - squaredError.value() / sst)
                    : MetricValue.undefined("r2", rows == 1
                    ? "a single row: r2 divides by the variance of the targets, which is 0"
                    : "all targets are equal: r2 divides by their variance, which is 0"));
            double mw = mapeWeight.value();
            out.put("mape", mw > 0 ? finite("mape", percentageError.value() / mw)
                    : MetricValue.undefined("mape", "every target is 0: mape divides by the target"));
        }
        String zero = Metric.MAPE_ZERO_TARGETS.id();
        out.put(zero, MetricValue.of(zero, zeroTargets));
        return Collections.unmodifiableMap(out);
    }

    private static MetricValue finite(String name, double value) {
        if (!Double.isFinite(value)) {
            return MetricValue.undefined(name, name + " is beyond double precision's range (about 1.8e308)");
        }
        return MetricValue.of(name, value);
    }
}
