package io.mlgates.core.metrics;

/**
 * A running sum with Neumaier's compensation (improved Kahan summation): the rounding error of every addition is
 * carried in a second term, so that ten million additions stay accurate to a few units in the last place instead of
 * drifting by the number of terms times the unit roundoff. Mergeable. Not thread-safe.
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

    void add(CompensatedSum other) {
        // read both parts first: other may be this
        double otherSum = other.sum;
        double otherCompensation = other.compensation;
        add(otherSum);
        add(otherCompensation);
    }

    double value() {
        return sum + compensation;
    }
}
