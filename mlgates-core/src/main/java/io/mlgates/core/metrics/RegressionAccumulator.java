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
 */
public final class RegressionAccumulator {
    /** Name of the count of rows that mape skipped because their target is 0. */

    private long rows;
    private final CompensatedSum weight = new CompensatedSum();
    private final CompensatedSum absoluteError = new CompensatedSum();
    private final CompensatedSum squaredError = new CompensatedSum();
    // weighted Welford over the targets
    private double targetMean;
    private final CompensatedSum targetM2 = new CompensatedSum();
    private double welfordWeight;
    // mape over the rows with a target other than 0
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
        double error = target - predicted;
        if (Double.isInfinite(error)) {
            throw new IllegalArgumentException("target minus prediction overflows: " + target + ", " + predicted);
        }
        rows++;
        this.weight.add(weight);
        absoluteError.add(weight * Math.abs(error));
        squaredError.add(weight * error * error);

        if (weight > 0) { // a weight of 0 leaves the mean as it is (and would divide 0 by 0 before any weight)
            welfordWeight += weight;
            double delta = target - targetMean;
            targetMean += delta * (weight / welfordWeight);
            targetM2.add(weight * delta * (target - targetMean));
        }

        if (target == 0) {
            zeroTargets++;
        } else {
            mapeWeight.add(weight);
            percentageError.add(weight * Math.abs(error) / Math.abs(target));
        }
    }

    /** Adds the rows of another accumulator; {@code other} is unchanged. */
    public void merge(RegressionAccumulator other) {
        if (other.rows == 0) {
            return;
        }
        // Chan, Golub and LeVeque: combine two partial means and sums of squared deviations.
        double wa = welfordWeight;
        double wb = other.welfordWeight;
        double meanA = targetMean;
        double meanB = other.targetMean;
        double combined = wa + wb;
        double delta = meanB - meanA;
        double m2Correction = combined > 0 ? delta * delta * (wa * wb / combined) : 0;
        double otherM2 = other.targetM2.value();

        rows += other.rows;
        weight.add(other.weight);
        absoluteError.add(other.absoluteError);
        squaredError.add(other.squaredError);
        targetMean = wa == 0 ? meanB : meanA + delta * (wb / combined);
        welfordWeight = combined;
        targetM2.add(otherM2);
        targetM2.add(m2Correction);
        mapeWeight.add(other.mapeWeight);
        percentageError.add(other.percentageError);
        zeroTargets += other.zeroTargets;
    }

    public long rows() {
        return rows;
    }

    public double weightSum() {
        return weight.value();
    }

    /**
     * mae, rmse, r2, mape, then mape_zero_targets: the count of rows skipped by mape ({@link Metric} order).
     */
    public Map<String, MetricValue> compute(MetricOptions options) {
        Map<String, MetricValue> out = new LinkedHashMap<>();
        if (rows == 0 || !(weight.value() > 0)) {
            for (String name : Metric.names(TaskType.REGRESSION)) {
                out.put(name, MetricValue.undefined(name,
                        rows == 0 ? BinaryAccumulator.NO_ROWS : BinaryAccumulator.ALL_WEIGHT_ZERO));
            }
        } else {
            double w = weight.value();
            out.put("mae", finite("mae", absoluteError.value() / w));
            out.put("rmse", finite("rmse", Math.sqrt(squaredError.value() / w)));
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
            return MetricValue.undefined(name, "the errors are too large for double precision: " + name + " overflows");
        }
        return MetricValue.of(name, value);
    }
}
