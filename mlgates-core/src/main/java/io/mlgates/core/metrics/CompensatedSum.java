package io.mlgates.core.metrics;

/**
 * A running sum with Neumaier's compensation (improved Kahan summation): the rounding error of every addition is
 * carried in a second term, so that ten million additions stay accurate to a few units in the last place instead of
 * drifting by the number of terms times the unit roundoff. Used where the terms come in a fixed order (the bins, the distinct scores); the sums that merge are {@link ExactSum}s. Not thread-safe.
 */
final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(double x) {
        double t = sum + x;
        if (Math.abs(sum) >= Math.abs(x)) {
            compensation += (sum - t) + x;
        } else {
            compensation += (x - t) + sum;
        }
        sum = t;
    }

    double value() {
        return sum + compensation;
    }
}
