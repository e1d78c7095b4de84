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
        addScaled(other, 0);
    }

    /** Adds {@code other} times 2^powerOfTwo: exact but for what falls below double's range. */
    void addScaled(CompensatedSum other, int powerOfTwo) {
        // read both parts first: other may be this
        double otherSum = Math.scalb(other.sum, powerOfTwo);
        double otherCompensation = Math.scalb(other.compensation, powerOfTwo);
        add(otherSum);
        add(otherCompensation);
    }

    /** Multiplies the sum by 2^powerOfTwo: exact but for what falls below double's range. */
    void scale(int powerOfTwo) {
        sum = Math.scalb(sum, powerOfTwo);
        compensation = Math.scalb(compensation, powerOfTwo);
    }

    double value() {
        return sum + compensation;
    }
}
